/**
 * Routing: from a statement's facts and parameter values to the data nodes it touches
 * ({@link io.shardline.router.route.RouteResult}). No SQL text is produced here; the rewriter does that.
 */
package io.shardline.router.route;

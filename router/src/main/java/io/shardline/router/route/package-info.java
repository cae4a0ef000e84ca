/**
 * Routing: from a statement's facts and parameter values to the data nodes it touches
 * ({@link io.shardline.router.route.RouteResult}). No SQL text is produced here; the rewriter does that.
 *
 * <p>{@link io.shardline.router.route.ShardRouter} is the entry point. It reduces the WHERE tree to conditions on
 * sharding columns (equality, IN, BETWEEN and comparisons under AND/OR; everything else means "no restriction"),
 * asks the database strategy and then, per chosen data source, the table strategy for targets, and refuses with a
 * {@link io.shardline.router.plan.PlanningException} whatever it cannot route correctly. The golden cases in
 * {@code router/src/test/resources/route/*.yaml} are the behaviour's specification.
 */
package io.shardline.router.route;

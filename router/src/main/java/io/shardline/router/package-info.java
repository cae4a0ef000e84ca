/**
 * Sharding rules and algorithms, routing to data nodes, text-splice rewrite, merge cursors and plan
 * descriptions. Arrives with the sharding-core issue; the router never touches JDBC.
 */
package io.shardline.router;

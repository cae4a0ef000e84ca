/**
 * Redundant copies of a sharded table, sharded by a second key (issue #10): the declared rule
 * ({@link io.shardline.consistency.redundancy.RedundantTable}), the row comparison that names a divergence
 * ({@link io.shardline.consistency.redundancy.Divergence}) and the three reconcilers (full scan, incremental from the
 * binlog, real-time pairing of binlog row events) over a narrow {@link io.shardline.consistency.redundancy.RowStore}
 * that the JDBC driver implements with logical connections.
 */
package io.shardline.consistency.redundancy;

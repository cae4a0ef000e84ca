/**
 * Read-your-writes per key. {@link io.shardline.consistency.ryw.KeyExtractor} names the keys a statement reads or
 * writes; {@link io.shardline.consistency.ryw.ReadYourWritesTracker} remembers committed keys with their GTID and a
 * deadline (bounded; overflow coarsens to column marks, never to stale reads);
 * {@link io.shardline.consistency.ryw.ReplicaPoller} learns each replica's applied position
 * ({@code @@gtid_slave_pos}; MySQL: {@code @@global.gtid_executed}), its lag and health, and releases what every
 * replica has applied; {@link io.shardline.consistency.ryw.CausalToken} carries positions between instances.
 * Positions are MariaDB's ({@link io.shardline.consistency.ryw.Gtid}, {@link io.shardline.consistency.ryw.GtidPosition});
 * MySQL's {@code uuid:interval} sets ({@link io.shardline.consistency.ryw.MySqlGtidSet}) are reduced per source to
 * their low-water mark and a stable domain number, so the tracker works unchanged for both
 * ({@link io.shardline.consistency.ryw.ServerFlavor} says which SQL each family speaks). No JDBC routing here: the driver's
 * {@code ReadRouting} wires these into the executor.
 */
package io.shardline.consistency.ryw;

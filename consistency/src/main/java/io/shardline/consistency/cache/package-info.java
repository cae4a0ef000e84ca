/**
 * The result cache of issue #8. {@link io.shardline.consistency.cache.QueryCache} caches point lookups of configured
 * tables (Caffeine, one cache per table, a TTL always) per (table, key, normalized statement, parameters); writes
 * evict their keys at commit, and {@link io.shardline.consistency.cache.BinlogEvictor} evicts them again when each
 * replica applies the row event (from {@link io.shardline.consistency.binlog.BinlogFollower}), which closes the race
 * of a fill that read a lagging replica after the commit's eviction. A per-key generation checked at fill time keeps
 * a fill from putting back a row read before an eviction it raced with. Application caches subscribe with
 * {@link io.shardline.consistency.cache.RowAppliedListener}. No JDBC here: the driver wires it into its statements.
 */
package io.shardline.consistency.cache;

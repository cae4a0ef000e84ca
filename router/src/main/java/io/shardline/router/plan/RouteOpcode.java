package io.shardline.router.plan;

/** How a statement reaches its shards; one switch in the executor resolves each (Vitess RouteOpcode). */
public enum RouteOpcode {
    /** Exactly one data node: the statement runs there with actual table names; no merge. */
    SINGLE,
    /** A subset of data nodes chosen from key values (IN lists, multi-row INSERT split); results merged. */
    MULTI,
    /** Every data node of the table: no usable sharding condition; results merged. */
    SCATTER,
    /** Every data source: broadcast-table writes and DDL go to all, broadcast-table reads to one. */
    BROADCAST,
    /** Nothing to execute, e.g. {@code WHERE id IN ()} or a statement answered without a shard. */
    NONE
}

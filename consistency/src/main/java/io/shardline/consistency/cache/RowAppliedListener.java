package io.shardline.consistency.cache;

import java.util.List;
import java.util.Map;

/**
 * Told about every row a followed replica applies, for application caches (their Redis, say) that want the same
 * eviction Shardline's own cache gets. Called on the follower's thread, in binlog order: return quickly, and do not
 * throw (a throwing listener is logged and skipped).
 */
@FunctionalInterface
public interface RowAppliedListener {

    /**
     * @param table   the logical table (actual shard table names are mapped back through the sharding rule)
     * @param keys    one map per row image (before and after images of an update both), key column (lower case) →
     *                canonical value ({@code io.shardline.consistency.ryw.KeyValues}); key columns are the cache's
     *                for a cached table, else the table's sharding and generated key columns, else every column
     * @param gtid    the transaction's GTID ({@code domain-server-seq}), or empty when unknown
     * @param replica the node whose binlog it came from ({@code dataSource/host:port})
     */
    void onRowApplied(String table, List<Map<String, Object>> keys, String gtid, String replica);
}

package io.shardline.consistency.redundancy;

import java.util.List;
import java.util.Map;

/**
 * What reconcilers need from the databases, for one copy and its source. Rows are maps from lower-case column name
 * to value and hold the copied columns. The JDBC driver implements it with logical connections, so every read and
 * repair routes by the sharding rules.
 */
public interface RowStore {

    /** The declaration. */
    RedundantTable table();

    /** The copied columns (resolved for a full copy). */
    List<String> copiedColumns() throws Exception;

    /** Up to {@code limit} source rows with a key above {@code afterKey} (null: from the start), ascending by key. */
    List<Map<String, Object>> sourceChunk(Object afterKey, int limit) throws Exception;

    /**
     * The copy rows with a key above {@code afterKey} (null: from the start) and at most {@code upToKey} (null: no
     * upper bound), any shard, ascending by key.
     */
    List<Map<String, Object>> copyRange(Object afterKey, Object upToKey) throws Exception;

    /** The source rows (zero or one) and copy rows (any number, any shard) of one key. */
    List<Map<String, Object>> sourceByKey(Object key) throws Exception;

    /** The copy rows of one key, on any shard. */
    List<Map<String, Object>> copyByKey(Object key) throws Exception;

    /**
     * Source wins, for one key, in one transaction: locks the source row, re-reads it, deletes every copy row of the
     * key and writes the copy of the source row. Re-reading under the lock makes a repair racing an application write
     * converge on the committed truth.
     */
    void repair(Object key) throws Exception;

    /** Approximately how many source rows there are (for progress and ETA). */
    long sourceRowEstimate() throws Exception;
}

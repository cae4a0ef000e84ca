package io.shardline.consistency.redundancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A redundant copy declared against its source: {@code copyTable} holds the rows of {@code sourceTable}, sharded by
 * {@code secondKey} instead of the source's sharding columns.
 *
 * @param copyTable             the copy's logical table (sharded by {@code secondKey} in the rules)
 * @param sourceTable           the source's logical table
 * @param keyColumn             the source's primary key (one column; it identifies a row in both tables)
 * @param sourceShardingColumns the source's sharding columns (copied, so a copy row leads back to its source shard)
 * @param secondKey             the copy's sharding column
 * @param columns               the copied columns; empty means every column of the source (a full copy)
 * @param policy                what reconcilers do with a divergence
 */
public record RedundantTable(String copyTable, String sourceTable, String keyColumn,
        List<String> sourceShardingColumns, String secondKey, Optional<List<String>> columns, RepairPolicy policy) {

    public RedundantTable {
        Objects.requireNonNull(copyTable, "copyTable");
        Objects.requireNonNull(sourceTable, "sourceTable");
        Objects.requireNonNull(keyColumn, "keyColumn");
        Objects.requireNonNull(secondKey, "secondKey");
        Objects.requireNonNull(policy, "policy");
        sourceShardingColumns = List.copyOf(sourceShardingColumns);
        columns = columns.map(List::copyOf);
    }

    /** The columns a key-only copy holds: the key, the source's sharding columns and the second key. */
    public List<String> keyColumns() {
        List<String> out = new ArrayList<>();
        add(out, keyColumn);
        for (String c : sourceShardingColumns) {
            add(out, c);
        }
        add(out, secondKey);
        return out;
    }

    /** True for a full copy (every column of the source). */
    public boolean fullCopy() {
        return columns.isEmpty();
    }

    /**
     * The copied columns, resolved against the source's actual columns for a full copy.
     *
     * @param sourceColumns the source table's columns in table order
     */
    public List<String> copiedColumns(List<String> sourceColumns) {
        return columns.orElse(sourceColumns);
    }

    /** Whether a copy with these columns answers a query that needs {@code needed} (case-insensitive). */
    public static boolean covers(List<String> copied, List<String> needed) {
        for (String n : needed) {
            if (indexOf(copied, n) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Case-insensitive index of {@code column} in {@code columns}, or -1. */
    public static int indexOf(List<String> columns, String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    private static void add(List<String> out, String column) {
        if (indexOf(out, column) < 0) {
            out.add(column);
        }
    }
}

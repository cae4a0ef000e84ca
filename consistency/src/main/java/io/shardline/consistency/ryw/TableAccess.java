package io.shardline.consistency.ryw;

import java.util.List;

/**
 * What one statement reads or writes of one logical table, as far as keys go.
 *
 * @param table         the logical table, lower case
 * @param keyColumns    every key column of the table (sharding, generated and configured key columns), lower case
 * @param pinnedColumns key columns the statement pins to a finite set of values, lower case (a subset of
 *                      {@code keyColumns}); empty when no key could be extracted (table granularity)
 * @param pinnedValues  for each pinned column, its canonical values ({@link KeyValues#canonical})
 */
public record TableAccess(String table, List<String> keyColumns, List<String> pinnedColumns,
        List<List<Object>> pinnedValues) {

    public TableAccess {
        keyColumns = List.copyOf(keyColumns);
        pinnedColumns = List.copyOf(pinnedColumns);
        pinnedValues = List.copyOf(pinnedValues);
        if (pinnedColumns.size() != pinnedValues.size()) {
            throw new IllegalArgumentException("pinned columns and values differ in size for table " + table);
        }
    }

    /** Access to the whole table: no key known. */
    public static TableAccess wholeTable(String table, List<String> keyColumns) {
        return new TableAccess(table, keyColumns, List.of(), List.of());
    }

    /** True when no key could be extracted. */
    public boolean wholeTable() {
        return pinnedColumns.isEmpty();
    }
}

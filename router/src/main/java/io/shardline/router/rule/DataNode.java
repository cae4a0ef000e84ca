package io.shardline.router.rule;

import java.util.Objects;

/**
 * One physical table: an actual table in a data source (a master/replica group).
 *
 * @param dataSource the data source name, e.g. {@code ds_0}
 * @param table      the actual table name, e.g. {@code t_order_3}
 */
public record DataNode(String dataSource, String table) {

    /** Rejects blank names and names containing '.', which would make {@link #toString()} ambiguous. */
    public DataNode {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(table, "table");
        if (dataSource.isBlank() || table.isBlank()) {
            throw new IllegalArgumentException("data node needs a data source and a table: '" + dataSource + "." + table + "'");
        }
        if (dataSource.indexOf('.') >= 0 || table.indexOf('.') >= 0) {
            throw new IllegalArgumentException("data node names cannot contain '.': '" + dataSource + "." + table + "'");
        }
    }

    /** Parses {@code ds.table}. */
    public static DataNode parse(String text) {
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1 || text.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException("data node '" + text + "' is not of the form dataSource.table");
        }
        return new DataNode(text.substring(0, dot).trim(), text.substring(dot + 1).trim());
    }

    /** {@code dataSource.table}. */
    @Override
    public String toString() {
        return dataSource + "." + table;
    }
}

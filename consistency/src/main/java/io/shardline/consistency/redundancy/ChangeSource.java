package io.shardline.consistency.redundancy;

import io.shardline.consistency.binlog.BinlogEndpoint;
import io.shardline.consistency.binlog.RowsEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the row events of a copy and its source come from: one binlog endpoint per data source (its master), and per
 * data source the actual table names of the source and of the copy.
 *
 * @param endpoints    the binlogs to follow
 * @param sourceTables data source → the source's actual tables there (lower case)
 * @param copyTables   data source → the copy's actual tables there (lower case)
 */
public record ChangeSource(List<BinlogEndpoint> endpoints, Map<String, Set<String>> sourceTables,
        Map<String, Set<String>> copyTables) {

    /** Which side an event belongs to: the source, the copy, or neither. */
    enum Side { SOURCE, COPY, NONE }

    Side side(RowsEvent e) {
        String ds = e.source().dataSource();
        if (!e.database().equalsIgnoreCase(e.source().database())) {
            return Side.NONE;
        }
        String table = e.table().toLowerCase(Locale.ROOT);
        if (sourceTables.getOrDefault(ds, Set.of()).contains(table)) {
            return Side.SOURCE;
        }
        if (copyTables.getOrDefault(ds, Set.of()).contains(table)) {
            return Side.COPY;
        }
        return Side.NONE;
    }

    /** The distinct keys an event's row images carry. */
    static Set<Object> keys(RowsEvent e, String keyColumn) {
        int i = e.columns().indexOf(keyColumn.toLowerCase(Locale.ROOT));
        if (i < 0) {
            throw new IllegalStateException("Row event of " + e.source().dataSource() + "." + e.table() + " has no "
                    + "column '" + keyColumn + "' (columns " + e.columns() + "); the server needs "
                    + "binlog_row_metadata=FULL");
        }
        Set<Object> keys = new LinkedHashSet<>();
        for (Object[] row : e.rows()) {
            Object k = row[i];
            keys.add(k instanceof Number n ? (Object) Long.valueOf(n.longValue()) : k);
        }
        return keys;
    }
}

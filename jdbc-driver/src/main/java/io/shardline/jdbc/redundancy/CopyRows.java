package io.shardline.jdbc.redundancy;

import io.shardline.consistency.redundancy.RedundantTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Row operations on one copy and its source, run through a logical connection (so they route by the rules and join
 * its transaction). A source row whose second key is NULL has no copy row: the copy cannot be sharded by NULL.
 *
 * @param table  the declaration
 * @param copied the copied columns (resolved for a full copy)
 */
public record CopyRows(RedundantTable table, List<String> copied) {

    /** The source row of a key, read on its own shard (key values hold the key and the source sharding columns). */
    List<Map<String, Object>> sourceRow(Connection c, Map<String, Object> keys, boolean lock) throws SQLException {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Map.Entry<String, Object> e : keys.entrySet()) {
            where.append(where.length() == 0 ? "" : " AND ").append(e.getKey()).append(" = ?");
            params.add(e.getValue());
        }
        return LogicalSql.query(c, "SELECT " + LogicalSql.list(copied) + " FROM " + table.sourceTable() + " WHERE "
                + where + (lock ? " FOR UPDATE" : ""), params);
    }

    /** Every source row with this key, wherever it is (scatter). */
    public List<Map<String, Object>> sourceByKey(Connection c, Object key, boolean lock) throws SQLException {
        return LogicalSql.query(c, "SELECT " + LogicalSql.list(copied) + " FROM " + table.sourceTable() + " WHERE "
                + table.keyColumn() + " = ?" + (lock ? " FOR UPDATE" : ""), List.of(key));
    }

    /** Every copy row with this key, on whichever shard (scatter). */
    public List<Map<String, Object>> copyByKey(Connection c, Object key) throws SQLException {
        return LogicalSql.query(c, "SELECT " + LogicalSql.list(copied) + " FROM " + table.copyTable() + " WHERE "
                + table.keyColumn() + " = ?", List.of(key));
    }

    void insert(Connection c, Map<String, Object> sourceRow) throws SQLException {
        if (LogicalSql.value(sourceRow, table.secondKey()) == null) {
            return;
        }
        List<Object> params = new ArrayList<>(copied.size());
        for (String col : copied) {
            params.add(LogicalSql.value(sourceRow, col));
        }
        LogicalSql.update(c, "INSERT INTO " + table.copyTable() + " (" + LogicalSql.list(copied) + ") VALUES ("
                + LogicalSql.placeholders(copied.size()) + ")", params);
    }

    void delete(Connection c, Map<String, Object> row) throws SQLException {
        Object second = LogicalSql.value(row, table.secondKey());
        if (second == null) {
            return;
        }
        LogicalSql.update(c, "DELETE FROM " + table.copyTable() + " WHERE " + table.secondKey() + " = ? AND "
                + table.keyColumn() + " = ?", List.of(second, LogicalSql.value(row, table.keyColumn())));
    }

    /**
     * Makes the copy of {@code key} equal its source (source wins): deletes every copy row of the key (any shard),
     * then inserts the source row's copy. Run it in a transaction that locked the source row.
     */
    public void rewrite(Connection c, Object key, List<Map<String, Object>> sourceRows) throws SQLException {
        LogicalSql.update(c, "DELETE FROM " + table.copyTable() + " WHERE " + table.keyColumn() + " = ?",
                List.of(key));
        for (Map<String, Object> row : sourceRows) {
            insert(c, row);
        }
    }
}

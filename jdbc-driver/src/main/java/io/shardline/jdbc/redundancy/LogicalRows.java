package io.shardline.jdbc.redundancy;

import io.shardline.consistency.redundancy.RedundantTable;
import io.shardline.consistency.redundancy.RowStore;
import io.shardline.jdbc.ShardlineDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link RowStore} over a Shardline data source: every read and repair is SQL on logical tables, routed by the rules
 * (key-range reads scatter and merge in key order; repairs run in a logical transaction).
 */
public final class LogicalRows implements RowStore {

    private final ShardlineDataSource ds;
    private final RedundantTable table;
    private final RedundantWrites writes;
    private volatile CopyRows rows;

    public LogicalRows(ShardlineDataSource ds, RedundantTable table) {
        this.ds = ds;
        this.table = table;
        this.writes = ds.redundantWrites().orElseThrow(() -> new IllegalArgumentException("The configuration "
                + ds.config().source() + " has no redundancy section"));
    }

    /** The copy named {@code copyTable} in the data source's configuration. */
    public static LogicalRows of(ShardlineDataSource ds, String copyTable) {
        RedundantTable t = ds.config().redundancy().copy(copyTable).orElseThrow(() -> new IllegalArgumentException(
                "'" + copyTable + "' is not a redundant copy in " + ds.config().source() + " (copies: "
                        + ds.config().redundancy().tables().keySet() + ")"));
        return new LogicalRows(ds, t);
    }

    @Override
    public RedundantTable table() {
        return table;
    }

    private CopyRows rows(Connection c) throws SQLException {
        CopyRows r = rows;
        if (r == null) {
            r = writes.rows(c, table);
            rows = r;
        }
        return r;
    }

    @Override
    public List<String> copiedColumns() throws SQLException {
        try (Connection c = ds.getConnection()) {
            return rows(c).copied();
        }
    }

    @Override
    public List<Map<String, Object>> sourceChunk(Object afterKey, int limit) throws SQLException {
        try (Connection c = ds.getConnection()) {
            String cols = LogicalSql.list(rows(c).copied());
            String key = table.keyColumn();
            return afterKey == null
                    ? LogicalSql.query(c, "SELECT " + cols + " FROM " + table.sourceTable() + " ORDER BY " + key
                            + " LIMIT " + limit, List.of())
                    : LogicalSql.query(c, "SELECT " + cols + " FROM " + table.sourceTable() + " WHERE " + key
                            + " > ? ORDER BY " + key + " LIMIT " + limit, List.of(afterKey));
        }
    }

    @Override
    public List<Map<String, Object>> copyRange(Object afterKey, Object upToKey) throws SQLException {
        try (Connection c = ds.getConnection()) {
            String key = table.keyColumn();
            StringBuilder sql = new StringBuilder("SELECT ").append(LogicalSql.list(rows(c).copied())).append(" FROM ")
                    .append(table.copyTable());
            List<Object> params = new ArrayList<>(2);
            if (afterKey != null) {
                sql.append(" WHERE ").append(key).append(" > ?");
                params.add(afterKey);
            }
            if (upToKey != null) {
                sql.append(afterKey == null ? " WHERE " : " AND ").append(key).append(" <= ?");
                params.add(upToKey);
            }
            sql.append(" ORDER BY ").append(key);
            return LogicalSql.query(c, sql.toString(), params);
        }
    }

    @Override
    public List<Map<String, Object>> sourceByKey(Object key) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return rows(c).sourceByKey(c, key, false);
        }
    }

    @Override
    public List<Map<String, Object>> copyByKey(Object key) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return rows(c).copyByKey(c, key);
        }
    }

    @Override
    public void repair(Object key) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                CopyRows r = rows(c);
                r.rewrite(c, key, r.sourceByKey(c, key, true));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    @Override
    public long sourceRowEstimate() throws SQLException {
        try (Connection c = ds.getConnection()) {
            List<Map<String, Object>> r = LogicalSql.query(c, "SELECT COUNT(*) AS n FROM " + table.sourceTable(),
                    List.of());
            return r.isEmpty() ? 0 : ((Number) r.get(0).get("n")).longValue();
        }
    }
}

package io.shardline.jdbc.redundancy;

import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.config.ShardlineConfig;
import io.shardline.testkit.MariaDbNode;
import io.shardline.testkit.junit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.TreeMap;

/**
 * Orders sharded by {@code user_id % 2} ({@code ds_<user_id % 2>.t_order}) and their copy sharded by
 * {@code driver_id % 2} ({@code ds_<driver_id % 2>.t_order_by_driver}), on two masters. Snapshots read the shards
 * directly, bypassing Shardline, so they see exactly what is stored where.
 */
final class RedundancyFixture {

    static final String COLUMNS = "order_id, user_id, driver_id, amount, status";

    private RedundancyFixture() {
    }

    static String yaml(TestDatabase db, String columns) {
        StringBuilder out = new StringBuilder("dataSources:\n");
        for (int g = 0; g < 2; g++) {
            out.append("  ds_").append(g).append(":\n");
            out.append("    master: {url: \"").append(db.jdbcUrl(db.topology().master(g))).append("\", username: ")
                    .append(MariaDbNode.USER).append("}\n");
            out.append("    pool: {maximumPoolSize: 8, minimumIdle: 1}\n");
        }
        out.append("""
                rules:
                  tables:
                    t_order:
                      dataNodes: ds_${0..1}.t_order
                      databaseStrategy: {column: user_id, algorithm: mod2}
                    t_order_by_driver:
                      dataNodes: ds_${0..1}.t_order_by_driver
                      databaseStrategy: {column: driver_id, algorithm: mod2}
                  algorithms:
                    mod2: {type: MOD, props: {shardingCount: 2}}
                redundancy:
                  tables:
                    t_order_by_driver:
                      source: t_order
                      key: order_id
                """);
        out.append("      columns: ").append(columns).append("\n");
        return out.toString();
    }

    static ShardlineDataSource dataSource(TestDatabase db, String columns) {
        return dataSource(db, columns, "");
    }

    /** @param more YAML appended inside the {@code redundancy} section (two-space indented), e.g. reconcile */
    static ShardlineDataSource dataSource(TestDatabase db, String columns, String more) {
        ShardlineConfig config = ShardlineConfig.parse(yaml(db, columns) + more, "test:" + db.name());
        return ShardlineDataSource.builder().config(config).executorThreads(4).build();
    }

    static void createTables(TestDatabase db) throws SQLException {
        for (int g = 0; g < 2; g++) {
            try (Connection c = db.connectMaster(g); Statement s = c.createStatement()) {
                for (String t : new String[] {"t_order", "t_order_by_driver"}) {
                    s.execute("CREATE TABLE IF NOT EXISTS " + t + " (order_id BIGINT PRIMARY KEY, user_id BIGINT NOT "
                            + "NULL, driver_id BIGINT NULL, amount DECIMAL(10,2) NOT NULL DEFAULT 0, status "
                            + "VARCHAR(20) NULL)");
                }
            }
        }
    }

    static void clear(TestDatabase db) throws SQLException {
        for (int g = 0; g < 2; g++) {
            try (Connection c = db.connectMaster(g); Statement s = c.createStatement()) {
                s.execute("DELETE FROM t_order");
                s.execute("DELETE FROM t_order_by_driver");
            }
        }
    }

    /**
     * Every row of {@code table} on both shards, as {@code order_id → "user,driver,amount,status@shard"}; a key stored
     * on both shards shows twice (the second under a negative id), so misplaced duplicates cannot hide.
     */
    static TreeMap<Long, String> snapshot(TestDatabase db, String table) throws SQLException {
        TreeMap<Long, String> rows = new TreeMap<>();
        for (int g = 0; g < 2; g++) {
            try (Connection c = db.connectMaster(g); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM " + table)) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String v = rs.getLong(2) + "," + rs.getObject(3) + "," + rs.getBigDecimal(4) + "," + rs.getString(5)
                            + "@" + g;
                    rows.put(rows.containsKey(id) ? -id : id, v);
                }
            }
        }
        return rows;
    }

    /**
     * What the copy must hold given the source: the same rows (full copy) on the shard of their driver; rows without
     * a driver have no copy.
     */
    static TreeMap<Long, String> expectedCopy(TestDatabase db) throws SQLException {
        TreeMap<Long, String> expected = new TreeMap<>();
        for (var e : snapshot(db, "t_order").entrySet()) {
            String v = e.getValue();
            String[] parts = v.substring(0, v.lastIndexOf('@')).split(",");
            if (parts[1].equals("null")) {
                continue;
            }
            expected.put(e.getKey(), v.substring(0, v.lastIndexOf('@')) + "@" + (Long.parseLong(parts[1]) % 2));
        }
        return expected;
    }

    static void direct(TestDatabase db, int group, String sql) throws SQLException {
        try (Connection c = db.connectMaster(group); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

package io.shardline.bench.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.config.ShardlineConfig;
import io.shardline.jdbc.execute.ShardPools;
import io.shardline.testkit.Topology;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real 2-master topology for the JDBC benchmarks, with t_order split into {@code tablesPerSource} tables per
 * master, and both ways to reach it: Shardline, and one raw HikariCP pool per master with the same pool size
 * and the same Connector/J URL.
 */
final class BenchTopology implements AutoCloseable {

    static final String DATABASE = "bench";
    static final int POOL = 16;

    final Topology topology;
    final int tablesPerSource;
    final ShardlineDataSource shardline;
    final HikariDataSource[] raw = new HikariDataSource[2];

    BenchTopology(int tablesPerSource, int rows) throws SQLException {
        this.tablesPerSource = tablesPerSource;
        topology = Topology.start(2, 0);
        topology.createDatabase(DATABASE);
        for (int g = 0; g < 2; g++) {
            try (Connection c = topology.master(g).connect(DATABASE); Statement s = c.createStatement()) {
                for (int t = 0; t < tablesPerSource; t++) {
                    s.execute("CREATE TABLE t_order_" + t + " (order_id BIGINT PRIMARY KEY, user_id INT NOT NULL,"
                            + " status VARCHAR(16) NOT NULL, amount DECIMAL(10,2) NOT NULL, created_at DATETIME NOT NULL,"
                            + " KEY idx_created (created_at, order_id))");
                }
            }
        }
        String yaml = """
                dataSources:
                  ds_0: {master: {url: "jdbc:mysql://127.0.0.1:%d/bench", username: root}, pool: {maximumPoolSize: %d}}
                  ds_1: {master: {url: "jdbc:mysql://127.0.0.1:%d/bench", username: root}, pool: {maximumPoolSize: %d}}
                rules:
                  tables:
                    t_order:
                      dataNodes: ds_${0..1}.t_order_${0..%d}
                      databaseStrategy: {column: user_id, algorithm: db_mod}
                      tableStrategy: {column: order_id, algorithm: t_inline}
                  algorithms:
                    db_mod: {type: MOD, props: {shardingCount: 2}}
                    t_inline: {type: INLINE, props: {expression: "t_order_${order_id %% %d}"}}
                """.formatted(topology.master(0).port(), POOL, topology.master(1).port(), POOL, tablesPerSource - 1,
                tablesPerSource);
        shardline = ShardlineDataSource.builder().config(ShardlineConfig.parse(yaml, "bench")).build();
        for (int g = 0; g < 2; g++) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(ShardPools.withDefaults("jdbc:mysql://127.0.0.1:" + topology.master(g).port() + "/" + DATABASE));
            // ^ the very URL (with Connector/J defaults) that Shardline's pool for this master uses
            config.setUsername("root");
            config.setPassword("");
            config.setMaximumPoolSize(POOL);
            config.setPoolName("raw-ds_" + g);
            raw[g] = new HikariDataSource(config);
        }
        load(rows);
    }

    /** One row of the W5 page. */
    record PageRow(long orderId, int userId, java.math.BigDecimal amount, java.sql.Timestamp createdAt) {
    }

    /**
     * The baseline for {@code ORDER BY created_at, order_id LIMIT page OFFSET offset} across every shard, merged
     * by hand over raw JDBC: each shard's first offset + page rows, one shard after another, sorted in memory.
     */
    java.util.List<PageRow> handMergedPage(int offset, int page) throws SQLException {
        java.util.List<PageRow> rows = new java.util.ArrayList<>(2 * tablesPerSource * (offset + page));
        for (int g = 0; g < 2; g++) {
            try (Connection c = raw[g].getConnection()) {
                for (int t = 0; t < tablesPerSource; t++) {
                    try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT order_id, user_id, amount,"
                            + " created_at FROM t_order_" + t + " ORDER BY created_at, order_id LIMIT " + (offset + page));
                            java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new PageRow(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3), rs.getTimestamp(4)));
                        }
                    }
                }
            }
        }
        rows.sort(java.util.Comparator.comparing(PageRow::createdAt).thenComparingLong(PageRow::orderId));
        return rows.subList(Math.min(offset, rows.size()), Math.min(offset + page, rows.size()));
    }

    static int userOf(long orderId) {
        return (int) (orderId % 1000);
    }

    int source(long orderId) {
        return userOf(orderId) % 2;
    }

    String table(long orderId) {
        return "t_order_" + orderId % tablesPerSource;
    }

    private void load(int rows) throws SQLException {
        StringBuilder[][] inserts = new StringBuilder[2][tablesPerSource];
        for (long id = 1; id <= rows; id++) {
            int g = source(id);
            int t = (int) (id % tablesPerSource);
            StringBuilder sb = inserts[g][t];
            if (sb == null) {
                sb = inserts[g][t] = new StringBuilder("INSERT INTO t_order_" + t + " VALUES ");
            } else {
                sb.append(", ");
            }
            sb.append('(').append(id).append(", ").append(userOf(id)).append(", 'NEW', ").append(id % 997).append(".25, ")
                    .append("'2024-01-01 00:00:00' + INTERVAL ").append(id * 37 % 100_000).append(" MINUTE)");
        }
        for (int g = 0; g < 2; g++) {
            try (Connection c = raw[g].getConnection(); Statement s = c.createStatement()) {
                for (StringBuilder sb : inserts[g]) {
                    if (sb != null) {
                        s.execute(sb.toString());
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        for (HikariDataSource ds : raw) {
            if (ds != null) {
                ds.close();
            }
        }
        try {
            shardline.close();
        } catch (Exception e) {
            // closing anyway
        }
        topology.close();
    }
}

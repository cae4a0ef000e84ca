package io.shardline.jdbc.redundancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The read path, differential: queries by driver through Shardline (full copy, and key-only copy that is looked
 * through) return what the same query returns from one plain table holding the same rows.
 */
@TestTopology(groups = 2, replicas = 0)
class RedundantReadsIT {

    private static final List<String> QUERIES = List.of(
            "SELECT order_id, user_id, amount, status FROM t_order WHERE driver_id = ? ORDER BY order_id",
            "SELECT * FROM t_order WHERE driver_id IN (?, 7) ORDER BY amount DESC, order_id",
            "SELECT COUNT(*), SUM(amount) FROM t_order WHERE driver_id = ?",
            "SELECT order_id FROM t_order WHERE driver_id = ? AND amount > 20 ORDER BY order_id LIMIT 3",
            "SELECT order_id, driver_id FROM t_order WHERE driver_id = ? AND status LIKE 'p%' ORDER BY order_id",
            "SELECT order_id FROM t_order WHERE driver_id = 999 ORDER BY order_id");

    private static ShardlineDataSource full;
    private static ShardlineDataSource keysOnly;

    @BeforeAll
    static void start(TestDatabase db) throws SQLException {
        RedundancyFixture.createTables(db);
        RedundancyFixture.clear(db);
        full = RedundancyFixture.dataSource(db, "all");
        keysOnly = RedundancyFixture.dataSource(db, "keys");
        RedundancyFixture.direct(db, 0, "CREATE TABLE IF NOT EXISTS t_plain (order_id BIGINT PRIMARY KEY, user_id "
                + "BIGINT NOT NULL, driver_id BIGINT NULL, amount DECIMAL(10,2) NOT NULL DEFAULT 0, status VARCHAR(20))");
        RedundancyFixture.direct(db, 0, "DELETE FROM t_plain");
        try (Connection c = full.getConnection(); Connection plain = db.connectMaster(0);
                PreparedStatement ps = c.prepareStatement("INSERT INTO t_order (" + RedundancyFixture.COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?)");
                PreparedStatement pp = plain.prepareStatement("INSERT INTO t_plain (" + RedundancyFixture.COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= 60; i++) {
                for (PreparedStatement s : List.of(ps, pp)) {
                    s.setLong(1, i);
                    s.setLong(2, 1000 + i % 7);
                    s.setObject(3, i % 11 == 0 ? null : (long) (i % 5));
                    s.setBigDecimal(4, new java.math.BigDecimal(i * 3 % 50 + ".25"));
                    s.setString(5, i % 3 == 0 ? "paid" : "new");
                    s.executeUpdate();
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        for (ShardlineDataSource ds : new ShardlineDataSource[] {full, keysOnly}) {
            if (ds != null) {
                ds.close();
            }
        }
    }

    private static List<String> rows(Connection c, String sql, long driver) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                ps.setLong(1, driver);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        b.append(v instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : v)
                                .append('|');
                    }
                    out.add(b.toString());
                }
            }
        }
        return out;
    }

    @Test
    void queriesByTheSecondKeyEqualThePlainDatabase(TestDatabase db) throws SQLException {
        try (Connection plain = db.connectMaster(0); Connection f = full.getConnection();
                Connection k = keysOnly.getConnection()) {
            for (String q : QUERIES) {
                for (long driver = 0; driver < 6; driver++) {
                    List<String> expected = rows(plain, q.replace("t_order", "t_plain"), driver);
                    assertThat(rows(f, q, driver)).as("full copy: %s [%d]", q, driver).isEqualTo(expected);
                    assertThat(rows(k, q, driver)).as("key-only copy: %s [%d]", q, driver).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void theFullCopyAnswersAndTheKeyCopyIsLookedThrough() throws SQLException {
        String q = "SELECT order_id, amount FROM t_order WHERE driver_id = ? ORDER BY order_id";
        try (Connection f = full.getConnection(); Connection k = keysOnly.getConnection()) {
            RedundantReads.Rewritten onCopy = full.redundantReads().orElseThrow().rewrite(f, q, List.of(3L))
                    .orElseThrow();
            assertThat(onCopy.sql()).contains("FROM t_order_by_driver WHERE driver_id = ?");
            RedundantReads.Rewritten through = keysOnly.redundantReads().orElseThrow().rewrite(k, q, List.of(3L))
                    .orElseThrow();
            assertThat(through.sql()).contains("FROM t_order WHERE (").contains("AND order_id IN (")
                    .contains("AND user_id IN (").endsWith("ORDER BY order_id");
            assertThat(through.parameters().get(0)).isEqualTo(3L);
            // A query that pins the source's sharding column already routes well: left alone.
            assertThat(full.redundantReads().orElseThrow().rewrite(f,
                    "SELECT * FROM t_order WHERE driver_id = ? AND user_id = ?", List.of(3L, 1001L))).isEmpty();
        }
    }
}

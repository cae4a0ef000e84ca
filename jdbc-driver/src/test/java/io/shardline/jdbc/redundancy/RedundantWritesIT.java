package io.shardline.jdbc.redundancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The write path: every write to t_order leaves t_order_by_driver equal to it, on the driver's shard. */
@TestTopology(groups = 2, replicas = 0)
class RedundantWritesIT {

    private static ShardlineDataSource ds;

    @BeforeAll
    static void start(TestDatabase db) throws SQLException {
        RedundancyFixture.createTables(db);
        ds = RedundancyFixture.dataSource(db, "all");
    }

    @AfterAll
    static void stop() {
        if (ds != null) {
            ds.close();
        }
    }

    @BeforeEach
    void clean(TestDatabase db) throws SQLException {
        RedundancyFixture.clear(db);
    }

    private static void insert(Connection c, long id, long user, Long driver, String amount) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO t_order (order_id, user_id, driver_id, amount, status) VALUES (?, ?, ?, ?, 'new')")) {
            ps.setLong(1, id);
            ps.setLong(2, user);
            ps.setObject(3, driver);
            ps.setBigDecimal(4, new java.math.BigDecimal(amount));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static void assertCopyEqualsSource(TestDatabase db) throws SQLException {
        assertThat(RedundancyFixture.snapshot(db, "t_order_by_driver")).isEqualTo(RedundancyFixture.expectedCopy(db));
    }

    @Test
    void insertUpdateDeleteKeepTheCopyOnTheDriversShard(TestDatabase db) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            insert(c, 1, 10, 21L, "5.50");   // source on ds_0, copy on ds_1
            insert(c, 2, 11, 22L, "7.00");   // source on ds_1, copy on ds_0
            insert(c, 3, 12, null, "1.00");  // no driver: no copy
            s.executeUpdate("INSERT INTO t_order (order_id, user_id, driver_id, amount) VALUES (4, 13, 23, 2), "
                    + "(5, 14, 24, 3)");
            assertThat(RedundancyFixture.snapshot(db, "t_order_by_driver")).hasSize(4);
            assertCopyEqualsSource(db);

            assertThat(s.executeUpdate("UPDATE t_order SET amount = amount + 1, status = 'paid' WHERE user_id IN "
                    + "(10, 11, 12)")).isEqualTo(3);
            assertCopyEqualsSource(db);
            assertThat(RedundancyFixture.snapshot(db, "t_order_by_driver").get(1L)).isEqualTo("10,21,6.50,paid@1");

            // The second key changes: the copy row moves from ds_1 to ds_0.
            try (PreparedStatement ps = c.prepareStatement("UPDATE t_order SET driver_id = ? WHERE order_id = ?")) {
                ps.setLong(1, 30);
                ps.setLong(2, 1);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            assertThat(RedundancyFixture.snapshot(db, "t_order_by_driver").get(1L)).isEqualTo("10,30,6.50,paid@0");
            assertCopyEqualsSource(db);

            // A driver assigned later creates the copy; one taken away deletes it.
            s.executeUpdate("UPDATE t_order SET driver_id = 41 WHERE order_id = 3");
            s.executeUpdate("UPDATE t_order SET driver_id = NULL WHERE order_id = 2");
            assertCopyEqualsSource(db);
            assertThat(RedundancyFixture.snapshot(db, "t_order_by_driver")).containsKey(3L).doesNotContainKey(2L);

            assertThat(s.executeUpdate("DELETE FROM t_order WHERE amount < 3.5 AND order_id > 3")).isEqualTo(2);
            assertCopyEqualsSource(db);
            assertThat(RedundancyFixture.snapshot(db, "t_order")).containsOnlyKeys(1L, 2L, 3L);
        }
    }

    @Test
    void theCopyFollowsTheApplicationsTransaction(TestDatabase db) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            insert(c, 1, 10, 21L, "1.00");
            c.rollback();
            assertThat(RedundancyFixture.snapshot(db, "t_order")).isEmpty();
            assertThat(RedundancyFixture.snapshot(db, "t_order_by_driver")).isEmpty();
            insert(c, 2, 10, 21L, "1.00");
            insert(c, 3, 11, 22L, "1.00");
            c.commit();
            c.setAutoCommit(true);
        }
        assertThat(RedundancyFixture.snapshot(db, "t_order")).containsOnlyKeys(2L, 3L);
        assertCopyEqualsSource(db);
    }

    @Test
    void batchesAreMirroredEntryByEntry(TestDatabase db) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO t_order (order_id, user_id, driver_id, amount) VALUES (?, ?, ?, ?)")) {
            for (long i = 1; i <= 6; i++) {
                ps.setLong(1, i);
                ps.setLong(2, 100 + i);
                ps.setLong(3, 200 + i * 3);
                ps.setInt(4, (int) i);
                ps.addBatch();
            }
            assertThat(ps.executeBatch()).containsOnly(1);
        }
        assertThat(RedundancyFixture.snapshot(db, "t_order_by_driver")).hasSize(6);
        assertCopyEqualsSource(db);
    }

    @Test
    void whenTheCopyWriteFailsTheSourceWriteIsUndoneToo(TestDatabase db) throws SQLException {
        // A stray copy row (written bypassing Shardline) makes the copy insert of order 7 fail with a duplicate key.
        RedundancyFixture.direct(db, 1, "INSERT INTO t_order_by_driver (order_id, user_id, driver_id, amount) VALUES "
                + "(7, 99, 21, 0)");
        try (Connection c = ds.getConnection()) {
            assertThatThrownBy(() -> insert(c, 7, 10, 21L, "1.00")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Duplicate");
            assertThat(RedundancyFixture.snapshot(db, "t_order")).isEmpty();
            // The connection stays usable, back in autocommit mode.
            assertThat(c.getAutoCommit()).isTrue();
            insert(c, 8, 10, 21L, "1.00");
        }
        assertThat(RedundancyFixture.snapshot(db, "t_order")).containsOnlyKeys(8L);
    }

    @Test
    void writesThatCannotBeMirroredAreRefusedNamingTheConstruct(TestDatabase db) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            insert(c, 1, 10, 21L, "1.00");
            Map<String, String> refused = Map.of(
                    "INSERT INTO t_order (order_id, user_id, driver_id) SELECT order_id + 100, user_id, driver_id "
                            + "FROM t_order WHERE user_id = 10", "INSERT ... SELECT",
                    "REPLACE INTO t_order (order_id, user_id, driver_id) VALUES (1, 10, 22)", "REPLACE",
                    "INSERT INTO t_order (order_id, user_id, driver_id) VALUES (1, 10, 22) ON DUPLICATE KEY UPDATE "
                            + "driver_id = 22", "ON DUPLICATE KEY UPDATE",
                    "UPDATE t_order SET amount = 2 WHERE user_id = 10 ORDER BY order_id LIMIT 1", "ORDER BY/LIMIT",
                    "INSERT INTO t_order (user_id, driver_id) VALUES (10, 22)", "INSERT without order_id",
                    "INSERT IGNORE INTO t_order (order_id, user_id, driver_id) VALUES (1, 10, 22)", "IGNORE",
                    "UPDATE t_order SET user_id = 10 WHERE user_id = 10 AND order_id = 1", "SET user_id",
                    "TRUNCATE TABLE t_order", "TRUNCATE");
            for (Map.Entry<String, String> e : refused.entrySet()) {
                // INSERT ... SELECT of a sharded table is refused by the planner already, the rest by the mirror.
                assertThatThrownBy(() -> s.execute(e.getKey())).as(e.getKey()).isInstanceOf(SQLException.class)
                        .hasMessageContaining(e.getValue())
                        .hasMessageContaining(e.getValue().equals("INSERT ... SELECT") ? "t_order" : "t_order_by_driver");
            }
        }
        assertThat(RedundancyFixture.snapshot(db, "t_order")).containsOnlyKeys(1L);
        assertThat(RedundancyFixture.snapshot(db, "t_order").get(1L)).isEqualTo("10,21,1.00,new@0");
        assertCopyEqualsSource(db);
    }
}

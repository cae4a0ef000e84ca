package io.shardline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.jdbc.execute.ShardFailureException;
import io.shardline.jdbc.execute.ShardResultSet;
import io.shardline.jdbc.resultset.MergedResultSet;
import io.shardline.router.merge.MergePlan;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver end to end against two real MariaDB masters, with a hand-written planner. */
@TestTopology(groups = 2, replicas = 0)
class ShardlineDataSourceIT {

    private static final String BY_NAME = "SELECT id, name FROM t_item ORDER BY name, id";
    private static final String ALL_IDS = "SELECT id FROM t_item ORDER BY id";

    private static TestPlanner planner;
    private static ShardlineDataSource ds;

    @BeforeAll
    static void start(TestDatabase db) throws SQLException {
        for (int i = 0; i < 2; i++) {
            try (Connection c = db.connectMaster(i); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t_item_" + i + " (id BIGINT PRIMARY KEY, name VARCHAR(50) COLLATE"
                        + " utf8mb4_general_ci, flag INT NOT NULL DEFAULT 0, created DATETIME(6), due DATE,"
                        + " at_time TIME(6))");
                s.execute("CREATE TABLE t_auto_" + i + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, v INT)"
                        + " AUTO_INCREMENT=" + (1000 * (i + 1)));
            }
        }
        planner = new TestPlanner()
                .merge(BY_NAME, new MergePlan(2, 2, List.of(new MergePlan.Key(1, false), new MergePlan.Key(0, false)),
                        List.of(), List.of(), List.of(new MergePlan.Key(1, false), new MergePlan.Key(0, false)), false,
                        0, -1))
                .merge(ALL_IDS, new MergePlan(1, 1, List.of(new MergePlan.Key(0, false)), List.of(), List.of(),
                        List.of(new MergePlan.Key(0, false)), false, 0, -1))
                .merge("SELECT nope FROM t_item", MergePlan.concat(1));
        ds = TestShardline.dataSource(db, planner);
    }

    @AfterAll
    static void stop() {
        if (ds != null) {
            ds.close();
        }
    }

    @BeforeEach
    void clean(TestDatabase db) throws SQLException {
        for (int i = 0; i < 2; i++) {
            try (Connection c = db.connectMaster(i); Statement s = c.createStatement()) {
                s.execute("DELETE FROM t_item_" + i);
            }
        }
    }

    private static void insert(Connection c, long id, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t_item (id, name) VALUES (?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, name);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static List<Long> idsOn(TestDatabase db, int group) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.connectMaster(group); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM t_item_" + group + " ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    @Test
    void singleUnitQueryPassesTheShardResultThrough(TestDatabase db) throws SQLException {
        try (Connection c = ds.getConnection()) {
            insert(c, 1, "one");
            insert(c, 2, "two");
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM t_item WHERE id = ?")) {
                ps.setLong(1, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs).isInstanceOf(ShardResultSet.class);
                    assertThat(rs.getStatement()).isSameAs(ps);
                    assertThat(rs.getMetaData().getTableName(1)).isEqualTo("t_item");
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString("name")).isEqualTo("one");
                    assertThat(rs.next()).isFalse();
                }
            }
        }
        assertThat(idsOn(db, 0)).containsExactly(2L);
        assertThat(idsOn(db, 1)).containsExactly(1L);
    }

    @Test
    void multiUnitQueryMergesInOrder() throws SQLException {
        try (Connection c = ds.getConnection()) {
            String[] names = {"b", "A", "c", "a", "B", "d"};
            for (int i = 0; i < names.length; i++) {
                insert(c, i + 1, names[i]);
            }
            List<String> seen = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(BY_NAME)) {
                assertThat(rs).isInstanceOf(MergedResultSet.class);
                assertThat(rs.getStatement()).isSameAs(s);
                assertThat(rs.getMetaData().getTableName(2)).isEqualTo("t_item");
                while (rs.next()) {
                    seen.add(rs.getString(2) + rs.getLong(1));
                }
            }
            // general_ci: a and A tie, then id decides.
            assertThat(seen).containsExactly("A2", "a4", "b1", "B5", "c3", "d6");
        }
    }

    @Test
    void maxRowsLimitsTheMergedResult() throws SQLException {
        try (Connection c = ds.getConnection()) {
            for (int i = 1; i <= 6; i++) {
                insert(c, i, "n" + i);
            }
            try (Statement s = c.createStatement()) {
                s.setMaxRows(4);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = s.executeQuery(ALL_IDS)) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                assertThat(ids).containsExactly(1L, 2L, 3L, 4L);
            }
        }
    }

    @Test
    void aPlanWithNothingToRunAnswersWithoutTheShards() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id FROM t_item WHERE id IN ()")) {
                assertThat(rs.next()).isFalse();
            }
            assertThat(s.executeUpdate("DELETE FROM t_item WHERE id IN ()")).isZero();
            assertThat(((ShardlineConnection) c).shardConnections().openDataSources()).isEmpty();
        }
    }

    @Test
    void fetchSizeReachesTheShardStatements() throws SQLException {
        try (Connection c = ds.getConnection()) {
            for (int i = 1; i <= 6; i++) {
                insert(c, i, "n" + i);
            }
            try (Statement s = c.createStatement()) {
                s.setFetchSize(Integer.MIN_VALUE); // Connector/J: stream rows
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = s.executeQuery(ALL_IDS)) {
                    // a streaming result holds its connection: proof the fetch size reached the shard statement
                    try (Statement other = c.createStatement()) {
                        assertThatThrownBy(() -> other.executeQuery("SELECT 1 /*ds:1*/"))
                                .isInstanceOf(ShardFailureException.class).hasMessageContaining("ds_1")
                                .hasMessageContaining("Streaming");
                    }
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
                assertThat(s.getFetchSize()).isEqualTo(Integer.MIN_VALUE);
            }
        }
    }

    @Test
    void scatterUpdateSumsShardCounts() throws SQLException {
        try (Connection c = ds.getConnection()) {
            for (int i = 1; i <= 5; i++) {
                insert(c, i, "n" + i);
            }
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("UPDATE t_item SET flag = 1")).isEqualTo(5);
                assertThat(s.getUpdateCount()).isEqualTo(5);
                assertThat(s.getResultSet()).isNull();
                assertThat(s.getMoreResults()).isFalse();
                assertThat(s.getUpdateCount()).isEqualTo(-1);
                assertThat(s.execute("UPDATE t_item SET flag = 2 WHERE flag = 1 AND id > 3")).isFalse();
                assertThat(s.getLargeUpdateCount()).isEqualTo(2);
            }
        }
    }

    @Test
    void transactionCommitsAndRollsBackAcrossDataSources(TestDatabase db) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            insert(c, 10, "ten");
            insert(c, 11, "eleven");
            assertThat(idsOn(db, 0)).isEmpty(); // not visible outside the transaction
            c.rollback();
            assertThat(idsOn(db, 0)).isEmpty();
            assertThat(idsOn(db, 1)).isEmpty();
            insert(c, 20, "twenty");
            insert(c, 21, "twenty-one");
            c.commit();
            assertThat(idsOn(db, 0)).containsExactly(20L);
            assertThat(idsOn(db, 1)).containsExactly(21L);
            assertThat(((ShardlineConnection) c).planningContext().inTransaction()).isTrue();
        }
    }

    @Test
    void aTransactionKeepsOnePhysicalConnectionPerDataSource() throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long first0 = connectionId(c, 0);
            insert(c, 2, "x");
            long second0 = connectionId(c, 0);
            long first1 = connectionId(c, 1);
            insert(c, 3, "y");
            assertThat(second0).isEqualTo(first0);
            assertThat(connectionId(c, 1)).isEqualTo(first1);
            // the rows are visible on the transaction's own connection before commit
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t_item /*ds:0*/")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
            c.rollback();
        }
    }

    @Test
    void aCommitThatFailsOnOneDataSourceCommitsNowhere(TestDatabase db) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            insert(c, 30, "ds_0: written first, committed last");
            insert(c, 31, "ds_1: commits first, loses its connection");
            long victim = connectionId(c, 1);
            try (Connection admin = db.connectMaster(1); Statement s = admin.createStatement()) {
                s.execute("KILL " + victim);
            }
            assertThatThrownBy(c::commit).isInstanceOfSatisfying(
                    io.shardline.consistency.tx.GlobalCommitException.class, e -> {
                        assertThat(e.outcome()).isEqualTo(
                                io.shardline.consistency.tx.GlobalCommitException.Outcome.ROLLED_BACK);
                        assertThat(e.getMessage()).contains("commit failed on ds_1");
                    });
        }
        // Delayed commit (the default): ds_1 proved it had not committed, so ds_0 was rolled back, not committed.
        assertThat(idsOn(db, 0)).isEmpty();
        assertThat(idsOn(db, 1)).isEmpty();
        // the broken physical connection was evicted, not handed out again
        try (Connection c = ds.getConnection()) {
            insert(c, 33, "fresh connection");
        }
        assertThat(idsOn(db, 1)).containsExactly(33L);
    }

    @Test
    void closingInsideATransactionRollsItBack(TestDatabase db) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            insert(c, 40, "never committed");
            insert(c, 41, "never committed");
        }
        assertThat(idsOn(db, 0)).isEmpty();
        assertThat(idsOn(db, 1)).isEmpty();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            insert(c, 42, "committed by switching autocommit on");
            c.setAutoCommit(true);
        }
        assertThat(idsOn(db, 0)).containsExactly(42L);
    }

    @Test
    void connectionsOnSeveralThreadsShareTheExecutor() throws Exception {
        try (Connection c = ds.getConnection()) {
            for (int i = 1; i <= 20; i++) {
                insert(c, i, "t" + i);
            }
        }
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Long>> sums = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                sums.add(threads.submit(() -> {
                    long sum = 0;
                    for (int round = 0; round < 30; round++) {
                        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                                ResultSet rs = s.executeQuery(ALL_IDS)) {
                            long previous = 0;
                            while (rs.next()) {
                                assertThat(rs.getLong(1)).isGreaterThan(previous);
                                previous = rs.getLong(1);
                                sum += previous;
                            }
                        }
                    }
                    return sum;
                }));
            }
            for (java.util.concurrent.Future<Long> sum : sums) {
                assertThat(sum.get()).isEqualTo(30L * 210);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(active("ds_0")).isZero();
        assertThat(active("ds_1")).isZero();
    }

    @Test
    void queryTimeoutReachesTheShardStatement() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            assertThatThrownBy(() -> s.executeQuery("SELECT SLEEP(20) /*ds:1*/"))
                    .isInstanceOf(ShardFailureException.class).hasMessageContaining("ds_1")
                    .hasMessageContaining("timeout");
        }
    }

    private static long connectionId(Connection c, int ds) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID() /*ds:" + ds + "*/")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void sessionSettingsAreReplayedOnConnectionsOpenedLater() throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            c.setReadOnly(true);
            assertThat(((ShardlineConnection) c).shardConnections().openDataSources()).isEmpty();
            for (int ds = 0; ds < 2; ds++) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT @@session.tx_isolation, @@session.tx_read_only, @@session.autocommit /*ds:" + ds + "*/")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("SERIALIZABLE");
                    assertThat(rs.getInt(2)).isEqualTo(1);
                    assertThat(rs.getInt(3)).isEqualTo(0);
                }
            }
            // Connector/J refuses writes itself; the server state was checked above
            assertThatThrownBy(() -> insert(c, 1, "x")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("ds_1").hasMessageContaining("read-only");
            c.rollback();
        }
        // the pooled connections went back read-write with default isolation
        try (Connection c = ds.getConnection()) {
            for (int ds = 0; ds < 2; ds++) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT @@session.tx_isolation, @@session.tx_read_only, @@session.autocommit /*ds:" + ds + "*/")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("REPEATABLE-READ");
                    assertThat(rs.getInt(2)).isEqualTo(0);
                    assertThat(rs.getInt(3)).isEqualTo(1);
                }
            }
            insert(c, 1, "written");
        }
    }

    @Test
    void shardErrorsNameTheDataSourceNodeAndSql(TestDatabase db) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM t_missing /*ds:1*/"))
                    .isInstanceOfSatisfying(ShardFailureException.class, e -> {
                        assertThat(e.getMessage()).contains("ds_1")
                                .contains("127.0.0.1:" + db.topology().master(1).port())
                                .contains("SELECT * FROM t_missing_1 /*ds:1*/")
                                .contains("doesn't exist");
                        assertThat(e.getSQLState()).isEqualTo("42S02");
                        assertThat(e.getErrorCode()).isEqualTo(1146);
                        assertThat(e.dataSource()).isEqualTo("ds_1");
                        assertThat(e.getCause()).isInstanceOf(SQLException.class);
                    });
            assertThatThrownBy(() -> s.executeQuery("SELECT nope FROM t_item"))
                    .isInstanceOf(ShardFailureException.class)
                    .hasMessageContaining("2 shards failed").hasMessageContaining("ds_0").hasMessageContaining("ds_1")
                    .hasMessageContaining("Unknown column");
            assertThatThrownBy(() -> s.executeQuery("BAD statement"))
                    .isInstanceOf(SQLException.class).hasMessage("test planner refuses this statement: BAD is not SQL")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42000"));
            // the connection still works after failures
            assertThat(s.executeUpdate("UPDATE t_item SET flag = 1")).isZero();
        }
    }

    @Test
    void generatedKeysFromThePlan() throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT /*gen*/ INTO t_item (id, name) VALUES (?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, 77);
            ps.setString(2, "generated");
            assertThat(ps.executeUpdate()).isEqualTo(1);
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertThat(keys.getMetaData().getColumnLabel(1)).isEqualTo("GENERATED_KEY");
                assertThat(keys.next()).isTrue();
                assertThat(keys.getLong(1)).isEqualTo(77);
                assertThat(keys.getLong("id")).isEqualTo(77);
                assertThat(keys.getObject(1)).isEqualTo(java.math.BigInteger.valueOf(77));
                assertThat(keys.next()).isFalse();
            }
        }
    }

    @Test
    void generatedKeysFromTheShardsInUnitOrder() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("INSERT INTO t_auto (v) VALUES (1)", Statement.RETURN_GENERATED_KEYS))
                    .isEqualTo(2);
            List<Long> keys = new ArrayList<>();
            try (ResultSet rs = s.getGeneratedKeys()) {
                assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("GENERATED_KEY");
                while (rs.next()) {
                    keys.add(rs.getLong(1));
                }
            }
            assertThat(keys).hasSize(2);
            assertThat(keys.get(0)).isBetween(1000L, 1999L);
            assertThat(keys.get(1)).isBetween(2000L, 2999L);
            // one unit: the shard's own key result, passed through
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t_auto (v) VALUES (? /*ds:1*/)",
                    new String[] {"id"})) {
                ps.setInt(1, 5);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(keys.get(1) + 1);
                    assertThat(rs.getStatement()).isSameAs(ps);
                }
            }
            assertThatThrownBy(() -> {
                s.executeUpdate("UPDATE t_item SET flag = 3");
                s.getGeneratedKeys();
            }).isInstanceOf(SQLException.class).hasMessageContaining("RETURN_GENERATED_KEYS");
        }
    }

    @Test
    void batchesAreRoutedPerEntry(TestDatabase db) throws SQLException {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t_item (id, name) VALUES (?, ?)")) {
                for (int i = 1; i <= 9; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, "b" + i);
                    ps.addBatch();
                }
                // one shard batch per data source; Connector/J rewrites them into multi-row INSERTs and reports
                // SUCCESS_NO_INFO for each entry (rewriteBatchedStatements=true)
                assertThat(ps.executeBatch()).hasSize(9).containsOnly(Statement.SUCCESS_NO_INFO);
                assertThat(ps.executeBatch()).isEmpty();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE t_item SET flag = ? WHERE id = ?")) {
                for (int i = 1; i <= 4; i++) {
                    ps.setInt(1, 10 + i);
                    ps.setLong(2, i == 4 ? 404 : i);
                    ps.addBatch();
                }
                assertThat(ps.executeBatch()).containsExactly(1, 1, 1, 0);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t_item (id, name) VALUES (?, ?)")) {
                for (long id : new long[] {100, 101, 2, 103}) { // 2 exists on ds_0
                    ps.setLong(1, id);
                    ps.setString(2, "dup");
                    ps.addBatch();
                }
                assertThatThrownBy(ps::executeBatch).isInstanceOfSatisfying(BatchUpdateException.class, e -> {
                    assertThat(e.getUpdateCounts()).hasSize(4).contains(Statement.EXECUTE_FAILED);
                    assertThat(e.getMessage()).contains("ds_0").contains("Duplicate entry");
                    assertThat(e.getErrorCode()).isEqualTo(1062);
                });
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM t_item WHERE id >= 100");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t_item (id, name) VALUES (?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (long id : new long[] {20, 21}) { // keys asked: entries run one by one, exact counts
                    ps.setLong(1, id);
                    ps.setString(2, "one by one");
                    ps.addBatch();
                }
                assertThat(ps.executeBatch()).containsExactly(1, 1);
                assertThatThrownBy(() -> ps.executeUpdate("DELETE FROM t_item")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("PreparedStatement");
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM t_item WHERE id >= 20");
            }
            try (Statement s = c.createStatement()) {
                s.addBatch("UPDATE t_item SET flag = 1 WHERE id < 4");
                s.addBatch("DELETE FROM t_item WHERE id = 9 /*ds:1*/");
                assertThat(s.executeBatch()).containsExactly(3, 1);
                s.addBatch("UPDATE t_item SET flag = 2");
                s.addBatch("UPDATE t_nothing SET flag = 2 /*ds:0*/");
                s.addBatch("UPDATE t_item SET flag = 3");
                assertThatThrownBy(s::executeBatch).isInstanceOfSatisfying(BatchUpdateException.class, e -> {
                    assertThat(e.getUpdateCounts()).containsExactly(8);
                    assertThat(e.getMessage()).contains("ds_0").contains("t_nothing_0");
                });
            }
        }
        assertThat(idsOn(db, 0)).containsExactly(2L, 4L, 6L, 8L);
        assertThat(idsOn(db, 1)).containsExactly(1L, 3L, 5L, 7L);
    }

    @Test
    void javaTimeValuesRoundTripWithMicroseconds(TestDatabase db) throws SQLException {
        LocalDateTime created = LocalDateTime.of(2024, 2, 29, 13, 45, 6, 123_456_000);
        LocalTime at = LocalTime.of(23, 59, 58, 987_654_000);
        LocalDate due = LocalDate.of(2030, 12, 31);
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO t_item (id, name, created, due, at_time) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, 1);
                ps.setString(2, "time");
                ps.setObject(3, created);
                ps.setObject(4, due);
                ps.setObject(5, at);
                ps.executeUpdate();
                ps.setLong(1, 3);
                ps.setNull(2, java.sql.Types.VARCHAR);
                ps.setTimestamp(3, Timestamp.valueOf(created.plusNanos(1_000)));
                ps.setDate(4, java.sql.Date.valueOf(due));
                ps.setNull(5, java.sql.Types.TIME);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT created, due, at_time, name FROM t_item WHERE id = ?")) {
                ps.setLong(1, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(created);
                    assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(due);
                    assertThat(rs.getObject(3, LocalTime.class)).isEqualTo(at);
                }
                ps.setLong(1, 3);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getTimestamp(1)).isEqualTo(Timestamp.valueOf(created.plusNanos(1_000)));
                    assertThat(rs.getObject(3)).isNull();
                    assertThat(rs.getString(4)).isNull();
                }
            }
        }
        // what the server stored, read without Shardline
        try (Connection c = db.connectMaster(1); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT CAST(created AS CHAR), CAST(at_time AS CHAR) FROM t_item_1 WHERE id = 1")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("2024-02-29 13:45:06.123456");
            assertThat(rs.getString(2)).isEqualTo("23:59:58.987654");
        }
    }

    @Test
    void closingReturnsEveryPhysicalConnection() throws SQLException {
        Connection c = ds.getConnection();
        insert(c, 1, "a");
        insert(c, 2, "b");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(BY_NAME);
        PreparedStatement ps = c.prepareStatement("SELECT id FROM t_item WHERE id = ?");
        assertThat(active("ds_0")).isEqualTo(1);
        assertThat(active("ds_1")).isEqualTo(1);
        c.close();
        assertThat(active("ds_0")).isZero();
        assertThat(active("ds_1")).isZero();
        assertThat(s.isClosed()).isTrue();
        assertThat(ps.isClosed()).isTrue();
        assertThat(rs.isClosed()).isTrue();
        assertThat(c.isClosed()).isTrue();
        assertThatThrownBy(() -> c.createStatement()).isInstanceOf(SQLException.class);
    }

    private static int active(String dataSource) {
        return ds.pools().group(dataSource).orElseThrow().master().pool().getHikariPoolMXBean().getActiveConnections();
    }

    @Test
    void unsupportedMethodsSayWhich() throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT ? /*ds:0*/")) {
            assertThatThrownBy(c::setSavepoint).isInstanceOf(SQLFeatureNotSupportedException.class)
                    .hasMessageContaining("setSavepoint");
            assertThatThrownBy(() -> c.prepareCall("CALL p()")).isInstanceOf(SQLFeatureNotSupportedException.class)
                    .hasMessageContaining("prepareCall");
            assertThatThrownBy(() -> c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY))
                    .isInstanceOf(SQLFeatureNotSupportedException.class);
            assertThatThrownBy(() -> ps.setArray(1, null)).isInstanceOf(SQLFeatureNotSupportedException.class)
                    .hasMessageContaining("setArray");
            assertThatThrownBy(() -> ps.setCursorName("x")).isInstanceOf(SQLFeatureNotSupportedException.class)
                    .hasMessageContaining("setCursorName");
            assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class)
                    .hasMessageContaining("No value specified for parameter 1");
            assertThat(ps.getParameterMetaData().getParameterCount()).isEqualTo(1);
        }
    }

    @Test
    void preparedStatementsReusedManyTimesLikeJdbcTemplate() throws SQLException {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t_item (id, name, flag) VALUES (?, ?, ?)")) {
                for (int i = 1; i <= 100; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "row" + i);
                    insert.setInt(3, i * 2);
                    assertThat(insert.executeUpdate()).isEqualTo(1);
                    insert.clearParameters();
                }
            }
            try (PreparedStatement select = c.prepareStatement("SELECT name, flag FROM t_item WHERE id = ?")) {
                for (int round = 0; round < 3; round++) {
                    for (int i = 1; i <= 100; i++) {
                        select.setLong(1, i);
                        try (ResultSet rs = select.executeQuery()) {
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getString(1)).isEqualTo("row" + i);
                            assertThat(rs.getInt(2)).isEqualTo(i * 2);
                        }
                    }
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE t_item SET flag = ? WHERE id = ?")) {
                update.setInt(1, -1);
                update.setLong(2, 42);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }
    }

    @Test
    void hintsLiveOnTheConnectionForABlock() throws SQLException {
        try (Connection c = ds.getConnection()) {
            insert(c, 1, "odd");
            try (ShardlineHints hint = ShardlineHints.forceDataSource(c, "ds_0")) {
                assertThat(((ShardlineConnection) c).planningContext().forcedDataSource()).contains("ds_0");
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t_item")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isZero(); // id 1 lives on ds_1
                }
                try (ShardlineHints master = ShardlineHints.forceMaster(c)) {
                    assertThat(((ShardlineConnection) c).planningContext().forceMaster()).isTrue();
                    assertThat(((ShardlineConnection) c).planningContext().forcedDataSource()).contains("ds_0");
                }
                assertThat(((ShardlineConnection) c).planningContext().forceMaster()).isFalse();
            }
            assertThat(((ShardlineConnection) c).planningContext().forcedDataSource()).isEmpty();
            assertThatThrownBy(() -> ShardlineHints.forceDataSource(c, "ds_9")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("ds_9");
        }
    }

    @Test
    void metadataNamesShardlineAndTheServer() throws SQLException {
        try (Connection c = ds.getConnection()) {
            java.sql.DatabaseMetaData md = c.getMetaData();
            assertThat(md.getDatabaseProductName()).isEqualTo("MariaDB");
            assertThat(md.getDatabaseProductVersion()).startsWith("10.");
            assertThat(md.getDatabaseMajorVersion()).isGreaterThanOrEqualTo(10);
            assertThat(md.getDatabaseProductVersion()).doesNotStartWith("5.5.5");
            assertThat(md.getURL()).startsWith("jdbc:shardline:");
            assertThat(md.getUserName()).isEqualTo("root");
            assertThat(md.getConnection()).isSameAs(c);
            assertThat(md.supportsSavepoints()).isFalse();
            assertThat(md.supportsGetGeneratedKeys()).isTrue();
            assertThat(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE)).isTrue();
            assertThat(md.getIdentifierQuoteString()).isEqualTo("`");
            assertThat(c.unwrap(ShardlineConnection.class)).isSameAs(c);
            assertThat(c.isValid(1)).isTrue();
            assertThat(c.nativeSQL("SELECT 1")).isEqualTo("SELECT 1");
        }
    }
}

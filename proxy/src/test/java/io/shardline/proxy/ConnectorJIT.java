package io.shardline.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Connector/J with client-side ({@code useServerPrepStmts=false}: COM_QUERY, text rows) and server-side
 * ({@code true}: COM_STMT_PREPARE/EXECUTE, binary rows) prepared statements. The oracle is the same driver with the
 * same settings talking straight to the MariaDB server that holds the table: every value must read the same.
 */
@TestTopology(groups = 2, replicas = 0)
class ConnectorJIT {

    private static ProxyFixture fixture;

    @BeforeAll
    static void start(TestDatabase db) throws Exception {
        fixture = ProxyFixture.start(db);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static String options(boolean serverPrepared) {
        return "useServerPrepStmts=" + serverPrepared + "&useSSL=false&allowPublicKeyRetrieval=true";
    }

    private static Connection direct(boolean serverPrepared) throws SQLException {
        return DriverManager.getConnection(fixture.db.jdbcUrl(fixture.db.topology().master(0)) + "&"
                + options(serverPrepared), "root", "");
    }

    @ParameterizedTest(name = "useServerPrepStmts={0}")
    @ValueSource(booleans = {false, true})
    void everyCommonTypeReadsAsOnTheServer(boolean serverPrepared) throws Exception {
        int id = serverPrepared ? 2 : 1;
        try (Connection proxy = fixture.connect(options(serverPrepared))) {
            try (Statement s = proxy.createStatement()) {
                s.executeUpdate("DELETE FROM t_types WHERE id IN (" + id + ", " + (id + 10) + ")");
            }
            try (PreparedStatement ps = proxy.prepareStatement("INSERT INTO t_types (id, ti, si, mi, i, iu, bi, bu,"
                    + " de, f, d, dt, dtm, ts, tm, y, ch, vc, tx, bn, bl, b1, en)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setInt(1, id);
                ps.setByte(2, (byte) -7);
                ps.setShort(3, (short) -30000);
                ps.setInt(4, 8_000_000);
                ps.setInt(5, -2_000_000_000);
                ps.setLong(6, 4_000_000_000L);
                ps.setLong(7, -9_000_000_000_000_000_000L);
                ps.setBigDecimal(8, new BigDecimal("18000000000000000000"));
                ps.setBigDecimal(9, new BigDecimal("-12345678901234.123456"));
                ps.setFloat(10, 1.5f);
                ps.setDouble(11, -2.25e-10);
                ps.setObject(12, LocalDate.of(2024, 2, 29));
                ps.setObject(13, LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000));
                ps.setObject(14, LocalDateTime.of(2021, 1, 2, 3, 4, 5, 678_000_000));
                ps.setObject(15, LocalTime.of(12, 34, 56, 789_000));
                ps.setInt(16, 2024);
                ps.setString(17, "fix");
                ps.setString(18, "Grüße, 世界 🎉");
                ps.setString(19, "long text\nwith lines");
                ps.setBytes(20, new byte[] {0, 1, 2, (byte) 0xFF});
                ps.setBytes(21, "blob bytes".getBytes(StandardCharsets.UTF_8));
                ps.setBoolean(22, true);
                ps.setString(23, "b");
                assertThat(ps.executeUpdate()).isEqualTo(1);
                for (int i = 2; i <= 23; i++) {
                    ps.setNull(i, Types.NULL);
                }
                ps.setInt(1, id + 10);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (Connection direct = direct(serverPrepared)) {
                // Connector/J drops fractional seconds from parameters for servers it sees as 5.5.5 (MariaDB, and
                // the proxy announcing itself like MariaDB): a row written as SQL text keeps them, to be read back.
                try (Statement s = direct.createStatement()) {
                    s.executeUpdate("DELETE FROM t_types WHERE id = " + (id + 20));
                    s.executeUpdate("INSERT INTO t_types (id, dtm, ts, tm, de) VALUES (" + (id + 20)
                            + ", '2024-02-29 23:59:58.123456', '2021-01-02 03:04:05.678', '-838:59:58.5', 0.000001)");
                }
                for (int row : new int[] {id, id + 10, id + 20}) {
                    String sql = "SELECT * FROM t_types WHERE id = ?";
                    assertSameRows(read(proxy, sql, row), read(direct, sql, row));
                    String text = "SELECT * FROM t_types WHERE id = " + row;
                    assertSameRows(readText(proxy, text), readText(direct, text));
                }
            }
        }
    }

    /** Each row as label → [getString, getObject, column type, type name] of every column. */
    private static List<List<Object>> read(Connection c, String sql, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rows(rs);
            }
        }
    }

    private static List<List<Object>> readText(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rows(rs);
        }
    }

    private static List<List<Object>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                Object o;
                try {
                    o = rs.getObject(i);
                } catch (SQLException e) {
                    // Connector/J refuses TIME beyond a day as java.sql.Time: the refusal (with the value) must match.
                    o = "getObject failed: " + e.getMessage();
                }
                row.add(md.getColumnLabel(i) + " string=" + rs.getString(i) + " object="
                        + (o instanceof byte[] b ? Arrays.toString(b) : String.valueOf(o))
                        + " type=" + md.getColumnType(i) + " typeName=" + md.getColumnTypeName(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static void assertSameRows(List<List<Object>> proxy, List<List<Object>> direct) {
        assertThat(direct).as("the oracle found the row").hasSize(1);
        assertThat(proxy).hasSize(1);
        assertThat(proxy.get(0)).containsExactlyElementsOf(direct.get(0));
    }

    @ParameterizedTest(name = "useServerPrepStmts={0}")
    @ValueSource(booleans = {false, true})
    void transactionsCommitAndRollBack(boolean serverPrepared) throws Exception {
        int base = serverPrepared ? 5000 : 6000;
        try (Connection proxy = fixture.connect(options(serverPrepared));
                Connection other = fixture.connect(options(serverPrepared))) {
            try (Statement s = proxy.createStatement()) {
                s.executeUpdate("DELETE FROM sbtest1 WHERE id BETWEEN " + base + " AND " + (base + 10));
            }
            proxy.setAutoCommit(false);
            try (PreparedStatement ps = proxy.prepareStatement("INSERT INTO sbtest1 (id, k, c, pad) VALUES (?, 1, 'c', 'p')")) {
                ps.setInt(1, base + 1);
                ps.executeUpdate();
                ps.setInt(1, base + 2);
                ps.executeUpdate();
            }
            assertThat(count(proxy, base)).as("own uncommitted rows").isEqualTo(2);
            assertThat(count(other, base)).as("another session does not see them").isZero();
            proxy.rollback();
            assertThat(count(proxy, base)).isZero();
            try (PreparedStatement ps = proxy.prepareStatement("INSERT INTO sbtest1 (id, k, c, pad) VALUES (?, 1, 'c', 'p')")) {
                ps.setInt(1, base + 3);
                ps.executeUpdate();
            }
            proxy.commit();
            proxy.setAutoCommit(true);
            assertThat(count(other, base)).isEqualTo(1);
        }
    }

    /**
     * A client that runs with autocommit off (Python's PyMySQL does by default) holds its shard connections during a
     * transaction and none between transactions, like an autocommit client between statements.
     */
    @Test
    void autocommitOffSessionsHoldNoShardConnectionBetweenTransactions() throws Exception {
        int base = 95_000; // beyond the rows other tests load
        fixture.awaitNoActiveShardConnections(); // sessions of earlier tests close asynchronously: count from zero
        try (Connection proxy = fixture.connect(options(true)); Connection other = fixture.connect(options(true))) {
            proxy.setAutoCommit(false);
            assertThat(count(proxy, base)).isZero(); // reads both shards: a transaction holding both connections
            assertThat(fixture.activeShardConnections()).as("inside the transaction").isEqualTo(2);
            proxy.commit();
            assertThat(fixture.awaitActiveShardConnections(0)).as("after COMMIT").isZero();
            try (PreparedStatement ps = proxy.prepareStatement("INSERT INTO sbtest1 (id, k, c, pad) VALUES (?, 1, 'c',"
                    + " 'p')")) {
                ps.setInt(1, base + 1);
                ps.executeUpdate();
            }
            assertThat(fixture.activeShardConnections()).as("the insert's transaction").isEqualTo(1);
            proxy.rollback();
            assertThat(fixture.awaitActiveShardConnections(0)).as("after ROLLBACK").isZero();
            assertThat(count(other, base)).as("the rolled-back insert").isZero();
            assertThat(count(proxy, base)).as("the next transaction starts on fresh connections").isZero();
            proxy.rollback();
        }
    }

    private static int count(Connection c, int base) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sbtest1 WHERE id BETWEEN ? AND ?")) {
            ps.setInt(1, base);
            ps.setInt(2, base + 10);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @ParameterizedTest(name = "useServerPrepStmts={0}")
    @ValueSource(booleans = {false, true})
    void refusalsAndServerErrorsKeepTheirNumbers(boolean serverPrepared) throws Exception {
        try (Connection proxy = fixture.connect(options(serverPrepared))) {
            assertThatThrownBy(() -> {
                try (PreparedStatement ps = proxy.prepareStatement(
                        "SELECT a.id FROM sbtest1 a JOIN sbtest1 b ON a.k = b.k WHERE a.id > ?")) {
                    ps.setInt(1, 0);
                    ps.executeQuery().close();
                }
            }).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(ProxyError.REFUSED.errorNumber());
                assertThat(e.getSQLState()).isIn("42000", "0A000");
            });
            try (Statement s = proxy.createStatement()) {
                s.executeUpdate("DELETE FROM sbtest1 WHERE id = 7001");
                s.executeUpdate("INSERT INTO sbtest1 (id) VALUES (7001)");
            }
            assertThatThrownBy(() -> {
                try (PreparedStatement ps = proxy.prepareStatement("INSERT INTO sbtest1 (id) VALUES (?)")) {
                    ps.setInt(1, 7001);
                    ps.executeUpdate();
                }
            }).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(1062);
                assertThat(e.getSQLState()).isEqualTo("23000");
            });
            // The session survives its errors.
            try (Statement s = proxy.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sbtest1 WHERE id = 7001")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void largeResultStreamsEveryRow() throws Exception {
        fixture.loadSbtest(30_000);
        for (boolean serverPrepared : new boolean[] {false, true}) {
            try (Connection proxy = fixture.connect(options(serverPrepared));
                    PreparedStatement ps = proxy.prepareStatement("SELECT id, c, pad FROM sbtest1 WHERE k >= ?")) {
                ps.setInt(1, 0);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(ProxyFixture.readSbtestRows(rs, 0)).containsExactly(30_000, 30_000L * 30_001 / 2);
                }
            }
        }
        fixture.awaitNoActiveShardConnections();
    }

    /**
     * A MySQL 8+ client that starts with {@code caching_sha2_password} and has {@code mysql_native_password} disabled
     * (MySQL 9 clients no longer ship it) logs in on the fast path: an auth switch to the native plugin would fail
     * here with "Unable to load authentication plugin". A wrong password is still refused.
     */
    @Test
    void cachingSha2PasswordClientsLogInOnTheFastPath() throws Exception {
        String sha2Only = options(true) + "&defaultAuthenticationPlugin=caching_sha2_password"
                + "&disabledAuthenticationPlugins=mysql_native_password";
        try (Connection proxy = fixture.connect(sha2Only); Statement s = proxy.createStatement();
                ResultSet rs = s.executeQuery("SELECT 6 * 7")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
        assertThatThrownBy(() -> DriverManager.getConnection(fixture.url(sha2Only), ProxyFixture.USER, "not-it"))
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied for user 'app'");
    }
}

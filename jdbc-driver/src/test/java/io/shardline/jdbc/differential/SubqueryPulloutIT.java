package io.shardline.jdbc.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the sql-compat corpus (11-subquery.sql) does not show of subqueries run first: errors as the database gives
 * them, the refusals (correlated, too many values, writes), and that the subquery runs in the application's own
 * transaction. Against the plain database holding the same rows where there is an answer to compare.
 */
class SubqueryPulloutIT extends DifferentialTestBase {

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aScalarSubqueryOfSeveralRowsFailsAsOnTheDatabase() throws SQLException {
        String sql = "SELECT order_id FROM t_order WHERE amount > (SELECT amount FROM t_order WHERE user_id = 3)";
        try (Statement plain = fixture.plain.createStatement()) {
            assertThatThrownBy(() -> plain.executeQuery(sql)).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getErrorCode()).as("ER_SUBQUERY_NO_1_ROW").isEqualTo(1242));
        }
        try (Connection c = fixture.sharded.getConnection(); Statement sharded = c.createStatement()) {
            assertThatThrownBy(() -> sharded.executeQuery(sql)).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo(1242));
        }
    }

    @Test
    void aPaginationCountIsDescribedAsTheDatabaseDescribesIt() throws SQLException {
        for (String sql : new String[] {"SELECT count(0) FROM (SELECT order_id FROM t_order WHERE amount > 1) tmp",
            "SELECT COUNT(*) AS `total rows` FROM (SELECT DISTINCT user_id FROM t_order) AS t"}) {
            List<String> expected;
            try (Statement plain = fixture.plain.createStatement()) {
                expected = described(plain, sql);
            }
            try (Connection c = fixture.sharded.getConnection(); Statement sharded = c.createStatement()) {
                assertThat(described(sharded, sql)).isEqualTo(expected);
            }
        }
    }

    private static List<String> described(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            rs.next();
            return List.of(md.getColumnLabel(1), md.getColumnTypeName(1), String.valueOf(md.getColumnType(1)),
                    String.valueOf(md.getPrecision(1)), String.valueOf(md.getColumnDisplaySize(1)),
                    String.valueOf(md.isNullable(1)),
                    String.valueOf(md.isSigned(1)), rs.getString(1), String.valueOf(rs.next()));
        }
    }

    @Test
    void aCorrelatedSubqueryIsRefusedSayingSo() throws SQLException {
        try (Connection c = fixture.sharded.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT u.user_id FROM t_user u WHERE EXISTS (SELECT 1 FROM"
                    + " t_order o WHERE o.user_id = u.user_id)")).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("0A000"))
                    .hasMessageStartingWith("a correlated subquery over sharded tables is not supported: it refers to"
                            + " the outer query (Unknown column 'u.user_id'");
        }
    }

    @Test
    void aSubqueryOfMoreValuesThanTheLimitIsRefusedNamingIt() throws SQLException {
        // 1,000 items x 11 columns: 11,000 values.
        try (Connection c = fixture.sharded.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT COUNT(*) FROM t_user WHERE EXISTS (SELECT item_id,"
                    + " order_id, user_id, qty, price, sku, item_id, order_id, user_id, qty, price FROM t_order_item)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("returned more than 10000 values");
            assertThat(count(s, "SELECT COUNT(*) FROM t_user WHERE EXISTS (SELECT item_id, order_id, user_id, qty,"
                    + " price, sku, item_id, order_id, user_id FROM t_order_item)")).as("9,000 values")
                    .isEqualTo(DifferentialFixture.USERS);
        }
    }

    @Test
    void writesKeepTheirSubqueriesAndAreRefusedAsBefore() throws SQLException {
        try (Connection c = fixture.sharded.getConnection(); Statement s = c.createStatement()) {
            long before = count(s, "SELECT COUNT(*) FROM t_order");
            // Run first, the subquery's rows would not be locked as the one database locks them.
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM t_order WHERE user_id IN (SELECT user_id FROM"
                    + " t_user WHERE city = 'Paris')")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("subquery");
            assertThatThrownBy(() -> s.executeQuery("SELECT order_id FROM t_order WHERE user_id IN (SELECT user_id"
                    + " FROM t_user WHERE city = 'Paris') FOR UPDATE")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("subquery");
            assertThat(count(s, "SELECT COUNT(*) FROM t_order")).isEqualTo(before);
        }
    }

    @Test
    void theSubqueryRunsInTheApplicationsTransactionAndSeesItsWrites() throws SQLException {
        try (Connection c = fixture.sharded.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("INSERT INTO t_user (user_id, name, city) VALUES (9001, 'subquery-probe', 'Nowhere')");
            s.executeUpdate("INSERT INTO t_order (order_id, user_id, status, amount, created_at) VALUES (900001, 9001,"
                    + " 'NEW', 1.00, '2024-01-01 00:00:00'), (900002, 9001, 'NEW', 2.00, '2024-01-01 00:00:00')");
            assertThat(count(s, "SELECT COUNT(*) FROM t_order WHERE user_id IN (SELECT user_id FROM t_user WHERE"
                    + " name = 'subquery-probe')")).isEqualTo(2);
            c.rollback();
            assertThat(count(s, "SELECT COUNT(*) FROM t_order WHERE user_id IN (SELECT user_id FROM t_user WHERE"
                    + " name = 'subquery-probe')")).isZero();
            c.setAutoCommit(true);
        }
    }
}

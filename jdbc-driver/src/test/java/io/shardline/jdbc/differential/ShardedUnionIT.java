package io.shardline.jdbc.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the sql-compat corpus (12-union.sql) does not show of a UNION whose SELECTs run apart: JDBC's maxRows, the
 * united column descriptions, and MariaDB's own error for SELECTs of different widths. Each against the plain
 * database holding the same rows.
 */
class ShardedUnionIT extends DifferentialTestBase {

    private interface Check<T> {
        T on(Statement statement) throws SQLException;
    }

    private static <T> void same(Check<T> check) throws SQLException {
        T expected;
        try (Statement plain = fixture.plain.createStatement()) {
            expected = check.on(plain);
        }
        try (Connection c = fixture.sharded.getConnection(); Statement sharded = c.createStatement()) {
            assertThat(check.on(sharded)).isEqualTo(expected);
        }
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return DifferentialFixture.read(rs, true);
        }
    }

    @Test
    void maxRowsCutsTheUnitedResultNotEachSelect() throws SQLException {
        // Each SELECT's units cut to 5 rows before DISTINCT and ORDER BY would return other, wrong, rows.
        String sql = "SELECT user_id FROM t_order WHERE amount > 10 UNION SELECT user_id FROM t_order_item"
                + " ORDER BY user_id DESC";
        same(s -> {
            s.setMaxRows(5);
            return rows(s, sql);
        });
        same(s -> {
            s.setMaxRows(3);
            return rows(s, "SELECT order_id FROM t_order WHERE user_id = 3 UNION ALL SELECT item_id FROM t_order_item"
                    + " WHERE user_id = 4 ORDER BY 1");
        });
    }

    @Test
    void unitedColumnsAreDescribedAsTheDatabaseDescribesThem() throws SQLException {
        // status VARCHAR(20) NOT NULL with name VARCHAR(30) NOT NULL; status with city VARCHAR(20) NULL.
        String sql = "SELECT status AS a, status AS b FROM t_order WHERE user_id = 1 UNION ALL SELECT name, city FROM"
                + " t_user";
        same(s -> {
            try (ResultSet rs = s.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> described = new ArrayList<>();
                for (int c = 1; c <= md.getColumnCount(); c++) {
                    described.add(md.getColumnLabel(c) + " " + md.getColumnTypeName(c) + " precision="
                            + md.getPrecision(c) + " display=" + md.getColumnDisplaySize(c) + " nullable="
                            + md.isNullable(c));
                }
                return described;
            }
        });
    }

    @Test
    void selectsOfDifferentWidthsFailAsOnTheDatabase() throws SQLException {
        String sql = "SELECT order_id, user_id FROM t_order UNION ALL SELECT user_id FROM t_user";
        try (Statement plain = fixture.plain.createStatement()) {
            assertThatThrownBy(() -> plain.executeQuery(sql)).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getErrorCode()).as("MariaDB's own error").isEqualTo(1222));
        }
        try (Connection c = fixture.sharded.getConnection(); Statement sharded = c.createStatement()) {
            assertThatThrownBy(() -> sharded.executeQuery(sql)).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo(1222))
                    .hasMessageContaining("different number of columns");
        }
    }
}

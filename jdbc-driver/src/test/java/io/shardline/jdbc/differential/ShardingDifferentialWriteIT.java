package io.shardline.jdbc.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The statements of {@code differential/writes.yaml} run in order on the plain database and through Shardline;
 * update counts must match and, after each one, the tables it names must hold the same rows on both sides.
 */
class ShardingDifferentialWriteIT extends DifferentialTestBase {

    @TestFactory
    Stream<DynamicTest> writes() {
        // Dynamic tests of one factory run in order: each write sees the previous ones.
        return DifferentialFixture.cases("writes.yaml").stream()
                .map(c -> DynamicTest.dynamicTest((String) c.get("id"), () -> run(c)));
    }

    @SuppressWarnings("unchecked")
    private static void run(Map<String, Object> c) throws SQLException {
        String sql = (String) c.get("sql");
        List<Object> params = (List<Object>) c.getOrDefault("params", List.of());
        if (c.containsKey("error")) {
            try (Connection shard = fixture.sharded.getConnection()) {
                assertThatThrownBy(() -> {
                    try (PreparedStatement ps = shard.prepareStatement(sql)) {
                        DifferentialFixture.bind(ps, params);
                        ps.executeUpdate();
                    }
                }).isInstanceOf(SQLException.class).hasMessageContaining((String) c.get("error"));
            }
            return;
        }
        String generated = (String) c.get("generatedKeys");
        if (generated != null) {
            runWithGeneratedKeys(sql, params, generated);
        } else {
            int expected;
            try (PreparedStatement ps = fixture.plain.prepareStatement(sql)) {
                DifferentialFixture.bind(ps, params);
                expected = ps.executeUpdate();
            }
            int actual;
            try (Connection shard = fixture.sharded.getConnection(); PreparedStatement ps = shard.prepareStatement(sql)) {
                DifferentialFixture.bind(ps, params);
                actual = ps.executeUpdate();
            }
            assertThat(actual).as("update count of %s", sql).isEqualTo(expected);
        }
        for (String table : (List<String>) c.get("check")) {
            String dump = "SELECT * FROM " + table;
            List<String> expected;
            try (Statement s = fixture.plain.createStatement(); ResultSet rs = s.executeQuery(dump)) {
                expected = DifferentialFixture.read(rs, false);
            }
            try (Connection shard = fixture.sharded.getConnection(); Statement s = shard.createStatement();
                    ResultSet rs = s.executeQuery(dump)) {
                assertThat(DifferentialFixture.read(rs, false)).as("%s after %s", table, sql)
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    /** Insert through Shardline, then copy the new rows (read back by returned key) to the plain database. */
    private static void runWithGeneratedKeys(String sql, List<Object> params, String tableDotColumn)
            throws SQLException {
        String table = tableDotColumn.substring(0, tableDotColumn.indexOf('.'));
        String column = tableDotColumn.substring(tableDotColumn.indexOf('.') + 1);
        List<Long> keys = new ArrayList<>();
        try (Connection shard = fixture.sharded.getConnection();
                PreparedStatement ps = shard.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            DifferentialFixture.bind(ps, params);
            int count = ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                while (rs.next()) {
                    keys.add(rs.getLong(1));
                }
            }
            assertThat(keys).as("generated keys of %s", sql).hasSize(count).doesNotHaveDuplicates();
            for (long key : keys) {
                try (PreparedStatement read = shard.prepareStatement("SELECT * FROM " + table + " WHERE " + column
                        + " = ?")) {
                    read.setLong(1, key);
                    try (ResultSet rs = read.executeQuery()) {
                        assertThat(rs.next()).as("row with generated %s = %d is readable", column, key).isTrue();
                        copyRow(table, rs);
                        assertThat(rs.next()).as("one row with %s = %d", column, key).isFalse();
                    }
                }
            }
        }
        assertThat(new HashSet<>(keys)).hasSameSizeAs(keys);
    }

    private static void copyRow(String table, ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        StringBuilder sql = new StringBuilder("INSERT INTO " + table + " VALUES (");
        for (int i = 1; i <= md.getColumnCount(); i++) {
            sql.append(i == 1 ? "?" : ", ?");
        }
        try (PreparedStatement insert = fixture.plain.prepareStatement(sql.append(')').toString())) {
            for (int i = 1; i <= md.getColumnCount(); i++) {
                insert.setObject(i, rs.getObject(i));
            }
            insert.executeUpdate();
        }
    }
}

package io.shardline.jdbc.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every query of {@code differential/queries.yaml} runs on one plain database and through Shardline over the
 * same rows (2 data sources × 2 tables per sharded table); labels, types and values must be identical. The
 * query list covers point, IN, range, scatter, ORDER BY/LIMIT with deep offsets, aggregates, GROUP BY/HAVING,
 * DISTINCT, binding and broadcast joins, and refusals.
 */
class ShardingDifferentialReadIT extends DifferentialTestBase {

    @TestFactory
    Stream<DynamicTest> queries() {
        List<Map<String, Object>> cases = DifferentialFixture.cases("queries.yaml");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        return cases.stream().map(c -> DynamicTest.dynamicTest((String) c.get("id"), () -> run(c)));
    }

    @Test
    void previewShowsUnitsWithoutExecuting() throws SQLException {
        String json = fixture.sharded.preview("SELECT order_id FROM t_order WHERE user_id IN (?, ?) ORDER BY order_id"
                + " LIMIT 2, 3", List.of(7, 9));
        // both users live on ds_1 (user_id % 2): two of the four tables
        assertThat(json).doesNotContain("ds_0").contains("\"opcode\": \"MULTI\"",
                "{\"dataSource\": \"ds_1\", \"sql\": \"SELECT order_id FROM t_order_0 WHERE user_id IN (?, ?) ORDER BY"
                        + " order_id LIMIT 0, 5\", \"parameters\": [7, 9]}",
                "\"offset\": 2, \"limit\": 3");
        assertThatThrownBy(() -> fixture.sharded.preview("SELECT * FROM t_order o JOIN t_user u ON o.user_id = u.user_id",
                List.of())).isInstanceOf(SQLException.class).hasMessageContaining("t_user");
    }

    @SuppressWarnings("unchecked")
    private static void run(Map<String, Object> c) throws SQLException {
        String sql = (String) c.get("sql");
        List<Object> params = (List<Object>) c.getOrDefault("params", List.of());
        if (c.containsKey("error")) {
            try (PreparedStatement plain = fixture.plain.prepareStatement(sql)) {
                DifferentialFixture.bind(plain, params);
                plain.executeQuery().close(); // valid SQL: the refusal below is Shardline's, not the server's
            }
            try (Connection shard = fixture.sharded.getConnection()) {
                assertThatThrownBy(() -> {
                    try (PreparedStatement ps = shard.prepareStatement(sql)) {
                        DifferentialFixture.bind(ps, params);
                        ps.executeQuery().close();
                    }
                }).isInstanceOf(SQLException.class).hasMessageContaining((String) c.get("error"));
            }
            return;
        }
        boolean ordered = (Boolean) c.getOrDefault("ordered", sql.toUpperCase(Locale.ROOT).contains("ORDER BY"));
        List<String> expected;
        try (PreparedStatement ps = fixture.plain.prepareStatement(sql)) {
            DifferentialFixture.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                expected = DifferentialFixture.read(rs, ordered);
            }
        }
        List<String> actual;
        try (Connection shard = fixture.sharded.getConnection(); PreparedStatement ps = shard.prepareStatement(sql)) {
            DifferentialFixture.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                actual = DifferentialFixture.read(rs, ordered);
            }
        }
        assertThat(actual).as("%s%s (%d rows)", sql, DifferentialFixture.describe(params), expected.size() - 1)
                .containsExactlyElementsOf(expected);
    }
}

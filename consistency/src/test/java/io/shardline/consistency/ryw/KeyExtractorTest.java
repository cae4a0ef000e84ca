package io.shardline.consistency.ryw;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.router.algorithm.ShardingAlgorithm;
import io.shardline.router.algorithm.ShardingAlgorithms;
import io.shardline.router.keygen.KeyGenerator;
import io.shardline.router.plan.GeneratedKeys;
import io.shardline.router.rule.KeyGeneration;
import io.shardline.router.rule.ShardingRule;
import io.shardline.router.rule.ShardingStrategy;
import io.shardline.router.rule.TableRule;
import io.shardline.sql.SqlParser;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KeyExtractorTest {

    private static final SqlParser PARSER = new SqlParser();
    private static final KeyExtractor EXTRACTOR = new KeyExtractor(rule(), Map.of("t_user", List.of("id")));

    private static ShardingRule rule() {
        Properties props = new Properties();
        props.setProperty("shardingCount", "2");
        ShardingAlgorithm mod = ShardingAlgorithms.create("MOD", props).standard().orElseThrow();
        KeyGenerator counter = new KeyGenerator() {
            private long next = 1000;

            @Override
            public synchronized Comparable<?> nextKey() {
                return next++;
            }
        };
        TableRule order = TableRule.builder("t_order").dataNodes("ds_${0..1}.t_order")
                .databaseStrategy(ShardingStrategy.standard("user_id", "mod", mod))
                .keyGeneration(new KeyGeneration("order_id", "counter", counter)).build();
        return ShardingRule.builder().dataSources("ds_0", "ds_1").table(order).singleTables(List.of("t_user"))
                .defaultDataSource("ds_0").build();
    }

    /** Both entry points, which must agree: the parsed statement, and the text (compiled once, then cached). */
    private static StatementKeys keys(String sql, Object... params) {
        StatementKeys parsed = EXTRACTOR.extract(PARSER.parse(sql), Arrays.asList(params), null);
        assertThat(EXTRACTOR.extract(sql, PARSER, Arrays.asList(params), null)).isEqualTo(parsed);
        assertThat(EXTRACTOR.extract(sql, PARSER, Arrays.asList(params), null)).as("cached").isEqualTo(parsed);
        return parsed;
    }

    private static TableAccess only(StatementKeys keys) {
        assertThat(keys.tables()).hasSize(1);
        return keys.tables().get(0);
    }

    @Test
    void keyColumnsAreShardingGeneratedAndConfiguredColumns() {
        assertThat(EXTRACTOR.keyColumns("t_order")).containsExactly("user_id", "order_id");
        assertThat(EXTRACTOR.keyColumns("T_USER")).containsExactly("id");
        assertThat(EXTRACTOR.keyColumns("t_other")).isEmpty();
    }

    @Test
    void equalityAndInPinKeysOfReads() {
        TableAccess t = only(keys("SELECT * FROM t_order WHERE user_id = ? AND status = 'NEW'", 5));
        assertThat(keys("SELECT 1 FROM t_order WHERE user_id = 5").write()).isFalse();
        assertThat(t.table()).isEqualTo("t_order");
        assertThat(t.pinnedColumns()).containsExactly("user_id");
        assertThat(t.pinnedValues()).containsExactly(List.of(5L));
        t = only(keys("SELECT * FROM t_order WHERE order_id IN (?, '7', 8) AND user_id = ?", 6, "9"));
        assertThat(t.pinnedColumns()).containsExactly("order_id", "user_id");
        assertThat(t.pinnedValues()).containsExactly(List.of(6L, 7L, 8L), List.of(9L));
        t = only(keys("SELECT * FROM t_user u WHERE u.id = 'Ab '"));
        assertThat(t.pinnedValues()).containsExactly(List.of(KeyValues.canonical("ab")));  // the general_ci weight
    }

    @Test
    void whatCannotBeNamedIsTheWholeTable() {
        assertThat(only(keys("SELECT * FROM t_order WHERE user_id = 1 OR user_id = 2")).wholeTable()).isTrue();
        assertThat(only(keys("SELECT * FROM t_order WHERE user_id > 1")).wholeTable()).isTrue();
        assertThat(only(keys("SELECT * FROM t_order WHERE user_id = 1 + 1")).wholeTable()).isTrue();
        assertThat(only(keys("SELECT * FROM t_order")).wholeTable()).isTrue();
        assertThat(only(keys("SELECT * FROM t_order WHERE status = 'x'")).wholeTable()).isTrue();
        assertThat(only(keys("REPLACE INTO t_order (user_id, order_id) VALUES (1, 2)")).wholeTable()).isTrue();
        assertThat(only(keys("INSERT INTO t_order (user_id, order_id) VALUES (1, 2) ON DUPLICATE KEY UPDATE "
                + "status = 'x'")).wholeTable()).isTrue();
        assertThat(only(keys("DELETE FROM t_order")).wholeTable()).isTrue();
        assertThat(keys("SELECT 1").tables()).isEmpty();
    }

    @Test
    void writesPinTheirKeys() {
        StatementKeys update = keys("UPDATE t_order SET status = ? WHERE user_id = ? AND order_id = ?", "x", 1, 2);
        assertThat(update.write()).isTrue();
        assertThat(only(update).pinnedColumns()).containsExactly("user_id", "order_id");
        TableAccess moved = only(keys("UPDATE t_order SET user_id = ? WHERE user_id = ?", 9, 5));
        assertThat(moved.pinnedValues()).as("rows leave 5 and arrive at 9").containsExactly(List.of(5L, 9L));
        TableAccess unknownMove = only(keys("UPDATE t_order SET user_id = user_id + 1 WHERE user_id = 5"));
        assertThat(unknownMove.wholeTable()).isTrue();
        TableAccess insert = only(keys("INSERT INTO t_order (user_id, order_id, status) VALUES (?, ?, 'a'), (3, 4, 'b')",
                1, 2));
        assertThat(insert.pinnedColumns()).containsExactly("user_id", "order_id");
        assertThat(insert.pinnedValues()).containsExactly(List.of(1L, 3L), List.of(2L, 4L));
        TableAccess noKey = only(keys("INSERT INTO t_order (user_id, status) VALUES (1, 'a')"));
        assertThat(noKey.pinnedColumns()).as("order_id not written: unpinned").containsExactly("user_id");
        TableAccess generated = only(EXTRACTOR.extract(PARSER.parse("INSERT INTO t_order (user_id, status) VALUES (1, 'a')"),
                List.of(), new GeneratedKeys("order_id", List.of(1000L))));
        assertThat(generated.pinnedColumns()).containsExactly("user_id", "order_id");
        assertThat(generated.pinnedValues()).containsExactly(List.of(1L), List.of(1000L));
    }

    @Test
    void aCachedPlanBindsEachExecutionsParameters() {
        String sql = "SELECT * FROM t_order WHERE user_id = ?";
        assertThat(EXTRACTOR.extract(sql, PARSER, List.of(1), null).tables().get(0).pinnedValues())
                .containsExactly(List.of(1L));
        assertThat(EXTRACTOR.extract(sql, PARSER, List.of(2), null).tables().get(0).pinnedValues())
                .containsExactly(List.of(2L));
        List<Object> nullParameter = Arrays.asList((Object) null);
        assertThat(EXTRACTOR.extract(sql, PARSER, nullParameter, null).tables().get(0).pinnedValues())
                .as("= NULL matches nothing").containsExactly(List.of());
    }

    @Test
    void canonicalValuesMatchAcrossJavaTypes() {
        assertThat(KeyValues.canonical(5)).isEqualTo(KeyValues.canonical("5")).isEqualTo(KeyValues.canonical(5L))
                .isEqualTo(KeyValues.canonical(new java.math.BigDecimal("5.00"))).isEqualTo(KeyValues.canonical(5.0));
        // strings fold as utf8mb4_general_ci compares: case, accents, trailing spaces
        assertThat(KeyValues.canonical("ABC  ")).isEqualTo(KeyValues.canonical("abc"));
        assertThat(KeyValues.canonical("Zürich")).isEqualTo(KeyValues.canonical("zurich"));
        assertThat(KeyValues.canonical("abc")).isNotEqualTo(KeyValues.canonical("abd"));
        assertThat(KeyValues.canonical(null)).isNull();
        assertThat(KeyValues.canonical(new byte[] {1, (byte) 0xAB})).isEqualTo("0x01ab");
    }
}

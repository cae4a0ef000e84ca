package io.shardline.router.algorithm;

import static io.shardline.router.algorithm.AlgorithmFixtures.standard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModShardingAlgorithmTest {

    static final List<String> TABLES = List.of("t_order_0", "t_order_1", "t_order_2", "t_order_3");
    final ShardingAlgorithm mod4 = standard("MOD", "shardingCount", "4");

    @Test
    void routesByRemainderToTheTargetWithThatSuffix() {
        assertThat(mod4.shard(TABLES, "order_id", 7L)).isEqualTo("t_order_3");
        assertThat(mod4.shard(TABLES, "order_id", 8)).isEqualTo("t_order_0");
        assertThat(mod4.shard(TABLES, "order_id", new BigDecimal("9.000"))).isEqualTo("t_order_1");
        assertThat(mod4.shard(TABLES, "order_id", BigInteger.valueOf(10))).isEqualTo("t_order_2");
        assertThat(mod4.shard(TABLES, "order_id", "11")).isEqualTo("t_order_3");
        // floorMod: -1 is 3 more than -4.
        assertThat(mod4.shard(TABLES, "order_id", -1L)).isEqualTo("t_order_3");
    }

    @Test
    void suffixRuleReadsTheTrailingDigitRun() {
        assertThat(mod4.shard(List.of("ds0", "ds1", "ds2", "ds3"), "user_id", 6)).isEqualTo("ds2");
        assertThat(mod4.shard(List.of("t_00", "t_01", "t_02", "t_03"), "user_id", 5)).isEqualTo("t_01");
    }

    @Test
    void failsClearlyOnNonIntegralValuesAndMissingSuffix() {
        assertThatThrownBy(() -> mod4.shard(TABLES, "order_id", new BigDecimal("7.5")))
                .isInstanceOf(AlgorithmException.class)
                .hasMessage("MOD cannot shard value '7.5' (BigDecimal): not an integer");
        assertThatThrownBy(() -> mod4.shard(TABLES, "order_id", "abc"))
                .hasMessage("MOD cannot shard value 'abc' (String): not an integer");
        assertThatThrownBy(() -> mod4.shard(List.of("t_0", "t_1"), "order_id", 3))
                .hasMessage("MOD routed value '3' to suffix 3 but no target has that suffix among [t_0, t_1]");
    }

    @Test
    void narrowRangesPruneToTheResiduesTheyCover() {
        // 5..6 → residues 1, 2
        assertThat(mod4.shardRange(TABLES, "order_id", ValueRange.closed(5L, 6L)))
                .containsExactly("t_order_1", "t_order_2");
        // (5, 8) → 6, 7 → residues 2, 3
        assertThat(mod4.shardRange(TABLES, "order_id", ValueRange.of(5, false, 8, false)))
                .containsExactly("t_order_2", "t_order_3");
        // 7..8 wraps → 3, 0 (returned in target order)
        assertThat(mod4.shardRange(TABLES, "order_id", ValueRange.closed(7, 8)))
                .containsExactly("t_order_0", "t_order_3");
        assertThat(mod4.shardRange(TABLES, "order_id", ValueRange.closed(8, 7))).isEmpty();
    }

    @Test
    void wideOrOpenRangesTouchEveryTarget() {
        assertThat(mod4.shardRange(TABLES, "order_id", ValueRange.closed(1, 4))).isEqualTo(TABLES);
        assertThat(mod4.shardRange(TABLES, "order_id", ValueRange.atLeast(5))).isEqualTo(TABLES);
        assertThat(mod4.shardRange(TABLES, "order_id", ValueRange.closed(Long.MIN_VALUE, Long.MAX_VALUE)))
                .isEqualTo(TABLES);
    }

    @Test
    void shardingCountIsValidated() {
        assertThatThrownBy(() -> standard("MOD"))
                .isInstanceOfSatisfying(AlgorithmException.class, e -> assertThat(e.property()).contains("shardingCount"))
                .hasMessage("shardingCount: required by MOD");
        assertThatThrownBy(() -> standard("MOD", "shardingCount", "0"))
                .hasMessage("shardingCount: 0 is out of range [1, 2147483647]");
        assertThatThrownBy(() -> standard("MOD", "shardingCount", "four"))
                .hasMessage("shardingCount: 'four' is not an integer");
        assertThatThrownBy(() -> standard("MOD", "shardingCount", "4", "shardCount", "4"))
                .hasMessage("shardCount: unknown property of MOD (known: shardingCount)");
    }
}

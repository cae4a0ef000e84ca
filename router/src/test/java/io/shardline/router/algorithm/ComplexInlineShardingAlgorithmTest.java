package io.shardline.router.algorithm;

import static io.shardline.router.algorithm.AlgorithmFixtures.complex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComplexInlineShardingAlgorithmTest {

    static final List<String> TABLES = List.of("t_order_0", "t_order_1", "t_order_2", "t_order_3");
    final ComplexShardingAlgorithm algorithm = complex("COMPLEX_INLINE", "expression",
            "t_order_${(user_id + order_id) % 4}");

    @Test
    void oneValuePerColumnGivesOneTarget() {
        // (10 + 7) % 4 = 1
        assertThat(algorithm.shard(TABLES, Map.of("user_id", List.of(10L), "order_id", List.of(7L)), Map.of()))
                .containsExactly("t_order_1");
    }

    @Test
    void inListsGiveTheCartesianProduct() {
        // user 1 or 2, order 5: 6 % 4 = 2, 7 % 4 = 3; order 9 adds 10 % 4 = 2 (again), 11 % 4 = 3 (again)
        assertThat(algorithm.shard(TABLES, Map.of("user_id", List.of(1, 2), "order_id", List.of(5, 9)), Map.of()))
                .containsExactly("t_order_2", "t_order_3");
    }

    @Test
    void aColumnWithoutExactValuesMeansEveryTarget() {
        assertThat(algorithm.shard(TABLES, Map.of("user_id", List.of(1)),
                Map.of("order_id", ValueRange.closed(1, 2)))).isEqualTo(TABLES);
    }

    @Test
    void columnNamesMatchCaseInsensitively() {
        assertThat(algorithm.shard(TABLES, Map.of("USER_ID", List.of(0), "Order_Id", List.of(3)), Map.of()))
                .containsExactly("t_order_3");
    }

    @Test
    void renderingOutsideTheTargetsIsAnError() {
        assertThatThrownBy(() -> algorithm.shard(List.of("t_order_0"),
                Map.of("user_id", List.of(1), "order_id", List.of(1)), Map.of()))
                .hasMessage("COMPLEX_INLINE expression 't_order_${(user_id + order_id) % 4}' gave 't_order_2' for"
                        + " user_id=1, order_id=1, which is not among the targets [t_order_0]");
    }

    @Test
    void bareColumnsMayBeStringsWhileArithmeticColumnsMustBeIntegers() {
        ComplexShardingAlgorithm regional = complex("COMPLEX_INLINE", "expression", "t_${region}_${id % 2}");
        List<String> targets = List.of("t_eu_0", "t_eu_1", "t_us_0", "t_us_1");
        assertThat(regional.shard(targets, Map.of("region", List.of("eu"), "id", List.of(3L)), Map.of()))
                .containsExactly("t_eu_1");
        assertThatThrownBy(() -> regional.shard(targets, Map.of("region", List.of("eu"), "id", List.of("x")), Map.of()))
                .hasMessage("COMPLEX_INLINE cannot shard value 'x' (String): not an integer");
    }

    @Test
    void isNotASingleColumnAlgorithm() {
        assertThat(ShardingAlgorithms.create("COMPLEX_INLINE", AlgorithmFixtures.props("expression", "t_${a}"))
                .standard()).isEmpty();
    }
}

package io.shardline.router.algorithm;

import static io.shardline.router.algorithm.AlgorithmFixtures.standard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InlineShardingAlgorithmTest {

    static final List<String> TABLES = List.of("t_order_0", "t_order_1", "t_order_2", "t_order_3");

    @Test
    void rendersTheExpressionAndReturnsThatTarget() {
        ShardingAlgorithm inline = standard("INLINE", "expression", "t_order_${order_id % 4}");
        assertThat(inline.shard(TABLES, "order_id", 7L)).isEqualTo("t_order_3");
        assertThat(inline.shard(TABLES, "order_id", 12)).isEqualTo("t_order_0");
        assertThat(inline.shard(TABLES, "order_id", "9")).isEqualTo("t_order_1");
    }

    @Test
    void returnsTheTargetInstanceNotACopy() {
        ShardingAlgorithm inline = standard("INLINE", "expression", "t_order_${order_id % 4}");
        assertThat(inline.shard(TABLES, "order_id", 6L)).isSameAs(TABLES.get(2));
    }

    @ParameterizedTest(name = "{0} with x={1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // precedence: * / % bind tighter than + -, left to right
        "t_${x + 1 * 2}         | 3  | t_5",
        "t_${(x + 1) * 2}       | 3  | t_8",
        "t_${x - 1 - 1}         | 5  | t_3",
        "t_${x / 2 % 3}         | 11 | t_2",
        "t_${-x + 10}           | 4  | t_6",
        "t_${x % 4}_${x / 4}    | 9  | t_1_2",
        "${x % 2}_t             | 7  | 1_t",
        // Java remainder keeps the dividend's sign
        "t_${x % 4}             | -7 | t_-3",
    })
    void integerArithmetic(String expression, long x, String expected) {
        ShardingAlgorithm inline = standard("INLINE", "expression", expression);
        assertThat(inline.shard(List.of("other", expected), "x", x)).isEqualTo(expected);
    }

    @Test
    void bareColumnRendersStringsToo() {
        ShardingAlgorithm inline = standard("INLINE", "expression", "t_log_${region}");
        assertThat(inline.shard(List.of("t_log_eu", "t_log_us"), "region", "us")).isEqualTo("t_log_us");
    }

    @Test
    void aRenderingThatIsNotATargetIsAnError() {
        ShardingAlgorithm inline = standard("INLINE", "expression", "t_order_${order_id % 8}");
        assertThatThrownBy(() -> inline.shard(TABLES, "order_id", 6))
                .hasMessage("INLINE expression 't_order_${order_id % 8}' gave 't_order_6' for value '6', which is"
                        + " not among the targets [t_order_0, t_order_1, t_order_2, t_order_3]");
    }

    @Test
    void arithmeticOnAStringIsAnError() {
        ShardingAlgorithm inline = standard("INLINE", "expression", "t_order_${order_id % 4}");
        assertThatThrownBy(() -> inline.shard(TABLES, "order_id", "abc"))
                .hasMessage("INLINE cannot shard value 'abc' (String): not an integer");
    }

    @Test
    void divisionByZeroIsAnError() {
        ShardingAlgorithm inline = standard("INLINE", "expression", "t_${10 / x}");
        assertThatThrownBy(() -> inline.shard(TABLES, "x", 0))
                .hasMessage("division by zero in inline expression 't_${10 / x}'");
    }

    @Test
    void rangesTouchEveryTarget() {
        ShardingAlgorithm inline = standard("INLINE", "expression", "t_order_${order_id % 4}");
        assertThat(inline.shardRange(TABLES, "order_id", ValueRange.closed(1, 2))).isEqualTo(TABLES);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "t_${order_id % 4         | 3  | '${' is never closed by '}'",
        "t_${}                    | 5  | empty '${}'",
        "t_${order_id %}          | 15 | expected a number, column or '(' but the expression ended",
        "t_${order_id % 4)}       | 17 | unexpected ')'",
        "t_${(order_id % 4}       | 5  | '(' is never closed",
        "t_${order_id.x}          | 13 | unexpected '.'",
        "t_${order_id # 4}        | 14 | unexpected '#'",
        "t_${a ${b}}              | 7  | '${' cannot be nested",
        "t_}                      | 3  | '}' without a matching '${'",
        "t_${99999999999999999999}| 5  | number too large",
    })
    void malformedExpressionsNamePropertyExpressionAndPosition(String expression, int position, String reason) {
        assertThatThrownBy(() -> standard("INLINE", "expression", expression))
                .isInstanceOfSatisfying(AlgorithmException.class, e -> assertThat(e.property()).contains("expression"))
                .hasMessage("expression: malformed inline expression '" + expression + "' at position " + position
                        + ": " + reason);
    }

    @Test
    void severalColumnsNeedComplexInline() {
        assertThatThrownBy(() -> standard("INLINE", "expression", "t_${(a + b) % 4}"))
                .hasMessage("expression: INLINE expression 't_${(a + b) % 4}' uses several columns [a, b];"
                        + " use COMPLEX_INLINE");
    }

    @Test
    void decimalEqualsComparesWithoutAllocating() {
        assertThat(InlineTemplate.decimalEquals("t_12", 2, 4, 12)).isTrue();
        assertThat(InlineTemplate.decimalEquals("t_012", 2, 5, 12)).isFalse();
        assertThat(InlineTemplate.decimalEquals("t_-3", 2, 4, -3)).isTrue();
        assertThat(InlineTemplate.decimalEquals("t_3", 2, 3, -3)).isFalse();
        assertThat(InlineTemplate.decimalEquals("t_", 2, 2, 0)).isFalse();
    }
}

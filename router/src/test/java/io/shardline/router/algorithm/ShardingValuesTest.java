package io.shardline.router.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardingValuesTest {

    @Test
    void integralValues() {
        assertThat(ShardingValues.isIntegral(7)).isTrue();
        assertThat(ShardingValues.isIntegral("-42")).isTrue();
        assertThat(ShardingValues.isIntegral("9223372036854775807")).isTrue();
        assertThat(ShardingValues.isIntegral("9223372036854775808")).isFalse();
        assertThat(ShardingValues.isIntegral("12a")).isFalse();
        assertThat(ShardingValues.isIntegral("")).isFalse();
        assertThat(ShardingValues.isIntegral("-")).isFalse();
        assertThat(ShardingValues.isIntegral(new BigDecimal("3.0"))).isTrue();
        assertThat(ShardingValues.isIntegral(new BigDecimal("3.5"))).isFalse();
        assertThat(ShardingValues.isIntegral(BigInteger.ONE.shiftLeft(63))).isFalse();
        assertThat(ShardingValues.isIntegral(2.0d)).isTrue();
        assertThat(ShardingValues.isIntegral(LocalDate.of(2024, 1, 1))).isFalse();
        assertThat(ShardingValues.toLong(new BigDecimal("3.000"), "X")).isEqualTo(3);
    }

    @Test
    void canonicalStrings() {
        assertThat(ShardingValues.canonical(7L)).isEqualTo("7");
        assertThat(ShardingValues.canonical(new BigDecimal("7.50"))).isEqualTo("7.5");
        assertThat(ShardingValues.canonical(new BigDecimal("0.000"))).isEqualTo("0");
        assertThat(ShardingValues.canonical(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(ShardingValues.canonical(2.5d)).isEqualTo("2.5");
        assertThat(ShardingValues.canonical(true)).isEqualTo("1");
        assertThat(ShardingValues.canonical(LocalDate.of(2024, 1, 31))).isEqualTo("2024-01-31");
        assertThat(ShardingValues.canonical(LocalDateTime.of(2024, 1, 31, 10, 15))).isEqualTo("2024-01-31T10:15:00");
        assertThat(ShardingValues.canonical(Timestamp.valueOf("2024-01-31 10:15:00.5"))).isEqualTo("2024-01-31T10:15:00.5");
    }

    @Test
    void suffixRule() {
        assertThat(ShardingValues.suffixOf("t_order_3")).isEqualTo(3);
        assertThat(ShardingValues.suffixOf("t_order_03")).isEqualTo(3);
        assertThat(ShardingValues.suffixOf("ds12")).isEqualTo(12);
        assertThat(ShardingValues.suffixOf("t_order")).isEqualTo(-1);
        assertThat(ShardingValues.indexOfSuffix(List.of("a_0", "a_1", "a_2"), 2)).isEqualTo(2);
        assertThat(ShardingValues.indexOfSuffix(List.of("a_0", "a_1"), 5)).isEqualTo(-1);
    }
}

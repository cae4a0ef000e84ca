package io.shardline.router.algorithm;

import static io.shardline.router.algorithm.AlgorithmFixtures.standard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalShardingAlgorithmTest {

    static final List<String> MONTHS = months();

    static List<String> months() {
        List<String> tables = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            tables.add("t_log_2024" + (m < 10 ? "0" : "") + m);
        }
        return tables;
    }

    final ShardingAlgorithm monthly = standard("INTERVAL", "datetimeLower", "2024-01-01 00:00:00",
            "datetimeUpper", "2024-12-31 23:59:59", "unit", "MONTH", "suffixPattern", "yyyyMM");

    @Test
    void exactValuesGoToTheirMonth() {
        assertThat(monthly.shard(MONTHS, "created_at", LocalDateTime.of(2024, 3, 15, 10, 0))).isEqualTo("t_log_202403");
        assertThat(monthly.shard(MONTHS, "created_at", LocalDate.of(2024, 12, 31))).isEqualTo("t_log_202412");
        assertThat(monthly.shard(MONTHS, "created_at", "2024-02-29 23:59:59")).isEqualTo("t_log_202402");
        assertThat(monthly.shard(MONTHS, "created_at", Timestamp.valueOf("2024-01-01 00:00:00"))).isEqualTo("t_log_202401");
    }

    @Test
    void valuesOutsideTheBoundsCannotBeRouted() {
        assertThatThrownBy(() -> monthly.shard(MONTHS, "created_at", LocalDateTime.of(2023, 12, 31, 23, 59)))
                .hasMessage("INTERVAL cannot shard value '2023-12-31T23:59': outside [datetimeLower 2024-01-01T00:00,"
                        + " datetimeUpper 2024-12-31T23:59:59]");
        assertThatThrownBy(() -> monthly.shard(MONTHS, "created_at", 42))
                .hasMessage("INTERVAL cannot shard value '42' (Integer): not a date or date-time");
    }

    @Test
    void rangesPruneToTheCoveredMonths() {
        assertThat(monthly.shardRange(MONTHS, "created_at",
                ValueRange.of(LocalDate.of(2024, 2, 10), true, LocalDate.of(2024, 4, 1), false)))
                .containsExactly("t_log_202402", "t_log_202403");
        assertThat(monthly.shardRange(MONTHS, "created_at",
                ValueRange.closed(LocalDate.of(2024, 2, 10), LocalDate.of(2024, 4, 1))))
                .containsExactly("t_log_202402", "t_log_202403", "t_log_202404");
        assertThat(monthly.shardRange(MONTHS, "created_at", ValueRange.atLeast(LocalDate.of(2024, 11, 5))))
                .containsExactly("t_log_202411", "t_log_202412");
        assertThat(monthly.shardRange(MONTHS, "created_at", ValueRange.lessThan(LocalDate.of(2023, 6, 1)))).isEmpty();
        assertThat(monthly.shardRange(MONTHS, "created_at", ValueRange.atMost(LocalDate.of(2030, 1, 1))))
                .isEqualTo(MONTHS);
    }

    @Test
    void dayIntervalsWithAStep() {
        // 3-day intervals from 2024-01-01: [01,04) [04,07) [07,10) [10,11)
        ShardingAlgorithm everyThreeDays = standard("INTERVAL", "datetimeLower", "2024-01-01",
                "datetimeUpper", "2024-01-10", "unit", "DAY", "amount", "3", "suffixPattern", "MMdd");
        List<String> tables = List.of("t_0101", "t_0104", "t_0107", "t_0110");
        assertThat(((IntervalShardingAlgorithm) everyThreeDays).suffixes()).containsExactly("0101", "0104", "0107", "0110");
        assertThat(everyThreeDays.shard(tables, "d", LocalDate.of(2024, 1, 6))).isEqualTo("t_0104");
        assertThat(everyThreeDays.shard(tables, "d", LocalDateTime.of(2024, 1, 7, 0, 0))).isEqualTo("t_0107");
    }

    @Test
    void badPropsNameTheProperty() {
        assertThatThrownBy(() -> standard("INTERVAL", "datetimeLower", "2024-01-01", "datetimeUpper", "2024-12-31",
                "unit", "MONTH", "suffixPattern", "yyyyMMb"))
                .isInstanceOfSatisfying(AlgorithmException.class, e -> assertThat(e.property()).contains("suffixPattern"))
                .hasMessageStartingWith("suffixPattern: 'yyyyMMb' is not a valid date-time pattern");
        assertThatThrownBy(() -> standard("INTERVAL", "datetimeLower", "2024-01-01", "datetimeUpper", "2024-12-31",
                "unit", "MONTH", "suffixPattern", "yyyy"))
                .hasMessage("suffixPattern: 'yyyy' gives the same suffix '2024' to the intervals starting"
                        + " 2024-01-01T00:00 and 2024-02-01T00:00");
        assertThatThrownBy(() -> standard("INTERVAL", "datetimeLower", "2024-13-01", "datetimeUpper", "2024-12-31",
                "unit", "MONTH", "suffixPattern", "yyyyMM"))
                .hasMessage("datetimeLower: '2024-13-01' is not a date-time (use yyyy-MM-dd HH:mm:ss or yyyy-MM-dd)");
        assertThatThrownBy(() -> standard("INTERVAL", "datetimeLower", "2024-01-01", "datetimeUpper", "2024-12-31",
                "unit", "WEEK", "suffixPattern", "yyyyMM"))
                .hasMessage("unit: 'WEEK' is not DAY or MONTH");
        assertThatThrownBy(() -> standard("INTERVAL", "datetimeLower", "2024-01-01", "datetimeUpper", "2023-12-31",
                "unit", "DAY", "suffixPattern", "yyyyMMdd"))
                .hasMessage("datetimeUpper: '2023-12-31T00:00' is before datetimeLower '2024-01-01T00:00'");
    }
}

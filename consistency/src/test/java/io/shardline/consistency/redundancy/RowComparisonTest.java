package io.shardline.consistency.redundancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RowComparisonTest {

    private static final RedundantTable COPY = new RedundantTable("c", "s", "id", List.of("u"), "d",
            Optional.empty(), RepairPolicy.SOURCE_WINS);
    private static final List<String> COLS = List.of("id", "u", "d", "amount");

    private static Map<String, Object> row(long id, Long d, Object amount) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("u", 1L);
        m.put("d", d);
        m.put("amount", amount);
        return m;
    }

    private static Optional<DivergenceKind> cmp(List<Map<String, Object>> s, List<Map<String, Object>> c) {
        return RowComparison.compare(COPY, COLS, s, c);
    }

    @Test
    void namesEachKind() {
        assertThat(cmp(List.of(row(1, 5L, new BigDecimal("1.50"))), List.of(row(1, 5L, new BigDecimal("1.5")))))
                .isEmpty();
        assertThat(cmp(List.of(row(1, 5L, 1)), List.of())).contains(DivergenceKind.MISSING);
        assertThat(cmp(List.of(), List.of(row(1, 5L, 1)))).contains(DivergenceKind.ORPHAN);
        assertThat(cmp(List.of(row(1, 5L, 1)), List.of(row(1, 6L, 1)))).contains(DivergenceKind.MISMATCH);
        assertThat(cmp(List.of(row(1, 5L, 1)), List.of(row(1, 5L, 1), row(1, 5L, 1))))
                .contains(DivergenceKind.MISMATCH);
        // No second key: no copy expected.
        assertThat(cmp(List.of(row(1, null, 1)), List.of())).isEmpty();
        assertThat(cmp(List.of(row(1, null, 1)), List.of(row(1, 5L, 1)))).contains(DivergenceKind.ORPHAN);
    }
}

package io.shardline.router.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.router.merge.AggregateFunction;
import io.shardline.router.merge.Collation;
import io.shardline.router.merge.ListCursor;
import io.shardline.router.merge.MergeEngine;
import io.shardline.router.merge.MergePlan;
import io.shardline.router.merge.MergeSpec;
import io.shardline.router.merge.RowCursor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A merge plan for {@code SELECT *}: derived columns counted from the end, the width taken from the shard rows. */
class MergePlanWidthTest {

    private static final MergePlan STAR_ORDERED_BY_DERIVED = new MergePlan(MergePlan.UNKNOWN_WIDTH,
            MergePlan.UNKNOWN_WIDTH, List.of(new MergePlan.Key(-1, true)), List.of(), List.of(),
            List.of(new MergePlan.Key(-1, true)), false, 1, 2, 1);

    @Test
    void resolvesNegativeColumnsAgainstTheActualWidth() {
        MergePlan plan = STAR_ORDERED_BY_DERIVED.resolve(4);
        assertThat(plan.columnCount()).isEqualTo(4);
        assertThat(plan.visibleColumns()).isEqualTo(3);
        assertThat(plan.shardOrder()).containsExactly(new MergePlan.Key(3, true));
        assertThat(plan.orderBy()).containsExactly(new MergePlan.Key(3, true));
        assertThat(plan.widthUnknown()).isFalse();
    }

    @Test
    void mergesRowsOfTheWidthTheShardsReturn() {
        List<RowCursor> shards = List.of(
                new ListCursor(rows(new Object[] {1L, "a", 10L, 10L}, new Object[] {2L, "b", 5L, 5L}), 4),
                new ListCursor(rows(new Object[] {3L, "c", 7L, 7L}), 4));
        MergeSpec spec = STAR_ORDERED_BY_DERIVED.bind(Collections.nCopies(4, Collation.BINARY),
                List.of("a", "b", "c", "d"));
        List<Long> ids = new ArrayList<>();
        try (RowCursor merged = MergeEngine.merge(shards, spec)) {
            assertThat(merged.columnCount()).isEqualTo(3);
            while (merged.next()) {
                ids.add((Long) merged.value(0));
            }
        }
        assertThat(ids).containsExactly(3L, 2L); // by the hidden column DESC: 10, 7, 5; offset 1, limit 2
    }

    @Test
    void aggregatesResolveTheirDerivedColumns() {
        MergePlan avg = new MergePlan(MergePlan.UNKNOWN_WIDTH, MergePlan.UNKNOWN_WIDTH, List.of(), List.of(),
                List.of(new MergePlan.AggregateRef(AggregateFunction.AVG, 0, -2, -1)), List.of(), false, 0, -1, 2);
        MergePlan resolved = avg.resolve(5);
        assertThat(resolved.aggregates()).containsExactly(
                new MergePlan.AggregateRef(AggregateFunction.AVG, 0, 3, 4));
        assertThat(resolved.visibleColumns()).isEqualTo(3);
    }

    @Test
    void refusesRowsTooNarrowForTheDerivedColumns() {
        assertThatThrownBy(() -> STAR_ORDERED_BY_DERIVED.resolve(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 derived columns after at least one visible column");
    }

    @Test
    void knownWidthPlansKeepTheirConstructorAndDerivedCount() {
        MergePlan plan = new MergePlan(3, 2, List.of(), List.of(), List.of(), List.of(), false, 0, -1);
        assertThat(plan.derivedColumns()).isEqualTo(1);
        assertThat(plan.resolve(3)).isSameAs(plan);
        assertThat(MergePlan.concat(2).derivedColumns()).isZero();
    }

    private static List<Object[]> rows(Object[]... rows) {
        return List.of(rows);
    }
}

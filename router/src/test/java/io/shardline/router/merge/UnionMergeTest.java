package io.shardline.router.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a UNION's branches unite: MySQL's DISTINCT reach, collations, then ORDER BY and LIMIT over the whole. */
class UnionMergeTest {

    private static RowCursor branch(Object... values) {
        List<Object[]> rows = new ArrayList<>();
        for (Object v : values) {
            rows.add(new Object[] {v});
        }
        return new ListCursor(rows, 1);
    }

    private static List<Object> drain(RowCursor cursor) {
        List<Object> out = new ArrayList<>();
        while (cursor.next()) {
            out.add(cursor.value(0));
        }
        cursor.close();
        return out;
    }

    private static final List<Collation> CI = List.of(Collation.GENERAL_CI);

    @Test
    void unionAllKeepsEveryRowInBranchOrder() {
        assertThat(drain(MergeEngine.union(List.of(branch("a", "a"), branch("A", null)), 0, CI, List.of(), 0, -1)))
                .containsExactly("a", "a", "A", null);
    }

    @Test
    void distinctReachesTheLeadingBranchesAndKeepsTheFirstSpelling() {
        // A UNION ALL B UNION C: one set over all three. NULLs are one value.
        assertThat(drain(MergeEngine.union(List.of(branch("a", "b", null), branch("B", null), branch("A", "c")), 3,
                CI, List.of(), 0, -1))).containsExactly("a", "b", null, "c");
        // A UNION B UNION ALL C: C's rows stay, duplicates and all.
        assertThat(drain(MergeEngine.union(List.of(branch("a", "A"), branch("a"), branch("a", "a")), 2, CI,
                List.of(), 0, -1))).containsExactly("a", "a", "a");
        // Under a binary collation 'a' and 'A' are two values.
        assertThat(drain(MergeEngine.union(List.of(branch("a"), branch("A", "a")), 2, List.of(Collation.BINARY),
                List.of(), 0, -1))).containsExactly("a", "A");
    }

    @Test
    void orderByAndLimitApplyToTheWholeResult() {
        List<SortKey> desc = List.of(SortKey.desc(0, Collation.BINARY));
        assertThat(drain(MergeEngine.union(List.of(branch(1L, 5L, 3L), branch(4L, 2L, 5L)), 2,
                List.of(Collation.BINARY), desc, 1, 2))).containsExactly(4L, 3L);
        assertThat(drain(MergeEngine.union(List.of(branch(1L, 5L), branch(4L)), 0, List.of(Collation.BINARY),
                List.of(), 1, 5))).containsExactly(5L, 4L);
    }

    @Test
    void theOrderByNamesAResultColumnByLabelOrPosition() {
        UnionPlan plan = new UnionPlan(List.of(new UnionPlan.Branch(1, Optional.empty()),
                new UnionPlan.Branch(1, Optional.empty())), List.of(new UnionPlan.Order(0, "AT_TIME", true),
                new UnionPlan.Order(1, null, false)), 0, 0, -1);
        List<Collation> collations = Arrays.asList(Collation.GENERAL_CI, Collation.BINARY);
        assertThat(plan.sortKeys(List.of("id", "at_time"), collations)).containsExactly(
                SortKey.desc(1, Collation.BINARY), SortKey.asc(0, Collation.GENERAL_CI));
        assertThatThrownBy(() -> plan.sortKeys(List.of("id", "created"), collations))
                .hasMessageContaining("ORDER BY AT_TIME DESC of a UNION over sharded tables names no column of the"
                        + " result [id, created]");
        assertThatThrownBy(() -> plan.sortKeys(List.of("at_time", "at_time"), collations))
                .hasMessageContaining("ambiguous");
    }

    @Test
    void aComparedColumnWithoutOneReproducibleCollationIsRefused() {
        UnionPlan distinct = new UnionPlan(List.of(new UnionPlan.Branch(1, Optional.empty()),
                new UnionPlan.Branch(1, Optional.empty())), List.of(), 2, 0, -1);
        assertThatThrownBy(() -> distinct.sortKeys(List.of("status"), Arrays.asList((Collation) null)))
                .hasMessageContaining("the UNION (DISTINCT) of a UNION over sharded tables compares column 'status'");
        UnionPlan all = new UnionPlan(distinct.branches(), List.of(), 0, 0, -1);
        assertThat(all.sortKeys(List.of("status"), Arrays.asList((Collation) null))).as("UNION ALL compares nothing")
                .isEmpty();
    }
}

package io.shardline.router.merge;

import static io.shardline.router.merge.Collation.BINARY;
import static io.shardline.router.merge.Collation.GENERAL_CI;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential merge tests: rows are spread over shards; each shard answers the rewritten query over its
 * own rows (computed here the way the database would), the merge combines them, and the result must equal
 * the original query's answer over all rows in one place. Table: (id, grp, amount DECIMAL(10,2), score
 * DOUBLE, cat INT), {@code grp} under utf8mb4_general_ci.
 */
class MergeEngineDifferentialTest {

    private static final int ID = 0;
    private static final int GRP = 1;
    private static final int AMOUNT = 2;
    private static final int CAT = 4;
    private static final String[] GROUPS = {"a", "A", "b", "B ", "é", "E", "ß", "ss", "c", "Zed", null};

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void orderByWithDeepOffsetAcrossShards(int seed) {
        List<Object[]> rows = rows(seed, 300);
        Comparator<Object[]> order = Comparator.<Object[], BigDecimal>comparing(r -> (BigDecimal) r[AMOUNT],
                Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder()).reversed())
                .thenComparing(r -> (Long) r[ID]);
        long offset = 17;
        long limit = 9;
        // Each shard runs ORDER BY amount DESC, id LIMIT 0, offset+limit.
        List<RowCursor> shards = shardResults(rows, 4, shard -> shard.stream().sorted(order)
                .limit(offset + limit).map(r -> new Object[] {r[ID], r[AMOUNT]}).toList(), 2);
        List<SortKey> keys = List.of(SortKey.desc(1, BINARY), SortKey.asc(0, BINARY));
        MergeSpec spec = new MergeSpec(2, 2, List.of(BINARY, BINARY), keys, List.of(), List.of(), keys, false, offset,
                limit);

        List<Object[]> expected = rows.stream().sorted(order).skip(offset).limit(limit)
                .map(r -> new Object[] {r[ID], r[AMOUNT]}).toList();
        assertSameRows(drain(MergeEngine.merge(shards, spec)), expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void nullsSortFirstAscendingAndLastDescending(int seed) {
        List<Object[]> rows = rows(seed, 120);
        for (boolean descending : new boolean[] {false, true}) {
            Comparator<Integer> byCat = Comparator.nullsFirst(Comparator.<Integer>naturalOrder());
            Comparator<Object[]> order = Comparator.comparing((Object[] r) -> (Integer) r[CAT],
                    descending ? byCat.reversed() : byCat).thenComparing(r -> (Long) r[ID]);
            List<RowCursor> shards = shardResults(rows, 3, shard -> shard.stream().sorted(order)
                    .map(r -> new Object[] {r[ID], r[CAT]}).toList(), 2);
            List<SortKey> keys = List.of(new SortKey(1, descending, BINARY), SortKey.asc(0, BINARY));
            MergeSpec spec = new MergeSpec(2, 2, List.of(BINARY, BINARY), keys, List.of(), List.of(), keys, false, 0,
                    -1);
            List<Object[]> expected = rows.stream().sorted(order).map(r -> new Object[] {r[ID], r[CAT]}).toList();
            assertSameRows(drain(MergeEngine.merge(shards, spec)), expected);
        }
    }

    /**
     * SELECT grp, COUNT(*), SUM(amount), MIN(amount), MAX(grp), AVG(amount) FROM t GROUP BY grp ORDER BY grp;
     * shards add SUM(amount) and COUNT(amount) for the AVG and sort by grp, so groups stream.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void groupByStreamsWhenShardsSortByTheGroup(int seed) {
        List<Object[]> rows = rows(seed, 250);
        List<RowCursor> shards = shardResults(rows, 4, shard -> sortedByGroup(groupRows(shard, true)), 8);
        MergeSpec spec = new MergeSpec(8, 6, groupCollations(), List.of(SortKey.asc(0, GENERAL_CI)), List.of(0),
                groupAggregates(), List.of(SortKey.asc(0, GENERAL_CI)), false, 0, -1);

        List<Object[]> expected = sortedByGroup(groupRows(rows, false));
        assertSameRows(drain(MergeEngine.merge(shards, spec)), expected);
    }

    /** The same grouping ordered by COUNT(*) DESC: shards are unordered, so it groups and sorts in memory. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void groupByOrderedByAnAggregateGroupsInMemory(int seed) {
        List<Object[]> rows = rows(seed, 250);
        List<RowCursor> shards = shardResults(rows, 3, shard -> groupRows(shard, true), 8);
        List<SortKey> order = List.of(SortKey.desc(1, BINARY), SortKey.asc(0, GENERAL_CI));
        MergeSpec spec = new MergeSpec(8, 6, groupCollations(), List.of(), List.of(0), groupAggregates(), order,
                false, 0, -1);

        List<Object[]> expected = new ArrayList<>(groupRows(rows, false));
        expected.sort(Comparator.<Object[], Long>comparing(r -> (Long) r[1]).reversed()
                .thenComparing(r -> (String) r[0], Comparator.nullsFirst(GENERAL_CI::compare)));
        assertSameRows(drain(MergeEngine.merge(shards, spec)), expected);
    }

    /**
     * SELECT grp, COUNT(DISTINCT cat) FROM t GROUP BY grp ORDER BY grp; shards return one row per (grp, cat)
     * so that a cat seen on two shards counts once.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void countDistinctCountsValuesSeenOnSeveralShardsOnce(int seed) {
        List<Object[]> rows = rows(seed, 200);
        List<RowCursor> shards = shardResults(rows, 4, shard -> {
            Map<List<Object>, Object[]> perGroupAndCat = new LinkedHashMap<>();
            for (Object[] r : shard) {
                perGroupAndCat.putIfAbsent(Arrays.asList(key(r[GRP]), r[CAT]),
                        new Object[] {r[GRP], r[CAT] == null ? 0L : 1L, r[CAT]});
            }
            List<Object[]> out = new ArrayList<>(perGroupAndCat.values());
            out.sort(Comparator.comparing((Object[] r) -> (String) r[0], Comparator.nullsFirst(GENERAL_CI::compare))
                    .thenComparing(r -> (Integer) r[2], Comparator.nullsFirst(Comparator.naturalOrder())));
            return out;
        }, 3);
        MergeSpec spec = new MergeSpec(3, 2, List.of(GENERAL_CI, BINARY, BINARY),
                List.of(SortKey.asc(0, GENERAL_CI), SortKey.asc(2, BINARY)), List.of(0),
                List.of(AggregateSpec.countDistinct(1, 2, BINARY)), List.of(SortKey.asc(0, GENERAL_CI)), false, 0, -1);

        Map<Object, List<Object[]>> groups = groupBy(rows);
        List<Object[]> expected = sortedByGroup(groups.values().stream().map(g -> new Object[] {g.get(0)[GRP],
                g.stream().map(r -> r[CAT]).filter(Objects::nonNull).distinct().count()}).toList());
        assertSameRows(drain(MergeEngine.merge(shards, spec)), expected);
    }

    /** SELECT DISTINCT grp FROM t: 'a' and 'A' are one value under general_ci, wherever they live. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void distinctFollowsTheCollation(int seed) {
        List<Object[]> rows = rows(seed, 150);
        List<RowCursor> shards = shardResults(rows, 4, shard -> {
            Map<Object, Object[]> distinct = new LinkedHashMap<>();
            for (Object[] r : shard) {
                distinct.putIfAbsent(key(r[GRP]), new Object[] {r[GRP]});
            }
            return new ArrayList<>(distinct.values());
        }, 1);
        MergeSpec spec = new MergeSpec(1, 1, List.of(GENERAL_CI), List.of(), List.of(), List.of(), List.of(), true, 0,
                -1);

        List<Object> merged = drain(MergeEngine.merge(shards, spec)).stream().map(r -> key(r[0])).toList();
        assertThat(merged).doesNotHaveDuplicates();
        assertThat(merged).containsExactlyInAnyOrderElementsOf(groupBy(rows).keySet());
    }

    /** SELECT COUNT(*), SUM(amount), AVG(amount) over shards of which some hold no rows, or none at all. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 40})
    void scalarAggregatesAnswerOneRowEvenOverEmptyShards(int rowCount) {
        List<Object[]> rows = rows(rowCount + 1, rowCount);
        // 8 shards for at most 40 rows with ids spread by % 8: some shards are empty for small counts.
        List<RowCursor> shards = shardResults(rows, 8, shard -> {
            BigDecimal sum = sum(shard);
            long count = shard.stream().filter(r -> r[AMOUNT] != null).count();
            return List.<Object[]>of(new Object[] {(long) shard.size(), sum, null, sum, count});
        }, 5);
        MergeSpec spec = new MergeSpec(5, 3, List.of(BINARY, BINARY, BINARY, BINARY, BINARY), List.of(), List.of(),
                List.of(AggregateSpec.of(AggregateFunction.COUNT, 0, BINARY),
                        AggregateSpec.of(AggregateFunction.SUM, 1, BINARY), AggregateSpec.avg(2, 3, 4)),
                List.of(), false, 0, -1);

        List<Object[]> merged = drain(MergeEngine.merge(shards, spec));
        BigDecimal sum = sum(rows);
        long nonNull = rows.stream().filter(r -> r[AMOUNT] != null).count();
        assertSameRows(merged, List.<Object[]>of(new Object[] {(long) rows.size(), sum, avg(sum, nonNull)}));
    }

    // ---- the "database": what one node answers over the rows it holds ----

    private static List<Object[]> groupRows(List<Object[]> rows, boolean withDerived) {
        List<Object[]> out = new ArrayList<>();
        for (List<Object[]> g : groupBy(rows).values()) {
            BigDecimal sum = sum(g);
            long counted = g.stream().filter(r -> r[AMOUNT] != null).count();
            BigDecimal min = g.stream().map(r -> (BigDecimal) r[AMOUNT]).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
            String max = g.stream().map(r -> (String) r[GRP]).filter(Objects::nonNull).max(GENERAL_CI::compare)
                    .orElse(null);
            Object[] row = {g.get(0)[GRP], (long) g.size(), sum, min, max, avg(sum, counted)};
            if (withDerived) {
                row = Arrays.copyOf(row, 8);
                row[5] = null; // a shard's own AVG is never used
                row[6] = sum;
                row[7] = counted;
            }
            out.add(row);
        }
        return out;
    }

    private static List<AggregateSpec> groupAggregates() {
        return List.of(AggregateSpec.of(AggregateFunction.COUNT, 1, BINARY),
                AggregateSpec.of(AggregateFunction.SUM, 2, BINARY), AggregateSpec.of(AggregateFunction.MIN, 3, BINARY),
                AggregateSpec.of(AggregateFunction.MAX, 4, GENERAL_CI), AggregateSpec.avg(5, 6, 7));
    }

    private static List<Collation> groupCollations() {
        return List.of(GENERAL_CI, BINARY, BINARY, BINARY, GENERAL_CI, BINARY, BINARY, BINARY);
    }

    private static Map<Object, List<Object[]>> groupBy(List<Object[]> rows) {
        Map<Object, List<Object[]>> groups = new LinkedHashMap<>();
        for (Object[] r : rows) {
            groups.computeIfAbsent(key(r[GRP]), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    private static List<Object[]> sortedByGroup(List<Object[]> rows) {
        List<Object[]> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((Object[] r) -> (String) r[0], Comparator.nullsFirst(GENERAL_CI::compare)));
        return sorted;
    }

    /** MariaDB: SUM of DECIMAL(10,2) is exact with scale 2, NULL when every value is NULL. */
    private static BigDecimal sum(List<Object[]> rows) {
        return rows.stream().map(r -> (BigDecimal) r[AMOUNT]).filter(Objects::nonNull)
                .reduce(BigDecimal::add).orElse(null);
    }

    /** MariaDB: AVG of DECIMAL(10,2) has scale 2 + div_precision_increment (4), rounded half up. */
    private static BigDecimal avg(BigDecimal sum, long count) {
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), 6, RoundingMode.HALF_UP);
    }

    private static Object key(Object grp) {
        return grp == null ? "<null>" : GENERAL_CI.groupKey((String) grp);
    }

    // ---- plumbing ----

    private static List<Object[]> rows(int seed, int count) {
        Random random = new Random(seed);
        List<Object[]> rows = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            BigDecimal amount = random.nextInt(8) == 0 ? null
                    : BigDecimal.valueOf(random.nextInt(20_000) - 5_000, 2); // duplicates on purpose
            Integer cat = random.nextInt(6) == 0 ? null : random.nextInt(5);
            rows.add(new Object[] {id, GROUPS[random.nextInt(GROUPS.length)], amount, random.nextDouble(), cat});
        }
        Collections.shuffle(rows, random);
        return rows;
    }

    private static List<RowCursor> shardResults(List<Object[]> rows, int shardCount,
            Function<List<Object[]>, List<Object[]>> shardQuery, int columns) {
        List<List<Object[]>> shards = new ArrayList<>();
        for (int i = 0; i < shardCount; i++) {
            shards.add(new ArrayList<>());
        }
        for (Object[] r : rows) {
            shards.get((int) ((Long) r[ID] % shardCount)).add(r);
        }
        return shards.stream().<RowCursor>map(s -> new ListCursor(shardQuery.apply(s), columns)).toList();
    }

    private static List<Object[]> drain(RowCursor cursor) {
        List<Object[]> out = new ArrayList<>();
        try (cursor) {
            while (cursor.next()) {
                Object[] row = new Object[cursor.columnCount()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = cursor.value(c);
                }
                out.add(row);
            }
        }
        return out;
    }

    /** Rows equal in order; strings compared by their general_ci key (which of 'a'/'A' shows is not defined). */
    private static void assertSameRows(List<Object[]> actual, List<Object[]> expected) {
        assertThat(render(actual)).isEqualTo(render(expected));
    }

    private static List<String> render(List<Object[]> rows) {
        return rows.stream().map(r -> Arrays.stream(r).map(v -> v instanceof String s ? "'" + GENERAL_CI.groupKey(s)
                + "'" : v == null ? "NULL" : v + ":" + v.getClass().getSimpleName()).collect(Collectors.joining(", ")))
                .toList();
    }
}

package io.shardline.router.merge;

import java.util.List;

/**
 * Builds the cursor that turns several shards' results into the one-database answer. Streams wherever the
 * shard order allows (heap ORDER BY, contiguous GROUP BY, DISTINCT, LIMIT); holds rows in memory only for
 * grouping or ordering that the shard order cannot give.
 */
public final class MergeEngine {

    private MergeEngine() {
    }

    /** Merges the shards' cursors (all with {@code spec.columnCount()} columns) as {@code spec} says. */
    public static RowCursor merge(List<RowCursor> shards, MergeSpec spec) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge: no shard cursors");
        }
        for (RowCursor shard : shards) {
            if (shard.columnCount() != spec.columnCount()) {
                Cursors.closeAll(shards);
                throw new IllegalArgumentException("shard cursor has " + shard.columnCount() + " columns, the merge"
                        + " expects " + spec.columnCount());
            }
        }
        RowCursor cursor = spec.shardOrder().isEmpty() || shards.size() == 1 ? new ConcatCursor(List.copyOf(shards))
                : new OrderByMergeCursor(List.copyOf(shards), spec.shardOrder());
        List<SortKey> order = spec.shardOrder();
        if (spec.grouping()) {
            if (groupsAreContiguous(spec.shardOrder(), spec.groupBy())) {
                cursor = new GroupByStreamCursor(cursor, spec.groupBy(), spec.collations(), spec.aggregates());
                order = spec.shardOrder().subList(0, spec.groupBy().size());
            } else {
                cursor = InMemory.groupBy(cursor, spec.groupBy(), spec.collations(), spec.aggregates());
                order = List.of();
            }
        }
        if (spec.distinct()) {
            cursor = new DistinctCursor(cursor, spec.visibleColumns(), spec.collations());
        }
        if (!spec.orderBy().isEmpty() && !isPrefix(spec.orderBy(), order)) {
            cursor = InMemory.sort(cursor, spec.orderBy());
        }
        if (spec.offset() > 0 || spec.limit() >= 0) {
            cursor = new LimitCursor(cursor, spec.offset(), spec.limit());
        }
        if (spec.visibleColumns() < spec.columnCount()) {
            cursor = new VisibleColumnsCursor(cursor, spec.visibleColumns());
        }
        return cursor;
    }

    /**
     * Combines the branches of a UNION, each already merged from its own units and all of {@code width} columns:
     * the first {@code distinctBranches} deduplicated together (by {@code collations}, which may hold nulls only
     * when nothing is deduplicated: see {@link UnionPlan#sortKeys}), the rest appended as they come, then ordered by
     * {@code order} and limited.
     */
    public static RowCursor union(List<RowCursor> branches, int distinctBranches, List<Collation> collations,
            List<SortKey> order, long offset, long limit) {
        int width = branches.get(0).columnCount();
        RowCursor cursor;
        if (distinctBranches > 0) {
            List<RowCursor> parts = new java.util.ArrayList<>(branches.size() - distinctBranches + 1);
            parts.add(new DistinctCursor(new ConcatCursor(List.copyOf(branches.subList(0, distinctBranches))), width,
                    collations));
            parts.addAll(branches.subList(distinctBranches, branches.size()));
            cursor = parts.size() == 1 ? parts.get(0) : new ConcatCursor(parts);
        } else {
            cursor = new ConcatCursor(List.copyOf(branches));
        }
        if (!order.isEmpty()) {
            cursor = InMemory.sort(cursor, order);
        }
        if (offset > 0 || limit >= 0) {
            cursor = new LimitCursor(cursor, offset, limit);
        }
        return cursor;
    }

    /**
     * At most {@code limit} rows of {@code input} after skipping {@code offset}: a merge's LIMIT, or a JDBC
     * {@code setMaxRows} applied again after merging (each shard returned up to that many).
     */
    public static RowCursor limit(RowCursor input, long offset, long limit) {
        return new LimitCursor(input, offset, limit);
    }

    /** Rows of one group are adjacent when the shard order starts with exactly the group columns. */
    static boolean groupsAreContiguous(List<SortKey> shardOrder, List<Integer> groupBy) {
        if (groupBy.size() > shardOrder.size()) {
            return false;
        }
        java.util.Set<Integer> leading = new java.util.HashSet<>();
        for (int i = 0; i < groupBy.size(); i++) {
            leading.add(shardOrder.get(i).column());
        }
        return leading.equals(new java.util.HashSet<>(groupBy));
    }

    private static boolean isPrefix(List<SortKey> wanted, List<SortKey> have) {
        if (wanted.size() > have.size()) {
            return false;
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (!wanted.get(i).equals(have.get(i))) {
                return false;
            }
        }
        return true;
    }
}

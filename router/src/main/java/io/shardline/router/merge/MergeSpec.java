package io.shardline.router.merge;

import java.util.List;

/**
 * What a merge of shard results must produce, in terms of the rewritten shard queries' columns. The
 * router builds it from the statement; the merge engine only reads it.
 *
 * @param columnCount    columns each shard row has: the application's, then derived ones
 * @param visibleColumns the first {@code visibleColumns} are the application's; the rest are hidden
 * @param collations     per column, how its strings compare (BINARY for non-string columns)
 * @param shardOrder     the ORDER BY every shard query carries; empty when shards return rows unordered
 * @param groupBy        GROUP BY columns; empty for no GROUP BY
 * @param aggregates     aggregate columns; with an empty {@code groupBy} the whole result is one group
 * @param orderBy        the order of the final result; empty when the statement has none
 * @param distinct       SELECT DISTINCT over the visible columns
 * @param offset         rows to skip in the final result
 * @param limit          rows to return after the offset; negative for no limit
 */
public record MergeSpec(int columnCount, int visibleColumns, List<Collation> collations, List<SortKey> shardOrder,
        List<Integer> groupBy, List<AggregateSpec> aggregates, List<SortKey> orderBy, boolean distinct, long offset,
        long limit) {

    public MergeSpec {
        collations = List.copyOf(collations);
        shardOrder = List.copyOf(shardOrder);
        groupBy = List.copyOf(groupBy);
        aggregates = List.copyOf(aggregates);
        orderBy = List.copyOf(orderBy);
        if (visibleColumns < 1 || visibleColumns > columnCount) {
            throw new IllegalArgumentException("visibleColumns must be in 1.." + columnCount + ", was " + visibleColumns);
        }
        if (collations.size() != columnCount) {
            throw new IllegalArgumentException("need one collation per column: " + collations.size() + " for "
                    + columnCount + " columns");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        for (SortKey key : shardOrder) {
            checkColumn(key.column(), columnCount, "shard ORDER BY");
        }
        for (SortKey key : orderBy) {
            checkColumn(key.column(), columnCount, "ORDER BY");
        }
        for (int column : groupBy) {
            checkColumn(column, columnCount, "GROUP BY");
        }
        for (AggregateSpec aggregate : aggregates) {
            checkColumn(aggregate.outputColumn(), columnCount, aggregate.function().name());
            checkColumn(aggregate.inputColumn(), columnCount, aggregate.function().name());
        }
    }

    /** A plain concatenation of shard rows with nothing to compute. */
    public static MergeSpec concat(int columnCount, List<Collation> collations) {
        return new MergeSpec(columnCount, columnCount, collations, List.of(), List.of(), List.of(), List.of(), false,
                0, -1);
    }

    public boolean grouping() {
        return !groupBy.isEmpty() || !aggregates.isEmpty();
    }

    private static void checkColumn(int column, int columnCount, String what) {
        if (column < 0 || column >= columnCount) {
            throw new IllegalArgumentException(what + " column " + column + " is outside 0.." + (columnCount - 1));
        }
    }
}

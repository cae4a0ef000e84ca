package io.shardline.router.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link MergeSpec} before collations are known. The rewriter knows which columns are compared (ORDER BY,
 * GROUP BY, DISTINCT, MIN/MAX, COUNT(DISTINCT)) but not how their strings compare: that comes from the first
 * shard's result metadata at execution time, so the executor calls {@link #bind(List)} with the columns'
 * collations.
 *
 * @param columnCount    columns each shard row has: the application's, then derived ones
 * @param visibleColumns the first {@code visibleColumns} are the application's; the rest are hidden
 * @param shardOrder     the ORDER BY every shard query carries; empty when shards return rows unordered
 * @param groupBy        GROUP BY columns; empty for no GROUP BY
 * @param aggregates     aggregate columns
 * @param orderBy        the order of the final result; empty when the statement has none
 * @param distinct       SELECT DISTINCT over the visible columns
 * @param offset         rows to skip in the final result
 * @param limit          rows to return after the offset; negative for no limit
 */
public record MergePlan(int columnCount, int visibleColumns, List<Key> shardOrder, List<Integer> groupBy,
        List<AggregateRef> aggregates, List<Key> orderBy, boolean distinct, long offset, long limit) {

    /** One ORDER BY item by 0-based column. */
    public record Key(int column, boolean descending) {
    }

    /**
     * One aggregate: see {@link AggregateSpec} for what the columns mean; {@code countColumn} is -1 except for AVG.
     */
    public record AggregateRef(AggregateFunction function, int outputColumn, int inputColumn, int countColumn) {
    }

    public MergePlan {
        shardOrder = List.copyOf(shardOrder);
        groupBy = List.copyOf(groupBy);
        aggregates = List.copyOf(aggregates);
        orderBy = List.copyOf(orderBy);
    }

    /** Plain concatenation of every shard's rows. */
    public static MergePlan concat(int columnCount) {
        return new MergePlan(columnCount, columnCount, List.of(), List.of(), List.of(), List.of(), false, 0, -1);
    }

    /**
     * The executable spec. {@code collations} has one entry per column; an entry may be {@code null} when the
     * column's collation is one we do not reproduce (a UCA collation, say): that is refused only when the merge
     * compares that column, naming it.
     *
     * @param columnNames labels for error messages, one per column
     * @throws IllegalArgumentException when a compared column has no supported collation
     */
    public MergeSpec bind(List<Collation> collations, List<String> columnNames) {
        if (collations.size() != columnCount) {
            throw new IllegalArgumentException("shard rows have " + collations.size() + " columns, the merge plan "
                    + "expects " + columnCount + " (does the table have the same columns on every shard?)");
        }
        List<SortKey> boundShardOrder = new ArrayList<>();
        for (Key key : shardOrder) {
            boundShardOrder.add(new SortKey(key.column(), key.descending(),
                    compared(collations, columnNames, key.column(), "ORDER BY")));
        }
        List<SortKey> boundOrder = new ArrayList<>();
        for (Key key : orderBy) {
            boundOrder.add(new SortKey(key.column(), key.descending(),
                    compared(collations, columnNames, key.column(), "ORDER BY")));
        }
        for (int column : groupBy) {
            compared(collations, columnNames, column, "GROUP BY");
        }
        if (distinct) {
            for (int column = 0; column < visibleColumns; column++) {
                compared(collations, columnNames, column, "DISTINCT");
            }
        }
        List<AggregateSpec> boundAggregates = new ArrayList<>();
        for (AggregateRef ref : aggregates) {
            Collation collation = switch (ref.function()) {
                case MIN, MAX, COUNT_DISTINCT -> compared(collations, columnNames, ref.inputColumn(),
                        ref.function().name());
                default -> Collation.BINARY;
            };
            boundAggregates.add(new AggregateSpec(ref.function(), ref.outputColumn(), ref.inputColumn(),
                    ref.countColumn(), collation));
        }
        List<Collation> all = new ArrayList<>(collations.size());
        for (Collation collation : collations) {
            all.add(collation == null ? Collation.BINARY : collation); // never compared: checked above
        }
        return new MergeSpec(columnCount, visibleColumns, all, boundShardOrder, groupBy, boundAggregates, boundOrder,
                distinct, offset, limit);
    }

    private static Collation compared(List<Collation> collations, List<String> names, int column, String clause) {
        Collation collation = collations.get(column);
        if (collation == null) {
            throw new IllegalArgumentException("column '" + names.get(column) + "' has a collation Shardline cannot"
                    + " reproduce across shards, and the cross-shard " + clause + " compares it (supported: *_bin, "
                    + "binary, *_general_ci); add a COLLATE to the column or route the query to one shard");
        }
        return collation;
    }
}

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
 * @param derivedColumns hidden columns the rewriter appended, always the LAST ones of each shard row
 *
 * <p><b>Unknown width.</b> When the application's select list has a {@code *}, the rewriter cannot know how many
 * columns the shard rows have. It then sets {@code columnCount} and {@code visibleColumns} to {@link #UNKNOWN_WIDTH},
 * and column indexes may be negative, counting from the end ({@code -1} is the last column, so the derived columns
 * are {@code -derivedColumns .. -1}). {@link #resolve(int)} (called by {@link #bind}) turns that into a plan of the
 * actual width: visible = actual width - {@code derivedColumns}.
 */
public record MergePlan(int columnCount, int visibleColumns, List<Key> shardOrder, List<Integer> groupBy,
        List<AggregateRef> aggregates, List<Key> orderBy, boolean distinct, long offset, long limit,
        int derivedColumns) {

    /** {@code columnCount}/{@code visibleColumns} of a plan whose width is known only from the shard rows. */
    public static final int UNKNOWN_WIDTH = -1;

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
        if (derivedColumns < 0) {
            throw new IllegalArgumentException("derivedColumns must be >= 0, was " + derivedColumns);
        }
        if (columnCount != UNKNOWN_WIDTH && columnCount - visibleColumns != derivedColumns) {
            throw new IllegalArgumentException("columnCount " + columnCount + " - visibleColumns " + visibleColumns
                    + " != derivedColumns " + derivedColumns);
        }
    }

    /** A plan of known width: the hidden columns are the last {@code columnCount - visibleColumns}. */
    public MergePlan(int columnCount, int visibleColumns, List<Key> shardOrder, List<Integer> groupBy,
            List<AggregateRef> aggregates, List<Key> orderBy, boolean distinct, long offset, long limit) {
        this(columnCount, visibleColumns, shardOrder, groupBy, aggregates, orderBy, distinct, offset, limit,
                columnCount - visibleColumns);
    }

    /** Whether the width is known only from the shard rows (the select list has a {@code *}). */
    public boolean widthUnknown() {
        return columnCount == UNKNOWN_WIDTH;
    }

    /**
     * This plan for shard rows of {@code actualColumns} columns: for a plan of unknown width, negative column indexes
     * become absolute and the visible columns are all but the derived ones; a plan of known width is returned as is.
     *
     * @throws IllegalArgumentException when the rows cannot hold the derived columns and at least one visible column
     */
    public MergePlan resolve(int actualColumns) {
        if (!widthUnknown()) {
            return this;
        }
        if (actualColumns <= derivedColumns) {
            throw new IllegalArgumentException("shard rows have " + actualColumns + " columns, the merge plan needs "
                    + derivedColumns + " derived columns after at least one visible column");
        }
        List<Key> resolvedShardOrder = new ArrayList<>();
        for (Key key : shardOrder) {
            resolvedShardOrder.add(new Key(absolute(key.column(), actualColumns), key.descending()));
        }
        List<Key> resolvedOrder = new ArrayList<>();
        for (Key key : orderBy) {
            resolvedOrder.add(new Key(absolute(key.column(), actualColumns), key.descending()));
        }
        List<Integer> resolvedGroupBy = new ArrayList<>();
        for (int column : groupBy) {
            resolvedGroupBy.add(absolute(column, actualColumns));
        }
        List<AggregateRef> resolvedAggregates = new ArrayList<>();
        for (AggregateRef ref : aggregates) {
            resolvedAggregates.add(new AggregateRef(ref.function(), absolute(ref.outputColumn(), actualColumns),
                    absolute(ref.inputColumn(), actualColumns),
                    ref.countColumn() < 0 && ref.function() != AggregateFunction.AVG ? -1
                            : absolute(ref.countColumn(), actualColumns)));
        }
        return new MergePlan(actualColumns, actualColumns - derivedColumns, resolvedShardOrder, resolvedGroupBy,
                resolvedAggregates, resolvedOrder, distinct, offset, limit, derivedColumns);
    }

    private static int absolute(int column, int width) {
        return column < 0 ? width + column : column;
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
        if (widthUnknown()) {
            return resolve(collations.size()).bind(collations, columnNames);
        }
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
                    + "binary, *_general_ci; ENUM and SET columns, which sort by definition position, are not"
                    + " supported); add a COLLATE to the column or route the query to one shard");
        }
        return collation;
    }
}

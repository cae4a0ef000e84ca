package io.shardline.router.merge;

import java.util.List;

/**
 * GROUP BY over a merged stream in which each group's rows are contiguous (shards sorted by the group
 * columns, merged by the heap): holds one group at a time.
 */
final class GroupByStreamCursor implements RowCursor {
    private final RowCursor input;
    private final int[] groupColumns;
    private final Collation[] groupCollations;
    private final List<AggregateSpec> aggregates;
    private final boolean scalar;
    private Object[] current;
    private boolean pending;
    private boolean started;
    private boolean emittedScalar;

    GroupByStreamCursor(RowCursor input, List<Integer> groupBy, List<Collation> collations,
            List<AggregateSpec> aggregates) {
        this.input = input;
        this.groupColumns = new int[groupBy.size()];
        this.groupCollations = new Collation[groupBy.size()];
        for (int i = 0; i < groupColumns.length; i++) {
            groupColumns[i] = groupBy.get(i);
            groupCollations[i] = collations.get(groupColumns[i]);
        }
        this.aggregates = aggregates;
        this.scalar = groupBy.isEmpty();
    }

    @Override
    public boolean next() {
        if (!started) {
            started = true;
            pending = input.next();
        }
        if (!pending) {
            // An aggregate with no GROUP BY answers one row even over no rows (COUNT(*) = 0).
            if (scalar && !emittedScalar) {
                emittedScalar = true;
                current = new GroupState(input.columnCount(), aggregates).finish();
                return true;
            }
            return false;
        }
        GroupState group = new GroupState(input.columnCount(), aggregates).first(input);
        Object[] firstKey = new Object[groupColumns.length];
        for (int i = 0; i < groupColumns.length; i++) {
            firstKey[i] = input.value(groupColumns[i]);
        }
        while ((pending = input.next()) && sameGroup(firstKey)) {
            group.add(input);
        }
        current = group.finish();
        emittedScalar = true;
        return true;
    }

    private boolean sameGroup(Object[] key) {
        for (int i = 0; i < groupColumns.length; i++) {
            if (Values.compare(key[i], input.value(groupColumns[i]), groupCollations[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Object value(int column) {
        return current[column];
    }

    @Override
    public int columnCount() {
        return input.columnCount();
    }

    @Override
    public void close() {
        input.close();
    }
}

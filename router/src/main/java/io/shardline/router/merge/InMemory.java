package io.shardline.router.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The merges that must see every row before they can answer: grouping out of order, and sorting. */
final class InMemory {
    private InMemory() {
    }

    /** GROUP BY when groups are not contiguous in the merged stream; groups keep first-seen order. */
    static RowCursor groupBy(RowCursor input, List<Integer> groupBy, List<Collation> collations,
            List<AggregateSpec> aggregates) {
        Map<Values.Key, GroupState> groups = new LinkedHashMap<>();
        try (input) {
            while (input.next()) {
                Object[] parts = new Object[groupBy.size()];
                for (int i = 0; i < parts.length; i++) {
                    int column = groupBy.get(i);
                    parts[i] = Values.groupKey(input.value(column), collations.get(column));
                }
                Values.Key key = new Values.Key(parts);
                GroupState group = groups.get(key);
                if (group == null) {
                    groups.put(key, new GroupState(input.columnCount(), aggregates).first(input));
                } else {
                    group.add(input);
                }
            }
        }
        List<Object[]> rows = new ArrayList<>(groups.size());
        for (GroupState group : groups.values()) {
            rows.add(group.finish());
        }
        if (rows.isEmpty() && groupBy.isEmpty()) {
            rows.add(new GroupState(input.columnCount(), aggregates).finish());
        }
        return new ListCursor(rows, input.columnCount());
    }

    /** Sorts every row (stable, so equal rows keep their merged order). */
    static RowCursor sort(RowCursor input, List<SortKey> order) {
        List<Object[]> rows = new ArrayList<>();
        int columns = input.columnCount();
        try (input) {
            while (input.next()) {
                Object[] row = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = input.value(c);
                }
                rows.add(row);
            }
        }
        SortKey[] keys = order.toArray(new SortKey[0]);
        rows.sort((a, b) -> Values.compare(a, b, keys));
        return new ListCursor(rows, columns);
    }
}

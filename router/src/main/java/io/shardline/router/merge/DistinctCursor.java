package io.shardline.router.merge;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** SELECT DISTINCT across shards: passes each distinct visible row once, in stream order. */
final class DistinctCursor implements RowCursor {
    private final RowCursor input;
    private final int visibleColumns;
    private final Collation[] collations;
    private final Set<Values.Key> seen = new HashSet<>();

    DistinctCursor(RowCursor input, int visibleColumns, List<Collation> collations) {
        this.input = input;
        this.visibleColumns = visibleColumns;
        this.collations = collations.toArray(new Collation[0]);
    }

    @Override
    public boolean next() {
        while (input.next()) {
            Object[] parts = new Object[visibleColumns];
            for (int c = 0; c < visibleColumns; c++) {
                parts[c] = Values.groupKey(input.value(c), collations[c]);
            }
            if (seen.add(new Values.Key(parts))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object value(int column) {
        return input.value(column);
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

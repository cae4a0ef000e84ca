package io.shardline.router.merge;

import java.util.List;

/** Rows held in memory (a sorted or grouped merge result, or a test's shard). */
public final class ListCursor implements RowCursor {
    private final List<Object[]> rows;
    private final int columnCount;
    private int position = -1;

    public ListCursor(List<Object[]> rows, int columnCount) {
        this.rows = rows;
        this.columnCount = columnCount;
    }

    @Override
    public boolean next() {
        if (position + 1 >= rows.size()) {
            position = rows.size();
            return false;
        }
        position++;
        return true;
    }

    @Override
    public Object value(int column) {
        return rows.get(position)[column];
    }

    @Override
    public int columnCount() {
        return columnCount;
    }

    @Override
    public void close() {
        // nothing held
    }
}

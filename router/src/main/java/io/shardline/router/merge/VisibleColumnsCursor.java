package io.shardline.router.merge;

/** Hides the derived columns the rewrite added (AVG's SUM and COUNT, ORDER BY columns not selected). */
final class VisibleColumnsCursor implements RowCursor {
    private final RowCursor input;
    private final int visibleColumns;

    VisibleColumnsCursor(RowCursor input, int visibleColumns) {
        this.input = input;
        this.visibleColumns = visibleColumns;
    }

    @Override
    public boolean next() {
        return input.next();
    }

    @Override
    public Object value(int column) {
        if (column >= visibleColumns) {
            throw new IndexOutOfBoundsException("column " + column + " of " + visibleColumns);
        }
        return input.value(column);
    }

    @Override
    public int columnCount() {
        return visibleColumns;
    }

    @Override
    public void close() {
        input.close();
    }
}

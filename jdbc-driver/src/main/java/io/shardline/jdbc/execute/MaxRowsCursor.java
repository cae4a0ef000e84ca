package io.shardline.jdbc.execute;

import io.shardline.router.merge.RowCursor;

/** {@code Statement.setMaxRows} over a merged result: each shard returns up to maxRows, the merge keeps maxRows. */
final class MaxRowsCursor implements RowCursor {
    private final RowCursor input;
    private final long maxRows;
    private long returned;

    MaxRowsCursor(RowCursor input, long maxRows) {
        this.input = input;
        this.maxRows = maxRows;
    }

    @Override
    public boolean next() {
        if (returned >= maxRows) {
            return false;
        }
        if (!input.next()) {
            return false;
        }
        returned++;
        return true;
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

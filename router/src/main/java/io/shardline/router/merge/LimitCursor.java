package io.shardline.router.merge;

/** LIMIT/OFFSET over the merged result; stops reading the shards once the page is full. */
final class LimitCursor implements RowCursor {
    private final RowCursor input;
    private final long offset;
    private final long limit;
    private long skipped;
    private long returned;

    LimitCursor(RowCursor input, long offset, long limit) {
        this.input = input;
        this.offset = offset;
        this.limit = limit;
    }

    @Override
    public boolean next() {
        if (limit >= 0 && returned >= limit) {
            return false;
        }
        while (skipped < offset) {
            if (!input.next()) {
                return false;
            }
            skipped++;
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

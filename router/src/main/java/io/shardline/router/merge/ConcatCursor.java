package io.shardline.router.merge;

import java.util.List;

/** Shards' rows one shard after the other: for results with no order to keep. */
final class ConcatCursor implements RowCursor {
    private final List<RowCursor> shards;
    private int current;

    ConcatCursor(List<RowCursor> shards) {
        this.shards = shards;
    }

    @Override
    public boolean next() {
        while (current < shards.size()) {
            if (shards.get(current).next()) {
                return true;
            }
            current++;
        }
        return false;
    }

    @Override
    public Object value(int column) {
        return shards.get(current).value(column);
    }

    @Override
    public int columnCount() {
        return shards.get(0).columnCount();
    }

    @Override
    public void close() {
        Cursors.closeAll(shards);
    }
}

package io.shardline.router.merge;

import java.util.List;
import java.util.PriorityQueue;

/**
 * Streaming ORDER BY across shards whose rows each arrive in that order: a heap of shard cursors keyed by
 * their current rows. Memory is one current row per shard, whatever the result size.
 */
final class OrderByMergeCursor implements RowCursor {
    private final List<RowCursor> shards;
    private final PriorityQueue<Entry> heap;
    private Entry current;
    private boolean started;

    OrderByMergeCursor(List<RowCursor> shards, List<SortKey> order) {
        this.shards = shards;
        SortKey[] keys = order.toArray(new SortKey[0]);
        // Ties keep shard order, so the merge is deterministic.
        this.heap = new PriorityQueue<>(Math.max(1, shards.size()), (a, b) -> {
            int c = Values.compare(a.cursor, b.cursor, keys);
            return c != 0 ? c : Integer.compare(a.shard, b.shard);
        });
    }

    @Override
    public boolean next() {
        if (!started) {
            started = true;
            for (int i = 0; i < shards.size(); i++) {
                RowCursor shard = shards.get(i);
                if (shard.next()) {
                    heap.add(new Entry(i, shard));
                }
            }
        } else if (current != null && current.cursor.next()) {
            heap.add(current);
        }
        current = heap.poll();
        return current != null;
    }

    @Override
    public Object value(int column) {
        return current.cursor.value(column);
    }

    @Override
    public int columnCount() {
        return shards.get(0).columnCount();
    }

    @Override
    public void close() {
        Cursors.closeAll(shards);
    }

    private record Entry(int shard, RowCursor cursor) {
    }
}

package io.shardline.consistency.ryw;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers, per data source group, which keys were written at which position until every replica of the group
 * has applied them (or their deadline passes), and answers the position a read must see.
 *
 * <p>Three kinds of marks per group, each {@code position + deadline}:
 * <ul>
 * <li>{@code (table)}: any write on the table; what a read without keys must see;</li>
 * <li>{@code (table, column)}: a write that did not pin that key column (it may have touched any value of it),
 * or keys folded in when the tracker is full;</li>
 * <li>{@code (table, column, value)}: a write that pinned that key.</li>
 * </ul>
 * A read pinned on a key column needs the column mark and its values' marks; pinned on several columns it needs
 * the least of those (one column proving a write cannot match is enough); without keys, the table mark.
 *
 * <p>Positions are the sequence number in the group's GTID domain; {@link #UNKNOWN} (time-window mode, or a
 * commit whose GTID was not reported) is applied by no replica, so its reads go to the master until the deadline.
 *
 * <p>Bounded: at most {@code maxKeys} value marks. A write beyond that folds its keys into the column mark —
 * coarser, never stale. Marks are dropped by {@link #release} once applied everywhere or past their deadline.
 * Thread-safe; the read path is a few hash lookups and allocates one small key per lookup.
 */
public final class ReadYourWritesTracker {

    /** A position no replica can prove it applied. */
    public static final long UNKNOWN = Long.MAX_VALUE;

    /** Nothing to wait for. */
    public static final long NONE = 0;

    private final Group[] groups;
    private final int maxKeys;
    private final AtomicInteger valueMarks = new AtomicInteger();
    private final AtomicLong folded = new AtomicLong();

    /** A mark: the highest position written and the latest deadline. Immutable. */
    record Mark(long seq, long deadline) {
        Mark max(Mark other) {
            return new Mark(Math.max(seq, other.seq), Math.max(deadline, other.deadline));
        }
    }

    /** Key of a mark; {@code column} null for a table mark, {@code value} null for a column mark. */
    record Key(String table, String column, Object value) {
    }

    private static final class Group {
        final ConcurrentHashMap<Key, Mark> marks = new ConcurrentHashMap<>();
        volatile long latestDeadline = Long.MIN_VALUE;
        volatile long domain = -1;
        volatile long deadlineNanos;
    }

    /**
     * @param groupCount     number of data source groups (indexes 0..n-1)
     * @param deadlineMillis how long a write is tracked at most (GTID mode: a safety bound; time-window mode: the
     *                       window)
     * @param maxKeys        value marks kept at most, over all groups
     */
    public ReadYourWritesTracker(int groupCount, long deadlineMillis, int maxKeys) {
        if (deadlineMillis < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("deadline and maxKeys must be positive: " + deadlineMillis + ", "
                    + maxKeys);
        }
        groups = new Group[groupCount];
        for (int i = 0; i < groupCount; i++) {
            groups[i] = new Group();
            groups[i].deadlineNanos = deadlineMillis * 1_000_000L;
        }
        this.maxKeys = maxKeys;
    }

    /**
     * Records a committed write.
     *
     * @param group  group index
     * @param keys   what the statement wrote
     * @param domain GTID domain of {@code seq}, or -1 when unknown
     * @param seq    the commit's sequence number, or {@link #UNKNOWN}
     * @param now    {@link System#nanoTime()}
     */
    public void recordWrite(int group, StatementKeys keys, long domain, long seq, long now) {
        Group g = groups[group];
        Mark mark = new Mark(seq, now + g.deadlineNanos);
        if (domain >= 0) {
            g.domain = domain;
        }
        if (keys.tables().isEmpty()) {
            return; // no mark: the group must not look live (reads would extract keys for nothing)
        }
        for (TableAccess t : keys.tables()) {
            merge(g, new Key(t.table(), null, null), mark, false);
            List<String> keyColumns = t.keyColumns();
            for (int c = 0; c < keyColumns.size(); c++) {
                String column = keyColumns.get(c);
                int pinned = t.pinnedColumns().indexOf(column);
                if (pinned < 0) {
                    merge(g, new Key(t.table(), column, null), mark, false);
                    continue;
                }
                for (Object value : t.pinnedValues().get(pinned)) {
                    if (valueMarks.get() >= maxKeys) {
                        // Full: the whole column waits for this position. Coarser, never stale.
                        folded.incrementAndGet();
                        merge(g, new Key(t.table(), column, null), mark, false);
                    } else {
                        merge(g, new Key(t.table(), column, value), mark, true);
                    }
                }
            }
        }
        // Published last: a reader that sees the new deadline also sees the marks above.
        if (g.latestDeadline < mark.deadline) {
            g.latestDeadline = mark.deadline;
        }
    }

    private void merge(Group g, Key key, Mark mark, boolean counted) {
        g.marks.compute(key, (k, old) -> {
            if (old == null) {
                if (counted) {
                    valueMarks.incrementAndGet();
                }
                return mark;
            }
            return old.max(mark);
        });
    }

    /**
     * The position a read of {@code keys} on {@code group} must see: {@link #NONE}, a sequence number in
     * {@link #domain(int)}, or {@link #UNKNOWN} (only the master will do).
     */
    public long required(int group, StatementKeys keys, long now) {
        Group g = groups[group];
        if (g.latestDeadline < now) {
            return NONE; // nothing live on this group: the common case costs one volatile read
        }
        long required = NONE;
        List<TableAccess> tables = keys.tables();
        for (int i = 0; i < tables.size(); i++) {
            TableAccess t = tables.get(i);
            long needed;
            if (t.wholeTable()) {
                needed = live(g, new Key(t.table(), null, null), now);
            } else {
                needed = UNKNOWN;
                List<String> columns = t.pinnedColumns();
                for (int c = 0; c < columns.size() && needed != NONE; c++) {
                    String column = columns.get(c);
                    long forColumn = live(g, new Key(t.table(), column, null), now);
                    List<Object> values = t.pinnedValues().get(c);
                    for (int v = 0; v < values.size(); v++) {
                        forColumn = Math.max(forColumn, live(g, new Key(t.table(), column, values.get(v)), now));
                    }
                    needed = Math.min(needed, forColumn);
                }
            }
            required = Math.max(required, needed);
        }
        return required;
    }

    /** True when some write on {@code group} may still be unapplied somewhere (one volatile read). */
    public boolean hasLive(int group, long now) {
        return groups[group].latestDeadline >= now;
    }

    /** A table-granularity read: what any read of {@code table} on {@code group} must see. */
    public long requiredForTable(int group, String table, long now) {
        Group g = groups[group];
        return g.latestDeadline < now ? NONE : live(g, new Key(table, null, null), now);
    }

    private static long live(Group g, Key key, long now) {
        Mark m = g.marks.get(key);
        return m == null || m.deadline < now ? NONE : m.seq;
    }

    /** The GTID domain of the group's last recorded write, or -1. */
    public long domain(int group) {
        return groups[group].domain;
    }

    /**
     * Drops marks every replica has applied ({@code seq <= appliedByAll}) or whose deadline has passed.
     *
     * @param appliedByAll the least sequence number (in {@link #domain(int)}) every replica of the group has
     *                     applied, or -1 when unknown (then only deadlines release)
     */
    public void release(int group, long appliedByAll, long now) {
        Group g = groups[group];
        for (Iterator<Map.Entry<Key, Mark>> it = g.marks.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Mark> e = it.next();
            Mark m = e.getValue();
            if (m.deadline < now || (m.seq != UNKNOWN && m.seq <= appliedByAll)) {
                // Conditional: a write merged meanwhile keeps its (newer) mark.
                if (g.marks.remove(e.getKey(), m) && e.getKey().value() != null) {
                    valueMarks.decrementAndGet();
                }
            }
        }
    }

    /**
     * Changes how long {@code group}'s next writes are tracked (the adaptive time window); writes already recorded
     * keep their deadline.
     */
    public void trackingMillis(int group, long millis) {
        if (millis < 1) {
            throw new IllegalArgumentException("tracking time must be positive: " + millis);
        }
        groups[group].deadlineNanos = millis * 1_000_000L;
    }

    /** How long {@code group}'s next write will be tracked. */
    public long trackingMillis(int group) {
        return groups[group].deadlineNanos / 1_000_000L;
    }

    /** Marks currently held on {@code group} (table, column and value marks). */
    public int size(int group) {
        return groups[group].marks.size();
    }

    /** Value marks held over all groups (bounded by {@code maxKeys}). */
    public int valueMarks() {
        return valueMarks.get();
    }

    /** Keys folded into column marks because the tracker was full. */
    public long folded() {
        return folded.get();
    }

    public int groupCount() {
        return groups.length;
    }
}

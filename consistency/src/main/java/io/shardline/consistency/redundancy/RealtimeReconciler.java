package io.shardline.consistency.redundancy;

import io.shardline.consistency.binlog.BinlogEndpoint;
import io.shardline.consistency.binlog.BinlogFollower;
import io.shardline.consistency.binlog.BinlogSink;
import io.shardline.consistency.binlog.RowsEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real-time pairing: follows every master's binlog; a source row event and a copy row event of the same key, arriving
 * within {@code window} of each other, pair up. An event left unpaired when its window ends (a write that bypassed
 * Shardline, a copy row deleted by hand, a write whose partner was lost) triggers a check of its key and a repair by
 * the policy. Events of an already paired key within the window are absorbed (an update moves a copy row with a
 * delete and an insert).
 */
public final class RealtimeReconciler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeReconciler.class);

    private record Pending(ChangeSource.Side side, long deadline) {
    }

    private final RowStore store;
    private final ChangeSource changes;
    private final RepairPolicy policy;
    private final long windowNanos;
    private final ReconcileReport report;
    private final Map<Object, Pending> pending = new HashMap<>();
    private final Map<Object, Long> paired = new HashMap<>();
    private final AtomicLong pairs = new AtomicLong();
    private final AtomicLong unpaired = new AtomicLong();
    private final List<BinlogFollower> followers = new ArrayList<>();
    private final ScheduledExecutorService sweeper;
    private final List<String> copied;

    private RealtimeReconciler(RowStore store, ChangeSource changes, RepairPolicy policy, Duration window)
            throws Exception {
        this.store = store;
        this.changes = changes;
        this.policy = policy;
        this.windowNanos = window.toNanos();
        this.report = new ReconcileReport(store.table().copyTable(), policy);
        this.copied = store.copiedColumns();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shardline-pairing-" + store.table().copyTable());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts following every binlog from its current position, and the sweeper. */
    public static RealtimeReconciler start(RowStore store, ChangeSource changes, RepairPolicy policy, Duration window)
            throws Exception {
        RealtimeReconciler r = new RealtimeReconciler(store, changes, policy, window);
        BinlogSink sink = new BinlogSink() {
            @Override
            public void rowsApplied(RowsEvent event) {
                r.onRows(event);
            }

            @Override
            public void statementApplied(BinlogEndpoint follower, String database, String sql, String gtid) {
            }
        };
        for (BinlogEndpoint e : changes.endpoints()) {
            r.followers.add(BinlogFollower.start(e, sink));
        }
        long every = Math.max(1, window.toMillis() / 4);
        r.sweeper.scheduleWithFixedDelay(r::sweep, every, every, TimeUnit.MILLISECONDS);
        return r;
    }

    /** Waits until every follower has connected once. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        for (BinlogFollower f : followers) {
            if (!f.awaitConnected(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
        return true;
    }

    private void onRows(RowsEvent event) {
        ChangeSource.Side side = changes.side(event);
        if (side == ChangeSource.Side.NONE) {
            return;
        }
        long now = System.nanoTime();
        synchronized (pending) {
            for (Object key : ChangeSource.keys(event, store.table().keyColumn())) {
                Long absorbedUntil = paired.get(key);
                if (absorbedUntil != null && absorbedUntil - now > 0) {
                    continue;
                }
                Pending p = pending.get(key);
                if (p != null && p.side() == ChangeSource.Side.NONE) {
                    continue; // a failed check waits for its retry, which reads the key anyway
                }
                if (p != null && p.side() != side) {
                    pending.remove(key);
                    paired.put(key, now + windowNanos);
                    pairs.incrementAndGet();
                } else {
                    pending.put(key, new Pending(side, now + windowNanos));
                }
            }
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        List<Object> expired = new ArrayList<>();
        synchronized (pending) {
            for (Iterator<Map.Entry<Object, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Object, Pending> e = it.next();
                if (e.getValue().deadline() - now <= 0) {
                    expired.add(e.getKey());
                    it.remove();
                }
            }
            paired.values().removeIf(until -> until - now <= 0);
        }
        for (Object key : expired) {
            unpaired.incrementAndGet();
            try {
                KeyChecker.check(store, copied, key, report, policy)
                        .ifPresent(d -> LOG.warn("Redundancy {}: unpaired change of key {} -> {} ({}){}",
                                store.table().copyTable(), key, d.kind(), d.detail(), d.repaired() ? ", repaired" : ""));
            } catch (Exception e) {
                // A shard may be down (the very failure that left the event unpaired): check again a window later.
                LOG.warn("Redundancy {}: checking key {} failed, retrying in {} ms: {}", store.table().copyTable(), key,
                        windowNanos / 1_000_000, e.toString());
                synchronized (pending) {
                    pending.putIfAbsent(key, new Pending(ChangeSource.Side.NONE, System.nanoTime() + windowNanos));
                }
            }
        }
    }

    /** Everything found so far. */
    public ReconcileReport report() {
        return report;
    }

    /** Source/copy event pairs matched within the window. */
    public long pairs() {
        return pairs.get();
    }

    /** Events whose window ended without a partner (each was checked). */
    public long unpaired() {
        return unpaired.get();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        for (BinlogFollower f : followers) {
            f.close();
        }
    }
}

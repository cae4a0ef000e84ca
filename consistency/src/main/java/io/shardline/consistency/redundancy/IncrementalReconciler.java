package io.shardline.consistency.redundancy;

import io.shardline.consistency.binlog.BinlogEndpoint;
import io.shardline.consistency.binlog.BinlogFollower;
import io.shardline.consistency.binlog.BinlogSink;
import io.shardline.consistency.binlog.RowsEvent;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Incremental: checks only the keys whose source or copy rows changed since the last checkpoint. The checkpoint is
 * each master's binlog GTID position; a run reads every binlog from there up to the position the server has when the
 * run starts ({@link BinlogFollower#resume}), collects the keys of the source's and the copy's row events, checks each
 * (fresh reads, policy repair) and saves the new positions. The first run has no checkpoint: it saves the current
 * positions as the baseline (run a full scan once for what happened before).
 */
public final class IncrementalReconciler {

    static final String MODE = "incremental";

    private final RowStore store;
    private final Checkpoints checkpoints;
    private final ChangeSource changes;
    private final RepairPolicy policy;
    private final Duration catchUpTimeout;

    public IncrementalReconciler(RowStore store, Checkpoints checkpoints, ChangeSource changes, RepairPolicy policy,
            Duration catchUpTimeout) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.changes = changes;
        this.policy = policy;
        this.catchUpTimeout = catchUpTimeout;
    }

    /** One run; returns the report (empty for the baseline run). */
    public ReconcileReport run() throws Exception {
        String copy = store.table().copyTable();
        ReconcileReport report = new ReconcileReport(copy, policy);
        Properties saved = checkpoints.load(copy, MODE).orElse(null);
        Properties next = new Properties();
        for (BinlogEndpoint e : changes.endpoints()) {
            next.setProperty("position." + e.dataSource(), BinlogFollower.serverPosition(e));
        }
        if (saved != null) {
            Set<Object> keys = new LinkedHashSet<>();
            for (BinlogEndpoint e : changes.endpoints()) {
                String from = saved.getProperty("position." + e.dataSource());
                String to = next.getProperty("position." + e.dataSource());
                if (from == null) {
                    throw new IllegalStateException("The incremental checkpoint of " + copy + " has no position for "
                            + "data source " + e.dataSource() + "; delete it (" + checkpoints.directory() + ") and run "
                            + "a full scan");
                }
                if (!GtidPositions.reached(from, to)) {
                    keys.addAll(collect(e, from, to));
                }
            }
            List<String> copied = store.copiedColumns();
            for (Object key : keys) {
                KeyChecker.check(store, copied, key, report, policy);
            }
        }
        checkpoints.save(copy, MODE, next);
        return report;
    }

    private Set<Object> collect(BinlogEndpoint endpoint, String from, String to) throws Exception {
        Set<Object> keys = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
        String keyColumn = store.table().keyColumn();
        BinlogSink sink = new BinlogSink() {
            @Override
            public void rowsApplied(RowsEvent event) {
                if (changes.side(event) != ChangeSource.Side.NONE) {
                    keys.addAll(ChangeSource.keys(event, keyColumn));
                }
            }

            @Override
            public void statementApplied(BinlogEndpoint follower, String database, String sql, String gtid) {
            }
        };
        long deadline = System.nanoTime() + catchUpTimeout.toNanos();
        try (BinlogFollower follower = BinlogFollower.resume(endpoint, sink, from)) {
            while (!GtidPositions.reached(follower.resumePosition(), to)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("Incremental reconcile of " + store.table().copyTable() + ": the binlog "
                            + "of " + endpoint.describe() + " did not reach " + to + " from " + from + " within "
                            + catchUpTimeout + " (at " + follower.resumePosition() + ")");
                }
                Thread.sleep(10);
            }
        }
        synchronized (keys) {
            return new LinkedHashSet<>(keys);
        }
    }
}

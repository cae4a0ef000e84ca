package io.shardline.consistency.tx;

import io.shardline.consistency.tx.log.TransactionLog;
import io.shardline.consistency.tx.log.TransactionLogOptions;
import io.shardline.consistency.tx.log.TxMode;
import io.shardline.consistency.tx.log.TxOutcome;
import io.shardline.consistency.tx.log.TxRecord;
import io.shardline.consistency.tx.log.UnfinishedTransaction;
import io.shardline.consistency.tx.undo.BranchState;
import io.shardline.consistency.tx.undo.CompensationResult;
import io.shardline.consistency.tx.undo.UndoConflict;
import io.shardline.consistency.tx.undo.UndoLog;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits transactions that wrote on several data sources, for one DataSource: delayed commit with compensation
 * (DELAYED) or native XA (XA, see {@link XaBranches}), both made crash-safe by the {@link TransactionLog}.
 *
 * <h2>Delayed commit</h2>
 * Every branch has executed when the application calls commit. The coordinator writes COMMITTING (fsync), then
 * commits the branches back to back — read-only connections first, then the branches with undo records, the last
 * resource (the first data source written, without undo records) last. If a commit fails, it writes COMPENSATING
 * (fsync), rolls back what has not committed and restores the committed branches from their undo records
 * ({@link UndoLog#compensate}), leaving alone rows someone else changed since (outcome MANUAL). A branch whose
 * commit failed in a way that leaves its outcome unknown is fenced ({@link UndoLog#fence}): its marker row says
 * whether it committed. FINISHED is written once nothing is left to do, and the undo records are then deleted in
 * the background.
 *
 * <h2>Recovery</h2>
 * At start (and every {@code resolveInterval} for transactions left in doubt) each unfinished transaction of the
 * log is settled from the branches' markers: all committed, or the last resource committed → committed; the last
 * resource or any branch not committed → compensate the committed ones. A data source that cannot be reached
 * keeps the transaction unfinished until it can.
 */
public final class TransactionCoordinator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionCoordinator.class);

    /** How multi-data-source transactions commit. */
    public enum Mode {
        /** Delayed commit with compensation from undo records. */
        DELAYED,
        /** XA PREPARE on every branch, then XA COMMIT. */
        XA
    }

    /** One physical connection of a committing logical transaction. */
    public record Branch(String dataSource, Connection connection, boolean master) {
    }

    /**
     * @param mode              DELAYED or XA
     * @param logDirectory      the transaction log's directory
     * @param logOptions        segment size
     * @param undoTable         the undo table's name in each data source's database
     * @param dataSources       the data sources this DataSource can reach (others in the log are left alone)
     * @param resolveIntervalMs how often unfinished transactions are retried in the background
     */
    public record Options(Mode mode, Path logDirectory, TransactionLogOptions logOptions, String undoTable,
            List<String> dataSources, long resolveIntervalMs, CommitObserver observer) {
        public Options {
            dataSources = List.copyOf(dataSources);
        }
    }

    private final Options options;
    private final SharedTransactionLog shared;
    private final TransactionLog log;
    private final UndoLog undo;
    private final MasterConnections masters;
    private final CommitObserver observer;
    private final TransactionMetrics metrics = new TransactionMetrics();
    private final Set<String> undoTablesReady = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService background;
    private final XaBranches xa;
    private volatile List<Resolution> startupRecovery = List.of();

    private TransactionCoordinator(Options options, SharedTransactionLog shared, UndoLog undo,
            MasterConnections masters) {
        this.options = options;
        this.shared = shared;
        this.log = shared.log;
        this.undo = undo;
        this.masters = masters;
        this.observer = options.observer() == null ? CommitObserver.NONE : options.observer();
        this.xa = new XaBranches(this);
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shardline-tx-resolver");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens (or joins) the transaction log, settles every unfinished transaction it holds (reporting what it did
     * through {@link #startupRecovery()} and the log), and starts the background resolver.
     *
     * @param binder how the driver binds parameters (used for undo images)
     * @throws SQLException when the log cannot be opened (in use by another process, unreadable, corrupt)
     */
    public static TransactionCoordinator start(Options options, MasterConnections masters,
            io.shardline.consistency.tx.undo.ParameterBinder binder) throws SQLException {
        SharedTransactionLog shared;
        try {
            shared = SharedTransactionLog.acquire(options.logDirectory(), options.logOptions());
        } catch (IOException e) {
            throw new SQLException("Cannot open the transaction log in " + options.logDirectory() + " (transactions."
                    + "log.directory): " + e.getMessage(), "58030", e);
        }
        TransactionCoordinator coordinator = new TransactionCoordinator(options, shared,
                new UndoLog(options.undoTable(), binder), masters);
        if (shared.claimRecovery()) {
            coordinator.startupRecovery = coordinator.resolveUnfinished();
            if (options.mode() == Mode.XA) {
                int orphans = coordinator.xa.rollBackOrphans();
                if (orphans > 0) {
                    List<Resolution> all = new ArrayList<>(coordinator.startupRecovery);
                    all.add(new Resolution("(xa)", "ROLLED_BACK", orphans + " prepared branch(es) without a commit "
                            + "decision"));
                    coordinator.startupRecovery = List.copyOf(all);
                }
            }
            for (Resolution r : coordinator.startupRecovery) {
                LOG.info("Transaction recovery ({}): {}", options.logDirectory(), r);
            }
        }
        coordinator.background.execute(coordinator::sweepSettled);
        coordinator.background.scheduleWithFixedDelay(coordinator::resolveQuietly, options.resolveIntervalMs(),
                options.resolveIntervalMs(), TimeUnit.MILLISECONDS);
        return coordinator;
    }

    public Mode mode() {
        return options.mode();
    }

    public TransactionMetrics metrics() {
        return metrics;
    }

    /** What recovery at start did (empty when the log held nothing unfinished, or another DataSource recovered). */
    public List<Resolution> startupRecovery() {
        return startupRecovery;
    }

    /** Where the log lives. */
    public Path logDirectory() {
        return log.directory();
    }

    /** A new logical transaction's write side (DELAYED mode). */
    public GlobalTransaction begin() {
        return new GlobalTransaction(this);
    }

    /** The XA side (XA mode). */
    public XaBranches xa() {
        return xa;
    }

    /** Counts a commit of a transaction that wrote on at most one data source. */
    public void countLocalCommit() {
        metrics.localCommits.increment();
    }

    // ---- used by GlobalTransaction and XaBranches ----

    String newXid() {
        return shared.newXid();
    }

    UndoLog undo() {
        return undo;
    }

    /**
     * A table changed shape (DDL went through Shardline): undo capture reads the table's columns and keys again
     * instead of writing images of the old shape.
     */
    public void schemaChanged() {
        undo.forgetTableShapes();
    }

    TransactionLog log() {
        return log;
    }

    CommitObserver observer() {
        return observer;
    }

    Set<String> active() {
        return shared.active;
    }

    MasterConnections masters() {
        return masters;
    }

    boolean owns(String xid) {
        return shared.owns(xid);
    }

    List<String> dataSources() {
        return options.dataSources();
    }

    /** Creates the undo table in a data source's database the first time a transaction needs it there. */
    void ensureUndoTable(String dataSource) throws SQLException {
        if (undoTablesReady.contains(dataSource)) {
            return;
        }
        // DDL commits implicitly: never on the branch's own connection.
        try (Connection c = masters.open(dataSource)) {
            undo.createTable(c);
        }
        undoTablesReady.add(dataSource);
    }

    // ---- delayed commit ----

    /**
     * Commits a transaction that wrote on several data sources (DELAYED mode). Returns normally only when every
     * branch committed.
     *
     * @param open every physical connection of the logical transaction
     * @throws GlobalCommitException when it did not commit everywhere; the exception says what it became
     */
    public void commit(GlobalTransaction transaction, List<Branch> open) throws SQLException {
        String xid = transaction.xid().orElseThrow(() -> new IllegalStateException("not a global transaction"));
        Optional<String> failure = transaction.failure();
        if (failure.isPresent()) {
            rollbackQuietly(open);
            throw new GlobalCommitException(xid, GlobalCommitException.Outcome.ROLLED_BACK, failure.get()
                    + "; rolled back on " + names(open), null);
        }
        List<String> written = transaction.written();
        String lastResource = written.get(0);
        List<Branch> readOnly = new ArrayList<>(2);
        Branch[] writes = new Branch[written.size()];
        for (Branch b : open) {
            int w = b.master() ? written.indexOf(b.dataSource()) : -1;
            if (w < 0) {
                readOnly.add(b);
            } else {
                writes[w] = b;
            }
        }
        // Commit order: the branches with undo records in the order they were written, the last resource last.
        List<Branch> order = new ArrayList<>(writes.length);
        for (int i = 1; i < writes.length; i++) {
            order.add(writes[i]);
        }
        order.add(writes[0]);
        List<String> orderNames = new ArrayList<>(order.size());
        for (Branch b : order) {
            orderNames.add(b.dataSource());
        }
        shared.active.add(xid);
        boolean settling = false;
        try {
            try {
                log.append(TxRecord.committing(xid, TxMode.DELAYED, orderNames), true);
            } catch (IOException e) {
                rollbackQuietly(open);
                throw new GlobalCommitException(xid, GlobalCommitException.Outcome.ROLLED_BACK, "the transaction log in "
                        + log.directory() + " could not record the commit decision (" + e.getMessage()
                        + "); rolled back on " + names(open), e);
            }
            observer.decided(xid);
            for (Branch b : readOnly) {
                try {
                    b.connection().commit();
                } catch (SQLException e) {
                    // Nothing is committed yet: rolling back everything is cheap and keeps the locks' promise.
                    rollbackQuietly(order);
                    finishQuietly(xid, TxOutcome.ROLLED_BACK, "read-only branch " + b.dataSource() + " failed to commit");
                    forgetLater(xid, orderNames);
                    settling = true;
                    throw new GlobalCommitException(xid, GlobalCommitException.Outcome.ROLLED_BACK, "commit failed on "
                            + "read-only branch " + b.dataSource() + " (" + e.getMessage() + "); nothing committed, "
                            + "rolled back on " + orderNames, e);
                }
            }
            int n = order.size();
            List<Branch> committed = new ArrayList<>(n);
            for (int i = 0; i < n - 1; i++) {
                Branch b = order.get(i);
                observer.beforeBranchCommit(xid, b.dataSource(), i, n);
                try {
                    b.connection().commit();
                } catch (SQLException e) {
                    settling = true;
                    throw compensateAfterFailure(xid, orderNames, committed, b, order.subList(i + 1, n), e);
                }
                committed.add(b);
                observer.afterBranchCommit(xid, b.dataSource(), i, n);
            }
            Branch last = order.get(n - 1);
            observer.beforeBranchCommit(xid, last.dataSource(), n - 1, n);
            try {
                last.connection().commit();
            } catch (SQLException e) {
                rollbackQuietly(List.of(last));
                Optional<BranchState> state = fence(xid, last.dataSource());
                if (state.isEmpty()) {
                    metrics.inDoubt.increment();
                    throw new GlobalCommitException(xid, GlobalCommitException.Outcome.IN_DOUBT, "the commit on "
                            + last.dataSource() + " failed (" + e.getMessage() + ") and whether it committed cannot "
                            + "be learned now; committed before it: " + names(committed) + ". Shardline settles it "
                            + "(commit or compensate) as soon as " + last.dataSource() + " answers", e);
                }
                if (state.get() == BranchState.ABORTED) {
                    settling = true;
                    throw compensateAfterFailure(xid, orderNames, committed, null, List.of(), e);
                }
                // The commit reached the server before the connection failed: the transaction committed.
            }
            observer.afterBranchCommit(xid, last.dataSource(), n - 1, n);
            metrics.globalCommits.increment();
            settling = true;
            settleCommittedLater(xid, orderNames);
        } finally {
            if (!settling) {
                shared.active.remove(xid);
            }
        }
    }

    /**
     * A branch commit failed after {@code committed} committed: decide abort, roll back the rest, learn the failed
     * branch's outcome, compensate every committed branch. Returns the exception to throw.
     */
    private GlobalCommitException compensateAfterFailure(String xid, List<String> orderNames, List<Branch> committed,
            Branch failed, List<Branch> rest, SQLException cause) {
        observer.beforeCompensation(xid);
        String where = failed == null ? orderNames.get(orderNames.size() - 1) : failed.dataSource();
        appendQuietly(TxRecord.compensating(xid, "commit failed on " + where + ": " + cause.getMessage()));
        rollbackQuietly(rest);
        List<String> toUndo = new ArrayList<>(names(committed));
        List<String> unknown = new ArrayList<>(1);
        if (failed != null) {
            rollbackQuietly(List.of(failed));
            Optional<BranchState> state = fence(xid, failed.dataSource());
            if (state.isEmpty()) {
                unknown.add(failed.dataSource());
            } else if (state.get() == BranchState.COMMITTED) {
                toUndo.add(failed.dataSource());
            }
        }
        Settled settled = compensate(xid, toUndo, unknown);
        GlobalCommitException.Outcome outcome;
        if (!settled.unknown.isEmpty()) {
            outcome = GlobalCommitException.Outcome.IN_DOUBT;
            metrics.inDoubt.increment();
            shared.active.remove(xid);
        } else {
            outcome = settled.conflicts.isEmpty() ? (toUndo.isEmpty() ? GlobalCommitException.Outcome.ROLLED_BACK
                    : GlobalCommitException.Outcome.COMPENSATED) : GlobalCommitException.Outcome.MANUAL;
            finishQuietly(xid, settled.outcome(toUndo.isEmpty()), settled.detail());
            forgetLater(xid, settled.forgettable(orderNames));
        }
        StringBuilder message = new StringBuilder("commit failed on ").append(where).append(" (")
                .append(cause.getMessage()).append(")");
        if (!toUndo.isEmpty()) {
            message.append("; compensated ").append(toUndo).append(" (").append(settled.restored)
                    .append(" row(s) restored)");
        }
        if (!settled.conflicts.isEmpty()) {
            message.append("; NOT restored, changed by someone else since: ").append(settled.conflicts);
        }
        if (!settled.unknown.isEmpty()) {
            message.append("; not reachable, settled later by Shardline: ").append(settled.unknown);
        }
        return new GlobalCommitException(xid, outcome, message.toString(), cause);
    }

    /** What compensating a set of branches achieved. */
    private static final class Settled {
        int restored;
        final List<UndoConflict> conflicts = new ArrayList<>();
        final List<String> conflicted = new ArrayList<>();
        final List<String> unknown = new ArrayList<>();

        TxOutcome outcome(boolean nothingCommitted) {
            if (!conflicts.isEmpty()) {
                return TxOutcome.MANUAL;
            }
            return nothingCommitted ? TxOutcome.ROLLED_BACK : TxOutcome.COMPENSATED;
        }

        String detail() {
            return conflicts.isEmpty() ? restored + " row(s) restored"
                    : restored + " row(s) restored; left for manual resolution: " + conflicts;
        }

        /** Data sources whose records can all go: everything but those holding conflict records. */
        List<String> forgettable(List<String> branches) {
            List<String> out = new ArrayList<>(branches);
            out.removeAll(conflicted);
            return out;
        }
    }

    private Settled compensate(String xid, List<String> toUndo, List<String> alreadyUnknown) {
        Settled s = new Settled();
        s.unknown.addAll(alreadyUnknown);
        for (String ds : toUndo) {
            try (Connection c = masters.open(ds)) {
                CompensationResult r = undo.compensate(c, xid, ds);
                s.restored += r.restored();
                if (!r.conflicts().isEmpty()) {
                    s.conflicts.addAll(r.conflicts());
                    s.conflicted.add(ds);
                }
            } catch (SQLException e) {
                LOG.warn("Transaction {}: compensation on {} failed, retried later: {}", xid, ds, e.getMessage());
                s.unknown.add(ds);
            }
        }
        if (!toUndo.isEmpty() && s.unknown.isEmpty()) {
            metrics.compensations.increment();
            metrics.compensatedRows.add(s.restored);
            if (!s.conflicts.isEmpty()) {
                metrics.manualResolutions.increment();
                LOG.error("Transaction {} needs manual resolution: rows changed by others since its branches "
                        + "committed were not restored: {} (undo records kept, status MANUAL)", xid, s.conflicts);
            }
        }
        return s;
    }

    /** The branch's outcome from its marker, fencing a late commit; empty when the data source cannot answer. */
    private Optional<BranchState> fence(String xid, String dataSource) {
        try (Connection c = masters.open(dataSource)) {
            return Optional.of(undo.fence(c, xid, dataSource));
        } catch (SQLException e) {
            LOG.warn("Transaction {}: cannot learn the outcome of branch {} now: {}", xid, dataSource, e.getMessage());
            return Optional.empty();
        }
    }

    private void settleCommittedLater(String xid, List<String> branches) {
        background.execute(() -> {
            try {
                finishQuietly(xid, TxOutcome.COMMITTED, "");
                forget(xid, branches);
            } finally {
                shared.active.remove(xid);
            }
        });
    }

    private void forgetLater(String xid, List<String> branches) {
        background.execute(() -> {
            try {
                forget(xid, branches);
            } finally {
                shared.active.remove(xid);
            }
        });
    }

    /** Deletes the undo records of a settled transaction; what fails stays until the next start's sweep. */
    private void forget(String xid, List<String> branches) {
        for (String ds : branches) {
            try (Connection c = masters.open(ds)) {
                undo.forget(c, xid);
            } catch (SQLException e) {
                LOG.warn("Transaction {} is settled but its undo records on {} could not be deleted yet: {}", xid, ds,
                        e.getMessage());
            }
        }
    }

    /** Appends FINISHED (durable before any clean-up); a failure is logged, recovery re-settles idempotently. */
    void finishQuietly(String xid, TxOutcome outcome, String detail) {
        try {
            // Durable before the undo records go: recovery must never find a settled transaction unsettled without
            // the markers it would decide by.
            log.append(TxRecord.finished(xid, outcome, detail), true);
        } catch (IOException e) {
            LOG.error("Transaction {} settled ({}) but the log could not record it: {}", xid, outcome, e.getMessage());
        }
    }

    private void appendQuietly(TxRecord record) {
        try {
            log.append(record, true);
        } catch (IOException e) {
            // Recovery decides from the markers anyway; the record only saves it a step.
            LOG.error("Transaction {}: the log could not record {}: {}", record.xid(), record.type(), e.getMessage());
        }
    }

    static void rollbackQuietly(List<Branch> branches) {
        for (Branch b : branches) {
            try {
                b.connection().rollback();
            } catch (SQLException ignored) {
                // a broken connection has rolled back on the server already
            }
        }
    }

    private static List<String> names(List<Branch> branches) {
        List<String> out = new ArrayList<>(branches.size());
        for (Branch b : branches) {
            if (!out.contains(b.dataSource())) {
                out.add(b.dataSource());
            }
        }
        return out;
    }

    // ---- recovery ----

    /** What recovery did with one unfinished transaction. */
    public record Resolution(String xid, String outcome, String detail) {
        @Override
        public String toString() {
            return xid + ": " + outcome + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /**
     * Settles every unfinished transaction of the log that is not being committed in this process now.
     * Transactions that cannot be settled yet (a data source unreachable) stay unfinished and are reported PENDING.
     */
    public synchronized List<Resolution> resolveUnfinished() {
        List<Resolution> out = new ArrayList<>();
        for (UnfinishedTransaction t : log.unfinished()) {
            if (!shared.active.add(t.xid())) {
                continue;
            }
            try {
                if (!options.dataSources().containsAll(t.branches())) {
                    out.add(new Resolution(t.xid(), "SKIPPED", "branches " + t.branches() + " are not all data "
                            + "sources of this configuration " + options.dataSources()));
                    continue;
                }
                Resolution r = t.mode() == TxMode.XA ? xa.resolve(t) : resolveDelayed(t);
                if (!r.outcome().equals("PENDING")) {
                    metrics.recovered.increment();
                }
                out.add(r);
            } finally {
                shared.active.remove(t.xid());
            }
        }
        return out;
    }

    private void resolveQuietly() {
        try {
            for (Resolution r : resolveUnfinished()) {
                LOG.info("Transaction resolver: {}", r);
            }
            if (options.mode() == Mode.XA) {
                xa.rollBackOrphans();
            }
        } catch (RuntimeException e) {
            LOG.warn("Transaction resolver failed; retried in {} ms", options.resolveIntervalMs(), e);
        }
    }

    private Resolution resolveDelayed(UnfinishedTransaction t) {
        String xid = t.xid();
        List<String> branches = t.branches();
        String lastResource = branches.get(branches.size() - 1);
        List<String> committed = new ArrayList<>();
        List<String> aborted = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String ds : branches) {
            Optional<BranchState> s = fence(xid, ds);
            (s.isEmpty() ? unknown : s.get() == BranchState.COMMITTED ? committed : aborted).add(ds);
        }
        boolean abort = t.compensating() || !aborted.isEmpty();
        if (!abort) {
            // The last resource commits only after every other branch did: its marker decides.
            if (committed.contains(lastResource)) {
                finishQuietly(xid, TxOutcome.COMMITTED, "recovered: committed on " + committed);
                forget(xid, branches);
                return new Resolution(xid, "COMMITTED", "every branch had committed: " + branches);
            }
            return new Resolution(xid, "PENDING", "not reachable: " + unknown + "; committed: " + committed);
        }
        if (!t.compensating()) {
            appendQuietly(TxRecord.compensating(xid, "recovery: not committed on " + aborted));
        }
        // The last resource cannot have committed once any branch did not (it commits last), so only the others
        // are compensated; an unreachable one is compensated when it answers.
        List<String> toUndo = new ArrayList<>(committed);
        toUndo.remove(lastResource);
        List<String> blocking = new ArrayList<>(unknown);
        blocking.remove(lastResource);
        Settled settled = compensate(xid, toUndo, blocking);
        if (!settled.unknown.isEmpty()) {
            return new Resolution(xid, "PENDING", "compensated " + toUndo + " (" + settled.restored + " row(s)); not "
                    + "reachable: " + settled.unknown);
        }
        TxOutcome outcome = settled.outcome(toUndo.isEmpty());
        finishQuietly(xid, outcome, "recovered: " + settled.detail());
        forget(xid, settled.forgettable(branches));
        return new Resolution(xid, outcome.name(), "committed branches " + toUndo + " restored; " + settled.detail());
    }

    /**
     * Deletes undo records of this log's transactions that are settled but were not cleaned up (the process died
     * between FINISHED and the clean-up). Records kept for manual resolution stay.
     */
    private void sweepSettled() {
        java.util.Set<String> unfinished = new java.util.HashSet<>();
        for (UnfinishedTransaction t : log.unfinished()) {
            unfinished.add(t.xid());
        }
        for (String ds : options.dataSources()) {
            List<String> settled = new ArrayList<>();
            try (Connection c = masters.open(ds); java.sql.PreparedStatement ps = c.prepareStatement(
                    "SELECT DISTINCT xid FROM " + options.undoTable() + " WHERE xid LIKE ? AND xid NOT IN (SELECT xid "
                            + "FROM " + options.undoTable() + " WHERE status = 'MANUAL')")) {
                ps.setString(1, shared.prefix + "-%");
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String xid = rs.getString(1);
                        if (!unfinished.contains(xid) && !shared.active.contains(xid)) {
                            settled.add(xid);
                        }
                    }
                }
                for (String xid : settled) {
                    undo.forget(c, xid);
                }
                if (!settled.isEmpty()) {
                    LOG.info("Deleted the leftover undo records of {} settled transaction(s) on {}", settled.size(), ds);
                }
            } catch (SQLException e) {
                if (e.getErrorCode() != 1146) { // no undo table there: nothing to sweep
                    LOG.warn("Could not sweep settled undo records on {}: {}", ds, e.getMessage());
                }
            }
        }
    }

    /** Stops the resolver (waiting briefly for clean-up in progress) and releases the log. */
    @Override
    public void close() {
        background.shutdown();
        try {
            if (!background.awaitTermination(5, TimeUnit.SECONDS)) {
                background.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            background.shutdownNow();
        }
        try {
            shared.release();
        } catch (IOException e) {
            LOG.warn("Closing the transaction log in {} failed: {}", log.directory(), e.getMessage());
        }
    }
}

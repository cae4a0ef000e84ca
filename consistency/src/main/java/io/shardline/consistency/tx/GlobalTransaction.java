package io.shardline.consistency.tx;

import io.shardline.consistency.tx.undo.BranchRecorder;
import io.shardline.consistency.tx.undo.PendingUndo;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The write side of one logical transaction in DELAYED mode: which data sources it wrote, in order, and the undo
 * capture around its writes. Created lazily by the logical connection; not thread-safe except where noted.
 *
 * <p>The first data source written is the <em>last resource</em>: it commits last, so it never has to be undone
 * (if it fails, the others are compensated; if it commits, everything did) and its writes need no undo records.
 * A transaction that only ever writes one data source therefore pays nothing. When a second data source joins,
 * the transaction gets an id and every written branch a marker row (inserted in the branch's own local
 * transaction, so after a crash its presence proves the branch committed); writes on the later data sources
 * capture before- and after-images.
 */
public final class GlobalTransaction {

    /** The logical connection's physical connection to a data source's master, inside the transaction. */
    @FunctionalInterface
    public interface BranchConnections {
        Connection master(String dataSource) throws SQLException;
    }

    private final TransactionCoordinator coordinator;
    private final List<String> written = new ArrayList<>(4);
    private final Map<String, BranchRecorder> recorders = new HashMap<>(4);
    private String xid;
    private volatile String failure;

    GlobalTransaction(TransactionCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    /**
     * Registers the data sources a write statement is about to change, before any of its shard statements runs
     * (on the caller's thread). When this makes the transaction span a second data source, it gets its id and
     * the branches their markers.
     */
    public void beforeWrite(List<String> dataSources, BranchConnections connections) throws SQLException {
        int before = written.size();
        for (int i = 0, n = dataSources.size(); i < n; i++) {
            String ds = dataSources.get(i);
            if (!written.contains(ds)) {
                written.add(ds);
            }
        }
        int after = written.size();
        if (after < 2 || after == before) {
            return;
        }
        if (xid == null) {
            xid = coordinator.newXid();
        }
        for (int i = before < 2 ? 0 : before; i < after; i++) {
            String ds = written.get(i);
            try {
                coordinator.ensureUndoTable(ds);
                BranchRecorder recorder = coordinator.undo().branch(xid, ds);
                recorder.markBranch(connections.master(ds));
                if (i > 0) {
                    recorders.put(ds, recorder);
                }
            } catch (SQLException e) {
                failure = "could not start the undo log of data source " + ds + ": " + e.getMessage();
                throw new SQLException("Transaction " + xid + ": " + failure + " (the transaction can only be rolled "
                        + "back)", e.getSQLState(), e.getErrorCode(), e);
            }
        }
    }

    /** Whether writes on {@code dataSource} capture undo records (it is written, and it is not the last resource). */
    public boolean captures(String dataSource) {
        return recorders.containsKey(dataSource);
    }

    /**
     * Before one shard write statement runs on {@code dataSource}: captures before-images when the data source
     * needs undo records. Thread-safe across data sources (units of different data sources run in parallel).
     *
     * @return the pending undo to complete after the statement, or empty when no capture is needed
     * @throws SQLException when the statement cannot be compensated (it is then not run; the transaction goes on)
     */
    public Optional<PendingUndo> beforeUnit(String dataSource, Connection connection, String sql,
            List<Object> parameters) throws SQLException {
        BranchRecorder recorder = recorders.get(dataSource);
        if (recorder == null) {
            return Optional.empty();
        }
        return Optional.of(recorder.beforeWrite(connection, sql, parameters));
    }

    /**
     * After the shard statement ran: writes its undo records. A failure here leaves a change without undo, so the
     * transaction becomes rollback-only.
     */
    public void afterUnit(String dataSource, PendingUndo pending, Connection connection, long updateCount)
            throws SQLException {
        try {
            pending.afterWrite(connection, updateCount);
        } catch (SQLException e) {
            failure = "the undo records of a write on " + dataSource + " could not be written: " + e.getMessage();
            throw new SQLException("Transaction " + xid + ": " + failure + " (the transaction can only be rolled back)",
                    e.getSQLState(), e.getErrorCode(), e);
        }
    }

    /** Data sources written, in the order they were first written; the first is the last resource. */
    public List<String> written() {
        return List.copyOf(written);
    }

    /** The global id, once the transaction spans several data sources. */
    public Optional<String> xid() {
        return Optional.ofNullable(xid);
    }

    /** Whether commit must be the coordinated one. */
    public boolean spansDataSources() {
        return written.size() >= 2;
    }

    /** Why the transaction can only roll back, if it can. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}

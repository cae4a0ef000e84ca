package io.shardline.consistency.tx;

import io.shardline.consistency.tx.log.TxMode;
import io.shardline.consistency.tx.log.TxOutcome;
import io.shardline.consistency.tx.log.TxRecord;
import io.shardline.consistency.tx.log.UnfinishedTransaction;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * XA mode: every data source a transaction touches runs its branch as a MariaDB XA transaction
 * ({@code XA START 'xid','dataSource'}); commit ends and prepares every branch, writes COMMITTING to the log (the
 * decision), then commits each branch. A transaction on one data source commits with {@code XA COMMIT ... ONE
 * PHASE}. Prepared branches survive a crash of the middleware and of the server (MariaDB 10.5+); recovery lists
 * them with {@code XA RECOVER} and commits those whose COMMITTING record is in the log, rolling back the others
 * (presumed abort).
 */
public final class XaBranches {

    private static final Logger LOG = LoggerFactory.getLogger(XaBranches.class);

    private final TransactionCoordinator coordinator;

    XaBranches(TransactionCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    /** Starts a logical transaction's XA side; branches join as the transaction touches data sources. */
    public Transaction begin() {
        return new Transaction(coordinator.newXid());
    }

    /** The XA branches of one logical transaction. Not thread-safe (like the logical connection). */
    public final class Transaction {
        private final String xid;
        private final List<TransactionCoordinator.Branch> branches = new ArrayList<>(4);

        private Transaction(String xid) {
            this.xid = xid;
        }

        public String xid() {
            return xid;
        }

        /** Whether {@code connection} is already a branch. */
        public boolean enlisted(Connection connection) {
            for (TransactionCoordinator.Branch b : branches) {
                if (b.connection() == connection) {
                    return true;
                }
            }
            return false;
        }

        /** {@code XA START} on a master connection (in autocommit mode) the transaction uses for the first time. */
        public void enlist(String dataSource, Connection connection) throws SQLException {
            for (TransactionCoordinator.Branch b : branches) {
                if (b.dataSource().equals(dataSource)) {
                    throw new IllegalStateException("data source " + dataSource + " is already a branch of " + xid);
                }
            }
            execute(connection, "XA START " + xidLiteral(xid, dataSource));
            branches.add(new TransactionCoordinator.Branch(dataSource, connection, true));
        }

        /** Commits: one phase for one branch; otherwise prepare all, log the decision, commit all. */
        public void commit() throws SQLException {
            if (branches.isEmpty()) {
                return;
            }
            if (branches.size() == 1) {
                TransactionCoordinator.Branch b = branches.get(0);
                try {
                    execute(b.connection(), "XA END " + xidLiteral(xid, b.dataSource()));
                    execute(b.connection(), "XA COMMIT " + xidLiteral(xid, b.dataSource()) + " ONE PHASE");
                } catch (SQLException e) {
                    rollbackQuietly();
                    throw new GlobalCommitException(xid, GlobalCommitException.Outcome.ROLLED_BACK, "XA one-phase "
                            + "commit failed on " + b.dataSource() + ": " + e.getMessage(), e);
                } finally {
                    branches.clear();
                }
                coordinator.metrics().xaCommits.increment();
                return;
            }
            List<String> names = new ArrayList<>(branches.size());
            for (TransactionCoordinator.Branch b : branches) {
                names.add(b.dataSource());
            }
            coordinator.active().add(xid);
            try {
                for (TransactionCoordinator.Branch b : branches) {
                    try {
                        execute(b.connection(), "XA END " + xidLiteral(xid, b.dataSource()));
                        execute(b.connection(), "XA PREPARE " + xidLiteral(xid, b.dataSource()));
                    } catch (SQLException e) {
                        rollbackQuietly();
                        throw new GlobalCommitException(xid, GlobalCommitException.Outcome.ROLLED_BACK, "XA PREPARE "
                                + "failed on " + b.dataSource() + " (" + e.getMessage() + "); rolled back on " + names,
                                e);
                    }
                }
                try {
                    coordinator.log().append(TxRecord.committing(xid, TxMode.XA, names), true);
                } catch (IOException e) {
                    rollbackQuietly();
                    throw new GlobalCommitException(xid, GlobalCommitException.Outcome.ROLLED_BACK, "the transaction "
                            + "log could not record the commit decision (" + e.getMessage() + "); rolled back on "
                            + names, e);
                }
                coordinator.observer().decided(xid);
                List<String> pending = new ArrayList<>(0);
                for (int i = 0; i < branches.size(); i++) {
                    TransactionCoordinator.Branch b = branches.get(i);
                    coordinator.observer().beforeBranchCommit(xid, b.dataSource(), i, branches.size());
                    if (!commitBranch(b)) {
                        pending.add(b.dataSource());
                    }
                    coordinator.observer().afterBranchCommit(xid, b.dataSource(), i, branches.size());
                }
                if (!pending.isEmpty()) {
                    coordinator.metrics().inDoubt.increment();
                    throw new GlobalCommitException(xid, GlobalCommitException.Outcome.IN_DOUBT, "the commit is "
                            + "decided and logged, but the prepared branches on " + pending + " could not be committed "
                            + "yet; Shardline commits them as soon as they answer", null);
                }
                coordinator.finishQuietly(xid, TxOutcome.COMMITTED, "");
                coordinator.metrics().xaCommits.increment();
            } finally {
                coordinator.active().remove(xid);
                branches.clear();
            }
        }

        /** XA COMMIT on the branch's connection, else from a fresh one (a prepared branch outlives its session). */
        private boolean commitBranch(TransactionCoordinator.Branch b) {
            String literal = xidLiteral(xid, b.dataSource());
            try {
                execute(b.connection(), "XA COMMIT " + literal);
                return true;
            } catch (SQLException first) {
                try (Connection c = coordinator.masters().open(b.dataSource())) {
                    execute(c, "XA COMMIT " + literal);
                    return true;
                } catch (SQLException again) {
                    // XAER_NOTA: the first attempt did commit before its connection failed.
                    if (again.getErrorCode() == 1397) {
                        return true;
                    }
                    LOG.warn("XA transaction {}: commit of prepared branch {} failed, retried later: {}", xid,
                            b.dataSource(), again.getMessage());
                    return false;
                }
            }
        }

        /** Ends and rolls back every branch (errors ignored: a broken connection's branch is rolled back already). */
        public void rollback() {
            rollbackQuietly();
            branches.clear();
        }

        private void rollbackQuietly() {
            for (TransactionCoordinator.Branch b : branches) {
                String literal = xidLiteral(xid, b.dataSource());
                try {
                    execute(b.connection(), "XA END " + literal);
                } catch (SQLException ignored) {
                    // already ended (failed prepare) or the connection is gone
                }
                try {
                    execute(b.connection(), "XA ROLLBACK " + literal);
                } catch (SQLException ignored) {
                    // not prepared and the session is gone: the server has rolled it back
                }
            }
        }

        /** Data sources enlisted so far. */
        public Set<String> dataSources() {
            Set<String> out = new HashSet<>();
            for (TransactionCoordinator.Branch b : branches) {
                out.add(b.dataSource());
            }
            return out;
        }
    }

    /** Recovery of an XA transaction with a COMMITTING record: commit every branch still prepared. */
    TransactionCoordinator.Resolution resolve(UnfinishedTransaction t) {
        List<String> unreachable = new ArrayList<>();
        int committed = 0;
        for (String ds : t.branches()) {
            try (Connection c = coordinator.masters().open(ds)) {
                for (String[] prepared : recover(c)) {
                    if (prepared[0].equals(t.xid()) && prepared[1].equals(ds)) {
                        execute(c, "XA COMMIT " + xidLiteral(t.xid(), ds));
                        committed++;
                    }
                }
            } catch (SQLException e) {
                unreachable.add(ds);
            }
        }
        if (!unreachable.isEmpty()) {
            return new TransactionCoordinator.Resolution(t.xid(), "PENDING", "not reachable: " + unreachable);
        }
        coordinator.finishQuietly(t.xid(), TxOutcome.COMMITTED, "recovered: " + committed + " prepared branch(es) committed");
        return new TransactionCoordinator.Resolution(t.xid(), "COMMITTED", committed
                + " prepared branch(es) committed after the decision was logged");
    }

    /**
     * Presumed abort: a prepared branch of this log's transactions that has no COMMITTING record and is not being
     * committed right now was left by a crash before the decision; roll it back. Returns how many.
     */
    int rollBackOrphans() {
        Set<String> decided = new HashSet<>();
        for (UnfinishedTransaction t : coordinator.log().unfinished()) {
            decided.add(t.xid());
        }
        int rolledBack = 0;
        for (String ds : coordinator.dataSources()) {
            try (Connection c = coordinator.masters().open(ds)) {
                for (String[] prepared : recover(c)) {
                    String xid = prepared[0];
                    if (!coordinator.owns(xid) || decided.contains(xid) || coordinator.active().contains(xid)) {
                        continue;
                    }
                    execute(c, "XA ROLLBACK " + xidLiteral(xid, prepared[1]));
                    LOG.info("XA recovery: rolled back prepared branch {} on {} (no commit decision in the log)", xid,
                            ds);
                    rolledBack++;
                }
            } catch (SQLException e) {
                LOG.debug("XA recovery: {} not reachable now: {}", ds, e.getMessage());
            }
        }
        return rolledBack;
    }

    /** Prepared branches on a server: {gtrid, bqual} pairs (format 1). */
    static List<String[]> recover(Connection c) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("XA RECOVER")) {
            while (rs.next()) {
                int gtridLength = rs.getInt("gtrid_length");
                int bqualLength = rs.getInt("bqual_length");
                byte[] data = rs.getBytes("data");
                if (data == null || data.length < gtridLength + bqualLength) {
                    continue;
                }
                String gtrid = new String(data, 0, gtridLength, java.nio.charset.StandardCharsets.UTF_8);
                String bqual = new String(data, gtridLength, bqualLength, java.nio.charset.StandardCharsets.UTF_8);
                out.add(new String[] {gtrid, bqual});
            }
        }
        return out;
    }

    /** Our xids and data source names are plain ASCII; quote them as SQL string literals anyway. */
    static String xidLiteral(String gtrid, String bqual) {
        return "'" + gtrid.replace("'", "''") + "','" + bqual.replace("'", "''") + "'";
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

package io.shardline.jdbc.execute;

import io.shardline.consistency.tx.GlobalTransaction;
import io.shardline.consistency.tx.TransactionCoordinator;
import io.shardline.consistency.tx.XaBranches;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The physical connections behind one logical connection: at most one per node of a data source, borrowed from the
 * node's pool on first use and kept until the logical connection closes (with read/write splitting a data source
 * may also have one on a replica, for reads). So every statement of a data source on a node
 * runs on the same physical connection — inside a transaction that is required (the transaction lives on
 * it), outside one it keeps the session (user variables, {@code LAST_INSERT_ID()}, temporary tables) where a
 * plain connection would keep it, and costs one pool borrow per data source per logical connection.
 *
 * <p>Session settings (autocommit, isolation, read-only, network timeout) are recorded here and replayed on
 * connections opened later (HikariCP's dirty bits). The catalog is not: each data source has its own database
 * in its URL, so there is no one catalog to switch.
 *
 * <p>Transactions that write on several data sources commit through the {@link TransactionCoordinator}: in DELAYED
 * mode a {@link GlobalTransaction} follows the writes (undo capture, markers) and commits at the end; in XA mode
 * every master connection the transaction uses is an XA branch, and the physical connections stay in autocommit
 * mode (XA START opens the branch). Without a coordinator (mode LOCAL) every connection commits on its own.
 *
 * <p>Not thread-safe, like a JDBC connection: the executor opens connections on the caller's thread before it
 * fans out.
 */
public final class ShardConnections implements AutoCloseable {

    /** Isolation not set by the application: the server's default stays. */
    public static final int ISOLATION_UNSET = -1;

    private final ShardPools pools;
    private final TransactionCoordinator coordinator;
    private final boolean xaMode;
    private final List<Open> open = new ArrayList<>(4);
    /** DELAYED mode: the write side of the current transaction, from its first write. */
    private GlobalTransaction global;
    /** XA mode: the current transaction's branches, from its first statement. */
    private XaBranches.Transaction xa;
    private boolean ddlRunning;
    /**
     * Autocommit off: the last transaction ended (commit or rollback succeeded) and no connection was used since, so
     * none holds a transaction; they may go back to their pools without a rollback.
     */
    private boolean betweenTransactions = true;
    private boolean autoCommit = true;
    private boolean readOnly;
    private int isolation = ISOLATION_UNSET;
    private int networkTimeoutMs;
    private Executor networkTimeoutExecutor;

    /** A borrowed connection and what it was borrowed for. */
    record Open(DataSourceGroup group, ShardNode node, Connection connection, boolean[] serverReadOnly) {
    }

    public ShardConnections(ShardPools pools) {
        this(pools, null);
    }

    /** @param coordinator commits multi-data-source transactions; null for mode LOCAL */
    public ShardConnections(ShardPools pools, TransactionCoordinator coordinator) {
        this.pools = pools;
        this.coordinator = coordinator;
        this.xaMode = coordinator != null && coordinator.mode() == TransactionCoordinator.Mode.XA;
    }

    public ShardPools pools() {
        return pools;
    }

    /**
     * The connection of {@code group} on {@code node}, borrowed and set up on first use. A group may have one
     * connection per node: its master's, and a replica's for reads that read/write splitting sends there.
     */
    public Connection connection(DataSourceGroup group, ShardNode node) throws SQLException {
        betweenTransactions = false; // with autocommit off, its next statement starts a transaction
        Connection c = null;
        for (int i = 0, n = open.size(); i < n && c == null; i++) {
            Open o = open.get(i);
            if (o.group == group && o.node == node) {
                c = o.connection;
            }
        }
        if (c == null) {
            c = borrow(group, node);
        }
        if (xaMode && !autoCommit && node == group.master()) {
            enlist(group, c);
        }
        return c;
    }

    /** XA mode: the first use of a master connection in a transaction opens its branch. */
    private void enlist(DataSourceGroup group, Connection c) throws SQLException {
        if (xa == null) {
            xa = coordinator.xa().begin();
        }
        if (!xa.enlisted(c)) {
            try {
                xa.enlist(group.name(), c);
            } catch (SQLException e) {
                throw new ShardFailureException(group.name(), group.master().address(), "XA START", e);
            }
        }
    }

    /**
     * DELAYED mode, inside a transaction: the write side, created at the transaction's first write. Empty outside a
     * transaction and in the other modes.
     */
    public java.util.Optional<GlobalTransaction> globalTransaction() {
        if (autoCommit || coordinator == null || xaMode || ddlRunning) {
            return java.util.Optional.empty();
        }
        if (global == null) {
            global = coordinator.begin();
        }
        return java.util.Optional.of(global);
    }

    /** DELAYED mode: whether the current transaction has written (its write side exists). */
    public boolean wroteInTransaction() {
        return global != null;
    }

    /**
     * Marks a DDL statement running: it does not join the transaction's write side (MariaDB commits implicitly
     * around DDL, so there is nothing of it to coordinate or undo).
     */
    public void ddlRunning(boolean running) {
        ddlRunning = running;
    }

    /** The transaction's connection to a data source's master (borrowed when not open yet). */
    public Connection masterConnection(String dataSource) throws SQLException {
        DataSourceGroup group = pools.groupOrNull(dataSource);
        if (group == null) {
            throw DataSourceGroup.unknown(dataSource);
        }
        return connection(group, group.master());
    }

    /** The connection already open on {@code node}, or null (never borrows). */
    public Connection openConnection(DataSourceGroup group, ShardNode node) {
        for (int i = 0, n = open.size(); i < n; i++) {
            Open o = open.get(i);
            if (o.group == group && o.node == node) {
                return o.connection;
            }
        }
        return null;
    }

    /**
     * Evicts the connection of {@code node} after a connection failure (HikariCP replaces it); the next statement
     * that needs the node borrows a new one.
     */
    public void discard(DataSourceGroup group, ShardNode node, Executor executor) {
        for (int i = 0; i < open.size(); i++) {
            Open o = open.get(i);
            if (o.group == group && o.node == node) {
                open.remove(i);
                try {
                    o.connection.abort(executor);
                } catch (SQLException | RuntimeException ignored) {
                    // best effort: the connection is broken already
                }
                return;
            }
        }
    }

    private Connection borrow(DataSourceGroup group, ShardNode node) throws SQLException {
        Connection c;
        try {
            c = node.pool().getConnection();
        } catch (SQLException e) {
            throw new ShardFailureException(group.name(), node.address(), "(borrowing a connection from pool "
                    + node.pool().getPoolName() + ")", e);
        }
        boolean[] serverReadOnly = {false};
        try {
            if (!autoCommit && !xaMode) {
                c.setAutoCommit(false);
            }
            if (isolation != ISOLATION_UNSET) {
                c.setTransactionIsolation(isolation);
            }
            if (readOnly) {
                applyReadOnly(c, true, serverReadOnly);
            }
            if (networkTimeoutExecutor != null) {
                c.setNetworkTimeout(networkTimeoutExecutor, networkTimeoutMs);
            }
        } catch (SQLException e) {
            closeQuietly(c);
            throw new ShardFailureException(group.name(), node.address(), "(replaying session settings)", e);
        }
        open.add(new Open(group, node, c, serverReadOnly));
        return c;
    }

    /** The connections borrowed so far, in borrow order. */
    public List<Connection> openConnections() {
        List<Connection> out = new ArrayList<>(open.size());
        for (Open o : open) {
            out.add(o.connection);
        }
        return out;
    }

    /** Data source names with a borrowed connection, in borrow order. */
    public List<String> openDataSources() {
        List<String> out = new ArrayList<>(open.size());
        for (Open o : open) {
            out.add(o.group.name());
        }
        return out;
    }

    public boolean autoCommit() {
        return autoCommit;
    }

    /** Sets autocommit on every open connection (which commits their transactions when turned on) and records it. */
    public void setAutoCommit(boolean value) throws SQLException {
        if (value == autoCommit) {
            return;
        }
        if (value) {
            // Switching autocommit on commits: do it as a reported commit so a failure names the shards.
            commit();
        }
        if (!xaMode) {
            forEach((o, c) -> c.setAutoCommit(value), "setAutoCommit(" + value + ")");
        }
        autoCommit = value;
        betweenTransactions = true; // turned off: the next statement starts the first transaction
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Applies to every open connection, then records it (so a refusal, e.g. inside a transaction, changes nothing later). */
    public void setReadOnly(boolean value) throws SQLException {
        forEach((o, c) -> applyReadOnly(c, value, o.serverReadOnly), "setReadOnly(" + value + ")");
        readOnly = value;
    }

    public int isolation() {
        return isolation;
    }

    public void setIsolation(int level) throws SQLException {
        forEach((o, c) -> c.setTransactionIsolation(level), "setTransactionIsolation(" + level + ")");
        isolation = level;
    }

    public int networkTimeout() {
        return networkTimeoutMs;
    }

    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        networkTimeoutExecutor = executor;
        networkTimeoutMs = milliseconds;
        forEach((o, c) -> c.setNetworkTimeout(executor, milliseconds), "setNetworkTimeout");
    }

    /**
     * Commits every connection opened in the transaction, in the order they were opened. A failing commit does
     * not stop the others (their work is independent, and stopping would leave them open); the exception then
     * says which data sources committed and which did not. Cross-shard atomicity is issue #9.
     */
    public void commit() throws SQLException {
        finish(true);
        betweenTransactions = true;
    }

    /** Rolls back every connection opened in the transaction; reports the shards that failed to. */
    public void rollback() throws SQLException {
        finish(false);
        betweenTransactions = true;
    }

    /**
     * Whether no transaction is open on any connection: autocommit is on, or it is off and nothing ran since the
     * last commit or rollback. The connections can then go back to their pools (see {@link #close()}) without
     * ending anything.
     */
    public boolean noTransactionOpen() {
        return autoCommit || betweenTransactions;
    }

    private void finish(boolean commit) throws SQLException {
        if (autoCommit || open.isEmpty()) {
            return;
        }
        if (xaMode) {
            XaBranches.Transaction branches = xa;
            xa = null;
            if (branches != null) {
                if (commit) {
                    branches.commit();
                } else {
                    branches.rollback();
                }
            }
            return;
        }
        GlobalTransaction transaction = global;
        global = null;
        if (transaction != null && transaction.spansDataSources()) {
            if (commit) {
                List<TransactionCoordinator.Branch> branches = new ArrayList<>(open.size());
                for (Open o : open) {
                    branches.add(new TransactionCoordinator.Branch(o.group.name(), o.connection,
                            o.node == o.group.master()));
                }
                coordinator.commit(transaction, branches);
                return;
            }
            // Rolling back needs nothing more: the undo records and markers roll back with their branches.
        }
        if (commit && coordinator != null) {
            coordinator.countLocalCommit();
        }
        finishEach(commit);
    }

    private void finishEach(boolean commit) throws SQLException {
        List<String> done = null;
        List<ShardFailureException> failed = null;
        for (Open o : open) {
            try {
                if (commit) {
                    o.connection.commit();
                } else {
                    o.connection.rollback();
                }
                if (done == null) {
                    done = new ArrayList<>(open.size());
                }
                done.add(o.group.name());
            } catch (SQLException e) {
                if (failed == null) {
                    failed = new ArrayList<>(2);
                }
                failed.add(new ShardFailureException(o.group.name(), o.node.address(), commit ? "COMMIT" : "ROLLBACK",
                        e));
            }
        }
        if (failed != null) {
            List<String> failedNames = new ArrayList<>(failed.size());
            for (ShardFailureException f : failed) {
                failedNames.add(f.dataSource());
            }
            ShardFailureException first = ShardFailureException.combine(failed);
            SQLException report = new SQLException((commit ? "Commit" : "Rollback") + " failed on " + failedNames
                    + "; " + (commit ? "committed" : "rolled back") + " on " + (done == null ? "[]" : done)
                    + (commit ? " (transactions.mode LOCAL: nothing is undone): " : ": ") + first.getMessage(),
                    first.getSQLState(), first.getErrorCode(), first);
            throw report;
        }
    }

    /**
     * Returns every connection to its pool: rolls back an unfinished transaction, restores read-write on the
     * server where we set read-only there (HikariCP's reset goes through Connector/J, which would not send it).
     */
    @Override
    public void close() throws SQLException {
        SQLException first = null;
        if (xa != null) {
            xa.rollback();
            xa = null;
        }
        global = null;
        for (Open o : open) {
            try {
                if (!noTransactionOpen() && !xaMode && !o.connection.isClosed()) {
                    o.connection.rollback();
                }
                if (o.serverReadOnly[0]) {
                    applyReadOnly(o.connection, false, o.serverReadOnly);
                }
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
            try {
                o.connection.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }

    /** Aborts every physical connection (HikariCP evicts them) without waiting. */
    public void abort(Executor executor) {
        for (Open o : open) {
            try {
                o.connection.abort(executor);
            } catch (SQLException ignored) {
                // abort is best effort by contract
            }
        }
        open.clear();
    }

    /** True when every open connection answers within the timeout. */
    public boolean isValid(int timeoutSeconds) throws SQLException {
        for (Open o : open) {
            if (!o.connection.isValid(timeoutSeconds)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Read-only through Connector/J (its local state, which {@code isReadOnly()} answers) and on the server:
     * Connector/J sends {@code SET SESSION TRANSACTION READ ONLY} only to servers it believes are MySQL 5.6.5+,
     * and it reads MariaDB 10.x as 5.5.5.
     */
    private static void applyReadOnly(Connection c, boolean value, boolean[] serverReadOnly) throws SQLException {
        c.setReadOnly(value);
        if (serverReadOnly[0] == value) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute(value ? "SET SESSION TRANSACTION READ ONLY" : "SET SESSION TRANSACTION READ WRITE");
        }
        serverReadOnly[0] = value;
    }

    private interface Setting {
        void apply(Open open, Connection connection) throws SQLException;
    }

    private void forEach(Setting setting, String what) throws SQLException {
        List<ShardFailureException> failed = null;
        for (java.util.Iterator<Open> it = open.iterator(); it.hasNext(); ) {
            Open o = it.next();
            try {
                setting.apply(o, o.connection);
            } catch (SQLException e) {
                if (o.node != o.group.master() && ReadRouting.isConnectionFailure(e)) {
                    // A replica connection that died holds no transaction: drop it; the next read borrows anew
                    // (and read routing takes the replica out when it fails again).
                    it.remove();
                    closeQuietly(o.connection);
                    continue;
                }
                if (failed == null) {
                    failed = new ArrayList<>(2);
                }
                failed.add(new ShardFailureException(o.group.name(), o.node.address(), what, e));
            }
        }
        if (failed != null) {
            throw ShardFailureException.combine(failed);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing; the first error is the one to report
        }
    }
}

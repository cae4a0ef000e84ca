package io.shardline.jdbc;

import io.shardline.consistency.ryw.CausalToken;
import io.shardline.consistency.tx.TransactionCoordinator;
import io.shardline.jdbc.cache.CacheSession;
import io.shardline.jdbc.execute.DataSourceGroup;
import io.shardline.jdbc.execute.ExecutionOptions;
import io.shardline.jdbc.execute.ReadRouting;
import io.shardline.jdbc.execute.ReadWriteSession;
import io.shardline.jdbc.execute.ShardConnections;
import io.shardline.jdbc.execute.ShardExecutor;
import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.PlanningException;
import io.shardline.router.plan.RoutePlan;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A logical connection: plans each statement ({@link io.shardline.router.plan.StatementPlanner}) and runs the
 * plan on its shard connections ({@link ShardConnections}: one physical connection per data source, borrowed on
 * first use, kept until this connection closes).
 *
 * <p>Transactions: {@code setAutoCommit(false)} opens a logical transaction; every data source a statement
 * touches joins it on its one physical connection; {@link #commit()} and {@link #rollback()} finish every
 * joined data source. A transaction that wrote on several data sources commits through the DataSource's
 * {@link io.shardline.consistency.tx.TransactionCoordinator} (delayed commit with compensation, or XA; see
 * {@code transactions} in the configuration). Autocommit, isolation, read-only and the network
 * timeout are replayed on data sources joined later. Savepoints are not supported.
 *
 * <p>Hints: {@link ShardlineHints} (force a data source, force the master) apply to this connection's
 * statements inside a try-with-resources block; they live on the connection, not in a ThreadLocal.
 */
public final class ShardlineConnection extends UnsupportedConnectionOperations {

    private final ShardlineDataSource dataSource;
    private final ShardConnections shards;
    private final ReadWriteSession readWrite;
    private final ReadRouting routing;
    private final CacheSession cache;
    private final List<ShardlineStatement> statements = new ArrayList<>();
    private boolean closed;
    private PlanningContext context = PlanningContext.DEFAULT;
    private boolean forceMaster;
    private String forcedDataSource;
    private Properties clientInfo = new Properties();
    private ShardlineDatabaseMetaData metaData;

    ShardlineConnection(ShardlineDataSource dataSource) {
        this.dataSource = dataSource;
        this.shards = new ShardConnections(dataSource.pools(), dataSource.transactions().orElse(null));
        this.readWrite = new ReadWriteSession(dataSource.pools());
        this.routing = dataSource.readRouting().orElse(null);
        this.cache = dataSource.cache().map(CacheSession::new).orElse(null);
    }

    // ---- the pipeline: plan, then execute ----

    io.shardline.router.plan.StatementPlanner planner() {
        return dataSource.planner();
    }

    RoutePlan plan(String sql, List<Object> parameters) throws SQLException {
        try {
            return dataSource.planner().plan(sql, parameters, context);
        } catch (PlanningException e) {
            throw new SQLException(e.getMessage(), "42000", e);
        } catch (RuntimeException e) {
            throw new SQLException("Shardline could not plan the statement: " + e + " [SQL: " + sql + "]", "HY000", e);
        }
    }

    ShardExecutor.Outcome execute(String sql, List<Object> parameters, RoutePlan plan, ExecutionOptions options,
            Statement owner) throws SQLException {
        readWrite.statement(sql, parameters);
        TransactionCoordinator coordinator = dataSource.transactions().orElse(null);
        if (coordinator == null || !plan.schemaChange()) {
            return dataSource.executor().execute(plan, shards, context, options, owner, routing, readWrite);
        }
        if (!shards.autoCommit() && shards.wroteInTransaction()) {
            // MariaDB commits the open transaction before DDL: each branch would commit on its own, outside the
            // coordinator's protocol, and a later failure could no longer be undone.
            throw new SQLException("Shardline refuses DDL inside a transaction that has written on "
                    + shards.openDataSources() + ": MariaDB would commit each data source's part of the transaction"
                    + " on its own before the DDL, outside Shardline's multi-shard commit. Commit or roll back first,"
                    + " then run the DDL [SQL: " + sql + "]", "25000");
        }
        shards.ddlRunning(true);
        try {
            return dataSource.executor().execute(plan, shards, context, options, owner, routing, readWrite);
        } finally {
            shards.ddlRunning(false);
            coordinator.schemaChanged();
        }
    }


    long[] executeBatch(String sql, List<List<Object>> parameters, List<RoutePlan> plans, ExecutionOptions options)
            throws SQLException {
        long[] counts;
        try {
            counts = dataSource.executor().executeBatch(plans, shards, context, options);
        } finally {
            if (cache != null) {
                // Also after a failure: entries before it may have committed.
                for (int i = 0; i < plans.size(); i++) {
                    cache.afterWrite(sql, parameters.get(i), plans.get(i), shards.autoCommit());
                }
            }
        }
        if (counts != null && routing != null) {
            routing.afterBatch(plans, sql, parameters, shards, readWrite);
        }
        return counts;
    }

    /** The write path of redundant copies; null without a {@code redundancy} section. */
    io.shardline.jdbc.redundancy.RedundantWrites redundantWrites() {
        return dataSource.redundantWrites().orElse(null);
    }

    /** The read path of redundant copies; null without a {@code redundancy} section. */
    io.shardline.jdbc.redundancy.RedundantReads redundantReads() {
        return dataSource.redundantReads().orElse(null);
    }

    /** Whether {@code sql} writes the source of a redundant copy (its batch entries then run one by one). */
    boolean mirrorsWrites(String sql) {
        io.shardline.jdbc.redundancy.RedundantWrites r = redundantWrites();
        return r != null && r.writesSource(sql);
    }

    /** This connection's side of the result cache; null without a {@code cache} section. */
    CacheSession cacheSession() {
        return cache;
    }

    boolean autoCommitNow() {
        return shards.autoCommit();
    }

    // ---- read-your-writes across instances ----

    /**
     * The positions this connection's commits reached, per data source, as a compact string
     * ({@code ds_0=1-100-42;ds_1=2-200-17}). Give it to another Shardline instance's connection
     * ({@link #importCausalToken}) so that its reads see these writes. Empty when nothing was committed (or
     * read-your-writes is not in GTID mode).
     */
    public String exportCausalToken() {
        return readWrite.causalToken().toString();
    }

    /**
     * Makes this connection's reads see the positions of a token exported by {@link #exportCausalToken} (here or on
     * another instance with the same data source names): they run on replicas that have applied them, else on the
     * master.
     *
     * @throws SQLException (SQLState HY000) when the token is malformed or names an unknown data source
     */
    public void importCausalToken(String token) throws SQLException {
        checkOpen();
        try {
            readWrite.importToken(CausalToken.parse(token));
        } catch (IllegalArgumentException e) {
            throw new SQLException("Cannot import causal token '" + token + "': " + e.getMessage(), "HY000", e);
        }
    }

    /** This connection's read/write splitting state (for tests and diagnostics). */
    public ReadWriteSession readWriteSession() {
        return readWrite;
    }

    /** The session state planning sees now. */
    public PlanningContext planningContext() {
        return context;
    }

    /** The physical connections behind this connection (for tests and diagnostics). */
    public ShardConnections shardConnections() {
        return shards;
    }

    public ShardlineDataSource dataSource() {
        return dataSource;
    }

    private void refreshContext() {
        context = new PlanningContext(!shards.autoCommit(), forceMaster, Optional.ofNullable(forcedDataSource));
    }

    // ---- hints (see ShardlineHints) ----

    boolean hintForceMaster() {
        return forceMaster;
    }

    String hintForcedDataSource() {
        return forcedDataSource;
    }

    void setHints(boolean forceMaster, String forcedDataSource) throws SQLException {
        if (forcedDataSource != null && dataSource.pools().group(forcedDataSource).isEmpty()) {
            throw new SQLException("Hint forces data source '" + forcedDataSource + "', which is not configured in "
                    + dataSource.config().source() + " (configured: " + dataSource.config().dataSources().keySet()
                    + ")", "HY000");
        }
        this.forceMaster = forceMaster;
        this.forcedDataSource = forcedDataSource;
        refreshContext();
    }

    // ---- statements ----

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("No operations allowed after connection closed.", "08003");
        }
    }

    private static void checkResultSetType(int type, int concurrency) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw new SQLFeatureNotSupportedException("Shardline supports only TYPE_FORWARD_ONLY, CONCUR_READ_ONLY "
                    + "result sets (asked for type " + type + ", concurrency " + concurrency + ")", "0A000");
        }
    }

    private <T extends ShardlineStatement> T register(T statement) {
        statements.add(statement);
        return statement;
    }

    void forget(ShardlineStatement statement) {
        // Usually the most recent: search from the end.
        for (int i = statements.size() - 1; i >= 0; i--) {
            if (statements.get(i) == statement) {
                statements.remove(i);
                return;
            }
        }
    }

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return register(new ShardlineStatement(this));
    }

    @Override
    public Statement createStatement(int type, int concurrency) throws SQLException {
        checkResultSetType(type, concurrency);
        return createStatement();
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        checkResultSetType(type, concurrency);
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        return register(new ShardlinePreparedStatement(this, sql, Statement.NO_GENERATED_KEYS, null, null));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        checkOpen();
        return register(new ShardlinePreparedStatement(this, sql, autoGeneratedKeys, null, null));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        checkOpen();
        return register(new ShardlinePreparedStatement(this, sql, Statement.NO_GENERATED_KEYS,
                columnIndexes == null || columnIndexes.length == 0 ? null : columnIndexes.clone(), null));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        checkOpen();
        return register(new ShardlinePreparedStatement(this, sql, Statement.NO_GENERATED_KEYS, null,
                columnNames == null || columnNames.length == 0 ? null : columnNames.clone()));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        checkResultSetType(type, concurrency);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        checkResultSetType(type, concurrency);
        return prepareStatement(sql);
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return sql;
    }

    // ---- transactions and session settings ----

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        if (autoCommit && !shards.autoCommit() && readWrite.hasPendingWrites()) {
            // Commit first and read the GTIDs now: the SET autocommit=1 that follows has its own OK packet,
            // whose session state would replace the COMMIT's last_gtid.
            commit();
        }
        boolean committing = autoCommit && !shards.autoCommit();
        shards.setAutoCommit(autoCommit);
        if (committing) {
            committed();
        }
        refreshContext();
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return shards.autoCommit();
    }

    @Override
    public void commit() throws SQLException {
        checkOpen();
        if (shards.autoCommit()) {
            throw new SQLException("Can't call commit when autocommit=true", "08003");
        }
        try {
            shards.commit();
        } catch (SQLException e) {
            if (cache != null) {
                cache.committed(); // which shards committed is unknown: evict as if all did
            }
            if (routing != null) {
                routing.afterFailedCommit(readWrite);
            }
            readWrite.rolledBack();
            throw e;
        }
        committed();
    }

    private void committed() {
        if (cache != null) {
            cache.committed();
        }
        if (routing != null) {
            routing.afterCommit(shards, readWrite);
        } else {
            readWrite.rolledBack();
        }
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        if (shards.autoCommit()) {
            throw new SQLException("Can't call rollback when autocommit=true", "08003");
        }
        readWrite.rolledBack();
        if (cache != null) {
            cache.rolledBack();
        }
        shards.rollback();
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        switch (level) {
            case TRANSACTION_READ_UNCOMMITTED, TRANSACTION_READ_COMMITTED, TRANSACTION_REPEATABLE_READ,
                    TRANSACTION_SERIALIZABLE -> shards.setIsolation(level);
            default -> throw new SQLException("Unsupported transaction isolation level " + level, "S1009");
        }
    }

    /** The level set on this connection, else REPEATABLE READ (the MariaDB and MySQL default). */
    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        int level = shards.isolation();
        return level == ShardConnections.ISOLATION_UNSET ? TRANSACTION_REPEATABLE_READ : level;
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        shards.setReadOnly(readOnly);
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return shards.readOnly();
    }

    /**
     * Ignored: every data source names its own database in its URL, so there is no one catalog to switch
     * (the JDBC contract allows a driver to ignore it).
     */
    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
    }

    /** {@code null}: a logical connection spans several databases. */
    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return null;
    }

    /** Ignored, as {@link #setCatalog}. */
    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return new HashMap<>();
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        if (metaData == null) {
            metaData = new ShardlineDatabaseMetaData(this);
        }
        return metaData;
    }

    /** A connection of the first configured data source's master, for metadata. */
    Connection firstMasterConnection() throws SQLException {
        checkOpen();
        DataSourceGroup first = dataSource.pools().first();
        return shards.connection(first, first.master());
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw new SQLException("isValid timeout must be >= 0, was " + timeout, "S1009");
        }
        return !closed && !dataSource.isClosed() && shards.isValid(timeout);
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        if (milliseconds < 0) {
            throw new SQLException("network timeout must be >= 0, was " + milliseconds, "S1009");
        }
        shards.setNetworkTimeout(executor, milliseconds);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return shards.networkTimeout();
    }

    /** Kept on the logical connection only (not sent to the shards). */
    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (closed) {
            throw new SQLClientInfoException("No operations allowed after connection closed.", "08003", 0, Map.of());
        }
        if (value == null) {
            clientInfo.remove(name);
        } else {
            clientInfo.setProperty(name, value);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        if (closed) {
            throw new SQLClientInfoException("No operations allowed after connection closed.", "08003", 0, Map.of());
        }
        Properties copy = new Properties();
        if (properties != null) {
            copy.putAll(properties);
        }
        clientInfo = copy;
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        return clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        Properties copy = new Properties();
        copy.putAll(clientInfo);
        return copy;
    }

    // ---- closing ----

    /**
     * Outside a transaction, gives every physical connection back to its pool while this connection, its statements
     * and its settings stay: the next statement borrows again and the settings are replayed on what it borrows.
     * Open result sets are closed first (their rows come from those connections). For servers that keep many idle
     * sessions, such as the proxy: an idle session then holds no shard connection, and a busy one keeps its prepared
     * statements and read-your-writes state. "Outside a transaction" includes autocommit off right after a commit or
     * rollback, before the next statement (clients such as Python's PyMySQL run with autocommit off). Inside a
     * transaction it does nothing and returns false.
     */
    public boolean releaseShardConnections() throws SQLException {
        checkOpen();
        if (!shards.noTransactionOpen()) {
            return false;
        }
        SQLException first = null;
        for (int i = statements.size() - 1; i >= 0; i--) {
            try {
                statements.get(i).closeResults();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        try {
            shards.close(); // autocommit: nothing to roll back; server-side read-only is undone
        } catch (SQLException e) {
            first = first == null ? e : first;
        }
        if (first != null) {
            throw first;
        }
        return true;
    }

    /**
     * Closes this connection's statements (and their result sets), rolls back an unfinished transaction, and
     * returns every physical connection to its pool.
     */
    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        SQLException first = null;
        for (int i = statements.size() - 1; i >= 0; i--) {
            try {
                statements.get(i).closeFromConnection();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        statements.clear();
        try {
            shards.close();
        } catch (SQLException e) {
            first = first == null ? e : first;
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        if (closed) {
            return;
        }
        if (executor == null) {
            throw new SQLException("abort needs an executor", "S1009");
        }
        closed = true;
        statements.clear();
        shards.abort(executor);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("ShardlineConnection is not a wrapper for " + iface.getName(), "S1009");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "ShardlineConnection{" + dataSource.config().source() + ", open=" + shards.openDataSources()
                + ", autoCommit=" + shards.autoCommit() + "}";
    }
}

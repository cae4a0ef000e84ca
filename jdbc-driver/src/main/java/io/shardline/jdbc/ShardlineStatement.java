package io.shardline.jdbc;

import io.shardline.consistency.cache.QueryCache;
import io.shardline.jdbc.cache.CacheSession;
import io.shardline.jdbc.execute.ExecutionOptions;
import io.shardline.jdbc.execute.ShardExecutor;
import io.shardline.jdbc.redundancy.RedundantReads;
import io.shardline.jdbc.redundancy.RedundantWrites;
import io.shardline.router.plan.RoutePlan;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The application's statement: plans its SQL with the connection's planner and runs the plan. The result of
 * the last execution (its shard statements included) stays open until the next execution or {@link #close()}.
 * One result per execution: {@link #getMoreResults()} always ends it.
 */
public class ShardlineStatement extends UnsupportedStatementOperations {

    final ShardlineConnection connection;
    final ExecutionOptions options = new ExecutionOptions();
    private ShardExecutor.Outcome outcome;
    private ResultSet resultSet;
    private long updateCount = -1;
    private boolean closed;
    private boolean closeOnCompletion;
    private boolean poolable;
    private int maxFieldSize;
    private List<String> batch;

    ShardlineStatement(ShardlineConnection connection) {
        this.connection = connection;
    }

    // ---- execution core ----

    /** Plans and runs {@code sql}; returns true when the result is a result set. */
    final boolean run(String sql, List<Object> parameters, Expect expect) throws SQLException {
        checkOpen();
        closeOutcome();
        // One cheap scan keeps subquery handling off every other statement (and out of this hot method).
        return SubqueryPullout.mayHoldASubquery(sql) ? runWithSubqueries(sql, parameters, expect)
                : runFlat(sql, parameters, expect);
    }

    /** A pagination count over a derived table, or subqueries run first; then the statement as usual. */
    private boolean runWithSubqueries(String sql, List<Object> parameters, Expect expect) throws SQLException {
        Optional<SubqueryPullout.Parsed> parsed = SubqueryPullout.parse(connection, sql);
        if (parsed.isEmpty()) {
            return runFlat(sql, parameters, expect);
        }
        if (expect != Expect.COUNT) {
            Optional<ResultSet> counted = DerivedTableCount.run(connection, parsed.get(), parameters, this);
            if (counted.isPresent()) {
                resultSet = counted.get();
                updateCount = -1;
                return true;
            }
        }
        Optional<SubqueryPullout.Pulled> pulled = SubqueryPullout.apply(connection, parsed.get(), parameters);
        return pulled.isPresent() ? runFlat(pulled.get().sql(), pulled.get().parameters(), expect)
                : runFlat(sql, parameters, expect);
    }

    private boolean runFlat(String sql, List<Object> parameters, Expect expect) throws SQLException {
        RedundantReads reads = connection.redundantReads();
        if (reads != null && expect != Expect.COUNT) {
            Optional<RedundantReads.Rewritten> rewritten = reads.rewrite(connection, sql, parameters);
            if (rewritten.isPresent()) {
                sql = rewritten.get().sql();
                parameters = rewritten.get().parameters();
            }
        }
        RoutePlan plan = connection.plan(sql, parameters);
        if (expect == Expect.ROWS && !plan.query()) {
            throw new SQLException("executeQuery() cannot run statements that do not produce result sets", "S1009");
        }
        if (expect == Expect.COUNT && plan.query()) {
            throw new SQLException("executeUpdate() cannot run statements that produce result sets", "S1009");
        }
        RedundantWrites redundancy = connection.redundantWrites();
        if (redundancy != null && !plan.query()) {
            Optional<RedundantWrites.Mirror> mirror = redundancy.analyze(sql, parameters);
            if (mirror.isPresent()) {
                return runMirrored(mirror.get(), sql, parameters, plan);
            }
        }
        return runPlanned(sql, parameters, plan);
    }

    /**
     * A write to the source of a redundant copy: the copy is maintained in the same logical transaction; in
     * autocommit mode an internal transaction holds the source write and the copy's.
     */
    private boolean runMirrored(RedundantWrites.Mirror mirror, String sql, List<Object> parameters, RoutePlan plan)
            throws SQLException {
        boolean wrap = connection.getAutoCommit();
        if (wrap) {
            connection.setAutoCommit(false);
        }
        boolean done = false;
        try {
            mirror.before(connection);
            boolean rows = runPlanned(sql, parameters, plan);
            mirror.after(connection);
            if (wrap) {
                connection.commit();
            }
            done = true;
            return rows;
        } finally {
            if (wrap) {
                if (!done) {
                    try {
                        connection.rollback();
                    } catch (SQLException suppressed) {
                        // the original failure is the one to report; closing the connection cleans up
                    }
                }
                connection.setAutoCommit(true);
            }
        }
    }

    private boolean runPlanned(String sql, List<Object> parameters, RoutePlan plan) throws SQLException {
        CacheSession cache = connection.cacheSession();
        if (cache != null) {
            return runWithCache(cache, sql, parameters, plan);
        }
        ShardExecutor.Outcome o = connection.execute(sql, parameters, plan, options, this);
        outcome = o;
        resultSet = o.resultSet();
        updateCount = resultSet == null ? o.updateCount() : -1;
        return resultSet != null;
    }

    /** {@link #run} with a {@code cache} section: hits answer from the cache, misses fill it, writes evict. */
    private boolean runWithCache(CacheSession cache, String sql, List<Object> parameters, RoutePlan plan)
            throws SQLException {
        boolean autoCommit = connection.autoCommitNow();
        // maxRows truncates: such a result is neither served from nor put into the cache.
        Optional<QueryCache.Lookup> lookup = options.maxRows > 0 ? Optional.empty()
                : cache.lookup(sql, parameters, plan, autoCommit);
        if (lookup.isPresent()) {
            Optional<ResultSet> hit = cache.hit(lookup.get(), this);
            if (hit.isPresent()) {
                resultSet = hit.get();
                return true;
            }
        }
        ShardExecutor.Outcome o;
        try {
            o = connection.execute(sql, parameters, plan, options, this);
        } finally {
            if (!plan.query()) {
                // Also after a failure: a multi-shard write may have committed on some shards.
                cache.afterWrite(sql, parameters, plan, autoCommit);
            }
        }
        outcome = o;
        resultSet = o.resultSet();
        if (lookup.isPresent() && resultSet != null) {
            resultSet = cache.afterRead(lookup.get(), resultSet, this, autoCommit);
        }
        updateCount = resultSet == null ? o.updateCount() : -1;
        return resultSet != null;
    }

    /** What the calling JDBC method needs. */
    enum Expect { ANY, ROWS, COUNT }

    private void closeOutcome() throws SQLException {
        ShardExecutor.Outcome o = outcome;
        if (o == null && resultSet != null) {
            resultSet.close(); // a cache hit: no shard statement behind it
            resultSet = null;
        }
        if (o != null) {
            outcome = null;
            resultSet = null;
            updateCount = -1;
            o.close();
        }
    }

    final void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("No operations allowed after statement closed.", "S1009");
        }
        if (connection.isClosed()) {
            throw new SQLException("No operations allowed after connection closed.", "08003");
        }
    }

    /** Batch counts as JDBC's int form (see {@link #toInt(long)}). */
    static int[] toInt(long[] counts) {
        int[] out = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = toInt(counts[i]);
        }
        return out;
    }

    static int toInt(long count) {
        return count > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) count;
    }

    private void keysMode(int autoGeneratedKeys, int[] indexes, String[] names) throws SQLException {
        if (autoGeneratedKeys != RETURN_GENERATED_KEYS && autoGeneratedKeys != NO_GENERATED_KEYS) {
            throw new SQLException("autoGeneratedKeys must be RETURN_GENERATED_KEYS or NO_GENERATED_KEYS, was "
                    + autoGeneratedKeys, "S1009");
        }
        options.autoGeneratedKeys = autoGeneratedKeys;
        options.keyColumnIndexes = indexes == null || indexes.length == 0 ? null : indexes;
        options.keyColumnNames = names == null || names.length == 0 ? null : names;
    }

    // ---- Statement execution (SQL text) ----

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        keysMode(NO_GENERATED_KEYS, null, null);
        run(sql, List.of(), Expect.ROWS);
        return resultSet;
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return toInt(executeLargeUpdate(sql));
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return toInt(executeLargeUpdate(sql, autoGeneratedKeys));
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return toInt(executeLargeUpdate(sql, columnIndexes));
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return toInt(executeLargeUpdate(sql, columnNames));
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        keysMode(NO_GENERATED_KEYS, null, null);
        run(sql, List.of(), Expect.COUNT);
        return updateCount;
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        keysMode(autoGeneratedKeys, null, null);
        run(sql, List.of(), Expect.COUNT);
        return updateCount;
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        keysMode(NO_GENERATED_KEYS, columnIndexes, null);
        run(sql, List.of(), Expect.COUNT);
        return updateCount;
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        keysMode(NO_GENERATED_KEYS, null, columnNames);
        run(sql, List.of(), Expect.COUNT);
        return updateCount;
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        keysMode(NO_GENERATED_KEYS, null, null);
        return run(sql, List.of(), Expect.ANY);
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        keysMode(autoGeneratedKeys, null, null);
        return run(sql, List.of(), Expect.ANY);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        keysMode(NO_GENERATED_KEYS, columnIndexes, null);
        return run(sql, List.of(), Expect.ANY);
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        keysMode(NO_GENERATED_KEYS, null, columnNames);
        return run(sql, List.of(), Expect.ANY);
    }

    // ---- batches (SQL text) ----

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        if (batch == null) {
            batch = new ArrayList<>();
        }
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        if (batch != null) {
            batch.clear();
        }
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return ShardlineStatement.toInt(executeLargeBatch());
    }

    /** Plans and runs each entry in order; stops at the first failure (counts so far in the exception). */
    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<String> entries = batch == null ? List.of() : new ArrayList<>(batch);
        if (batch != null) {
            batch.clear();
        }
        keysMode(NO_GENERATED_KEYS, null, null);
        long[] counts = new long[entries.size()];
        for (int i = 0; i < counts.length; i++) {
            try {
                run(entries.get(i), List.of(), Expect.COUNT);
                counts[i] = updateCount;
            } catch (SQLException e) {
                throw batchFailure(e, counts, i);
            }
        }
        closeOutcome();
        return counts;
    }

    static BatchUpdateException batchFailure(SQLException e, long[] counts, int done) {
        long[] partial = new long[done];
        System.arraycopy(counts, 0, partial, 0, done);
        return new BatchUpdateException("Batch entry " + (done + 1) + " failed: " + e.getMessage(), e.getSQLState(),
                e.getErrorCode(), partial, e);
    }

    // ---- results ----

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return resultSet;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        checkOpen();
        return updateCount < 0 ? -1 : toInt(updateCount);
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    /** Every execution has exactly one result: this ends it (closing the result set unless asked to keep it). */
    @Override
    public boolean getMoreResults(int current) throws SQLException {
        checkOpen();
        if (resultSet != null && current != KEEP_CURRENT_RESULT) {
            resultSet.close();
        }
        resultSet = null;
        updateCount = -1;
        return false;
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        if (outcome == null || !options.wantsKeys()) {
            throw new SQLException("Generated keys not requested. You need to specify Statement.RETURN_GENERATED_KEYS"
                    + " to Statement.executeUpdate(), Statement.executeLargeUpdate() or Connection.prepareStatement().",
                    "S1009");
        }
        return outcome.generatedKeys(this);
    }

    // ---- settings ----

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return options.fetchSize;
    }

    /** Passed to every shard statement (Connector/J: {@code Integer.MIN_VALUE} streams rows). */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0 && rows != Integer.MIN_VALUE) {
            throw new SQLException("fetch size must be >= 0, was " + rows, "S1009");
        }
        options.fetchSize = rows;
    }

    @Override
    public int getMaxRows() throws SQLException {
        return toInt(getLargeMaxRows());
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        setLargeMaxRows(max);
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        checkOpen();
        return options.maxRows;
    }

    /** Applied on every shard statement and again on a merged result. */
    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw new SQLException("max rows must be >= 0, was " + max, "S1009");
        }
        options.maxRows = max;
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return options.queryTimeoutSeconds;
    }

    /** Passed to every shard statement. */
    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) {
            throw new SQLException("query timeout must be >= 0, was " + seconds, "S1009");
        }
        options.queryTimeoutSeconds = seconds;
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        return maxFieldSize;
    }

    /** Recorded only: values are never truncated. */
    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw new SQLException("max field size must be >= 0, was " + max, "S1009");
        }
        maxFieldSize = max;
    }

    /** Accepted and ignored: the SQL goes to the shards as written (Connector/J's default processing applies there). */
    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD) {
            throw new java.sql.SQLFeatureNotSupportedException("Statement.setFetchDirection: only FETCH_FORWARD is "
                    + "supported", "0A000");
        }
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
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

    /** Cancels the running shard statements of this statement (Connector/J sends KILL QUERY for each). */
    @Override
    public void cancel() throws SQLException {
        checkOpen();
        ShardExecutor.Outcome o = outcome;
        if (o != null) {
            o.cancel();
        }
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return poolable;
    }

    @Override
    public void setPoolable(boolean value) throws SQLException {
        checkOpen();
        poolable = value;
    }

    /** Recorded; the statement is closed with its connection, not with its last result set. */
    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
    }

    // ---- closing ----

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closeFromConnection();
        connection.forget(this);
    }

    /** Closes the current result (and the shard statements behind it); the statement stays usable. */
    void closeResults() throws SQLException {
        closeOutcome();
    }

    /** Closes without deregistering (the connection is iterating its list). */
    void closeFromConnection() throws SQLException {
        closed = true;
        closeOutcome();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException(getClass().getSimpleName() + " is not a wrapper for " + iface.getName(), "S1009");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}

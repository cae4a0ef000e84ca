package io.shardline.jdbc;

import io.shardline.router.RoutePreview;
import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.PlanningException;
import java.sql.SQLSyntaxErrorException;
import java.util.ArrayList;
import java.util.List;
import io.shardline.consistency.tx.CommitObserver;
import io.shardline.consistency.tx.MasterConnections;
import io.shardline.consistency.tx.TransactionCoordinator;
import io.shardline.consistency.tx.log.TransactionLogOptions;
import io.shardline.consistency.cache.CacheMetrics;
import io.shardline.jdbc.cache.ResultCaching;
import io.shardline.jdbc.config.DataSourceConfig;
import io.shardline.jdbc.config.ShardlineConfig;
import io.shardline.jdbc.config.TransactionsConfig;
import io.shardline.jdbc.execute.DataSourceGroup;
import io.shardline.jdbc.execute.Parameters;
import io.shardline.jdbc.execute.ReadRouting;
import io.shardline.jdbc.execute.ShardExecutor;
import io.shardline.sql.SqlParser;
import java.util.Optional;
import io.shardline.jdbc.execute.ShardPools;
import io.shardline.router.ShardingPlanner;
import io.shardline.router.plan.StatementPlanner;
import io.shardline.router.rule.DataNode;
import io.shardline.router.rule.ShardingRule;
import io.shardline.router.rule.TableRule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's {@link DataSource}: logical connections over one HikariCP pool per configured node.
 * Start it from YAML ({@link #fromYaml}, {@link #fromClasspath}) or a loaded configuration ({@link #builder()});
 * close it to close every pool and the shard executor.
 *
 * <pre>{@code
 * try (ShardlineDataSource ds = ShardlineDataSource.fromClasspath("shardline.yaml");
 *      Connection c = ds.getConnection();
 *      PreparedStatement ps = c.prepareStatement("SELECT * FROM t_order WHERE user_id = ?")) { ... }
 * }</pre>
 *
 * <p>Logical connections are cheap to open: they borrow a physical connection per data source only when a
 * statement first needs it and return them when they close, so use them like connections from a pool
 * (open per unit of work, close in {@code finally}). Wrapping this DataSource in another pool is not needed.
 */
public final class ShardlineDataSource implements DataSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShardlineDataSource.class);

    private final ShardlineConfig config;
    private final ShardPools pools;
    private final ShardExecutor executor;
    private final ReadRouting readRouting;
    private final TransactionCoordinator transactions;
    private final ResultCaching caching;
    private final io.shardline.jdbc.redundancy.RedundantWrites redundantWrites;
    private final io.shardline.jdbc.redundancy.RedundantReads redundantReads;
    private final StatementPlanner planner;
    private final String url;
    private volatile boolean closed;
    private PrintWriter logWriter;
    private int loginTimeout;

    private ShardlineDataSource(Builder b) {
        this.config = b.config;
        this.planner = Objects.requireNonNull(b.planner.apply(config.toRule()), "planner factory returned null");
        this.url = b.url != null ? b.url : "jdbc:shardline:" + config.source();
        this.pools = ShardPools.open(config);
        try {
            this.executor = new ShardExecutor(b.executorThreads, logicalTables(config.toRule()));
        } catch (RuntimeException e) {
            pools.close();
            throw e;
        }
        SqlParser parser = planner instanceof ShardingPlanner sharding ? sharding.parser() : new SqlParser();
        try {
            this.transactions = startTransactions(config, pools, b.commitObserver);
        } catch (RuntimeException e) {
            executor.close();
            pools.close();
            throw e;
        }
        this.readRouting = ReadRouting.start(pools, config.toRule(), parser).orElse(null);
        this.caching = ResultCaching.start(config, pools, parser).orElse(null);
        this.redundantWrites = io.shardline.jdbc.redundancy.RedundantWrites.of(config.redundancy(), parser)
                .orElse(null);
        this.redundantReads = redundantWrites == null ? null
                : new io.shardline.jdbc.redundancy.RedundantReads(redundantWrites, parser);
        LOG.info("Shardline started from {}: data sources {}", config.source(), pools.groups());
    }

    /**
     * The coordinator of multi-data-source transactions (none in mode LOCAL). Starting it opens the transaction log
     * and settles what a previous run left unfinished.
     */
    private static TransactionCoordinator startTransactions(ShardlineConfig config, ShardPools pools,
            CommitObserver observer) {
        TransactionsConfig tx = config.transactions();
        if (tx.mode() == TransactionsConfig.Mode.LOCAL) {
            return null;
        }
        for (DataSourceConfig ds : config.dataSources().values()) {
            if (tx.mode() == TransactionsConfig.Mode.DELAYED && ds.pool().maximumPoolSize() < 2) {
                // Not an error: transactions that write one data source never need the second connection.
                LOG.warn("{}: dataSources.{}.pool.maximumPoolSize is {}; transactions mode DELAYED borrows a second "
                        + "connection of a data source while a transaction holds the first (to create the undo table "
                        + "in its first multi-shard transaction; the in-doubt resolver needs one too), so that "
                        + "transaction will time out waiting for it. Give it at least 2.", config.source(),
                        ds.name(), ds.pool().maximumPoolSize());
            }
        }
        Path directory = tx.logDirectory().orElseGet(() -> defaultLogDirectory(config));
        TransactionCoordinator.Options options = new TransactionCoordinator.Options(
                tx.mode() == TransactionsConfig.Mode.XA ? TransactionCoordinator.Mode.XA
                        : TransactionCoordinator.Mode.DELAYED,
                directory, new TransactionLogOptions(tx.segmentBytes()), tx.undoTable(),
                new ArrayList<>(config.dataSources().keySet()), tx.resolveIntervalMs(), observer);
        MasterConnections masters = dataSource -> {
            DataSourceGroup group = pools.group(dataSource).orElseThrow(() -> new SQLException("Data source '"
                    + dataSource + "' is not configured in " + config.source(), "HY000"));
            Connection c = group.master().pool().getConnection();
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return c;
        };
        try {
            return TransactionCoordinator.start(options, masters, Parameters::bind);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * {@code ${java.io.tmpdir}/shardline-txlog/<hash of the master URLs>}: the same configuration finds its log again
     * after a restart of the application; different ones do not share.
     */
    static Path defaultLogDirectory(ShardlineConfig config) {
        List<String> urls = new ArrayList<>();
        config.dataSources().forEach((name, ds) -> urls.add(name + "=" + ds.master().url()));
        java.util.Collections.sort(urls);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", urls).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Path.of(System.getProperty("java.io.tmpdir"), "shardline-txlog",
                    java.util.HexFormat.of().formatHex(digest, 0, 8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Loads and validates a YAML file, then starts the pools. */
    public static ShardlineDataSource fromYaml(Path file) {
        return builder().config(ShardlineConfig.load(file)).build();
    }

    /** Loads and validates a class path resource (e.g. {@code shardline.yaml}), then starts the pools. */
    public static ShardlineDataSource fromClasspath(String resource) {
        return builder().config(ShardlineConfig.loadClasspath(resource)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (closed) {
            throw new SQLException("ShardlineDataSource (" + config.source() + ") is closed", "08003");
        }
        return new ShardlineConnection(this);
    }

    /** Credentials are per node, in the configuration. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("DataSource.getConnection(username, password) is not supported by "
                + "Shardline: credentials are configured per node in " + config.source(), "0A000");
    }

    public ShardlineConfig config() {
        return config;
    }

    /** The pools, one per node: for metrics (e.g. {@code getHikariPoolMXBean()}) and tests. */
    public ShardPools pools() {
        return pools;
    }

    ShardExecutor executor() {
        return executor;
    }

    /** Read/write splitting, when any data source configures {@code readWriteSplitting}. */
    public Optional<ReadRouting> readRouting() {
        return Optional.ofNullable(readRouting);
    }

    /** The write path of redundant copies, when the configuration has a {@code redundancy} section. */
    public Optional<io.shardline.jdbc.redundancy.RedundantWrites> redundantWrites() {
        return Optional.ofNullable(redundantWrites);
    }

    /** The read path of redundant copies, when the configuration has a {@code redundancy} section. */
    public Optional<io.shardline.jdbc.redundancy.RedundantReads> redundantReads() {
        return Optional.ofNullable(redundantReads);
    }

    /** The result cache, when the configuration has a {@code cache} section. */
    public Optional<ResultCaching> cache() {
        return Optional.ofNullable(caching);
    }

    /**
     * The cache's counters (hits, misses, fills, evictions by cause); empty without a {@code cache} section.
     * Register application listeners with {@code cache().get().cache().addListener(...)}.
     */
    public Optional<CacheMetrics> cacheMetrics() {
        return caching == null ? Optional.empty() : Optional.of(caching.metrics());
    }

    StatementPlanner planner() {
        return planner;
    }

    /**
     * The coordinator of transactions that write on several data sources: its metrics, what recovery did at start,
     * where its log is. Empty in mode LOCAL.
     */
    public Optional<TransactionCoordinator> transactions() {
        return Optional.ofNullable(transactions);
    }

    /**
     * Where {@code sql} would run and what each shard would receive, as JSON ({@link RoutePreview}), without
     * executing anything. For users checking a rule and for tests.
     *
     * @throws SQLException (SQLState 42000) when the statement cannot be routed; the message names the construct
     */
    public String preview(String sql, List<?> parameters) throws SQLException {
        try {
            return RoutePreview.toJson(sql, planner.plan(sql, new ArrayList<>(parameters), PlanningContext.DEFAULT));
        } catch (PlanningException e) {
            throw new SQLSyntaxErrorException(e.getMessage(), "42000", e);
        }
    }

    /** {@code jdbc:shardline:...}: the driver URL this DataSource was opened with, or one naming its config. */
    public String url() {
        return url;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Stops the shard executor and closes every pool (open physical connections are closed by HikariCP). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (caching != null) {
            caching.close();
        }
        if (readRouting != null) {
            readRouting.close();
        }
        if (transactions != null) {
            transactions.close();
        }
        executor.close();
        pools.close();
        LOG.info("Shardline stopped ({})", config.source());
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("DataSource.getParentLogger is not supported: Shardline logs "
                + "through SLF4J", "0A000");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        if (iface.isInstance(pools)) {
            return iface.cast(pools);
        }
        if (iface.isInstance(config)) {
            return iface.cast(config);
        }
        throw new SQLException("ShardlineDataSource is not a wrapper for " + iface.getName(), "S1009");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this) || iface.isInstance(pools) || iface.isInstance(config);
    }

    @Override
    public String toString() {
        return "ShardlineDataSource{" + config.source() + ", " + pools.groups() + "}";
    }

    /** Actual table names (as configured and lower case) → logical table, for result metadata. */
    private static Map<String, String> logicalTables(ShardingRule rule) {
        Map<String, String> out = new HashMap<>();
        for (TableRule table : rule.tableRules()) {
            for (DataNode node : table.dataNodes()) {
                if (!node.table().equals(table.logicTable())) {
                    out.put(node.table(), table.logicTable());
                    out.put(node.table().toLowerCase(Locale.ROOT), table.logicTable());
                }
            }
        }
        return out;
    }

    /** Builds a DataSource from a loaded configuration. */
    public static final class Builder {
        private ShardlineConfig config;
        private Function<ShardingRule, StatementPlanner> planner = ShardingPlanner::new;
        private int executorThreads = ShardExecutor.defaultThreads();
        private String url;
        private CommitObserver commitObserver = CommitObserver.NONE;

        private Builder() {
        }

        public Builder config(ShardlineConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** The planner, made from the configured rule; default {@code io.shardline.router.ShardingPlanner::new}. */
        public Builder planner(Function<ShardingRule, StatementPlanner> planner) {
            this.planner = Objects.requireNonNull(planner, "planner");
            return this;
        }

        /** Threads that run shard statements of multi-shard plans in parallel (default 2 × processors). */
        public Builder executorThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("executorThreads must be >= 1, was " + threads);
            }
            this.executorThreads = threads;
            return this;
        }

        /** Sees every step of multi-data-source commits (instrumentation, fault-injection tests). */
        public Builder commitObserver(CommitObserver observer) {
            this.commitObserver = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** The URL {@code DatabaseMetaData.getURL()} reports (the driver sets it). */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /** Starts the pools; fails when the configuration is missing or a pool cannot start. */
        public ShardlineDataSource build() {
            if (config == null) {
                throw new IllegalStateException("ShardlineDataSource.builder() needs config(...)");
            }
            return new ShardlineDataSource(this);
        }
    }
}

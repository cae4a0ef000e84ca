package io.shardline.jdbc.cache;

import io.shardline.consistency.binlog.BinlogEndpoint;
import io.shardline.consistency.binlog.BinlogFollower;
import io.shardline.consistency.cache.BinlogEvictor;
import io.shardline.consistency.cache.CacheMetrics;
import io.shardline.consistency.cache.CachedResult;
import io.shardline.consistency.cache.QueryCache;
import io.shardline.jdbc.config.CacheConfig;
import io.shardline.jdbc.config.ShardlineConfig;
import io.shardline.jdbc.execute.DataSourceGroup;
import io.shardline.jdbc.execute.ShardNode;
import io.shardline.jdbc.execute.ShardPools;
import io.shardline.jdbc.resultset.MergedResultSet;
import io.shardline.jdbc.resultset.ShardValues;
import io.shardline.jdbc.resultset.ShardlineResultSetMetaData;
import io.shardline.router.merge.ListCursor;
import io.shardline.sql.SqlParser;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The result cache of one {@code ShardlineDataSource}: the {@link QueryCache}, its {@link BinlogEvictor} and one
 * {@link BinlogFollower} per replica (per master for a data source without replicas). Thread-safe.
 */
public final class ResultCaching implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResultCaching.class);
    /** A point lookup with more rows than this is not cached (its rows are still returned). */
    static final int MAX_ROWS = 1_000;

    private final QueryCache cache;
    private final BinlogEvictor evictor;
    private final List<BinlogFollower> followers;

    private ResultCaching(QueryCache cache, BinlogEvictor evictor, List<BinlogFollower> followers) {
        this.cache = cache;
        this.evictor = evictor;
        this.followers = List.copyOf(followers);
    }

    /** Starts caching when the configuration has a {@code cache} section; empty otherwise (nothing changes). */
    public static Optional<ResultCaching> start(ShardlineConfig config, ShardPools pools, SqlParser parser) {
        CacheConfig settings = config.cache();
        if (!settings.enabled()) {
            return Optional.empty();
        }
        QueryCache cache = new QueryCache(config.toRule(), parser, settings.tables().values());
        CacheConfig.Binlog binlog = settings.binlog();
        if (!binlog.enabled()) {
            LOG.warn("Cache of {}: binlog followers are disabled; writes made outside this DataSource stay visible "
                    + "in the cache until the TTL", config.source());
            return Optional.of(new ResultCaching(cache, null, List.of()));
        }
        BinlogEvictor evictor = new BinlogEvictor(cache, config.toRule(), binlog.settleMs());
        long serverId = binlog.serverIdBase() > 0 ? binlog.serverIdBase()
                : 1_000_000L + ThreadLocalRandom.current().nextLong(1L << 30);
        List<BinlogFollower> followers = new ArrayList<>();
        for (DataSourceGroup g : pools.groups()) {
            List<ShardNode> nodes = g.replicas().isEmpty() ? List.of(g.master()) : g.replicas();
            for (ShardNode node : nodes) {
                String user = binlog.username().isEmpty() ? node.pool().getUsername() : binlog.username();
                String password = binlog.username().isEmpty() ? node.pool().getPassword() : binlog.password();
                BinlogEndpoint endpoint = new BinlogEndpoint(g.name(), node.pool().getJdbcUrl(),
                        user == null ? "" : user, password == null ? "" : password, serverId++);
                followers.add(BinlogFollower.start(endpoint, evictor));
            }
        }
        LOG.info("Cache of {}: tables {}, {} binlog follower(s)", config.source(), cache.tables(), followers.size());
        return Optional.of(new ResultCaching(cache, evictor, followers));
    }

    /** The cache (listeners, metrics, inspection). */
    public QueryCache cache() {
        return cache;
    }

    /** The followers, one per followed node. */
    public List<BinlogFollower> followers() {
        return followers;
    }

    public CacheMetrics metrics() {
        return cache.metrics();
    }

    /** A hit: a result set over the cached rows, with the metadata copied at fill time. */
    static ResultSet resultSet(CachedResult result, Statement owner) {
        ShardlineResultSetMetaData md = (ShardlineResultSetMetaData) result.columns();
        return new MergedResultSet(new ListCursor(result.rows(), md.getColumnCount()), md, owner);
    }

    /**
     * A miss: copies the rows of the database's result (then closes it), fills the cache unless there are more
     * than {@link #MAX_ROWS} rows or {@code fill} is false, and returns a result set over the copy.
     */
    ResultSet copy(QueryCache.Lookup lookup, ResultSet rs, Statement owner, boolean fill) throws SQLException {
        ResultSetMetaData shard = rs.getMetaData();
        int columns = shard.getColumnCount();
        // The shard's metadata already names logical tables (ShardResultSet / merged metadata).
        ShardlineResultSetMetaData md = ShardlineResultSetMetaData.copyOf(shard, columns, UnaryOperator.identity());
        int[] types = new int[columns];
        for (int c = 0; c < columns; c++) {
            types[c] = shard.getColumnType(c + 1);
        }
        List<Object[]> rows = new ArrayList<>(2);
        try {
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = ShardValues.read(rs, c + 1, types[c]);
                }
                rows.add(row);
            }
        } finally {
            rs.close();
        }
        if (fill && rows.size() <= MAX_ROWS) {
            cache.fill(lookup, new CachedResult(md, rows));
        }
        return new MergedResultSet(new ListCursor(rows, columns), md, owner);
    }

    /** Stops the followers. */
    @Override
    public void close() {
        for (BinlogFollower f : followers) {
            f.close();
        }
        if (evictor != null) {
            evictor.close();
        }
    }
}

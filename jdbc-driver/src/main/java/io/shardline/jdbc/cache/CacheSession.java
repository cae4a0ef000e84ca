package io.shardline.jdbc.cache;

import io.shardline.consistency.cache.CachedResult;
import io.shardline.consistency.cache.EvictionCause;
import io.shardline.consistency.cache.QueryCache;
import io.shardline.consistency.ryw.StatementKeys;
import io.shardline.consistency.ryw.TableAccess;
import io.shardline.router.plan.RoutePlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One logical connection's side of the cache. Autocommit writes evict their keys as soon as they ran (committed);
 * a transaction's writes are evicted when it commits (or fails to: which shards committed is then unknown), and
 * until then its reads of a table it wrote bypass the cache. Reads inside a transaction may hit but never fill: a
 * REPEATABLE READ snapshot can be older than evictions that already happened. Not thread-safe, like the connection.
 */
public final class CacheSession {

    private final ResultCaching caching;
    private final Set<String> writtenTables = new HashSet<>();
    private boolean writtenAnyTable;
    private final List<StatementKeys> pending = new ArrayList<>();

    public CacheSession(ResultCaching caching) {
        this.caching = caching;
    }

    /**
     * The cache lookup of a read, taken before it runs; empty when the statement is not cacheable here (not a point
     * lookup of a cached table, a locking read, or a read of a table this connection's open transaction wrote).
     */
    public Optional<QueryCache.Lookup> lookup(String sql, List<Object> parameters, RoutePlan plan,
            boolean autoCommit) {
        if (!plan.query() || plan.needsMaster()) {
            return Optional.empty();
        }
        Optional<QueryCache.Lookup> lookup = caching.cache().lookup(sql, parameters);
        if (lookup.isEmpty() || (!autoCommit && (writtenAnyTable || writtenTables.contains(lookup.get().table())))) {
            return Optional.empty();
        }
        return lookup;
    }

    /** The hit's result set, or empty on a miss. */
    public Optional<ResultSet> hit(QueryCache.Lookup lookup, Statement owner) {
        Optional<CachedResult> cached = caching.cache().get(lookup);
        return cached.map(r -> ResultCaching.resultSet(r, owner));
    }

    /** After a miss ran: copies its rows into the cache (outside transactions) and returns them. */
    public ResultSet afterRead(QueryCache.Lookup lookup, ResultSet rs, Statement owner, boolean autoCommit)
            throws SQLException {
        return caching.copy(lookup, rs, owner, autoCommit);
    }

    /** After a write ran: evicts its keys now (autocommit) or at commit. */
    public void afterWrite(String sql, List<Object> parameters, RoutePlan plan, boolean autoCommit) {
        StatementKeys keys = caching.cache().writeKeys(sql, parameters, plan.generatedKeys().orElse(null));
        if (!caching.cache().touchesCachedTable(keys)) {
            return;
        }
        if (autoCommit) {
            caching.cache().evict(keys, EvictionCause.COMMIT);
            return;
        }
        pending.add(keys);
        if (keys.tables().isEmpty()) {
            writtenAnyTable = true;
        }
        for (TableAccess a : keys.tables()) {
            writtenTables.add(a.table());
        }
    }

    /** The transaction committed (or its outcome is unknown): its writes' keys go. */
    public void committed() {
        for (StatementKeys keys : pending) {
            caching.cache().evict(keys, EvictionCause.COMMIT);
        }
        rolledBack();
    }

    /** The transaction ended without commit: nothing to evict. */
    public void rolledBack() {
        pending.clear();
        writtenTables.clear();
        writtenAnyTable = false;
    }
}

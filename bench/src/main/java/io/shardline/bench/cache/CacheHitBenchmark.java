package io.shardline.bench.cache;

import io.shardline.consistency.cache.CacheTableSettings;
import io.shardline.consistency.cache.CachedResult;
import io.shardline.consistency.cache.QueryCache;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.router.rule.ShardingRule;
import io.shardline.sql.SqlParser;
import io.shardline.testkit.Topology;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of a cache hit, in process: {@code queryCacheHit} is the cache alone (lookup: key extraction from the
 * statement's compiled plan, token, Caffeine get); {@code jdbcHit} is the application's whole call on a hit
 * ({@code setLong}, {@code executeQuery}, {@code next}, {@code getLong}, {@code close}: plan, lookup, result set over
 * the cached rows); {@code jdbcNoCache} is the same call without a cache section, which goes to the master (a local
 * MariaDB, one round trip). 1,000 hot keys.
 *
 * {@code java -jar bench/target/benchmarks.jar CacheHitBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CacheHitBenchmark {

    private static final int KEYS = 1_000;
    private static final String SQL = "SELECT k, v, note FROM kv WHERE k = ?";

    private Topology topology;
    private ShardlineDataSource cached;
    private ShardlineDataSource plain;
    private QueryCache queryCache;
    private Connection cachedConnection;
    private Connection plainConnection;
    private PreparedStatement cachedStatement;
    private PreparedStatement plainStatement;
    private int next;

    @Setup(Level.Trial)
    public void start() throws SQLException {
        topology = CacheBenchTopology.start(1, 0, KEYS);
        cached = CacheBenchTopology.dataSource(topology, true, false);
        plain = CacheBenchTopology.dataSource(topology, false, false);
        cachedConnection = cached.getConnection();
        plainConnection = plain.getConnection();
        cachedStatement = cachedConnection.prepareStatement(SQL);
        plainStatement = plainConnection.prepareStatement(SQL);
        for (int k = 0; k < KEYS; k++) {
            read(cachedStatement, k); // fill
        }
        queryCache = new QueryCache(ShardingRule.builder().dataSources("ds_0").defaultDataSource("ds_0")
                .singleTables(List.of("kv")).build(), new SqlParser(),
                List.of(new CacheTableSettings("kv", List.of("k"), 60_000, 10_000)));
        for (int k = 0; k < KEYS; k++) {
            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[] {(long) k, k * 10L, "n" + k});
            queryCache.fill(queryCache.lookup(SQL, List.of((long) k)).orElseThrow(), new CachedResult("md", rows));
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws SQLException {
        System.out.println("\ncache metrics: " + cached.cacheMetrics().orElseThrow());
        cachedConnection.close();
        plainConnection.close();
        cached.close();
        plain.close();
        topology.close();
    }

    private static long read(PreparedStatement ps, long k) throws SQLException {
        ps.setLong(1, k);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(2) : -1;
        }
    }

    private long key() {
        int k = next++;
        if (next == KEYS) {
            next = 0;
        }
        return k;
    }

    @Benchmark
    public Object queryCacheHit() {
        return queryCache.get(queryCache.lookup(SQL, List.of(key())).orElseThrow()).orElseThrow();
    }

    @Benchmark
    public long jdbcHit() throws SQLException {
        return read(cachedStatement, key());
    }

    @Benchmark
    public long jdbcNoCache() throws SQLException {
        return read(plainStatement, key());
    }
}

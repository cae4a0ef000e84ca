package io.shardline.jdbc.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.consistency.binlog.BinlogFollower;
import io.shardline.consistency.cache.CacheMetrics;
import io.shardline.consistency.cache.EvictionCause;
import io.shardline.consistency.cache.QueryCache;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.testkit.Topology;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * The proof of issue #8. Replicas delayed 1 and 2 s; writers update random hot keys, readers read them through a
 * cache. Both runs route reads to the replicas round robin (read-your-writes off, so the cache alone decides).
 * Naive cache-aside evicts once at the write and fills from whichever replica a miss reads; Shardline evicts at
 * commit and again when each replica's binlog shows the row applied. Readers go on while the replicas apply the
 * last writes (refilling from lagging replicas); after every replica has caught up, every cached entry is compared
 * with the master.
 */
@TestTopology(groups = 2, replicas = 2, shared = false)
class CacheProofIT {

    private static final int HOT_KEYS = 40;
    private static final int WRITERS = 2;
    private static final int READERS = 4;
    private static final long RUN_MILLIS = 6_000;
    /** Readers go on this long after the writers stop, while the delayed replicas apply the last writes. */
    private static final long READ_ON_MILLIS = 3_000;
    private static final String SPLITTING = "  loadBalancer: ROUND_ROBIN\n  readYourWrites: {mode: OFF}\n";
    private static final String CACHE = "  tables:\n    kv: {keyColumns: [k], ttlMs: 600000, maximumSize: 10000}\n"
            + "  binlog: {serverIdBase: 30000, settleMs: 200}\n";

    /** What one run saw. */
    static final class Tally {
        final String mode;
        final LongAdder writes = new LongAdder();
        final LongAdder reads = new LongAdder();
        final LongAdder hits = new LongAdder();
        long entries;
        long stale;
        String detail = "";

        Tally(String mode) {
            this.mode = mode;
        }
    }

    /** The cache under test, as the workload sees it. */
    interface CacheUnderTest {
        Long read(Connection c, long k, Tally t) throws SQLException;

        void write(Connection c, long k, Tally t) throws SQLException;
    }

    @Test
    void shardlineLeavesNoStaleEntryWhereNaiveCacheAsideDoes(Topology topology, TestDatabase db) throws Exception {
        CacheFixture.createTables(db);
        for (long k = 0; k < HOT_KEYS; k++) {
            try (Connection c = db.connectMaster(CacheFixture.group(k)); Statement s = c.createStatement()) {
                s.execute("INSERT INTO " + CacheFixture.actualTable(k) + " (k, v) VALUES (" + k + ", 0)");
            }
        }
        topology.waitForCatchUp();
        for (int g = 0; g < 2; g++) {
            topology.delayReplica(topology.replica(g, 0), 1);
            topology.delayReplica(topology.replica(g, 1), 2);
        }

        Tally naive = new Tally("naive cache-aside");
        try (ShardlineDataSource ds = CacheFixture.dataSource(db, SPLITTING, null)) {
            Map<Long, Long> cache = new ConcurrentHashMap<>();
            run(ds, naive, new CacheUnderTest() {
                @Override
                public Long read(Connection c, long k, Tally t) throws SQLException {
                    Long v = cache.get(k);
                    if (v != null) {
                        t.hits.increment();
                        return v;
                    }
                    v = select(c, k);
                    cache.put(k, v);
                    return v;
                }

                @Override
                public void write(Connection c, long k, Tally t) throws SQLException {
                    update(c, k);
                    cache.remove(k); // evict once, at the write
                }
            });
            topology.waitForCatchUp();
            Thread.sleep(1_000);
            naive.entries = cache.size();
            for (Map.Entry<Long, Long> e : cache.entrySet()) {
                if (!e.getValue().equals(CacheFixture.masterValue(db, e.getKey()))) {
                    naive.stale++;
                }
            }
        }

        Tally shardline = new Tally("Shardline cache");
        CacheMetrics metrics;
        try (ShardlineDataSource ds = CacheFixture.dataSource(db, SPLITTING, CACHE)) {
            for (BinlogFollower f : ds.cache().orElseThrow().followers()) {
                assertThat(f.awaitConnected(30, TimeUnit.SECONDS)).as(f.toString()).isTrue();
            }
            run(ds, shardline, new CacheUnderTest() {
                @Override
                public Long read(Connection c, long k, Tally t) throws SQLException {
                    return select(c, k);
                }

                @Override
                public void write(Connection c, long k, Tally t) throws SQLException {
                    update(c, k);
                }
            });
            topology.waitForCatchUp();
            Thread.sleep(1_000); // the followers read what the replicas applied; settle evictions run 200 ms later
            QueryCache cache = ds.cache().orElseThrow().cache();
            List<QueryCache.Entry> entries = cache.entries();
            shardline.entries = entries.size();
            for (QueryCache.Entry e : entries) {
                Long cached = e.result().rows().isEmpty() ? null
                        : ((Number) e.result().rows().get(0)[0]).longValue();
                if (!java.util.Objects.equals(cached, CacheFixture.masterValue(db, (Long) e.key()))) {
                    shardline.stale++;
                }
            }
            metrics = ds.cacheMetrics().orElseThrow();
            shardline.detail = "hits " + metrics.hits() + ", misses " + metrics.misses() + ", fills " + metrics.fills()
                    + ", refused fills " + metrics.refusedFills() + ", evictions commit "
                    + metrics.evictions(EvictionCause.COMMIT) + " / binlog " + metrics.evictions(EvictionCause.BINLOG)
                    + " / ttl " + metrics.evictions(EvictionCause.TTL) + " / size "
                    + metrics.evictions(EvictionCause.SIZE) + ", binlog row events " + metrics.binlogEvents();
        }
        for (int g = 0; g < 2; g++) {
            topology.delayReplica(topology.replica(g, 0), 0);
            topology.delayReplica(topology.replica(g, 1), 0);
        }

        StringBuilder table = new StringBuilder("\n");
        table.append(String.format("| %-18s | %7s | %7s | %9s | %26s | %26s |%n", "mode", "writes", "reads",
                "hit ratio", "entries after catch-up", "stale entries after catch-up"));
        table.append("|--------------------|---------|---------|-----------|----------------------------|"
                + "------------------------------|\n");
        double shardlineRatio = metrics.hitRatio();
        for (Tally t : List.of(naive, shardline)) {
            double ratio = t == shardline ? shardlineRatio : (double) t.hits.sum() / Math.max(1, t.reads.sum());
            table.append(String.format("| %-18s | %7d | %7d | %8.1f%% | %26d | %28d |%n", t.mode, t.writes.sum(),
                    t.reads.sum(), 100 * ratio, t.entries, t.stale));
        }
        table.append("Shardline: ").append(shardline.detail).append('\n');
        table.append(String.format("%d hot keys, %d writers (%d ms), %d readers (%d ms, 1 ms pause per read), "
                + "replicas delayed 1 s and 2 s, reads round robin over the replicas%n", HOT_KEYS, WRITERS, RUN_MILLIS,
                READERS, RUN_MILLIS + READ_ON_MILLIS));
        System.out.println(table);

        assertThat(naive.stale).as("naive cache-aside must leave stale entries under 1-2 s lag").isPositive();
        assertThat(shardline.entries).as("Shardline kept entries to compare").isPositive();
        assertThat(shardline.stale).as("Shardline: stale entries after catch-up").isZero();
        assertThat(metrics.evictions(EvictionCause.BINLOG)).isPositive();
        assertThat(metrics.hits()).isPositive();
    }

    private static void run(ShardlineDataSource ds, Tally t, CacheUnderTest cache) throws Exception {
        long end = System.nanoTime() + RUN_MILLIS * 1_000_000L;
        long readEnd = end + READ_ON_MILLIS * 1_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                futures.add(pool.submit(() -> {
                    try (Connection c = ds.getConnection()) {
                        while (System.nanoTime() < end) {
                            cache.write(c, ThreadLocalRandom.current().nextLong(HOT_KEYS), t);
                            t.writes.increment();
                            Thread.sleep(5);
                        }
                    }
                    return null;
                }));
            }
            for (int r = 0; r < READERS; r++) {
                futures.add(pool.submit(() -> {
                    try (Connection c = ds.getConnection()) {
                        while (System.nanoTime() < readEnd) {
                            cache.read(c, ThreadLocalRandom.current().nextLong(HOT_KEYS), t);
                            t.reads.increment();
                            Thread.sleep(1); // the same read rate for both caches
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Long select(Connection c, long k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v FROM kv WHERE k = ?")) {
            ps.setLong(1, k);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static void update(Connection c, long k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE kv SET v = v + 1 WHERE k = ?")) {
            ps.setLong(1, k);
            ps.executeUpdate();
        }
    }
}

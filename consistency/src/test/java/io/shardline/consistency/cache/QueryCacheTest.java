package io.shardline.consistency.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.consistency.binlog.BinlogEndpoint;
import io.shardline.consistency.binlog.RowsEvent;
import io.shardline.router.algorithm.ShardingAlgorithm;
import io.shardline.router.algorithm.ShardingAlgorithms;
import io.shardline.router.rule.ShardingRule;
import io.shardline.router.rule.ShardingStrategy;
import io.shardline.router.rule.TableRule;
import io.shardline.sql.SqlParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QueryCacheTest {

    private static final SqlParser PARSER = new SqlParser();

    /** t_user sharded by user_id over ds_0/ds_1, tables t_user_0..1 in each; t_pair (a, b) single. */
    private static ShardingRule rule() {
        Properties props = new Properties();
        props.setProperty("shardingCount", "2");
        ShardingAlgorithm mod = ShardingAlgorithms.create("MOD", props).standard().orElseThrow();
        ShardingAlgorithm tableMod = ShardingAlgorithms.create("MOD", props).standard().orElseThrow();
        TableRule user = TableRule.builder("t_user").dataNodes("ds_${0..1}.t_user_${0..1}")
                .databaseStrategy(ShardingStrategy.standard("user_id", "mod", mod))
                .tableStrategy(ShardingStrategy.standard("user_id", "tmod", tableMod)).build();
        return ShardingRule.builder().dataSources("ds_0", "ds_1").table(user).singleTables(List.of("t_pair"))
                .defaultDataSource("ds_0").build();
    }

    private static QueryCache cache(long ttlMs) {
        return new QueryCache(rule(), PARSER, List.of(new CacheTableSettings("t_user", List.of("user_id"), ttlMs, 100),
                new CacheTableSettings("t_pair", List.of("a", "b"), ttlMs, 100)));
    }

    private static CachedResult rows(Object... values) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(values);
        return new CachedResult("columns", rows);
    }

    private static Optional<QueryCache.Lookup> lookup(QueryCache c, String sql, Object... params) {
        return c.lookup(sql, Arrays.asList(params));
    }

    @Test
    void pointLookupsByTheWholeKeyAreCacheableOthersAreNot() {
        QueryCache c = cache(60_000);
        assertThat(lookup(c, "SELECT name FROM t_user WHERE user_id = ?", 5)).isPresent();
        assertThat(lookup(c, "SELECT name FROM t_user WHERE user_id = 5")).isPresent();
        assertThat(lookup(c, "SELECT name FROM t_user WHERE user_id = ? AND status = 'A'", 5)).isPresent();
        assertThat(lookup(c, "SELECT * FROM t_pair WHERE a = ? AND b = ?", 1, 2)).isPresent();

        assertThat(lookup(c, "SELECT * FROM t_pair WHERE a = ?", 1)).as("part of the key").isEmpty();
        assertThat(lookup(c, "SELECT name FROM t_user WHERE user_id IN (?, ?)", 5, 6)).as("two keys").isEmpty();
        assertThat(lookup(c, "SELECT name FROM t_user WHERE user_id = ? OR user_id = ?", 5, 6)).isEmpty();
        assertThat(lookup(c, "SELECT name FROM t_user WHERE user_id > ?", 5)).as("range").isEmpty();
        assertThat(lookup(c, "SELECT name FROM t_user WHERE user_id = ? FOR UPDATE", 5)).as("locking").isEmpty();
        assertThat(lookup(c, "SELECT name FROM t_user WHERE user_id = ? LOCK IN SHARE MODE", 5)).isEmpty();
        assertThat(lookup(c, "SELECT u.name FROM t_user u JOIN t_pair p ON p.a = u.user_id WHERE u.user_id = ?", 5))
                .as("join").isEmpty();
        assertThat(lookup(c, "SELECT * FROM t_other WHERE user_id = ?", 5)).as("not configured").isEmpty();
        assertThat(lookup(c, "SELECT name FROM t_user WHERE user_id = ?", (Object) null)).as("NULL key").isEmpty();
        assertThat(lookup(c, "UPDATE t_user SET name = 'x' WHERE user_id = ?", 5)).as("write").isEmpty();
    }

    @Test
    void entriesAreKeptPerStatementAndParametersAndKeysFoldLikeReadYourWrites() {
        QueryCache c = cache(60_000);
        QueryCache.Lookup a = lookup(c, "SELECT name FROM t_user WHERE user_id = ?", 5).orElseThrow();
        assertThat(c.get(a)).isEmpty();
        assertThat(c.fill(a, rows("alice"))).isTrue();
        // Same key written as a string and as a long, whitespace differing: one entry.
        QueryCache.Lookup same = lookup(c, "SELECT  name\n FROM t_user WHERE user_id = ?", "5").orElseThrow();
        assertThat(same.key()).isEqualTo(a.key());
        // The same key, another statement: its own entry.
        QueryCache.Lookup other = lookup(c, "SELECT name, email FROM t_user WHERE user_id = ?", 5).orElseThrow();
        assertThat(c.get(other)).isEmpty();
        QueryCache.Lookup otherParams = lookup(c, "SELECT name FROM t_user WHERE user_id = ? AND status = ?", 5, "A")
                .orElseThrow();
        QueryCache.Lookup otherParams2 = lookup(c, "SELECT name FROM t_user WHERE user_id = ? AND status = ?", 5, "B")
                .orElseThrow();
        c.fill(otherParams, rows("alice-A"));
        assertThat(c.get(otherParams2)).isEmpty();
        assertThat(c.get(otherParams).orElseThrow().rows().get(0)[0]).isEqualTo("alice-A");
        assertThat(c.metrics().hits()).isEqualTo(1);
        assertThat(c.metrics().misses()).isEqualTo(3);
    }

    @Test
    void aFillThatRacedWithAnEvictionIsRefused() {
        QueryCache c = cache(60_000);
        // The reader takes its token, then reads an old row from a lagging replica...
        QueryCache.Lookup reader = lookup(c, "SELECT name FROM t_user WHERE user_id = ?", 7).orElseThrow();
        // ...meanwhile the write commits and evicts the key...
        c.evict(c.writeKeys("UPDATE t_user SET name = 'new' WHERE user_id = ?", List.of(7), null),
                EvictionCause.COMMIT);
        // ...and the reader's fill of the old row must not land.
        assertThat(c.fill(reader, rows("old"))).isFalse();
        assertThat(c.get(lookup(c, "SELECT name FROM t_user WHERE user_id = ?", 7).orElseThrow())).isEmpty();
        assertThat(c.metrics().refusedFills()).isEqualTo(1);

        // An eviction of another key does not refuse it (different stripe), a whole-table eviction does.
        QueryCache.Lookup r2 = lookup(c, "SELECT name FROM t_user WHERE user_id = ?", 7).orElseThrow();
        c.evict(c.writeKeys("UPDATE t_user SET name = 'x' WHERE user_id = ?", List.of(8), null), EvictionCause.COMMIT);
        assertThat(c.fill(r2, rows("v2"))).isTrue();
        QueryCache.Lookup r3 = lookup(c, "SELECT name FROM t_user WHERE user_id = ?", 9).orElseThrow();
        c.evict(c.writeKeys("UPDATE t_user SET name = 'x' WHERE name = ?", List.of("bob"), null),
                EvictionCause.COMMIT);
        assertThat(c.fill(r3, rows("v3"))).as("after a whole-table eviction").isFalse();
        assertThat(c.get(lookup(c, "SELECT name FROM t_user WHERE user_id = ?", 7).orElseThrow()))
                .as("the whole-table eviction removed key 7 too").isEmpty();
    }

    @Test
    void writesEvictTheirKeysOrTheWholeTable() {
        QueryCache c = cache(60_000);
        for (int k = 1; k <= 4; k++) {
            c.fill(lookup(c, "SELECT name FROM t_user WHERE user_id = ?", k).orElseThrow(), rows("u" + k));
        }
        c.evict(c.writeKeys("DELETE FROM t_user WHERE user_id IN (?, ?)", List.of(1, 2), null), EvictionCause.COMMIT);
        assertThat(present(c, 1)).isFalse();
        assertThat(present(c, 2)).isFalse();
        assertThat(present(c, 3)).isTrue();
        c.evict(c.writeKeys("INSERT INTO t_user (user_id, name) VALUES (?, ?)", List.of(3, "x"), null),
                EvictionCause.COMMIT);
        assertThat(present(c, 3)).as("an INSERT evicts its key (a cached empty result)").isFalse();
        assertThat(present(c, 4)).isTrue();
        c.evict(c.writeKeys("UPDATE t_user SET name = 'x'", List.of(), null), EvictionCause.COMMIT);
        assertThat(present(c, 4)).as("no key pinned: the whole table").isFalse();
        assertThat(c.metrics().evictions(EvictionCause.COMMIT)).isEqualTo(4);
    }

    @Test
    void binlogRowsOfShardTablesEvictTheLogicalKeyAndReachListeners() {
        QueryCache c = cache(60_000);
        c.fill(lookup(c, "SELECT name FROM t_user WHERE user_id = ?", 11).orElseThrow(), rows("old"));
        c.fill(lookup(c, "SELECT name FROM t_user WHERE user_id = ?", 12).orElseThrow(), rows("keep"));
        List<String> heard = new ArrayList<>();
        c.addListener((table, keys, gtid, replica) -> heard.add(table + " " + keys + " " + gtid + " " + replica));
        try (BinlogEvictor evictor = new BinlogEvictor(c, rule(), 0)) {
            BinlogEndpoint source = new BinlogEndpoint("ds_1", "jdbc:mysql://127.0.0.1:3307/shop", "u", "", 10_001);
            evictor.rowsApplied(new RowsEvent(source, "shop", "t_user_1", List.of("user_id", "name"),
                    List.<Object[]>of(new Object[] {11L, "old"}, new Object[] {11L, "new"}), "0-1-42"));
        }
        assertThat(present(c, 11)).isFalse();
        assertThat(present(c, 12)).isTrue();
        assertThat(heard).containsExactly("t_user [{user_id=11}, {user_id=11}] 0-1-42 ds_1/127.0.0.1:3307");
        assertThat(c.metrics().evictions(EvictionCause.BINLOG)).isEqualTo(1);
        assertThat(c.metrics().binlogEvents()).isEqualTo(1);
    }

    @Test
    void settleRepeatsTheBinlogEvictionLater() {
        QueryCache c = cache(60_000);
        List<Runnable> later = new ArrayList<>();
        try (BinlogEvictor evictor = new BinlogEvictor(c, rule(), 100, later::add)) {
            BinlogEndpoint source = new BinlogEndpoint("ds_0", "jdbc:mysql://127.0.0.1:3307/shop", "u", "", 10_001);
            QueryCache.Lookup before = lookup(c, "SELECT name FROM t_user WHERE user_id = ?", 20).orElseThrow();
            evictor.rowsApplied(new RowsEvent(source, "shop", "t_user_0", List.of("user_id", "name"),
                    List.<Object[]>of(new Object[] {20L, "new"}), "0-1-43"));
            // A reader that took its token after the first eviction but read the replica just before the engine
            // made the row visible: its fill lands...
            QueryCache.Lookup after = lookup(c, "SELECT name FROM t_user WHERE user_id = ?", 20).orElseThrow();
            assertThat(c.fill(before, rows("old"))).isFalse();
            assertThat(c.fill(after, rows("old"))).isTrue();
            assertThat(present(c, 20)).isTrue();
            // ...and the settle eviction removes it.
            assertThat(later).hasSize(1);
            later.get(0).run();
            assertThat(present(c, 20)).isFalse();
        }
    }

    @Test
    void entriesExpireAfterTheirTtl() throws Exception {
        QueryCache c = cache(150);
        QueryCache.Lookup l = lookup(c, "SELECT name FROM t_user WHERE user_id = ?", 30).orElseThrow();
        c.fill(l, rows("x"));
        assertThat(c.get(l)).isPresent();
        Thread.sleep(300);
        assertThat(c.get(l)).isEmpty();
        assertThat(c.metrics().evictions(EvictionCause.TTL)).isEqualTo(1);
    }

    @Test
    void concurrentFillsNeverOutliveAnEvictionThatFollowedTheirRead() throws Exception {
        // The database is one AtomicLong per key; writers bump it and evict; readers read (a snapshot) then fill.
        // After everything stops, every entry must hold the current value.
        QueryCache c = cache(60_000);
        int keys = 8;
        AtomicLong[] db = new AtomicLong[keys];
        for (int i = 0; i < keys; i++) {
            db[i] = new AtomicLong();
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            futures.add(pool.submit(() -> {
                go.await();
                for (int n = 0; n < 20_000; n++) {
                    int k = n % keys;
                    db[k].incrementAndGet();
                    c.evict(c.writeKeys("UPDATE t_user SET v = v + 1 WHERE user_id = ?", List.of(k), null),
                            EvictionCause.COMMIT);
                }
                return null;
            }));
            futures.add(pool.submit(() -> {
                go.await();
                for (int n = 0; n < 40_000; n++) {
                    int k = n % keys;
                    QueryCache.Lookup l = lookup(c, "SELECT v FROM t_user WHERE user_id = ?", k).orElseThrow();
                    if (c.get(l).isEmpty()) {
                        long read = db[k].get();
                        Thread.yield(); // widen the window between the read and the fill
                        c.fill(l, rows(read));
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        for (QueryCache.Entry e : c.entries()) {
            assertThat(e.result().rows().get(0)[0]).as("key " + e.key()).isEqualTo(db[((Long) e.key()).intValue()].get());
        }
        assertThat(c.metrics().refusedFills()).as("the race did happen").isPositive();
    }

    private static boolean present(QueryCache c, long key) {
        QueryCache.Lookup l = c.lookup("SELECT name FROM t_user WHERE user_id = ?", List.of(key)).orElseThrow();
        return c.entries().stream().anyMatch(e -> e.key().equals(l.key()));
    }

    @Test
    void metricsNameEveryCause() {
        assertThat(cache(1000).metrics().evictions()).containsOnlyKeys(EvictionCause.values());
    }
}

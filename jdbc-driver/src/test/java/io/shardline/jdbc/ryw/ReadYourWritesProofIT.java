package io.shardline.jdbc.ryw;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.execute.DataSourceGroup;
import io.shardline.jdbc.execute.ShardNode;
import io.shardline.testkit.MariaDbNode;
import io.shardline.testkit.Topology;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * The proof of issue #7: replicas delayed 1 and 2 s; writers write random keys and read each back at once,
 * readers read keys nobody writes. The same workload runs through plain round-robin splitting and through
 * Shardline's read-your-writes, in one test. Every read selects {@code @@server_id}, so where it ran is the
 * server's answer, and it is checked against the executor's own count per node.
 */
@TestTopology(groups = 2, replicas = 2, shared = false)
class ReadYourWritesProofIT {

    private static final int WRITERS = 4;
    private static final int READERS = 4;
    private static final long RUN_MILLIS = 4_000;
    private static final int UNTOUCHED = 2_000;
    private static final long UNTOUCHED_BASE = 1_000_000;
    private static final int WRITER_KEYS = 200;

    /** What one run saw. */
    static final class Tally {
        final String mode;
        final LongAdder writes = new LongAdder();
        final LongAdder writerReads = new LongAdder();
        final LongAdder stale = new LongAdder();
        final LongAdder untouchedReads = new LongAdder();
        final LongAdder untouchedOnReplica = new LongAdder();
        final LongAdder readsOnMaster = new LongAdder();
        final Map<Integer, LongAdder> byServer = new ConcurrentHashMap<>();

        Tally(String mode) {
            this.mode = mode;
        }

        long reads() {
            return writerReads.sum() + untouchedReads.sum();
        }

        void served(int serverId, boolean master) {
            byServer.computeIfAbsent(serverId, id -> new LongAdder()).increment();
            if (master) {
                readsOnMaster.increment();
            }
        }
    }

    @Test
    void shardlineNeverReadsStaleWhilePlainSplittingDoes(Topology topology, TestDatabase db) throws Exception {
        RywFixture.createTable(db);
        seed(db);
        topology.waitForCatchUp();
        for (int g = 0; g < 2; g++) {
            topology.delayReplica(topology.replica(g, 0), 1);
            topology.delayReplica(topology.replica(g, 1), 2);
        }
        Tally plain;
        Tally shardline;
        try (ShardlineDataSource ds = RywFixture.dataSource(db,
                "  loadBalancer: ROUND_ROBIN\n  readYourWrites: {mode: OFF}\n", null)) {
            plain = run(ds, db, "plain round robin", 10_000_000);
        }
        double pollMicros;
        try (ShardlineDataSource ds = RywFixture.dataSource(db,
                "  loadBalancer: ROUND_ROBIN\n  readYourWrites: {mode: GTID}\n", null)) {
            shardline = run(ds, db, "Shardline GTID", 20_000_000);
            pollMicros = ds.readRouting().orElseThrow().poller().averagePollMicros();
        }

        StringBuilder table = new StringBuilder("\n");
        table.append(String.format("| %-18s | %8s | %8s | %11s | %26s | %16s |%n", "mode", "writes", "reads",
                "stale reads", "untouched reads on replicas", "reads on master"));
        table.append("|--------------------|----------|----------|-------------|----------------------------|------------------|\n");
        for (Tally t : List.of(plain, shardline)) {
            table.append(String.format("| %-18s | %8d | %8d | %11d | %26s | %16s |%n", t.mode, t.writes.sum(),
                    t.reads(), t.stale.sum(), pct(t.untouchedOnReplica.sum(), t.untouchedReads.sum()),
                    pct(t.readsOnMaster.sum(), t.reads())));
        }
        table.append("reads per server (by @@server_id): plain ").append(perServer(db, plain)).append("; Shardline ")
                .append(perServer(db, shardline)).append('\n');
        table.append(String.format("replica position poll: %.0f us per query (SELECT @@gtid_slave_pos / "
                + "@@gtid_binlog_pos), every 20 ms%n", pollMicros));
        System.out.println(table);

        assertThat(plain.stale.sum()).as("plain splitting must show stale reads under 1-2 s lag").isPositive();
        assertThat(shardline.stale.sum()).as("Shardline read-your-writes: stale reads").isZero();
        assertThat(shardline.untouchedReads.sum()).isPositive();
        assertThat((double) shardline.untouchedOnReplica.sum() / shardline.untouchedReads.sum())
                .as("share of untouched-key reads served by replicas").isGreaterThanOrEqualTo(0.95);
        assertThat(shardline.writes.sum()).isPositive();
    }

    private static String pct(long part, long whole) {
        return whole == 0 ? "-" : String.format("%.1f%% (%d/%d)", 100.0 * part / whole, part, whole);
    }

    private static String perServer(TestDatabase db, Tally t) {
        Map<String, Long> out = new TreeMap<>();
        t.byServer.forEach((id, n) -> out.put(RywFixture.nodeName(db, id), n.sum()));
        return out.toString();
    }

    /** Untouched keys and each writer's keys, before the replicas are delayed. */
    private static void seed(TestDatabase db) throws SQLException {
        for (int g = 0; g < 2; g++) {
            try (Connection c = db.connectMaster(g);
                    PreparedStatement ps = c.prepareStatement("INSERT INTO kv (k, v) VALUES (?, ?)")) {
                for (long k = UNTOUCHED_BASE; k < UNTOUCHED_BASE + UNTOUCHED; k++) {
                    if (k % 2 == g) {
                        ps.setLong(1, k);
                        ps.setLong(2, -k);
                        ps.addBatch();
                    }
                }
                for (int run = 0; run < 2; run++) {
                    for (long k = base(run); k < base(run) + (long) WRITERS * WRITER_KEYS; k++) {
                        if (k % 2 == g) {
                            ps.setLong(1, k);
                            ps.setLong(2, 0);
                            ps.addBatch();
                        }
                    }
                }
                ps.executeBatch();
            }
        }
    }

    private static long base(int run) {
        return run == 0 ? 10_000_000 : 20_000_000;
    }

    private Tally run(ShardlineDataSource ds, TestDatabase db, String mode, long base) throws Exception {
        Tally t = new Tally(mode);
        Map<String, Long> before = executorCounts(ds);
        long end = System.nanoTime() + RUN_MILLIS * 1_000_000L;
        AtomicLong insertKeys = new AtomicLong(base + 5_000_000);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                long first = base + (long) w * WRITER_KEYS;
                futures.add(pool.submit(() -> {
                    write(ds, db, t, first, end, insertKeys);
                    return null;
                }));
            }
            for (int r = 0; r < READERS; r++) {
                futures.add(pool.submit(() -> {
                    readUntouched(ds, db, t, end);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // Where the executor says it sent reads must be where the servers say they ran them.
        Map<String, Long> after = executorCounts(ds);
        Map<String, Long> byExecutor = new TreeMap<>();
        after.forEach((node, n) -> {
            long delta = n - before.getOrDefault(node, 0L);
            if (delta > 0) {
                byExecutor.put(node, delta);
            }
        });
        assertThat(byExecutor).as("reads per node, executor's count vs @@server_id (" + mode + ")")
                .isEqualTo(new TreeMap<>(perServerRaw(db, t)));
        return t;
    }

    private static Map<String, Long> perServerRaw(TestDatabase db, Tally t) {
        Map<String, Long> out = new TreeMap<>();
        t.byServer.forEach((id, n) -> out.put(serverAddress(db, id), n.sum()));
        return out;
    }

    private static String serverAddress(TestDatabase db, int serverId) {
        for (MariaDbNode node : db.topology().nodes()) {
            if (node.serverId() == serverId) {
                return node.host() + ":" + node.port();
            }
        }
        return "server " + serverId;
    }

    private static Map<String, Long> executorCounts(ShardlineDataSource ds) {
        Map<String, Long> out = new TreeMap<>();
        for (DataSourceGroup g : ds.pools().groups()) {
            out.put(g.master().address(), g.reads(g.master()));
            for (ShardNode r : g.replicas()) {
                out.put(r.address(), g.reads(r));
            }
        }
        return out;
    }

    /** Update or insert a random own key, then read it back at once; a read not showing the write is stale. */
    private static void write(ShardlineDataSource ds, TestDatabase db, Tally t, long first, long end,
            AtomicLong insertKeys) throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long version = 0;
        try (Connection c = ds.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE kv SET v = ? WHERE k = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO kv (k, v) VALUES (?, ?)");
                // COUNT/MAX: one row even when the key is missing, so @@server_id always says where it ran.
                PreparedStatement read = c.prepareStatement(
                        "SELECT COUNT(*), MAX(v), @@server_id FROM kv WHERE k = ?")) {
            while (System.nanoTime() < end) {
                long key;
                long value = ++version;
                if (random.nextBoolean()) {
                    key = first + random.nextInt(WRITER_KEYS);
                    update.setLong(1, value);
                    update.setLong(2, key);
                    assertThat(update.executeUpdate()).isEqualTo(1);
                } else {
                    key = insertKeys.incrementAndGet();
                    insert.setLong(1, key);
                    insert.setLong(2, value);
                    insert.executeUpdate();
                }
                t.writes.increment();
                read.setLong(1, key);
                try (ResultSet rs = read.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    t.writerReads.increment();
                    int server = rs.getInt(3);
                    t.served(server, RywFixture.isMaster(db, server));
                    if (rs.getLong(1) != 1 || rs.getLong(2) != value) {
                        t.stale.increment();
                    }
                }
            }
        }
    }

    private static void readUntouched(ShardlineDataSource ds, TestDatabase db, Tally t, long end) throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (Connection c = ds.getConnection();
                PreparedStatement read = c.prepareStatement("SELECT v, @@server_id FROM kv WHERE k = ?")) {
            while (System.nanoTime() < end) {
                long key = UNTOUCHED_BASE + random.nextInt(UNTOUCHED);
                read.setLong(1, key);
                try (ResultSet rs = read.executeQuery()) {
                    assertThat(rs.next()).as("untouched key %d", key).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(-key);
                    int server = rs.getInt(2);
                    boolean master = RywFixture.isMaster(db, server);
                    t.untouchedReads.increment();
                    if (!master) {
                        t.untouchedOnReplica.increment();
                    }
                    t.served(server, master);
                }
            }
        }
    }
}

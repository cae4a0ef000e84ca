package io.shardline.jdbc.ryw;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.consistency.ryw.ReadYourWritesTracker;
import io.shardline.consistency.ryw.ReplicaState;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.execute.DataSourceGroup;
import io.shardline.testkit.Topology;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * Adaptive TIME_WINDOW on a real topology: the window of each data source follows the lag the heartbeat table
 * measures (replica of ds_0 delayed 1 s, of ds_1 2 s, then undelayed), and written keys read back at once are never
 * stale. No GTID is used.
 */
@TestTopology(groups = 2, replicas = 1, shared = false)
class AdaptiveTimeWindowIT {

    private static final int KEYS = 400;
    private static final long RUN_MILLIS = 3_000;

    @Test
    void windowFollowsMeasuredLagAndWrittenKeysAreNeverStale(Topology topology, TestDatabase db) throws Exception {
        RywFixture.createTable(db);
        for (int g = 0; g < 2; g++) {
            try (Connection c = db.connectMaster(g);
                    PreparedStatement ps = c.prepareStatement("INSERT INTO kv (k, v) VALUES (?, 0)")) {
                for (long k = g; k < KEYS; k += 2) {
                    ps.setLong(1, k);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        topology.waitForCatchUp();
        String splitting = "  loadBalancer: ROUND_ROBIN\n  maxReplicaLagMs: 5000\n"
                + "  readYourWrites: {mode: TIME_WINDOW, window: ADAPTIVE, heartbeatIntervalMs: 100, minWindowMs: 50,"
                + " maxWindowMs: 10000, safetyFactor: 1.5}\n";
        try (ShardlineDataSource ds = RywFixture.dataSource(db, splitting, null)) {
            ReadYourWritesTracker tracker = ds.readRouting().orElseThrow().tracker();
            long idle0 = await(tracker, 0, w -> w < 1_000, 10_000);
            long idle1 = await(tracker, 1, w -> w < 1_000, 10_000);

            topology.delayReplica(topology.replica(0, 0), 1);
            topology.delayReplica(topology.replica(1, 0), 2);
            long delayed0 = await(tracker, 0, w -> w >= 1_000, 10_000);
            long delayed1 = await(tracker, 1, w -> w >= 2_000, 10_000);
            Thread.sleep(2_500); // a full peak hold of steady lag: the workload starts after the lag appeared

            LongAdder writes = new LongAdder();
            LongAdder stale = new LongAdder();
            LongAdder onMaster = new LongAdder();
            LongAdder untouchedOnReplica = new LongAdder();
            LongAdder untouched = new LongAdder();
            long[] windowRange = {Long.MAX_VALUE, 0, Long.MAX_VALUE, 0};
            long end = System.nanoTime() + RUN_MILLIS * 1_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    int writer = w;
                    futures.add(pool.submit(() -> {
                        writeAndReadBack(ds, db, writer, end, writes, stale, onMaster);
                        return null;
                    }));
                }
                futures.add(pool.submit(() -> {
                    readUntouched(ds, db, end, untouched, untouchedOnReplica);
                    return null;
                }));
                while (System.nanoTime() < end) {
                    for (int g = 0; g < 2; g++) {
                        long w = tracker.trackingMillis(g);
                        windowRange[2 * g] = Math.min(windowRange[2 * g], w);
                        windowRange[2 * g + 1] = Math.max(windowRange[2 * g + 1], w);
                    }
                    Thread.sleep(10);
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            String lags = replicaLags(ds);

            topology.delayReplica(topology.replica(0, 0), 0);
            topology.delayReplica(topology.replica(1, 0), 0);
            long after0 = await(tracker, 0, w -> w < 1_000, 15_000);
            long after1 = await(tracker, 1, w -> w < 1_000, 15_000);

            System.out.printf("%nadaptive TIME_WINDOW (heartbeat every 100 ms, factor 1.5): window idle ds_0 %d ms, "
                    + "ds_1 %d ms; delayed 1 s / 2 s: ds_0 %d..%d ms, ds_1 %d..%d ms during the run (first %d / %d); "
                    + "replica lag (measured + interval) %s; undelayed: ds_0 %d ms, ds_1 %d ms%n"
                    + "write-then-read: %d writes, %d stale read-backs, %d read-backs on the master; untouched reads "
                    + "on replicas %d/%d%n%n", idle0, idle1, windowRange[0], windowRange[1], windowRange[2],
                    windowRange[3], delayed0, delayed1, lags, after0, after1, writes.sum(), stale.sum(),
                    onMaster.sum(), untouchedOnReplica.sum(), untouched.sum());

            assertThat(windowRange[0]).as("ds_0 window while its replica is delayed 1 s").isGreaterThanOrEqualTo(1_000);
            assertThat(windowRange[2]).as("ds_1 window while its replica is delayed 2 s").isGreaterThanOrEqualTo(2_000);
            assertThat(writes.sum()).isPositive();
            assertThat(stale.sum()).as("stale read-backs under adaptive TIME_WINDOW").isZero();
            assertThat(untouchedOnReplica.sum()).as("untouched keys still read from replicas").isPositive();
            assertThat(after0).isLessThan(windowRange[0]);
            assertThat(after1).isLessThan(windowRange[2]);
        }
    }

    /**
     * Without the heartbeat table (not created by Shardline here) lag is unknown: the window is the maximum and the
     * replicas are out of rotation, so reads go to the master. Once the table exists, both recover.
     */
    @Test
    void withoutHeartbeatsTheWindowIsTheMaximumAndReadsStayOnTheMaster(Topology topology, TestDatabase db)
            throws Exception {
        RywFixture.createTable(db);
        topology.waitForCatchUp();
        String splitting = "  maxReplicaLagMs: 5000\n  readYourWrites: {mode: TIME_WINDOW, window: ADAPTIVE, "
                + "heartbeatTable: hb_manual, createHeartbeatTable: false, maxWindowMs: 8000}\n";
        try (ShardlineDataSource ds = RywFixture.dataSource(db, splitting, null)) {
            ReadYourWritesTracker tracker = ds.readRouting().orElseThrow().tracker();
            ds.readRouting().orElseThrow().poller().tick();
            assertThat(tracker.trackingMillis(0)).isEqualTo(8_000);
            for (DataSourceGroup g : ds.pools().groups()) {
                for (ReplicaState s : g.replicaStates()) {
                    assertThat(s.healthy()).as("%s without a heartbeat", s).isFalse();
                }
            }
            try (Connection c = ds.getConnection();
                    PreparedStatement read = c.prepareStatement("SELECT COUNT(*), @@server_id FROM kv WHERE k = 1")) {
                try (ResultSet rs = read.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(RywFixture.isMaster(db, rs.getInt(2))).as("read without a healthy replica").isTrue();
                }
            }
            for (int g = 0; g < 2; g++) {
                try (Connection c = db.connectMaster(g); java.sql.Statement s = c.createStatement()) {
                    s.execute(new io.shardline.consistency.ryw.Heartbeat("hb_manual", false, 100, 50, 8000, 1.5).ddl());
                }
            }
            long w0 = await(tracker, 0, w -> w < 1_000, 10_000);
            long w1 = await(tracker, 1, w -> w < 1_000, 10_000);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!ds.pools().group("ds_0").orElseThrow().replicaStates().get(0).healthy()
                    || !ds.pools().group("ds_1").orElseThrow().replicaStates().get(0).healthy()) {
                assertThat(System.nanoTime()).as("replicas back in rotation").isLessThan(deadline);
                Thread.sleep(10);
            }
            System.out.printf("%nadaptive TIME_WINDOW without a heartbeat table: window 8000 ms, replicas out; table "
                    + "created: windows %d / %d ms, replicas back%n%n", w0, w1);
        }
    }

    /** Waits until {@code group}'s window satisfies {@code until}; returns it. */
    private static long await(ReadYourWritesTracker tracker, int group, LongPredicate until, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        long w = tracker.trackingMillis(group);
        while (!until.test(w)) {
            assertThat(System.nanoTime()).as("window of group %d (now %d ms)", group, w).isLessThan(deadline);
            Thread.sleep(10);
            w = tracker.trackingMillis(group);
        }
        return w;
    }

    private static String replicaLags(ShardlineDataSource ds) {
        StringBuilder out = new StringBuilder();
        for (DataSourceGroup g : ds.pools().groups()) {
            for (ReplicaState s : g.replicaStates()) {
                out.append(out.length() == 0 ? "" : ", ").append(g.name()).append(' ').append(s.lagMillis()).append(" ms");
            }
        }
        return out.toString();
    }

    private static void writeAndReadBack(ShardlineDataSource ds, TestDatabase db, int writer, long end,
            LongAdder writes, LongAdder stale, LongAdder onMaster) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long version = writer * 1_000_000_000L;
        try (Connection c = ds.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE kv SET v = ? WHERE k = ?");
                PreparedStatement read = c.prepareStatement("SELECT v, @@server_id FROM kv WHERE k = ?")) {
            while (System.nanoTime() < end) {
                long key = (random.nextInt(KEYS / 4) * 2L + writer) % (KEYS / 2); // writer 0: even, 1: odd, < 200
                long value = ++version;
                update.setLong(1, value);
                update.setLong(2, key);
                assertThat(update.executeUpdate()).isEqualTo(1);
                writes.increment();
                read.setLong(1, key);
                try (ResultSet rs = read.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    if (rs.getLong(1) != value) {
                        stale.increment();
                    }
                    if (RywFixture.isMaster(db, rs.getInt(2))) {
                        onMaster.increment();
                    }
                }
            }
        }
    }

    /** Keys 200..399: nobody writes them. */
    private static void readUntouched(ShardlineDataSource ds, TestDatabase db, long end, LongAdder reads,
            LongAdder onReplica) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (Connection c = ds.getConnection();
                PreparedStatement read = c.prepareStatement("SELECT v, @@server_id FROM kv WHERE k = ?")) {
            while (System.nanoTime() < end) {
                read.setLong(1, KEYS / 2 + random.nextInt(KEYS / 2));
                try (ResultSet rs = read.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    reads.increment();
                    if (!RywFixture.isMaster(db, rs.getInt(2))) {
                        onReplica.increment();
                    }
                }
            }
        }
    }
}

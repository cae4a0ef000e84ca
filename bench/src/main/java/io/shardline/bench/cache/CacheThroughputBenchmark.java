package io.shardline.bench.cache;

import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.testkit.Topology;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Read throughput with the cache on vs off on a real 2 × 1 topology (reads round robin over the replicas, binlog
 * followers on): each operation is a point read of a random one of 2,000 keys (each read once before measuring), or (with {@code writePercent}) an
 * update of one, which the cache evicts at commit and again from the replica's binlog.
 *
 * {@code java -jar bench/target/benchmarks.jar CacheThroughputBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(1)
@Threads(4)
@State(Scope.Benchmark)
public class CacheThroughputBenchmark {

    private static final int KEYS = 2_000;

    @Param({"off", "on"})
    public String cache;

    @Param({"0", "5"})
    public int writePercent;

    private Topology topology;
    private ShardlineDataSource shardline;

    @Setup(Level.Trial)
    public void start() throws SQLException {
        topology = CacheBenchTopology.start(2, 1, KEYS);
        shardline = CacheBenchTopology.dataSource(topology, cache.equals("on"), true);
        // Read every key once in both modes: warms the servers' buffer pools alike, and fills the cache when on.
        try (Connection c = shardline.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT v FROM kv WHERE k = ?")) {
            for (int k = 0; k < KEYS; k++) {
                ps.setLong(1, k);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        shardline.cacheMetrics().ifPresent(m -> System.out.println("\ncache metrics: " + m + String.format(
                " hit ratio %.1f%%", 100 * m.hitRatio())));
        shardline.close();
        topology.close();
    }

    /** One connection and its statements per benchmark thread. */
    @State(Scope.Thread)
    public static class Session {
        Connection connection;
        PreparedStatement select;
        PreparedStatement update;

        @Setup(Level.Trial)
        public void open(CacheThroughputBenchmark bench) throws SQLException {
            connection = bench.shardline.getConnection();
            select = connection.prepareStatement("SELECT v FROM kv WHERE k = ?");
            update = connection.prepareStatement("UPDATE kv SET v = v + 1 WHERE k = ?");
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
        }
    }

    @Benchmark
    public long operation(Session s) throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long k = random.nextInt(KEYS);
        if (writePercent > 0 && random.nextInt(100) < writePercent) {
            s.update.setLong(1, k);
            return s.update.executeUpdate();
        }
        s.select.setLong(1, k);
        try (ResultSet rs = s.select.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}

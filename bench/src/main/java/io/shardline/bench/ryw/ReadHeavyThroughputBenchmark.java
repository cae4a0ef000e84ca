package io.shardline.bench.ryw;

import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.config.ShardlineConfig;
import io.shardline.testkit.Topology;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * Read-heavy throughput on a real 2 × 1 topology with read/write splitting, read-your-writes {@code OFF} vs
 * {@code GTID}: each operation is one write in ten, else a point read of a random key (writes of random keys keep
 * the tracker busy). Shows what per-key tracking costs end to end, where the read path's JMH cost (see
 * {@link TrackerBenchmark}) meets network round trips and the reads it moves to the master.
 *
 * {@code java -jar bench/target/benchmarks.jar ReadHeavyThroughputBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(4)
@State(Scope.Benchmark)
public class ReadHeavyThroughputBenchmark {

    private static final int KEYS = 100_000;

    @Param({"OFF", "GTID"})
    public String mode;

    private Topology topology;
    private ShardlineDataSource shardline;

    @Setup(Level.Trial)
    public void start() throws SQLException {
        topology = Topology.start(2, 1);
        topology.createDatabase("bench");
        for (int g = 0; g < 2; g++) {
            try (Connection c = topology.master(g).connect("bench"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kv (k BIGINT PRIMARY KEY, v BIGINT NOT NULL)");
                s.execute("INSERT INTO kv SELECT seq, 0 FROM seq_0_to_" + (KEYS - 1) + " WHERE seq % 2 = " + g);
            }
        }
        topology.waitForCatchUp();
        StringBuilder yaml = new StringBuilder("dataSources:\n");
        for (int g = 0; g < 2; g++) {
            yaml.append("  ds_").append(g).append(":\n    master: {url: \"").append(topology.master(g).jdbcUrl("bench"))
                    .append("\", username: root}\n    replicas: [{url: \"").append(topology.replica(g, 0).jdbcUrl("bench"))
                    .append("\", username: root}]\n    pool: {maximumPoolSize: 8}\n");
        }
        yaml.append("rules:\n  tables:\n    kv:\n      dataNodes: ds_${0..1}.kv\n"
                + "      databaseStrategy: {column: k, algorithm: by_k}\n"
                + "  algorithms:\n    by_k: {type: MOD, props: {shardingCount: 2}}\n"
                + "readWriteSplitting:\n  readYourWrites: {mode: ").append(mode).append("}\n");
        shardline = ShardlineDataSource.builder().config(ShardlineConfig.parse(yaml.toString(), "bench-" + mode))
                .build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        shardline.close();
        topology.close();
    }

    /** One connection and its statements per benchmark thread. */
    @State(Scope.Thread)
    public static class Session {
        Connection connection;
        PreparedStatement read;
        PreparedStatement write;

        @Setup(Level.Trial)
        public void open(ReadHeavyThroughputBenchmark b) throws SQLException {
            connection = b.shardline.getConnection();
            read = connection.prepareStatement("SELECT v FROM kv WHERE k = ?");
            write = connection.prepareStatement("UPDATE kv SET v = v + 1 WHERE k = ?");
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
        }
    }

    @Benchmark
    public long readMostly(Session s) throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long key = random.nextInt(KEYS);
        if (random.nextInt(10) == 0) {
            s.write.setLong(1, key);
            return s.write.executeUpdate();
        }
        s.read.setLong(1, key);
        try (ResultSet rs = s.read.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}

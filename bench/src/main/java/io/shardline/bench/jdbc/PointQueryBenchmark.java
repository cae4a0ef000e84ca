package io.shardline.bench.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Point select and single-row insert through ShardlineDataSource vs raw HikariCP JDBC to the hand-computed
 * shard, on a real 2-master topology (t_order in 2 × 2 tables). Target: Shardline ≥ 0.9× raw throughput.
 * Each operation borrows a connection, prepares, executes and closes, as a JdbcTemplate call does.
 *
 * <p>Run (1 and 8 threads): {@code java -jar bench/target/benchmarks.jar PointQueryBenchmark -f 1 -wi 3 -w 3s
 * -i 5 -r 3s -t 1} and again with {@code -t 8}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PointQueryBenchmark {

    static final int ROWS = 20_000;
    private static final String SELECT = "SELECT order_id, user_id, status, amount FROM t_order WHERE order_id = ? AND"
            + " user_id = ?";

    private BenchTopology bench;
    private final AtomicLong nextId = new AtomicLong(1_000_000);

    @Setup(Level.Trial)
    public void start() throws SQLException {
        bench = new BenchTopology(2, ROWS);
    }

    @TearDown(Level.Trial)
    public void stop() {
        bench.close();
    }

    @Benchmark
    public BigDecimal shardlinePointSelect() throws SQLException {
        long id = 1 + ThreadLocalRandom.current().nextInt(ROWS);
        try (Connection c = bench.shardline.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setLong(1, id);
            ps.setInt(2, BenchTopology.userOf(id));
            return readAmount(ps);
        }
    }

    @Benchmark
    public BigDecimal rawPointSelect() throws SQLException {
        long id = 1 + ThreadLocalRandom.current().nextInt(ROWS);
        try (Connection c = bench.raw[bench.source(id)].getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT order_id, user_id, status, amount FROM "
                        + bench.table(id) + " WHERE order_id = ? AND user_id = ?")) {
            ps.setLong(1, id);
            ps.setInt(2, BenchTopology.userOf(id));
            return readAmount(ps);
        }
    }

    @Benchmark
    public int shardlineInsert() throws SQLException {
        long id = nextId.incrementAndGet();
        try (Connection c = bench.shardline.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO t_order (order_id, user_id, status, amount, created_at) VALUES (?, ?, 'NEW', 1.50, NOW())")) {
            ps.setLong(1, id);
            ps.setInt(2, BenchTopology.userOf(id));
            return ps.executeUpdate();
        }
    }

    @Benchmark
    public int rawInsert() throws SQLException {
        long id = nextId.incrementAndGet();
        try (Connection c = bench.raw[bench.source(id)].getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO " + bench.table(id) + " (order_id, user_id, status, amount, created_at) VALUES (?, ?, 'NEW',"
                        + " 1.50, NOW())")) {
            ps.setLong(1, id);
            ps.setInt(2, BenchTopology.userOf(id));
            return ps.executeUpdate();
        }
    }

    private static BigDecimal readAmount(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("row not found");
            }
            return rs.getBigDecimal(4);
        }
    }
}

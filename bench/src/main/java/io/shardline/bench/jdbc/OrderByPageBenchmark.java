package io.shardline.bench.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
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
 * {@code ORDER BY created_at, order_id LIMIT 20 OFFSET 100} across 8 shards (2 masters × 4 tables, 40,000
 * rows): Shardline's streaming heap merge vs a hand-written merge over raw JDBC (each shard's first 120 rows,
 * sorted in memory, rows 100..119 kept). Target: Shardline ≥ 0.8× the hand-written merge. Run with
 * {@code -prof gc} to see allocation per page, which stays bounded by shards × (offset + page).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar OrderByPageBenchmark -f 1 -wi 3 -w 3s -i 5 -r 3s -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OrderByPageBenchmark {

    private static final int ROWS = 40_000;
    private static final String PAGE = "SELECT order_id, user_id, amount, created_at FROM t_order"
            + " ORDER BY created_at, order_id LIMIT 20 OFFSET 100";

    private BenchTopology bench;

    @Setup(Level.Trial)
    public void start() throws SQLException {
        bench = new BenchTopology(4, ROWS);
    }

    @TearDown(Level.Trial)
    public void stop() {
        bench.close();
    }

    @Benchmark
    public long shardline() throws SQLException {
        long sum = 0;
        try (Connection c = bench.shardline.getConnection(); PreparedStatement ps = c.prepareStatement(PAGE);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sum += rs.getLong(1);
            }
        }
        return sum;
    }

    @Benchmark
    public long handWrittenMerge() throws SQLException {
        long sum = 0;
        for (BenchTopology.PageRow row : bench.handMergedPage(100, 20)) {
            sum += row.orderId();
        }
        return sum;
    }
}

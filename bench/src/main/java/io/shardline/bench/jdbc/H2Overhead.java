package io.shardline.bench.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.config.ShardlineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Issue #6, zero-cost backend: W1 point select against two H2 in-memory databases (MySQL mode, 2 × 4 tables)
 * through raw HikariCP (shard computed here) and through Shardline, interleaved, one thread. The server costs
 * a few µs, so Shardline minus raw is the middleware's own cost per point select (target ≤ 3 µs).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.shardline.bench.jdbc.H2Overhead [--quick]}, from the
 * repository root (writes {@code bench/results/h2-overhead[-quick].md}).
 */
public final class H2Overhead {

    private static final int ROWS = 100_000;
    private static final int TABLES = 4;

    public static void main(String[] args) throws Exception {
        boolean quick = args.length > 0 && args[0].equals("--quick");
        HikariDataSource[] raw = new HikariDataSource[2];
        for (int g = 0; g < 2; g++) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url(g));
            config.setUsername("sa");
            config.setMaximumPoolSize(4);
            raw[g] = new HikariDataSource(config);
            try (Connection c = raw[g].getConnection(); Statement s = c.createStatement()) {
                for (int t = 0; t < TABLES; t++) {
                    s.execute("CREATE TABLE t_order_" + t + " (order_id BIGINT PRIMARY KEY, user_id INT NOT NULL,"
                            + " status VARCHAR(16) NOT NULL, amount DECIMAL(10,2) NOT NULL)");
                }
            }
        }
        for (long id = 1; id <= ROWS; id++) {
            try (Connection c = raw[BenchTopology.userOf(id) % 2].getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO t_order_" + id % TABLES + " VALUES (?, ?, 'NEW', 1.25)")) {
                ps.setLong(1, id);
                ps.setInt(2, BenchTopology.userOf(id));
                ps.executeUpdate();
            }
        }
        String yaml = """
                dataSources:
                  ds_0: {master: {url: "%s", username: sa}, pool: {maximumPoolSize: 4}}
                  ds_1: {master: {url: "%s", username: sa}, pool: {maximumPoolSize: 4}}
                rules:
                  tables:
                    t_order:
                      dataNodes: ds_${0..1}.t_order_${0..%d}
                      databaseStrategy: {column: user_id, algorithm: db_mod}
                      tableStrategy: {column: order_id, algorithm: t_inline}
                  algorithms:
                    db_mod: {type: MOD, props: {shardingCount: 2}}
                    t_inline: {type: INLINE, props: {expression: "t_order_${order_id %% %d}"}}
                """.formatted(url(0), url(1), TABLES - 1, TABLES);
        try (ShardlineDataSource shardline = ShardlineDataSource.builder().config(ShardlineConfig.parse(yaml, "h2"))
                .build()) {
            int rounds = quick ? 6 : 20;
            long sliceNanos = (quick ? 1_000 : 2_000) * 1_000_000L;
            // warm-up (JIT): 10 s each
            measure(raw, null, 10_000_000_000L);
            measure(raw, shardline, 10_000_000_000L);
            double[] rawNs = new double[rounds];
            double[] slNs = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                if (r % 2 == 0) {
                    rawNs[r] = measure(raw, null, sliceNanos);
                    slNs[r] = measure(raw, shardline, sliceNanos);
                } else {
                    slNs[r] = measure(raw, shardline, sliceNanos);
                    rawNs[r] = measure(raw, null, sliceNanos);
                }
            }
            double rawMedian = median(rawNs);
            double slMedian = median(slNs);
            String text = String.format(Locale.ROOT, "H2 (MySQL mode, in memory), W1 point select, 1 thread, %d rounds x"
                    + " %d ms (median of rounds), %s:%n%n| contender | µs/op |%n|---|---|%n| raw HikariCP | %.2f |%n"
                    + "| Shardline | %.2f |%n| overhead | %.2f (target ≤ 3) |%n", rounds, sliceNanos / 1_000_000,
                    Instant.now(), rawMedian / 1e3, slMedian / 1e3, (slMedian - rawMedian) / 1e3);
            System.out.print(text);
            Path out = Path.of("bench", "results");
            Files.createDirectories(out);
            Files.writeString(out.resolve(quick ? "h2-overhead-quick.md" : "h2-overhead.md"), text);
        } finally {
            for (HikariDataSource ds : raw) {
                ds.close();
            }
        }
    }

    private static String url(int g) {
        return "jdbc:h2:mem:bench_ds" + g + ";MODE=MySQL;DB_CLOSE_DELAY=-1";
    }

    /** Mean ns per point select over the slice; {@code shardline == null} means raw. */
    private static double measure(HikariDataSource[] raw, DataSource shardline, long nanos) throws SQLException {
        long start = System.nanoTime();
        long end = start + nanos;
        long ops = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            long id = 1 + ThreadLocalRandom.current().nextInt(ROWS);
            DataSource ds = shardline != null ? shardline : raw[BenchTopology.userOf(id) % 2];
            String table = shardline != null ? "t_order" : "t_order_" + id % TABLES;
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT order_id, user_id, status, amount FROM " + table + " WHERE order_id = ? AND user_id = ?")) {
                ps.setLong(1, id);
                ps.setInt(2, BenchTopology.userOf(id));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("row " + id + " not found");
                    }
                    sink += rs.getBigDecimal(4).scale();
                }
            }
            ops++;
        }
        if (sink == 42) {
            System.out.print("");
        }
        return (System.nanoTime() - start) / (double) ops;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

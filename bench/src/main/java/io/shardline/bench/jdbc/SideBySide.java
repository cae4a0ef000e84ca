package io.shardline.bench.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shardline.jdbc.execute.ShardPools;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Issue #6: the same six workloads through raw HikariCP (shard computed by the harness, scatter reads merged by
 * hand), Shardline, and Apache ShardingSphere-JDBC 5.5.2 in its default setup and its best one
 * ({@code max-connections-size-per-query} raised), on one testkit topology (2 masters × 4 tables), in one run.
 * Contenders are interleaved: every round runs each (workload, threads) cell for every contender in turn, the
 * order rotating per round, so drift on a shared machine hits all of them alike. Latency is measured per
 * operation (borrow, prepare, execute, read, close), so p50/p99 include the pool.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.shardline.bench.jdbc.SideBySide --quick}
 * (or without {@code --quick} for the full run). Writes {@code bench/results/side-by-side.json} and
 * {@code .md}, and a PNG plot per thread count; {@code --out DIR} changes the directory.
 */
public final class SideBySide {

    enum Contender { RAW, SHARDLINE, SS_DEFAULT, SS_BEST }

    enum Workload { W1_POINT_SELECT, W2_INSERT, W3_UPDATE, W4_GROUP_BY, W5_ORDER_LIMIT_OFFSET, W6_WRITE_THEN_READ }

    private static final String SELECT = "SELECT order_id, user_id, status, amount FROM t_order WHERE order_id = ?"
            + " AND user_id = ?";
    private static final String INSERT = "INSERT INTO t_order (order_id, user_id, status, amount, created_at)"
            + " VALUES (?, ?, 'NEW', 1.50, '2025-01-01 00:00:00')";
    private static final String UPDATE = "UPDATE t_order SET amount = ? WHERE order_id = ? AND user_id = ?";
    private static final String GROUP_BY = "SELECT user_id, COUNT(*), SUM(amount), MAX(amount) FROM t_order"
            + " GROUP BY user_id ORDER BY user_id";
    private static final String PAGE = "SELECT order_id, user_id, amount, created_at FROM t_order"
            + " ORDER BY created_at, order_id LIMIT 20 OFFSET 100";

    private final BenchTopology bench;
    private final int rows;
    private final Map<Contender, DataSource> sources = new LinkedHashMap<>();
    private final List<HikariDataSource> ssPools = new ArrayList<>();
    private final AtomicLong nextId = new AtomicLong(100_000_000L);

    private SideBySide(int rows) throws SQLException {
        this.rows = rows;
        bench = new BenchTopology(4, rows); // creates the tables first: ShardingSphere reads their metadata
        sources.put(Contender.RAW, null);
        sources.put(Contender.SHARDLINE, bench.shardline);
        sources.put(Contender.SS_DEFAULT, shardingSphere("ss_default", 1));
        sources.put(Contender.SS_BEST, shardingSphere("ss_best", bench.tablesPerSource));
    }

    /**
     * Same sharding as Shardline's YAML in BenchTopology (user_id % 2 picks the master, order_id % 4 the table; MOD
     * is an auto-table algorithm in ShardingSphere, so both are INLINE here), on pools like the raw ones.
     */
    private DataSource shardingSphere(String name, int maxConnectionsPerQuery) throws SQLException {
        Map<String, DataSource> pools = new HashMap<>();
        for (int g = 0; g < 2; g++) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(ShardPools.withDefaults("jdbc:mysql://127.0.0.1:" + bench.topology.master(g).port() + "/"
                    + BenchTopology.DATABASE));
            config.setUsername("root");
            config.setPassword("");
            config.setMaximumPoolSize(BenchTopology.POOL);
            config.setPoolName(name + "-ds_" + g);
            HikariDataSource pool = new HikariDataSource(config);
            ssPools.add(pool);
            pools.put("ds_" + g, pool);
        }
        String yaml = """
                databaseName: %s
                rules:
                - !SHARDING
                  tables:
                    t_order:
                      actualDataNodes: ds_${0..1}.t_order_${0..%d}
                      databaseStrategy:
                        standard: {shardingColumn: user_id, shardingAlgorithmName: db_mod}
                      tableStrategy:
                        standard: {shardingColumn: order_id, shardingAlgorithmName: t_inline}
                  shardingAlgorithms:
                    db_mod: {type: INLINE, props: {algorithm-expression: "ds_${user_id %% 2}"}}
                    t_inline: {type: INLINE, props: {algorithm-expression: "t_order_${order_id %% %d}"}}
                props:
                  max-connections-size-per-query: %d
                """.formatted(name, bench.tablesPerSource - 1, bench.tablesPerSource, maxConnectionsPerQuery);
        try {
            return YamlShardingSphereDataSourceFactory.createDataSource(pools, yaml.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }

    // ---------------------------------------------------------------- workloads

    private long op(Contender who, Workload w) throws SQLException {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        switch (w) {
            case W1_POINT_SELECT:
                return select(who, 1 + rnd.nextInt(rows));
            case W2_INSERT:
                return insert(who, nextId.incrementAndGet());
            case W3_UPDATE:
                return update(who, 1 + rnd.nextInt(rows), rnd.nextInt(1000));
            case W4_GROUP_BY:
                return who == Contender.RAW ? rawGroupBy() : scatter(sources.get(who), GROUP_BY);
            case W5_ORDER_LIMIT_OFFSET:
                return who == Contender.RAW ? rawPage() : scatter(sources.get(who), PAGE);
            case W6_WRITE_THEN_READ: {
                long id = nextId.incrementAndGet();
                insert(who, id);
                return select(who, id);
            }
            default:
                throw new IllegalArgumentException(w.name());
        }
    }

    private Connection connect(Contender who, long id) throws SQLException {
        return who == Contender.RAW ? bench.raw[bench.source(id)].getConnection() : sources.get(who).getConnection();
    }

    private String table(Contender who, long id) {
        return who == Contender.RAW ? bench.table(id) : "t_order";
    }

    private long select(Contender who, long id) throws SQLException {
        try (Connection c = connect(who, id); PreparedStatement ps = c.prepareStatement(
                SELECT.replace("t_order", table(who, id)))) {
            ps.setLong(1, id);
            ps.setInt(2, BenchTopology.userOf(id));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException(who + ": row " + id + " not found");
                }
                BigDecimal amount = rs.getBigDecimal(4);
                return amount.longValue();
            }
        }
    }

    private long insert(Contender who, long id) throws SQLException {
        try (Connection c = connect(who, id); PreparedStatement ps = c.prepareStatement(
                INSERT.replace("t_order", table(who, id)))) {
            ps.setLong(1, id);
            ps.setInt(2, BenchTopology.userOf(id));
            return ps.executeUpdate();
        }
    }

    private long update(Contender who, long id, int cents) throws SQLException {
        try (Connection c = connect(who, id); PreparedStatement ps = c.prepareStatement(
                UPDATE.replace("t_order", table(who, id)))) {
            ps.setBigDecimal(1, BigDecimal.valueOf(cents, 2));
            ps.setLong(2, id);
            ps.setInt(3, BenchTopology.userOf(id));
            int n = ps.executeUpdate();
            if (n != 1) {
                throw new IllegalStateException(who + ": updated " + n + " rows for " + id);
            }
            return n;
        }
    }

    private static long scatter(DataSource ds, String sql) throws SQLException {
        long sum = 0;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sum += rs.getLong(1) + rs.getLong(2);
            }
        }
        return sum;
    }

    /** W4 by hand: every shard's groups, merged in a map (COUNT and SUM add, MAX keeps the larger). */
    private long rawGroupBy() throws SQLException {
        TreeMap<Integer, Object[]> groups = new TreeMap<>();
        for (int g = 0; g < 2; g++) {
            try (Connection c = bench.raw[g].getConnection()) {
                for (int t = 0; t < bench.tablesPerSource; t++) {
                    try (PreparedStatement ps = c.prepareStatement(GROUP_BY.replace("t_order", "t_order_" + t));
                            ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            int user = rs.getInt(1);
                            long count = rs.getLong(2);
                            BigDecimal sum = rs.getBigDecimal(3);
                            BigDecimal max = rs.getBigDecimal(4);
                            Object[] acc = groups.get(user);
                            if (acc == null) {
                                groups.put(user, new Object[] {count, sum, max});
                            } else {
                                acc[0] = (Long) acc[0] + count;
                                acc[1] = ((BigDecimal) acc[1]).add(sum);
                                acc[2] = ((BigDecimal) acc[2]).max(max);
                            }
                        }
                    }
                }
            }
        }
        long sum = 0;
        for (Map.Entry<Integer, Object[]> e : groups.entrySet()) {
            sum += e.getKey() + (Long) e.getValue()[0];
        }
        return sum;
    }

    /** W5 by hand: {@link BenchTopology#handMergedPage}. */
    private long rawPage() throws SQLException {
        long sum = 0;
        for (BenchTopology.PageRow row : bench.handMergedPage(100, 20)) {
            sum += row.orderId() + row.userId();
        }
        return sum;
    }

    // ---------------------------------------------------------------- measuring

    /** Latencies (ns) of one cell, accumulated over rounds. */
    private static final class Cell {
        long ops;
        long nanos;
        long errors;
        String firstError;
        final List<long[]> latencies = new ArrayList<>();
        final List<Integer> counts = new ArrayList<>();
    }

    private static final class Sample {
        long[] lat = new long[1 << 14];
        int n;
        long errors;
        String firstError;

        void add(long v) {
            if (n == lat.length) {
                lat = Arrays.copyOf(lat, n * 2);
            }
            lat[n++] = v;
        }
    }

    private void slice(ExecutorService pool, int threads, Contender who, Workload w, long nanos, Cell cell)
            throws Exception {
        long start = System.nanoTime();
        long end = start + nanos;
        List<Future<Sample>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                Sample s = new Sample();
                long now = System.nanoTime();
                while (now < end) {
                    try {
                        op(who, w);
                    } catch (Exception e) {
                        s.errors++;
                        if (s.firstError == null) {
                            s.firstError = e.toString();
                        }
                    }
                    long after = System.nanoTime();
                    s.add(after - now);
                    now = after;
                }
                return s;
            }));
        }
        for (Future<Sample> f : futures) {
            Sample s = f.get();
            cell.ops += s.n - s.errors;
            cell.errors += s.errors;
            if (cell.firstError == null) {
                cell.firstError = s.firstError;
            }
            cell.latencies.add(s.lat);
            cell.counts.add(s.n);
        }
        cell.nanos += System.nanoTime() - start;
    }

    private static long[] percentiles(Cell cell) {
        int total = 0;
        for (int n : cell.counts) {
            total += n;
        }
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < cell.latencies.size(); i++) {
            System.arraycopy(cell.latencies.get(i), 0, all, at, cell.counts.get(i));
            at += cell.counts.get(i);
        }
        Arrays.sort(all);
        if (total == 0) {
            return new long[] {0, 0};
        }
        return new long[] {all[(int) (total * 0.50)], all[Math.min(total - 1, (int) (total * 0.99))]};
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true"); // the PNG plot
        boolean quick = false;
        Path out = Path.of("bench", "results");
        int[] threadCounts = {1, 8};
        int rows = 100_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--threads" -> threadCounts = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --quick, --out DIR, --rows N, --threads 1,8)");
            }
        }
        int rounds = quick ? 2 : 5;
        long sliceNanos = (quick ? 1_500 : 4_000) * 1_000_000L;
        long warmupNanos = (quick ? 20 : 30) * 1_000_000_000L; // per contender, spread over the workloads
        int maxThreads = Arrays.stream(threadCounts).max().orElse(1);

        long t0 = System.nanoTime();
        log("starting topology (2 masters x 4 tables), loading " + rows + " rows");
        SideBySide run = new SideBySide(rows);
        ExecutorService pool = Executors.newFixedThreadPool(maxThreads);
        Map<String, Cell> cells = new LinkedHashMap<>();
        try {
            log(String.format(Locale.ROOT, "ready in %.1f s; warming every contender %d s (JIT)",
                    (System.nanoTime() - t0) / 1e9, warmupNanos / 1_000_000_000L));
            for (Contender who : Contender.values()) {
                for (Workload w : Workload.values()) {
                    Cell scratch = new Cell();
                    run.slice(pool, maxThreads, who, w, warmupNanos / Workload.values().length, scratch);
                    if (scratch.errors > 0) {
                        log("  warm-up " + who + " " + w + ": " + scratch.errors + " errors, first: " + scratch.firstError);
                    }
                }
            }
            Contender[] order = Contender.values();
            for (int round = 0; round < rounds; round++) {
                log("round " + (round + 1) + "/" + rounds);
                for (Workload w : Workload.values()) {
                    for (int threads : threadCounts) {
                        for (int k = 0; k < order.length; k++) {
                            Contender who = order[(k + round) % order.length];
                            Cell cell = cells.computeIfAbsent(key(w, threads, who), x -> new Cell());
                            run.slice(pool, threads, who, w, sliceNanos, cell);
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            run.close();
        }
        report(cells, threadCounts, out, quick, rows, rounds, sliceNanos, (System.nanoTime() - t0) / 1e9);
    }

    private static String key(Workload w, int threads, Contender who) {
        return w + "|" + threads + "|" + who;
    }

    private static void report(Map<String, Cell> cells, int[] threadCounts, Path out, boolean quick, int rows,
            int rounds, long sliceNanos, double seconds) throws IOException {
        StringBuilder md = new StringBuilder();
        StringBuilder json = new StringBuilder();
        String when = Instant.now().toString();
        md.append("# Side by side: raw HikariCP vs Shardline vs ShardingSphere-JDBC 5.5.2\n\n")
                .append("Generated ").append(when).append(" by `SideBySide").append(quick ? " --quick" : "")
                .append("`: MariaDB testkit topology, 2 masters × 4 tables, ").append(rows).append(" rows, ")
                .append(rounds).append(" interleaved rounds × ").append(sliceNanos / 1_000_000).append(" ms per cell, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs visible. ")
                .append("ss-default = max-connections-size-per-query 1, ss-best = 4.\n\n")
                .append("| workload | threads | contender | ops/s | p50 µs | p99 µs | errors |\n|---|---|---|---|---|---|---|\n");
        json.append("{\n  \"generated\": \"").append(when).append("\",\n  \"quick\": ").append(quick)
                .append(",\n  \"rows\": ").append(rows).append(",\n  \"rounds\": ").append(rounds)
                .append(",\n  \"sliceMillis\": ").append(sliceNanos / 1_000_000).append(",\n  \"cpus\": ")
                .append(Runtime.getRuntime().availableProcessors()).append(",\n  \"results\": [\n");
        Map<String, Double> opsPerSec = new HashMap<>();
        boolean first = true;
        for (Map.Entry<String, Cell> e : cells.entrySet()) {
            String[] k = e.getKey().split("\\|");
            Cell c = e.getValue();
            double ops = c.ops / (c.nanos / 1e9);
            opsPerSec.put(e.getKey(), ops);
            long[] p = percentiles(c);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.0f | %.0f | %d |%n", k[0], k[1],
                    k[2].toLowerCase(Locale.ROOT).replace('_', '-'), ops, p[0] / 1e3, p[1] / 1e3, c.errors));
            json.append(first ? "" : ",\n").append(String.format(Locale.ROOT,
                    "    {\"workload\": \"%s\", \"threads\": %s, \"contender\": \"%s\", \"opsPerSec\": %.1f,"
                            + " \"p50Micros\": %.1f, \"p99Micros\": %.1f, \"ops\": %d, \"errors\": %d%s}",
                    k[0], k[1], k[2], ops, p[0] / 1e3, p[1] / 1e3, c.ops, c.errors,
                    c.firstError == null ? "" : ", \"firstError\": \"" + c.firstError.replace("\\", "\\\\")
                            .replace("\"", "'") + "\""));
            first = false;
        }
        json.append("\n  ],\n  \"ratios\": [\n");
        md.append("\n## Ratios (ops/s)\n\n| workload | threads | Shardline/raw | Shardline/ss-default | Shardline/ss-best |\n"
                + "|---|---|---|---|---|\n");
        first = true;
        for (Workload w : Workload.values()) {
            for (int t : threadCounts) {
                double sl = opsPerSec.getOrDefault(key(w, t, Contender.SHARDLINE), 0.0);
                double raw = opsPerSec.getOrDefault(key(w, t, Contender.RAW), Double.NaN);
                double ssd = opsPerSec.getOrDefault(key(w, t, Contender.SS_DEFAULT), Double.NaN);
                double ssb = opsPerSec.getOrDefault(key(w, t, Contender.SS_BEST), Double.NaN);
                md.append(String.format(Locale.ROOT, "| %s | %d | %.2f× | %.2f× | %.2f× |%n", w, t, sl / raw, sl / ssd,
                        sl / ssb));
                json.append(first ? "" : ",\n").append(String.format(Locale.ROOT,
                        "    {\"workload\": \"%s\", \"threads\": %d, \"shardlineOverRaw\": %.3f,"
                                + " \"shardlineOverSsDefault\": %.3f, \"shardlineOverSsBest\": %.3f}",
                        w, t, sl / raw, sl / ssd, sl / ssb));
                first = false;
            }
        }
        json.append("\n  ]\n}\n");
        md.append(String.format(Locale.ROOT, "%nWhole run: %.0f s.%n", seconds));
        Files.createDirectories(out);
        String base = quick ? "side-by-side-quick" : "side-by-side";
        Files.writeString(out.resolve(base + ".json"), json.toString().replace("NaN", "null"));
        Files.writeString(out.resolve(base + ".md"), md.toString());
        for (int t : threadCounts) {
            plot(opsPerSec, t, out.resolve(base + "-" + t + "t.png"));
        }
        System.out.println();
        System.out.println(md);
        log("wrote " + out.resolve(base + ".json") + " and " + out.resolve(base + ".md"));
    }

    /** Bars of ops/s relative to raw (1.0), one group per workload: W4/W5 are 100× slower than W1, so absolutes hide. */
    private static void plot(Map<String, Double> opsPerSec, int threads, Path png) {
        try {
            CategoryChart chart = new CategoryChartBuilder().width(1000).height(500)
                    .title("ops/s relative to raw HikariCP, " + threads + " thread(s)").yAxisTitle("× raw").build();
            List<String> names = new ArrayList<>();
            for (Workload w : Workload.values()) {
                names.add(w.name().substring(0, 2));
            }
            for (Contender who : Contender.values()) {
                List<Double> ys = new ArrayList<>();
                for (Workload w : Workload.values()) {
                    double raw = opsPerSec.getOrDefault(key(w, threads, Contender.RAW), Double.NaN);
                    ys.add(opsPerSec.getOrDefault(key(w, threads, who), Double.NaN) / raw);
                }
                chart.addSeries(who.name().toLowerCase(Locale.ROOT).replace('_', '-'), names, ys);
            }
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (Exception | LinkageError e) {
            log("no plot " + png + ": " + e);
        }
    }

    private void close() {
        for (Map.Entry<Contender, DataSource> e : sources.entrySet()) {
            if (e.getKey() != Contender.RAW && e.getKey() != Contender.SHARDLINE && e.getValue() instanceof AutoCloseable a) {
                try {
                    a.close();
                } catch (Exception ignored) {
                    // closing anyway
                }
            }
        }
        for (HikariDataSource p : ssPools) {
            p.close();
        }
        bench.close();
    }

    private static void log(String line) {
        System.out.println(Instant.now() + " " + line);
    }
}

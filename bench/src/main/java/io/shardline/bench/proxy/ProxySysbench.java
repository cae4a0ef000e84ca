package io.shardline.bench.proxy;

import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.config.ShardlineConfig;
import io.shardline.proxy.ProxyConfig;
import io.shardline.proxy.ProxyServer;
import io.shardline.testkit.MariaDbNode;
import io.shardline.testkit.Topology;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sysbench through the Shardline proxy vs straight to MariaDB, in one run with the same threads: a real 2-master
 * testkit topology; {@code sbtest1} sharded by {@code id} MOD 2 behind the proxy, and the same rows unsharded in a
 * database of their own on master 0 for the direct runs. Two proxies share one Shardline data source: one with the
 * default threading (every statement on a worker) and one with {@code inlineReads} (lock-free reads on the network
 * threads). The runs alternate (direct, relay, proxy, proxy-inline, direct, ...) so that drift of this shared machine hits
 * every side alike; the report gives each run's TPS and p95 and the ratios of the medians.
 *
 * <p>The shard URLs carry {@code useServerPrepStmts=true} (override with {@code --shard-url-options}): sysbench
 * straight to MariaDB uses server-side prepared statements, so the proxy's side does too. The proxy is warmed for
 * {@code --warmup} seconds first: on two busy cores C2 needs about a minute of this load to finish compiling.
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar io.shardline.bench.proxy.ProxySysbench --threads 8 --time 15 --rounds 3
 * </pre>
 *
 * <p>A fourth contender, {@code relay}, is a zero-work byte relay ({@link ByteRelay}) in front of the direct server:
 * what any proxy on this machine costs before it does any work. Its TPS is the ceiling for the proxy's.
 *
 * Options: {@code --test oltp_point_select|oltp_read_only}, {@code --rows N}, {@code --io-threads N} (network
 * threads of the inline proxy and of the relay; default the sysbench threads), {@code --warmup SECONDS},
 * {@code --hold} (keep the topology, the proxies and the relay up and print how to connect, until Ctrl-C),
 * {@code --out FILE} (markdown report).
 */
public final class ProxySysbench {

    private static final String SHARDS = "sbshard";
    private static final String DIRECT = "sbdirect";
    private static final Pattern TPS = Pattern.compile("transactions:\\s+\\d+\\s+\\(([\\d.]+) per sec");
    private static final Pattern QPS = Pattern.compile("queries:\\s+\\d+\\s+\\(([\\d.]+) per sec");
    private static final Pattern P95 = Pattern.compile("95th percentile:\\s+([\\d.]+)");
    private static final Pattern ERRORS = Pattern.compile("ignored errors:\\s+(\\d+)");

    private ProxySysbench() {
    }

    record Result(String target, int round, double tps, double qps, double p95Ms, long errors) {
    }

    public static void main(String[] args) throws Exception {
        int threads = 8;
        int seconds = 15;
        int rounds = 3;
        int rows = 100_000;
        int warmup = 60;
        int ioThreads = -1;
        String shardUrlOptions = "useServerPrepStmts=true";
        boolean hold = false;
        String test = "oltp_point_select";
        Path out = Path.of("bench/results/proxy-sysbench.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--time" -> seconds = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--io-threads" -> ioThreads = Integer.parseInt(args[++i]);
                case "--shard-url-options" -> shardUrlOptions = args[++i];
                case "--test" -> test = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--hold" -> hold = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--threads --time "
                        + "--rounds --rows --warmup --io-threads --shard-url-options --test --out --hold)");
            }
        }
        if (!Files.isExecutable(Path.of("/usr/bin/sysbench")) && !hold) {
            throw new IllegalStateException("sysbench is not installed (apt-get install -y sysbench)");
        }
        try (Topology topology = Topology.start(2, 0)) {
            load(topology, rows);
            String yaml = """
                    dataSources:
                      ds_0: {master: {url: "jdbc:mysql://127.0.0.1:%d/%s%s", username: root}, pool: {maximumPoolSize: %d}}
                      ds_1: {master: {url: "jdbc:mysql://127.0.0.1:%d/%s%s", username: root}, pool: {maximumPoolSize: %d}}
                    rules:
                      tables:
                        sbtest1:
                          dataNodes: ds_${0..1}.sbtest1
                          databaseStrategy: {column: id, algorithm: by_id}
                      algorithms:
                        by_id: {type: MOD, props: {shardingCount: 2}}
                    """.formatted(topology.master(0).port(), SHARDS, query(shardUrlOptions), 2 * threads + 4,
                    topology.master(1).port(), SHARDS, query(shardUrlOptions), 2 * threads + 4);
            ProxyConfig pooled = ProxyConfig.of(Map.of("app", "secret"), "shardline");
            ProxyConfig inline = pooled.withExecution(ioThreads > 0 ? ioThreads : threads, true);
            try (ShardlineDataSource ds = ShardlineDataSource.builder()
                            .config(ShardlineConfig.parse(yaml, "proxy-sysbench")).build();
                    ProxyServer proxy = ProxyServer.start(ds, pooled, new InetSocketAddress("127.0.0.1", 0));
                    ProxyServer inlineProxy = ProxyServer.start(ds, inline, new InetSocketAddress("127.0.0.1", 0));
                    ByteRelay relay = ByteRelay.start(inline.ioThreads(), topology.master(0).port())) {
                MariaDbNode m0 = topology.master(0);
                if (hold) {
                    System.out.printf("proxy:  mariadb -h127.0.0.1 -P%d -uapp -psecret shardline%n", proxy.port());
                    System.out.printf("inline: mariadb -h127.0.0.1 -P%d -uapp -psecret shardline%n",
                            inlineProxy.port());
                    System.out.printf("direct: mariadb -h127.0.0.1 -P%d -uroot %s%n", m0.port(), DIRECT);
                    System.out.printf("relay:  mariadb -h127.0.0.1 -P%d -uroot %s%n", relay.port(), DIRECT);
                    Thread.sleep(Long.MAX_VALUE);
                }
                List<String> proxyArgs = List.of("--mysql-port=" + proxy.port(), "--mysql-user=app",
                        "--mysql-password=secret", "--mysql-db=shardline");
                List<String> inlineArgs = List.of("--mysql-port=" + inlineProxy.port(), "--mysql-user=app",
                        "--mysql-password=secret", "--mysql-db=shardline");
                List<String> directArgs = List.of("--mysql-port=" + m0.port(), "--mysql-user=root",
                        "--mysql-password=", "--mysql-db=" + DIRECT);
                List<String> relayArgs = List.of("--mysql-port=" + relay.port(), "--mysql-user=root",
                        "--mysql-password=", "--mysql-db=" + DIRECT);
                // Warm-up: the proxy's JIT (C2 needs about a minute of this load on two busy cores), pools, both
                // servers' buffer pools. Both proxies run the same code: alternate them.
                for (int w = 0; w < Math.max(2, warmup / 10); w++) {
                    sysbench(test, w % 2 == 0 ? proxyArgs : inlineArgs, threads, Math.max(5, warmup / 6), rows);
                }
                sysbench(test, directArgs, threads, Math.max(3, seconds / 3), rows);
                sysbench(test, relayArgs, threads, Math.max(3, seconds / 3), rows);
                List<String> targets = List.of("direct", "relay", "proxy", "proxy-inline");
                Map<String, List<String>> argsOf = Map.of("direct", directArgs, "relay", relayArgs, "proxy", proxyArgs,
                        "proxy-inline", inlineArgs);
                List<Result> results = new ArrayList<>();
                for (int r = 1; r <= rounds; r++) {
                    for (String target : targets) {
                        results.add(parse(target, r, sysbench(test, argsOf.get(target), threads, seconds, rows)));
                    }
                }
                String report = report(test, threads, seconds, rows, results, targets, shardUrlOptions,
                        inline.ioThreads());
                System.out.println(report);
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, report, StandardCharsets.UTF_8);
            }
        }
    }

    private static void load(Topology topology, int rows) throws SQLException {
        topology.createDatabase(SHARDS);
        topology.createDatabase(DIRECT);
        String ddl = "CREATE TABLE sbtest1 (id INT NOT NULL, k INT NOT NULL DEFAULT 0, c CHAR(120) NOT NULL DEFAULT '',"
                + " pad CHAR(60) NOT NULL DEFAULT '', PRIMARY KEY (id), KEY k_1 (k))";
        for (int g = 0; g < 2; g++) {
            try (Connection c = topology.master(g).connect(SHARDS); Statement s = c.createStatement()) {
                s.execute(ddl);
                insert(s, rows, g);
            }
        }
        try (Connection c = topology.master(0).connect(DIRECT); Statement s = c.createStatement()) {
            s.execute(ddl);
            insert(s, rows, -1);
        }
    }

    /** Rows 1..rows (only those with {@code id % 2 == shard}, or all for -1), values shaped like sysbench's. */
    private static void insert(Statement s, int rows, int shard) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (int id = 1; id <= rows; id++) {
            if (shard >= 0 && id % 2 != shard) {
                continue;
            }
            sql.append(sql.length() == 0 ? "INSERT INTO sbtest1 (id, k, c, pad) VALUES " : ",");
            sql.append('(').append(id).append(',').append((id * 7919L) % rows + 1).append(",'")
                    .append(String.format(Locale.ROOT, "%011d-%011d-%011d-%011d-%011d", id, id * 3L, id * 7L,
                            id * 11L, id * 13L))
                    .append("','").append(String.format(Locale.ROOT, "%011d-%011d", id * 17L, id * 19L)).append("')");
            if (sql.length() > 500_000) {
                s.execute(sql.toString());
                sql.setLength(0);
            }
        }
        if (sql.length() > 0) {
            s.execute(sql.toString());
        }
    }

    private static String sysbench(String test, List<String> target, int threads, int seconds, int rows)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sysbench", test, "--db-driver=mysql", "--mysql-host=127.0.0.1",
                "--tables=1", "--table-size=" + rows, "--threads=" + threads, "--time=" + seconds,
                "--report-interval=0", "--percentile=95"));
        command.addAll(target);
        command.add("run");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("sysbench failed: " + String.join(" ", command) + "\n" + output);
        }
        return output;
    }

    private static Result parse(String target, int round, String output) {
        return new Result(target, round, number(TPS, output), number(QPS, output), number(P95, output),
                (long) number(ERRORS, output));
    }

    private static double number(Pattern p, String output) {
        Matcher m = p.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no " + p.pattern() + " in sysbench output:\n" + output);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String query(String options) {
        return options.isEmpty() ? "" : "?" + options;
    }

    private static String report(String test, int threads, int seconds, int rows, List<Result> results,
            List<String> targets, String shardUrlOptions, int ioThreads) {
        StringBuilder md = new StringBuilder();
        md.append("# sysbench ").append(test).append(": Shardline proxy vs direct MariaDB\n\n");
        md.append("threads ").append(threads).append(", ").append(seconds).append(" s per run, ").append(rows)
                .append(" rows; proxy: 2 shards (id MOD 2) on a 2-master testkit topology; direct: the same rows"
                        + " unsharded on master 0. Runs alternate; same machine, same run. `relay`: a zero-work Netty"
                        + " byte relay in front of the direct server (`ByteRelay`), the ceiling for any proxy on this"
                        + " machine. `proxy`: default threading (statements on workers); `proxy-inline`:"
                        + " `inlineReads: true`, `ioThreads: ").append(ioThreads).append("`")
                .append(". Shard URL options: `").append(shardUrlOptions).append("`. ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs shared by sysbench, the proxy and"
                        + " the servers.\n\n");
        md.append("| round | target | TPS | QPS | p95 ms | errors |\n|---:|---|---:|---:|---:|---:|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f | %.2f | %d |%n", r.round(), r.target(),
                    r.tps(), r.qps(), r.p95Ms(), r.errors()));
        }
        double direct = median(results, "direct", true);
        double relay = median(results, "relay", true);
        md.append(String.format(Locale.ROOT, "%n| target | median TPS | ratio to direct | ratio to relay |"
                + " median p95 ms |%n|---|---:|---:|---:|---:|%n"));
        for (String target : targets) {
            double tps = median(results, target, true);
            md.append(String.format(Locale.ROOT, "| %s | %.1f | **%.2f** | %.2f | %.2f |%n", target, tps,
                    tps / direct, tps / relay, median(results, target, false)));
        }
        return md.toString();
    }

    private static double median(List<Result> results, String target, boolean tps) {
        double[] v = results.stream().filter(r -> r.target().equals(target))
                .mapToDouble(r -> tps ? r.tps() : r.p95Ms()).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}

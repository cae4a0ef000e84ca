package io.shardline.bench.tx;

import io.shardline.consistency.tx.CommitObserver;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.config.ShardlineConfig;
import io.shardline.testkit.Topology;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/**
 * The inconsistency window of a transfer across two data sources — from the moment the first branch's commit is
 * visible to the moment the last one's is — with delayed commit versus committing each branch right after it
 * executed, in the same run, interleaved, through the same Shardline DataSource on two real MariaDB masters.
 *
 * <p>A transfer debits user A (ds_0) and credits user B (ds_1), and writes an order (A's shard) and a ledger row (B's
 * shard). Delayed: one transaction, the four statements, commit (the coordinator commits ds_1 then ds_0; the window
 * is measured by a {@link CommitObserver} from the end of the first branch commit to the end of the last). Per
 * branch: the same statements as two local transactions, A's (debit, order) committed, then B's (credit, ledger)
 * committed; the window runs from the end of the first commit to the end of the second. {@code --think-ms} adds a
 * pause after each statement, standing in for the application work between them (it widens the per-branch window
 * only; that is the point of delayed commit).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.shardline.bench.tx.InconsistencyWindow [--transfers N]
 * [--think-ms M]}; writes {@code bench/results/tx-inconsistency-window.md}.
 */
public final class InconsistencyWindow {

    private static long firstCommitEnd;
    private static long delayedWindow;

    private InconsistencyWindow() {
    }

    public static void main(String[] args) throws Exception {
        int transfers = intArg(args, "--transfers", 2000);
        int[] thinks = args.length > 0 && Arrays.asList(args).contains("--think-ms")
                ? new int[] {intArg(args, "--think-ms", 0)} : new int[] {0, 2};
        StringBuilder report = new StringBuilder("| think time per statement | transfers | delayed commit p50 / p99 µs"
                + " | commit per branch p50 / p99 µs | ratio of p50 |\n|---|---|---|---|---|\n");
        Path logs = Files.createTempDirectory("shardline-window-txlog");
        try (Topology topology = Topology.start(2, 0)) {
            topology.createDatabase("bench");
            for (int g = 0; g < 2; g++) {
                try (Connection c = topology.master(g).connect("bench"); Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE t_account (user_id BIGINT PRIMARY KEY, balance DECIMAL(14,2) NOT NULL)");
                    s.execute("CREATE TABLE t_order (order_id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, "
                            + "amount DECIMAL(12,2) NOT NULL)");
                    s.execute("CREATE TABLE t_ledger (entry_id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, "
                            + "amount DECIMAL(12,2) NOT NULL)");
                    s.execute("INSERT INTO t_account VALUES (" + g + ", 1000000)");
                }
            }
            String yaml = """
                    dataSources:
                      ds_0: {master: {url: "jdbc:mysql://127.0.0.1:%d/bench", username: root}}
                      ds_1: {master: {url: "jdbc:mysql://127.0.0.1:%d/bench", username: root}}
                    rules:
                      tables:
                        t_account: {dataNodes: "ds_${0..1}.t_account", databaseStrategy: {column: user_id, algorithm: m}}
                        t_order: {dataNodes: "ds_${0..1}.t_order", databaseStrategy: {column: user_id, algorithm: m}}
                        t_ledger: {dataNodes: "ds_${0..1}.t_ledger", databaseStrategy: {column: user_id, algorithm: m}}
                      algorithms:
                        m: {type: MOD, props: {shardingCount: 2}}
                    transactions:
                      mode: DELAYED
                      log: {directory: "%s"}
                    """.formatted(topology.master(0).port(), topology.master(1).port(), logs);
            CommitObserver window = new CommitObserver() {
                @Override
                public void afterBranchCommit(String xid, String dataSource, int index, int count) {
                    long now = System.nanoTime();
                    if (index == 0) {
                        firstCommitEnd = now;
                    }
                    if (index == count - 1) {
                        delayedWindow = now - firstCommitEnd;
                    }
                }
            };
            try (ShardlineDataSource ds = ShardlineDataSource.builder()
                    .config(ShardlineConfig.parse(yaml, "inconsistency-window")).commitObserver(window).build();
                    Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                long id = 0;
                for (int think : thinks) {
                    // warm-up
                    for (int i = 0; i < 200; i++) {
                        delayed(c, ++id, think);
                        perBranch(c, ++id, think);
                    }
                    long[] delayedUs = new long[transfers];
                    long[] perBranchUs = new long[transfers];
                    for (int i = 0; i < transfers; i++) {
                        delayedUs[i] = delayed(c, ++id, think) / 1000;
                        perBranchUs[i] = perBranch(c, ++id, think) / 1000;
                    }
                    Arrays.sort(delayedUs);
                    Arrays.sort(perBranchUs);
                    long d50 = delayedUs[transfers / 2];
                    long p50 = perBranchUs[transfers / 2];
                    report.append(String.format(Locale.ROOT, "| %d ms | %d | %d / %d | %d / %d | %.1f× shorter |%n",
                            think, transfers, d50, delayedUs[transfers * 99 / 100], p50,
                            perBranchUs[transfers * 99 / 100], (double) p50 / Math.max(1, d50)));
                }
            }
        }
        System.out.println();
        System.out.print(report);
        write(report.toString());
    }

    /** One transaction, commit at the end; returns the window the observer measured. */
    private static long delayed(Connection c, long id, int think) throws SQLException, InterruptedException {
        update(c, 0, "-1.00", think);
        update(c, 1, "1.00", think);
        insert(c, "t_order", "order_id", id, 0, think);
        insert(c, "t_ledger", "entry_id", id, 1, think);
        c.commit();
        return delayedWindow;
    }

    /** A's statements and commit, then B's statements and commit; returns end of A's commit → end of B's. */
    private static long perBranch(Connection c, long id, int think) throws SQLException, InterruptedException {
        update(c, 0, "-1.00", think);
        insert(c, "t_order", "order_id", id, 0, think);
        c.commit();
        long first = System.nanoTime();
        update(c, 1, "1.00", think);
        insert(c, "t_ledger", "entry_id", id, 1, think);
        c.commit();
        return System.nanoTime() - first;
    }

    private static void update(Connection c, long user, String delta, int think)
            throws SQLException, InterruptedException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE t_account SET balance = balance + ? WHERE user_id = ?")) {
            ps.setBigDecimal(1, new BigDecimal(delta));
            ps.setLong(2, user);
            ps.executeUpdate();
        }
        think(think);
    }

    private static void insert(Connection c, String table, String key, long id, long user, int think)
            throws SQLException, InterruptedException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + key
                + ", user_id, amount) VALUES (?, ?, 1.00)")) {
            ps.setLong(1, id);
            ps.setLong(2, user);
            ps.executeUpdate();
        }
        think(think);
    }

    private static void think(int ms) throws InterruptedException {
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    private static int intArg(String[] args, String name, int absent) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return absent;
    }

    private static void write(String table) throws IOException {
        Path dir = Path.of("bench", "results");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("results");
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("tx-inconsistency-window.md");
        Files.writeString(file, "# Inconsistency window: delayed commit vs commit per branch\n\n"
                + "`java -cp bench/target/benchmarks.jar io.shardline.bench.tx.InconsistencyWindow`\n\n" + table);
        System.out.println("written to " + file.toAbsolutePath());
    }
}

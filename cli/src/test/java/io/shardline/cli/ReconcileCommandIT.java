package io.shardline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.testkit.MariaDbNode;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code shardline reconcile} end to end: a YAML file, two masters, divergence made behind Shardline's back. */
@TestTopology(groups = 2, replicas = 0)
class ReconcileCommandIT {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = ShardlineCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static void sql(TestDatabase db, int group, String... statements) throws SQLException {
        try (Connection c = db.connectMaster(group); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    /** order_id → "user,driver,amount@shard" for one table over both shards. */
    private static TreeMap<Long, String> rows(TestDatabase db, String table) throws SQLException {
        TreeMap<Long, String> out = new TreeMap<>();
        for (int g = 0; g < 2; g++) {
            try (Connection c = db.connectMaster(g); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT order_id, user_id, driver_id, amount FROM " + table)) {
                while (rs.next()) {
                    String v = rs.getLong(2) + "," + rs.getLong(3) + "," + rs.getBigDecimal(4);
                    out.put(out.containsKey(rs.getLong(1)) ? -rs.getLong(1) : rs.getLong(1),
                            table.equals("t_order") ? v : v + "@" + g);
                }
            }
        }
        return out;
    }

    @Test
    void reportsThenRepairsFromTheCommandLine(TestDatabase db, @TempDir Path dir) throws Exception {
        for (int g = 0; g < 2; g++) {
            for (String t : new String[] {"t_order", "t_order_by_driver"}) {
                sql(db, g, "CREATE TABLE " + t + " (order_id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, driver_id "
                        + "BIGINT, amount DECIMAL(10,2) NOT NULL)");
            }
        }
        // 30 orders written straight to the source shards (an existing table before the copy was declared):
        // every copy row is MISSING at first.
        for (long i = 1; i <= 30; i++) {
            sql(db, (int) ((100 + i) % 2), "INSERT INTO t_order VALUES (" + i + ", " + (100 + i) + ", " + (7 + i % 4)
                    + ", " + i + ".5)");
        }
        StringBuilder yaml = new StringBuilder("dataSources:\n");
        for (int g = 0; g < 2; g++) {
            yaml.append("  ds_").append(g).append(": {master: {url: \"").append(db.jdbcUrl(db.topology().master(g)))
                    .append("\", username: ").append(MariaDbNode.USER).append("}}\n");
        }
        yaml.append("""
                rules:
                  tables:
                    t_order: {dataNodes: "ds_${0..1}.t_order", databaseStrategy: {column: user_id, algorithm: m}}
                    t_order_by_driver:
                      dataNodes: ds_${0..1}.t_order_by_driver
                      databaseStrategy: {column: driver_id, algorithm: m}
                  algorithms:
                    m: {type: MOD, props: {shardingCount: 2}}
                redundancy:
                  tables:
                    t_order_by_driver: {source: t_order, key: order_id, columns: all}
                  reconcile: {chunkSize: 8}
                """);
        Path config = dir.resolve("shardline.yaml");
        Files.writeString(config, yaml);
        String[] base = {"reconcile", "--config", config.toString(), "--table", "t_order_by_driver",
                "--checkpoint-dir", dir.resolve("cp").toString()};

        Run report = run(concat(base, "--mode", "full", "--report-only"));
        assertThat(report.exit()).as(report.err()).isEqualTo(1);
        assertThat(report.out()).contains("] 100% 30/30 rows").contains("ETA")
                .contains("MISSING 30, ORPHAN 0, MISMATCH 0, repaired 0 (REPORT_ONLY)");
        assertThat(rows(db, "t_order_by_driver")).isEmpty();

        Run baseline = run(concat(base, "--mode", "incremental"));
        assertThat(baseline.exit()).as(baseline.err()).isZero();

        Run repair = run(concat(base, "--mode", "full"));
        assertThat(repair.exit()).as(repair.err()).isZero();
        assertThat(repair.out()).contains("MISSING 30, ORPHAN 0, MISMATCH 0, repaired 30 (SOURCE_WINS)");
        assertThat(rows(db, "t_order_by_driver")).hasSize(30);

        // A bypassing write to a copy row; the incremental run finds it in the binlog and repairs it.
        sql(db, 1, "UPDATE t_order_by_driver SET amount = 0 WHERE order_id = 2"); // driver 9: ds_1
        Run incremental = run(concat(base, "--mode", "incremental"));
        assertThat(incremental.exit()).as(incremental.err()).isZero();
        assertThat(incremental.out()).contains("MISMATCH 1").contains("key=2 (amount: source 2.50, copy 0.00)");

        TreeMap<Long, String> expected = new TreeMap<>();
        rows(db, "t_order").forEach((k, v) -> expected.put(k, v + "@" + (Long.parseLong(v.split(",")[1]) % 2)));
        assertThat(rows(db, "t_order_by_driver")).isEqualTo(expected);

        Run clean = run(concat(base, "--mode", "full"));
        assertThat(clean.exit()).isZero();
        assertThat(clean.out()).contains("checked 30, MISSING 0, ORPHAN 0, MISMATCH 0");
        Run wrongTable = run("reconcile", "--config", config.toString(), "--table", "t_nope");
        assertThat(wrongTable.exit()).isEqualTo(2);
        assertThat(wrongTable.err()).contains("'t_nope' is not a redundant copy");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

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
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A measurement, not a pass/fail test (run it on purpose): {@code shardline reconcile --mode full --report-only} over
 * {@code -Dshardline.measure.rows} (default 1,000,000) source rows on two masters, with 100 copy rows deleted behind
 * Shardline's back. Prints the command's output (progress line, report) and the rate.
 *
 * <pre>mvn -B -q -pl cli -am verify -Dit.test=FullScanMeasureIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 *     -Dshardline.measure=true</pre>
 */
@EnabledIfSystemProperty(named = "shardline.measure", matches = "true")
@TestTopology(groups = 2, replicas = 0)
class FullScanMeasureIT {

    @Test
    void fullScanRate(TestDatabase db, @TempDir Path dir) throws Exception {
        long n = Long.getLong("shardline.measure.rows", 1_000_000);
        for (int g = 0; g < 2; g++) {
            try (Connection c = db.connectMaster(g); Statement s = c.createStatement()) {
                for (String t : new String[] {"t_order", "t_order_by_driver"}) {
                    s.execute("CREATE TABLE " + t + " (order_id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, "
                            + "driver_id BIGINT, amount DECIMAL(10,2) NOT NULL)");
                }
                // user_id = order_id, driver_id = order_id div 2: shard g holds source rows with odd/even id and
                // copy rows with odd/even driver.
                s.execute("INSERT INTO t_order SELECT seq, seq, seq DIV 2, seq % 1000 FROM seq_1_to_" + n
                        + " WHERE seq % 2 = " + g);
                s.execute("INSERT INTO t_order_by_driver SELECT seq, seq, seq DIV 2, seq % 1000 FROM seq_1_to_" + n
                        + " WHERE (seq DIV 2) % 2 = " + g + " AND seq % " + (n / 100) + " <> 7");
            }
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
                  reconcile: {chunkSize: 5000}
                """);
        Path config = dir.resolve("shardline.yaml");
        Files.writeString(config, yaml);
        CommandLine cl = ShardlineCommand.commandLine();
        StringWriter out = new StringWriter();
        PrintWriter tee = new PrintWriter(new java.io.Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) {
                out.write(cbuf, off, len);
                System.out.print(new String(cbuf, off, len));
            }

            @Override
            public void flush() {
                System.out.flush();
            }

            @Override
            public void close() {
            }
        });
        cl.setOut(tee);
        long start = System.nanoTime();
        int exit = cl.execute("reconcile", "--config", config.toString(), "--table", "t_order_by_driver", "--mode",
                "full", "--report-only", "--checkpoint-dir", dir.resolve("cp").toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%nfull scan of %d rows: %.1f s, %.0f rows/s%n", n, seconds, n / seconds);
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("MISSING 100");
    }
}

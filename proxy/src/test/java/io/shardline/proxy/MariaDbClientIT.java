package io.shardline.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code mariadb} command-line client in batch mode against the proxy. */
@TestTopology(groups = 2, replicas = 0)
class MariaDbClientIT {

    private static final Path CLIENT = Path.of("/usr/bin/mariadb");
    private static ProxyFixture fixture;

    @BeforeAll
    static void start(TestDatabase db) throws Exception {
        fixture = ProxyFixture.start(db);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    record Run(int exit, String out, String err) {
    }

    private static Run mariadb(String password, String sql, String... options) throws IOException,
            InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(CLIENT), "the mariadb client is not installed at " + CLIENT);
        List<String> command = new ArrayList<>(List.of(CLIENT.toString(), "--batch", "--protocol=TCP",
                "--host=127.0.0.1", "--port=" + fixture.port(), "--user=" + ProxyFixture.USER,
                "--password=" + password, "--skip-ssl"));
        command.addAll(List.of(options));
        command.addAll(List.of(ProxyFixture.SCHEMA, "-e", sql));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("mariadb client did not finish: " + sql);
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void writesAndReadsShardedRowsThroughTheProxy() throws Exception {
        Run run = mariadb(ProxyFixture.PASSWORD, "DELETE FROM sbtest1 WHERE id IN (101, 102);"
                + "INSERT INTO sbtest1 (id, k, c, pad) VALUES (101, 1, 'one', 'p'), (102, 2, 'two', 'p');"
                + "SELECT id, k, c FROM sbtest1 WHERE id IN (101, 102) ORDER BY id;");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("id\tk\tc\n101\t1\tone\n102\t2\ttwo\n");
        // The rows landed on the shards MOD 2 chooses, seen directly on each master.
        try (Connection c0 = fixture.db.connectMaster(0); Connection c1 = fixture.db.connectMaster(1);
                Statement s0 = c0.createStatement(); Statement s1 = c1.createStatement();
                ResultSet r0 = s0.executeQuery("SELECT id FROM sbtest1 WHERE id IN (101, 102)");
                ResultSet r1 = s1.executeQuery("SELECT id FROM sbtest1 WHERE id IN (101, 102)")) {
            assertThat(r0.next()).isTrue();
            assertThat(r0.getInt(1)).isEqualTo(102);
            assertThat(r0.next()).isFalse();
            assertThat(r1.next()).isTrue();
            assertThat(r1.getInt(1)).isEqualTo(101);
            assertThat(r1.next()).isFalse();
        }
    }

    @Test
    void sessionStatementsAreAnswered() throws Exception {
        Run run = mariadb(ProxyFixture.PASSWORD, "SET NAMES utf8mb4; USE shardline; SHOW DATABASES; SHOW TABLES;"
                + "SELECT @@version LIKE '10.11%' AS mariadb;");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Database\nshardline\nTables_in_shardline\nsbtest1\nt_types\nmariadb\n1\n");
    }

    @Test
    void transactionRolledBackLeavesNoRow() throws Exception {
        Run run = mariadb(ProxyFixture.PASSWORD, "DELETE FROM sbtest1 WHERE id = 201; BEGIN;"
                + "INSERT INTO sbtest1 (id, k, c, pad) VALUES (201, 1, 'x', 'p');"
                + "SELECT COUNT(*) AS inside FROM sbtest1 WHERE id = 201; ROLLBACK;"
                + "SELECT COUNT(*) AS after_rollback FROM sbtest1 WHERE id = 201;");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("inside\n1\nafter_rollback\n0\n");
    }

    @Test
    void previewShowsTheRoute() throws Exception {
        Run run = mariadb(ProxyFixture.PASSWORD, "PREVIEW SELECT * FROM sbtest1 WHERE id = 7");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("route\n").contains("ds_1");
    }

    @Test
    void refusalsAndServerErrorsKeepTheirCodes() throws Exception {
        Run refused = mariadb(ProxyFixture.PASSWORD, "SET @x = 1");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("ERROR 9002 (0A000)").contains("user variables");
        Run server = mariadb(ProxyFixture.PASSWORD, "SELECT nope FROM t_types");
        assertThat(server.exit()).isNotZero();
        assertThat(server.err()).contains("ERROR 1054 (42S22)").contains("nope");
    }

    /** libmariadb's own caching_sha2_password plugin computes the token the proxy's fast path checks. */
    @Test
    void cachingSha2PasswordFromTheClientLibraryLogsIn() throws Exception {
        Run run = mariadb(ProxyFixture.PASSWORD, "SELECT 6 * 7", "--default-auth=caching_sha2_password");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("6 * 7\n42\n");
        Run wrong = mariadb("wrong", "SELECT 1", "--default-auth=caching_sha2_password");
        assertThat(wrong.err()).contains("ERROR 1045 (28000)");
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        Run run = mariadb("wrong", "SELECT 1");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("ERROR 1045 (28000)").contains("Access denied for user 'app'");
        assertThat(run.out()).isEmpty();
    }
}

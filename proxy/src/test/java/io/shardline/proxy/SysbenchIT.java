package io.shardline.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Debian's sysbench (libmariadb, server-side prepared statements) runs {@code oltp_point_select} and
 * {@code oltp_read_only} (point selects, ranges, SUM, ORDER BY, DISTINCT in BEGIN/COMMIT) against the proxy.
 * sysbench stops at the first error, so a clean exit with transactions counted means every statement was answered.
 * Skipped, saying so, where {@code sysbench} is not installed ({@code apt-get install -y sysbench}).
 */
@TestTopology(groups = 2, replicas = 0)
class SysbenchIT {

    static final Path SYSBENCH = Path.of("/usr/bin/sysbench");
    private static final int ROWS = 10_000;
    private static ProxyFixture fixture;

    @BeforeAll
    static void start(TestDatabase db) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SYSBENCH), "sysbench is not installed at " + SYSBENCH
                + " (apt-get install -y sysbench); skipping the sysbench runs");
        fixture = ProxyFixture.start(db);
        fixture.loadSbtest(ROWS);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"oltp_point_select", "oltp_read_only"})
    void runsCleanThroughTheProxy(String test) throws Exception {
        Process p = new ProcessBuilder(List.of(SYSBENCH.toString(), test, "--db-driver=mysql",
                "--mysql-host=127.0.0.1", "--mysql-port=" + fixture.port(), "--mysql-user=" + ProxyFixture.USER,
                "--mysql-password=" + ProxyFixture.PASSWORD, "--mysql-db=" + ProxyFixture.SCHEMA, "--tables=1",
                "--table-size=" + ROWS, "--threads=4", "--time=4", "--report-interval=0", "run"))
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(number(out, "transactions:\\s+(\\d+)")).as(out).isPositive();
        assertThat(number(out, "ignored errors:\\s+(\\d+)")).as(out).isZero();
        fixture.awaitNoActiveShardConnections();
    }

    private static long number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new AssertionError("no '" + regex + "' in sysbench output:\n" + out);
        }
        return Long.parseLong(m.group(1));
    }
}

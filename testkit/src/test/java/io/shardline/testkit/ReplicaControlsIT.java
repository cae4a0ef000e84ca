package io.shardline.testkit;

import static io.shardline.testkit.TopologyStartIT.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lag controls later issues rely on: a delayed or paused replica reads stale until it catches up. */
class ReplicaControlsIT {

    private static final String DB = "controls_it";
    private static Topology topology;
    private static MariaDbNode master;
    private static MariaDbNode replica;

    @BeforeAll
    static void start() throws SQLException {
        topology = Topology.start(1, 1);
        topology.createDatabase(DB);
        master = topology.master(0);
        replica = topology.replica(0, 0);
        write("CREATE TABLE kv (k INT PRIMARY KEY, v VARCHAR(20))");
        topology.waitForCatchUp();
    }

    @AfterAll
    static void stop() {
        if (topology != null) {
            topology.close();
        }
    }

    @Test
    void delayedReplicaReadsStaleUntilCaughtUp() throws SQLException {
        topology.delayReplica(replica, 2);
        try {
            assertThat(topology.replicationStatus(replica).delaySeconds()).isEqualTo(2);
            write("INSERT INTO kv VALUES (1, 'fresh')");
            assertThat(read("SELECT v FROM kv WHERE k = 1")).as("read from a replica delayed by 2 s").isEmpty();
            // Seconds_Behind_Master is no help here (it stays 0 under MASTER_DELAY); the GTID wait is.
            topology.waitForCatchUp(Duration.ofSeconds(30));
            assertThat(read("SELECT v FROM kv WHERE k = 1")).isEqualTo("fresh");
        } finally {
            topology.delayReplica(replica, 0);
        }
        assertThat(topology.replicationStatus(replica).delaySeconds()).isZero();
    }

    @Test
    void pausedReplicaReadsStaleAndCannotCatchUpUntilResumed() throws SQLException {
        topology.pauseReplica(replica);
        try {
            assertThat(topology.replicationStatus(replica).sqlRunning()).isFalse();
            assertThat(topology.replicationStatus(replica).ioRunning()).isTrue();
            write("INSERT INTO kv VALUES (2, 'held')");
            assertThat(read("SELECT v FROM kv WHERE k = 2")).as("read from a paused replica").isEmpty();
            assertThatThrownBy(() -> topology.waitForCatchUp(Duration.ofSeconds(5)))
                    .isInstanceOf(TopologyException.class)
                    .hasMessageContaining(replica.name())
                    .hasMessageContaining("SQL thread is stopped");
            assertThat(read("SELECT v FROM kv WHERE k = 2")).isEmpty();
        } finally {
            topology.resumeReplica(replica);
        }
        topology.waitForCatchUp();
        assertThat(read("SELECT v FROM kv WHERE k = 2")).isEqualTo("held");
    }

    @Test
    void controlsRefuseMasters() {
        assertThatThrownBy(() -> topology.pauseReplica(master))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("g0-master is a master");
    }

    private static void write(String sql) throws SQLException {
        try (Connection c = master.connect(DB); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String read(String sql) throws SQLException {
        return values(replica, DB, sql);
    }
}

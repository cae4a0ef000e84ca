package io.shardline.testkit;

import static io.shardline.testkit.TopologyStartIT.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;

/** SIGKILLed nodes come back on their port and datadir and replication resumes from the GTID position. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KillRestartIT {

    private static final String DB = "kill_it";
    private static Topology topology;

    @BeforeAll
    static void start() throws SQLException {
        topology = Topology.start(1, 1);
        topology.createDatabase(DB);
        write("CREATE TABLE events (id INT PRIMARY KEY)");
    }

    @AfterAll
    static void stop() {
        if (topology != null) {
            topology.close();
        }
    }

    @Test
    @Order(1)
    void killedReplicaRestartsAndCatchesUp() throws SQLException {
        MariaDbNode replica = topology.replica(0, 0);
        long pid = replica.pid().orElseThrow();
        int port = replica.port();

        topology.kill(replica);

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(replica.isRunning()).isFalse();
        assertThatThrownBy(topology::waitForCatchUp).hasMessageContaining(replica.name() + " is not running");
        for (int i = 1; i <= 50; i++) {
            write("INSERT INTO events VALUES (" + i + ")");
        }

        topology.restart(replica);
        topology.waitForCatchUp();

        assertThat(replica.pid().orElseThrow()).isNotEqualTo(pid);
        assertThat(replica.port()).isEqualTo(port);
        assertThat(values(replica, DB, "SELECT COUNT(*) FROM events")).isEqualTo("50");
    }

    @Test
    @Order(2)
    void killedMasterRestartsAndItsReplicaReconnects() throws SQLException {
        MariaDbNode master = topology.master(0);
        long pid = master.pid().orElseThrow();

        topology.kill(master);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        topology.restart(master);
        write("INSERT INTO events VALUES (1000)");
        topology.waitForCatchUp();

        assertThat(values(topology.replica(0, 0), DB, "SELECT MAX(id) FROM events")).isEqualTo("1000");
        assertThat(topology.replicationStatus(topology.replica(0, 0)).ioRunning()).isTrue();
    }

    private static void write(String sql) throws SQLException {
        try (Connection c = topology.master(0).connect(DB); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

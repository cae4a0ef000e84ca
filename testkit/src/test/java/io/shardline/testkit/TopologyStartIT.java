package io.shardline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.protocol.ServerSessionStateController;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A 2x1 topology starts with the settings every later feature relies on, and replicates per group. */
class TopologyStartIT {

    private static Topology topology;

    @BeforeAll
    static void start() {
        topology = Topology.start(2, 1);
        System.out.printf("testkit: 2x1 topology started in %.2f s%n%s",
                topology.startupTime().toMillis() / 1000.0, topology.describe());
        topology.createDatabase("start_it");
    }

    @AfterAll
    static void stop() {
        if (topology != null) {
            topology.close();
        }
    }

    @Test
    void everyNodeRunsWithReplicationSettings() throws SQLException {
        assertThat(topology.nodes()).extracting(MariaDbNode::name)
                .containsExactly("g0-master", "g0-replica0", "g1-master", "g1-replica0");
        for (MariaDbNode node : topology.nodes()) {
            try (Connection c = node.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT @@server_id, @@gtid_domain_id, @@log_bin, @@binlog_format,"
                            + " @@binlog_row_metadata, @@log_slave_updates, @@session_track_system_variables,"
                            + " @@read_only, @@port, @@character_set_server")) {
                rs.next();
                assertThat(rs.getInt(1)).as("server_id of %s", node.name()).isEqualTo(node.serverId());
                assertThat(rs.getInt(2)).as("gtid_domain_id of %s", node.name()).isEqualTo(node.group() + 1);
                assertThat(rs.getInt(3)).as("log_bin of %s", node.name()).isEqualTo(1);
                assertThat(rs.getString(4)).isEqualTo("ROW");
                assertThat(rs.getString(5)).isEqualTo("FULL");
                assertThat(rs.getInt(6)).isEqualTo(1);
                assertThat(rs.getString(7)).contains("last_gtid");
                assertThat(rs.getInt(8)).as("read_only of %s", node.name()).isEqualTo(node.isMaster() ? 0 : 1);
                assertThat(rs.getInt(9)).isEqualTo(node.port());
                assertThat(rs.getString(10)).isEqualTo("utf8mb4");
            }
        }
        assertThat(topology.nodes()).allSatisfy(n -> assertThat(n.port()).isNotEqualTo(3306));
        assertThat(topology.master(0).gtidDomainId()).isNotEqualTo(topology.master(1).gtidDomainId());
    }

    @Test
    void rowsReplicateWithinTheirGroupOnly() throws SQLException {
        for (int g = 0; g < 2; g++) {
            try (Connection c = topology.master(g).connect("start_it"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS t (id INT PRIMARY KEY, who VARCHAR(20))");
                s.execute("INSERT INTO t VALUES (" + (g + 1) + ", 'group" + g + "')");
            }
        }
        topology.waitForCatchUp();
        for (int g = 0; g < 2; g++) {
            assertThat(values(topology.replica(g, 0), "SELECT who FROM t ORDER BY id")).isEqualTo("group" + g);
        }
        // Each group's binlog carries only its own domain.
        assertThat(values(topology.replica(0, 0), "SELECT @@gtid_slave_pos")).startsWith("1-100-");
        assertThat(values(topology.replica(1, 0), "SELECT @@gtid_slave_pos")).startsWith("2-200-");
    }

    @Test
    void replicationCredentialsCanReadTheBinlog() throws SQLException {
        Topology.Credentials repl = topology.replicationCredentials();
        try (Connection c = java.sql.DriverManager.getConnection(topology.master(1).jdbcUrl(), repl.user(),
                repl.password()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW BINARY LOGS")) {
            assertThat(rs.next()).as("binlog files visible to the replication account").isTrue();
        }
    }

    @Test
    void commitGtidArrivesInTheOkPacket() throws SQLException {
        try (Connection c = topology.master(0).connect("start_it"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS g (id INT PRIMARY KEY)");
            c.setAutoCommit(false);
            s.execute("INSERT INTO g VALUES (7)");
            c.commit();
            Optional<String> tracked = trackedLastGtid(c);
            try (ResultSet rs = s.executeQuery("SELECT @@last_gtid")) {
                rs.next();
                String asked = rs.getString(1);
                assertThat(asked).startsWith("1-100-");
                assertThat(tracked).as("last_gtid from the COMMIT's OK packet").contains(asked);
            }
        }
    }

    private static Optional<String> trackedLastGtid(Connection c) throws SQLException {
        ServerSessionStateController.ServerSessionStateChanges changes = c.unwrap(JdbcConnection.class)
                .getServerSessionStateController().getSessionStateChanges();
        if (changes == null) {
            return Optional.empty();
        }
        for (ServerSessionStateController.SessionStateChange change : changes.getSessionStateChangesList()) {
            if (change.getType() == ServerSessionStateController.SESSION_TRACK_SYSTEM_VARIABLES
                    && "last_gtid".equals(change.getValues().get(0))) {
                return Optional.of(change.getValues().get(1));
            }
        }
        return Optional.empty();
    }

    static String values(MariaDbNode node, String sql) throws SQLException {
        return values(node, "start_it", sql);
    }

    static String values(MariaDbNode node, String database, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = node.connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                if (out.length() > 0) {
                    out.append(',');
                }
                out.append(rs.getString(1));
            }
        }
        return out.toString();
    }
}

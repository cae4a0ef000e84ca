package io.shardline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The JUnit extension: a shared topology per shape, a database per class, parameters resolved. */
@TestTopology(groups = 2, replicas = 1)
class TopologyExtensionIT {

    private static Topology outerTopology;
    private static TestDatabase outerDatabase;

    @BeforeAll
    static void remember(Topology topology, TestDatabase database) {
        outerTopology = topology;
        outerDatabase = database;
    }

    @Test
    void classGetsItsOwnDatabaseOnEveryNode(Topology topology, TestDatabase database) throws SQLException {
        assertThat(topology.groups()).isEqualTo(2);
        assertThat(topology.replicasPerGroup()).isEqualTo(1);
        assertThat(database.name()).startsWith("t_topologyextensionit_");
        try (Connection c = database.connectMaster(1); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE marker (id INT PRIMARY KEY)");
            s.execute("INSERT INTO marker VALUES (42)");
        }
        topology.waitForCatchUp();
        try (Connection c = database.connect(topology.replica(1, 0)); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM marker")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
        for (MariaDbNode node : topology.nodes()) {
            try (Connection c = node.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SHOW DATABASES LIKE '" + database.name() + "'")) {
                assertThat(rs.next()).as("database on %s", node.name()).isTrue();
            }
        }
    }

    @Nested
    class NestedClass {
        @Test
        void sharesTheTopologyButNotTheDatabase(Topology topology, TestDatabase database) {
            assertThat(topology).isSameAs(outerTopology);
            assertThat(database.name()).isNotEqualTo(outerDatabase.name()).startsWith("t_nestedclass_");
        }
    }
}

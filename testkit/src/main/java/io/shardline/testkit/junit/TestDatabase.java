package io.shardline.testkit.junit;

import io.shardline.testkit.MariaDbNode;
import io.shardline.testkit.Topology;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database a test class owns on every node of its topology (created on the masters, replicated to
 * the replicas).
 *
 * @param name     the database name, unique per test class
 * @param topology the topology it lives on
 */
public record TestDatabase(String name, Topology topology) {

    /** JDBC URL of this database on a node. */
    public String jdbcUrl(MariaDbNode node) {
        return node.jdbcUrl(name);
    }

    /** A connection to this database on a node. */
    public Connection connect(MariaDbNode node) throws SQLException {
        return node.connect(name);
    }

    /** A connection to this database on a group's master. */
    public Connection connectMaster(int group) throws SQLException {
        return connect(topology.master(group));
    }
}

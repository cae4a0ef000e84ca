package io.shardline.jdbc.ryw;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.consistency.ryw.ServerFlavor;
import io.shardline.jdbc.ShardlineConnection;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.config.ShardlineConfig;
import io.shardline.jdbc.execute.DataSourceGroup;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mysql.MySQLContainer;

/**
 * Read-your-writes on MySQL 8 (the MySQL flavour): a GTID master and a GTID replica in containers, the replica
 * delayed with {@code SOURCE_DELAY}. Proves on real servers what the unit tests prove on text: the flavour is
 * detected from the version string, the commit GTID arrives through {@code session_track_gtids=OWN_GTID}, replica
 * positions come from {@code @@global.gtid_executed}, and {@code WAIT_FOR_EXECUTED_GTID_SET} keeps a read on the
 * replica. A plain-splitting run on the same delay must see stale reads (else the delay proves nothing).
 *
 * <p>Needs a Docker engine; without one JUnit reports every test here as skipped (the machine this project is
 * built on has none, so the MariaDB topologies of the other ITs stay the main proof).
 */
@Testcontainers(disabledWithoutDocker = true)
class MySqlFlavorIT {

    private static final String IMAGE = "mysql:8.0.36";
    private static final String PASSWORD = "shardline";
    private static final int MASTER_ID = 1;
    private static final int REPLICA_ID = 2;

    private static Network network;
    private static MySQLContainer master;
    private static MySQLContainer replica;

    @BeforeAll
    static void startMasterAndReplica() throws SQLException {
        network = Network.newNetwork();
        master = new MySQLContainer(IMAGE).withNetwork(network).withNetworkAliases("master").withPassword(PASSWORD)
                .withCommand("--server-id=" + MASTER_ID, "--log-bin=binlog", "--gtid-mode=ON",
                        "--enforce-gtid-consistency=ON");
        replica = new MySQLContainer(IMAGE).withNetwork(network).withPassword(PASSWORD)
                .withCommand("--server-id=" + REPLICA_ID, "--log-bin=binlog", "--gtid-mode=ON",
                        "--enforce-gtid-consistency=ON", "--replica-parallel-workers=4");
        master.start();
        replica.start();
        String executed;
        try (Connection m = root(master); Statement s = m.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@global.gtid_executed")) {
            rs.next();
            executed = rs.getString(1);
        }
        // Each container initialised itself (users, the test database): the replica starts from the master's
        // current set instead of replaying the master's initialisation over its own.
        try (Connection r = root(replica); Statement s = r.createStatement()) {
            s.execute("RESET MASTER");
            s.execute("SET GLOBAL gtid_purged = '" + executed + "'");
            s.execute("CHANGE REPLICATION SOURCE TO SOURCE_HOST='master', SOURCE_PORT=3306, SOURCE_USER='root', "
                    + "SOURCE_PASSWORD='" + PASSWORD + "', SOURCE_AUTO_POSITION=1, GET_SOURCE_PUBLIC_KEY=1");
            s.execute("START REPLICA");
        }
        try (Connection m = root(master); Statement s = m.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS ryw");
            s.execute("CREATE TABLE IF NOT EXISTS ryw.kv (k BIGINT PRIMARY KEY, v BIGINT NOT NULL)");
        }
        awaitCatchUp();
    }

    @AfterAll
    static void stop() {
        if (replica != null) {
            replica.stop();
        }
        if (master != null) {
            master.stop();
        }
        if (network != null) {
            network.close();
        }
    }

    @BeforeEach
    void emptyTable() throws Exception {
        delay(0);
        try (Connection m = root(master); Statement s = m.createStatement()) {
            s.execute("DELETE FROM ryw.kv");
        }
        awaitCatchUp();
    }

    @AfterEach
    void noDelay() throws Exception {
        delay(0);
    }

    private static Connection root(MySQLContainer node) throws SQLException {
        return DriverManager.getConnection(url(node, ""), "root", PASSWORD);
    }

    private static String url(MySQLContainer node, String database) {
        return "jdbc:mysql://" + node.getHost() + ":" + node.getMappedPort(3306) + "/" + database
                + "?allowPublicKeyRetrieval=true&useSSL=false";
    }

    /** The replica applies each event this many seconds after the master wrote it. */
    private static void delay(int seconds) throws SQLException {
        try (Connection r = root(replica); Statement s = r.createStatement()) {
            s.execute("STOP REPLICA SQL_THREAD");
            s.execute("CHANGE REPLICATION SOURCE TO SOURCE_DELAY=" + seconds);
            s.execute("START REPLICA SQL_THREAD");
        }
    }

    private static void awaitCatchUp() throws SQLException {
        String target;
        try (Connection m = root(master); Statement s = m.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@global.gtid_executed")) {
            rs.next();
            target = rs.getString(1);
        }
        try (Connection r = root(replica); PreparedStatement ps = r.prepareStatement(
                "SELECT WAIT_FOR_EXECUTED_GTID_SET(?, 60)")) {
            ps.setString(1, target);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("replica caught up with %s", target).isZero();
            }
        }
    }

    private static String yaml(String readYourWrites) {
        return "dataSources:\n"
                + "  ds_0:\n"
                + "    master: {url: \"" + url(master, "ryw") + "\", username: root, password: " + PASSWORD + "}\n"
                + "    replicas:\n"
                + "      - {url: \"" + url(replica, "ryw") + "\", username: root, password: " + PASSWORD + "}\n"
                + "    flavor: auto\n"
                + "rules:\n"
                + "  tables:\n"
                + "    kv:\n"
                + "      dataNodes: ds_0.kv\n"
                + "      databaseStrategy: {column: k, algorithm: one}\n"
                + "  algorithms:\n"
                + "    one: {type: MOD, props: {shardingCount: 1}}\n"
                + "readWriteSplitting:\n"
                + "  readYourWrites: " + readYourWrites + "\n";
    }

    private static ShardlineDataSource dataSource(String readYourWrites) {
        return ShardlineDataSource.builder().config(ShardlineConfig.parse(yaml(readYourWrites), "mysql-it"))
                .executorThreads(2).build();
    }

    private static void put(Connection c, long k, long v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kv (k, v) VALUES (?, ?)")) {
            ps.setLong(1, k);
            ps.setLong(2, v);
            ps.executeUpdate();
        }
    }

    /** {rows, v, server id} of key k. */
    private static long[] get(Connection c, long k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) AS n, MAX(v) AS v, @@server_id AS sid FROM kv WHERE k = ?")) {
            ps.setLong(1, k);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong("n"), rs.getLong("v"), rs.getInt("sid")};
            }
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void writtenKeysAreReadBackFreshWhileUntouchedKeysStayOnTheDelayedReplica() throws Exception {
        try (ShardlineDataSource ds = dataSource("{mode: GTID}"); Connection c = ds.getConnection()) {
            DataSourceGroup group = ds.pools().group("ds_0").orElseThrow();
            assertThat(group.flavor()).as("detected from the version string").isEqualTo(ServerFlavor.MYSQL);
            put(c, 1_000, 1);
            awaitCatchUp();
            await("the replica is in rotation and key 1000 released", () -> group.replicaStates().get(0).healthy()
                    && ds.readRouting().orElseThrow().tracker().size(0) == 0);
            delay(2);
            int stale = 0;
            int untouchedOnReplica = 0;
            for (long k = 1; k <= 20; k++) {
                put(c, k, k * 10);
                long[] read = get(c, k);
                stale += read[0] == 1 && read[1] == k * 10 ? 0 : 1;
                untouchedOnReplica += get(c, 1_000)[2] == REPLICA_ID ? 1 : 0;
            }
            assertThat(stale).as("stale read-backs through Shardline on MySQL").isZero();
            assertThat(untouchedOnReplica).as("reads of a key nobody writes, on the replica").isEqualTo(20);
            assertThat(c.unwrap(ShardlineConnection.class).exportCausalToken()).as("commit GTIDs were captured")
                    .contains("ds_0=");
            assertThat(ds.readRouting().orElseThrow().tracker().size(0)).isPositive();
            await("released once the replica applied them (low-water of @@global.gtid_executed)",
                    () -> ds.readRouting().orElseThrow().tracker().size(0) == 0);
            long[] later = get(c, 20);
            assertThat(later[0]).isEqualTo(1);
            assertThat(later[2]).as("after release the key reads from the replica").isEqualTo(REPLICA_ID);
        }
    }

    @Test
    void plainSplittingOnTheSameDelayReadsStale() throws Exception {
        try (ShardlineDataSource ds = dataSource("{mode: OFF}"); Connection c = ds.getConnection()) {
            delay(2);
            int stale = 0;
            for (long k = 101; k <= 110; k++) {
                put(c, k, k);
                long[] read = get(c, k);
                stale += read[0] == 1 ? 0 : 1;
                assertThat(read[2]).isEqualTo(REPLICA_ID);
            }
            assertThat(stale).as("the delay is real: plain splitting misses its own writes").isPositive();
        }
    }

    @Test
    void aBoundedWaitForExecutedGtidSetKeepsTheReadOnTheReplica() throws Exception {
        try (ShardlineDataSource ds = dataSource("{mode: GTID, waitMs: 5000}"); Connection c = ds.getConnection()) {
            delay(1);
            put(c, 7, 70);
            long[] read = get(c, 7);
            assertThat(read[0]).as("fresh").isEqualTo(1);
            assertThat(read[1]).isEqualTo(70);
            assertThat(read[2]).as("served by the replica after WAIT_FOR_EXECUTED_GTID_SET returned 0")
                    .isEqualTo(REPLICA_ID);
        }
        try (ShardlineDataSource ds = dataSource("{mode: GTID, waitMs: 1000}"); Connection c = ds.getConnection()) {
            delay(4);
            put(c, 9, 90);
            long[] read = get(c, 9);
            assertThat(read[0]).as("fresh").isEqualTo(1);
            assertThat(read[2]).as("WAIT_FOR_EXECUTED_GTID_SET returned 1 (timeout): the master answers")
                    .isEqualTo(MASTER_ID);
        }
    }
}

package io.shardline.examples;

import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.protocol.ServerSessionStateController;
import io.shardline.testkit.MariaDbNode;
import io.shardline.testkit.Topology;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The README's first command: starts an embedded topology of real MariaDB servers (2 groups x 1 replica),
 * writes a row on a master, shows the commit's GTID as the server reported it, reads the row back from the
 * replica once it has applied that GTID, and stops every server (also on Ctrl-C, through the testkit's
 * shutdown hook). It grows into the full Shardline demo as features land.
 */
public final class Quickstart {

    private Quickstart() {
    }

    /** {@code --wait} keeps the servers up after the demo until Ctrl-C, to look around with a client. */
    public static void main(String[] args) throws SQLException, InterruptedException {
        boolean wait = args.length > 0 && "--wait".equals(args[0]);
        run(System.out, wait);
    }

    /** Runs the demo, printing to {@code out}; returns what the replica read. */
    public static String run(PrintStream out, boolean waitForCtrlC) throws SQLException, InterruptedException {
        out.println("Starting 2 master groups x 1 replica of real MariaDB (testkit)...");
        try (Topology topology = Topology.start(2, 1)) {
            out.printf("Up in %.2f s:%n%s%n", topology.startupTime().toMillis() / 1000.0, topology.describe());
            topology.createDatabase("quickstart");
            MariaDbNode master = topology.master(0);
            MariaDbNode replica = topology.replica(0, 0);

            String gtid;
            try (Connection c = master.connect("quickstart"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(100))");
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO greeting VALUES (?, ?)")) {
                    insert.setInt(1, 1);
                    insert.setString(2, "hello from " + master.name());
                    insert.executeUpdate();
                }
                gtid = lastGtid(c).orElse("(not reported)");
            }
            out.printf("Wrote greeting #1 on %s; the OK packet reported commit GTID %s%n", master, gtid);

            topology.waitForCatchUp();
            String read;
            try (Connection c = replica.connect("quickstart");
                    PreparedStatement select = c.prepareStatement("SELECT text FROM greeting WHERE id = ?")) {
                select.setInt(1, 1);
                try (ResultSet rs = select.executeQuery()) {
                    read = rs.next() ? rs.getString(1) : null;
                }
            }
            out.printf("Read greeting #1 from %s after catch-up: %s%n", replica, read);
            if (waitForCtrlC) {
                out.printf("Servers stay up until Ctrl-C; try: mariadb -h127.0.0.1 -P%d -uroot quickstart%n",
                        master.port());
                Thread.currentThread().join(); // the testkit's shutdown hook stops the servers on Ctrl-C
            }
            out.println("Stopping all servers...");
            return read;
        } finally {
            out.println("Done.");
        }
    }

    /** The commit's GTID from the session-state tracking in the OK packet: no extra round trip. */
    private static Optional<String> lastGtid(Connection connection) throws SQLException {
        ServerSessionStateController.ServerSessionStateChanges changes = connection.unwrap(JdbcConnection.class)
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
}

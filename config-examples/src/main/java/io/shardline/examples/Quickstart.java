package io.shardline.examples;

import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.protocol.ServerSessionStateController;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.config.ShardlineConfig;
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
 * then, through a {@link ShardlineDataSource} configured by {@code examples/orders.yaml}: creates a sharded
 * table (DDL on every actual table), inserts orders with generated keys (each routed to its shard), shows a
 * route preview and a cross-shard aggregate; then, on plain connections, writes a row on a master, shows the
 * commit's GTID as the server reported it in the OK packet and reads the row back from the replica once it has
 * applied that GTID. Stops every server at the end (also on Ctrl-C, through the testkit's shutdown hook).
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
            shardedOrders(topology, out);
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

    /** The sharding part of the demo; returns nothing, prints what happens. */
    private static void shardedOrders(Topology topology, PrintStream out) throws SQLException {
        String yaml = resource("examples/orders.yaml")
                .replace("${PORT_0}", Integer.toString(topology.master(0).port()))
                .replace("${PORT_1}", Integer.toString(topology.master(1).port()))
                .replace("${REPLICA_PORT_0}", Integer.toString(topology.replica(0, 0).port()))
                .replace("${REPLICA_PORT_1}", Integer.toString(topology.replica(1, 0).port()));
        try (ShardlineDataSource ds = ShardlineDataSource.builder()
                .config(ShardlineConfig.parse(yaml, "examples/orders.yaml")).build();
                Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            out.println("\nShardline over ds_0 (g0) and ds_1 (g1), t_order in ds_${0..1}.t_order_${0..1}:");
            s.execute("CREATE TABLE t_order (order_id BIGINT PRIMARY KEY, user_id INT NOT NULL, amount DECIMAL(10,2)"
                    + " NOT NULL, status VARCHAR(16) NOT NULL)");
            s.execute("CREATE TABLE t_status (code VARCHAR(16) PRIMARY KEY, label VARCHAR(40))");
            s.executeUpdate("INSERT INTO t_status VALUES ('NEW', 'new'), ('PAID', 'paid')");
            out.println("  CREATE TABLE t_order ran on all 4 actual tables; t_status (broadcast) on both groups");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t_order (user_id, amount, status) VALUES"
                    + " (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                for (int user = 1; user <= 4; user++) {
                    for (int n = 0; n < 2; n++) {
                        insert.setInt(1, user);
                        insert.setBigDecimal(2, java.math.BigDecimal.valueOf(user * 10 + n, 1));
                        insert.setString(3, n == 0 ? "NEW" : "PAID");
                        insert.executeUpdate();
                        try (ResultSet keys = insert.getGeneratedKeys()) {
                            keys.next();
                            out.printf("  inserted order %d of user %d (order_id generated by Snowflake)%n",
                                    keys.getLong(1), user);
                        }
                    }
                }
            }
            out.println("  where the rows are, read directly from each master:");
            for (int g = 0; g < 2; g++) {
                try (Connection direct = topology.master(g).connect("quickstart");
                        Statement d = direct.createStatement()) {
                    for (int t = 0; t < 2; t++) {
                        StringBuilder rows = new StringBuilder();
                        try (ResultSet rs = d.executeQuery("SELECT order_id, user_id FROM t_order_" + t
                                + " ORDER BY order_id")) {
                            while (rs.next()) {
                                rows.append(' ').append(rs.getLong(1)).append("/u").append(rs.getInt(2));
                            }
                        }
                        out.printf("    ds_%d.t_order_%d (order/user):%s%n", g, t, rows);
                    }
                }
            }
            String sql = "SELECT user_id, COUNT(*) AS orders, SUM(amount) AS total FROM t_order"
                    + " GROUP BY user_id ORDER BY total DESC LIMIT 3";
            out.println("  route preview of: " + sql);
            out.println("  " + ds.preview(sql, java.util.List.of()));
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    out.printf("  user %d: %d orders, total %s%n", rs.getInt("user_id"), rs.getLong("orders"),
                            rs.getBigDecimal("total"));
                }
            }
        }
        out.println();
    }

    private static String resource(String name) {
        try (java.io.InputStream in = Quickstart.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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

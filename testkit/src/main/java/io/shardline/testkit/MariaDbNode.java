package io.shardline.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One {@code mariadbd} process of a {@link Topology}: its place in the topology, where it listens and
 * where its files are. Lifecycle changes go through the topology ({@link Topology#kill},
 * {@link Topology#restart}), which knows what the other nodes need.
 */
public final class MariaDbNode {

    /** User for control connections and tests; created by {@code mariadb-install-db} with no password. */
    public static final String USER = "root";
    public static final String PASSWORD = "";

    /** Variables reported in OK packets; {@code last_gtid} gives a commit's GTID without a round trip. */
    static final String SESSION_TRACKED = "autocommit,character_set_client,character_set_connection,"
            + "character_set_results,time_zone,last_gtid";

    private final String name;
    private final int group;
    private final NodeRole role;
    private final int serverId;
    private final int domainId;
    private final Path dir;
    private final List<String> extraOptions;
    private volatile int port;
    private volatile Process process;

    MariaDbNode(String name, int group, NodeRole role, int serverId, int domainId, Path dir, int port,
            List<String> extraOptions) {
        this.name = name;
        this.group = group;
        this.role = role;
        this.serverId = serverId;
        this.domainId = domainId;
        this.dir = dir;
        this.port = port;
        this.extraOptions = List.copyOf(extraOptions);
    }

    /** Stable name such as {@code g0-master} or {@code g1-replica0}. */
    public String name() {
        return name;
    }

    /** Index of the master group (data source group) this node belongs to. */
    public int group() {
        return group;
    }

    public NodeRole role() {
        return role;
    }

    public boolean isMaster() {
        return role == NodeRole.MASTER;
    }

    /** The server's {@code server_id}; unique in the topology. */
    public int serverId() {
        return serverId;
    }

    /** The group's GTID domain ({@code gtid_domain_id}); one per master group. */
    public int gtidDomainId() {
        return domainId;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public Path datadir() {
        return dir.resolve("data");
    }

    public Path errorLog() {
        return dir.resolve("error.log");
    }

    /** The server's PID while it runs. */
    public OptionalLong pid() {
        Process p = process;
        return p != null && p.isAlive() ? OptionalLong.of(p.pid()) : OptionalLong.empty();
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** JDBC URL (MySQL Connector/J) with no default database. */
    public String jdbcUrl() {
        return jdbcUrl("");
    }

    /**
     * JDBC URL (MySQL Connector/J) for a database on this node, with session-state tracking on so that
     * the driver reports {@code last_gtid} after commits.
     */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + host() + ":" + port + "/" + database
                + "?sslMode=DISABLED&allowPublicKeyRetrieval=true&trackSessionState=true&connectTimeout=5000";
    }

    /** Opens a connection as {@link #USER}. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    public Connection connect() throws SQLException {
        return connect("");
    }

    @Override
    public String toString() {
        return name + "@" + host() + ":" + port;
    }

    // ---- lifecycle, driven by Topology ----

    Path pidFile() {
        return dir.resolve("mariadbd.pid");
    }

    List<String> command(MariaDbBinaries binaries) {
        List<String> command = new ArrayList<>();
        command.add(binaries.mariadbd().toString());
        // Without --no-defaults /etc/mysql settings would leak into test servers.
        command.add("--no-defaults");
        binaries.basedir().ifPresent(base -> command.add("--basedir=" + base));
        command.add("--datadir=" + datadir());
        command.add("--port=" + port);
        command.add("--bind-address=127.0.0.1");
        command.add("--socket=" + dir.resolve("mysqld.sock"));
        command.add("--pid-file=" + pidFile());
        command.add("--log-error=" + errorLog());
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
        command.add("--server-id=" + serverId);
        command.add("--gtid-domain-id=" + domainId);
        command.add("--log-bin=mariadb-bin");
        command.add("--relay-log=relay-bin");
        command.add("--binlog-format=ROW");
        // Column names in row events, which binlog followers need.
        command.add("--binlog-row-metadata=FULL");
        command.add("--log-slave-updates");
        command.add("--session-track-system-variables=" + SESSION_TRACKED);
        command.add("--character-set-server=utf8mb4");
        command.add("--collation-server=utf8mb4_general_ci");
        command.add("--default-time-zone=+00:00");
        command.add("--skip-name-resolve");
        if (binaries.atLeast(11, 3)) {
            // 11.3+ generates a self-signed certificate at every start (seconds); tests connect without TLS anyway.
            command.add("--skip-ssl");
        }
        command.add("--performance-schema=OFF");
        command.add("--max-connections=500");
        command.addAll(TemplateDatadir.INNODB_SIZES);
        if (role == NodeRole.REPLICA) {
            command.add("--read-only");
        }
        command.addAll(extraOptions);
        return command;
    }

    /** Launches the process and waits until it answers {@code SELECT 1}. */
    void start(MariaDbBinaries binaries, Duration timeout) {
        if (isRunning()) {
            throw new TopologyException(name + " is already running (pid " + process.pid() + ")");
        }
        try {
            Files.deleteIfExists(pidFile());
            Files.writeString(errorLog(), "", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            // The PID we hold is the server's own: mariadbd is started directly, not through a shell.
            process = new ProcessBuilder(command(binaries))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new TopologyException("Cannot start " + name + ": " + e.getMessage(), e);
        }
        awaitReady(timeout);
    }

    /** Re-runs {@link #start} on a new port; only for the first start, when nothing points at the port yet. */
    void moveTo(int newPort) {
        this.port = newPort;
    }

    boolean failedOnPortInUse() {
        return errorLogTail(50).contains("Address already in use");
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            Process p = process;
            if (!p.isAlive()) {
                throw new TopologyException(name + " exited with code " + p.exitValue() + " while starting on port "
                        + port + ". Last lines of " + errorLog() + ":\n" + errorLogTail(20));
            }
            try (Connection c = DriverManager.getConnection(jdbcUrl() + "&connectTimeout=1000", USER, PASSWORD);
                    var s = c.createStatement(); var rs = s.executeQuery("SELECT @@datadir")) {
                // A real query, not a ping: a ping succeeds even when access is denied. And our server's: while ours
                // is still starting, another process's server may have taken the port between our probe and our
                // bind (ours then exits with "Address already in use", and the caller moves it to another port).
                rs.next();
                if (isOurDatadir(rs.getString(1))) {
                    return;
                }
                last = new SQLException("port " + port + " is served by another server (datadir " + rs.getString(1)
                        + ")");
            } catch (SQLException e) {
                last = e;
            }
            sleep(20);
        }
        throw new TopologyException(name + " did not accept connections on port " + port + " within " + timeout
                + " (last error: " + (last == null ? "none" : last.getMessage()) + "). Last lines of " + errorLog()
                + ":\n" + errorLogTail(20));
    }

    private boolean isOurDatadir(String reported) {
        try {
            return Path.of(reported).toRealPath().equals(datadir().toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** SIGKILL: no shutdown, no flush beyond what the OS already has. */
    void kill() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroyForcibly();
        awaitExit(p, Duration.ofSeconds(30));
    }

    /** SIGTERM and wait for a clean shutdown; SIGKILL if it takes longer than the grace period. */
    void stop(Duration grace) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        if (!awaitExit(p, grace)) {
            p.destroyForcibly();
            awaitExit(p, Duration.ofSeconds(30));
        }
    }

    private boolean awaitExit(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    String errorLogTail(int lines) {
        try {
            List<String> all = Files.readAllLines(errorLog(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + errorLog() + ": " + e.getMessage() + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopologyException("Interrupted", e);
        }
    }
}

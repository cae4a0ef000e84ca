package io.shardline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A running set of real MariaDB servers: {@code groups} master groups, each with {@code replicasPerGroup}
 * GTID replicas, on free loopback ports under a temporary directory. Replication is configured and
 * verified before {@link Builder#start()} returns. {@link #close()} (also run from a JVM shutdown hook)
 * stops exactly the processes this topology started.
 *
 * <pre>{@code
 * try (Topology topology = Topology.start(2, 1)) {
 *     try (Connection c = topology.master(0).connect()) { ... }
 *     topology.waitForCatchUp();
 * }
 * }</pre>
 */
public final class Topology implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Topology.class.getName());
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final String REPL_USER = "shardline_repl";
    private static final String REPL_PASSWORD = "shardline_repl";
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final MariaDbBinaries binaries;
    private final Path runDir;
    private final int groups;
    private final int replicasPerGroup;
    private final List<MariaDbNode> nodes;
    private final Duration startupTimeout;
    private final boolean keepFiles;
    private final Set<Long> startedPids = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook;
    private volatile boolean closed;
    private volatile Duration startupTime = Duration.ZERO;
    private volatile String phases = "";

    private Topology(Builder builder, MariaDbBinaries binaries, Path runDir) {
        this.binaries = binaries;
        this.runDir = runDir;
        this.groups = builder.groups;
        this.replicasPerGroup = builder.replicasPerGroup;
        this.startupTimeout = builder.startupTimeout;
        this.keepFiles = builder.keepFiles;
        List<MariaDbNode> all = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            // Domain ids start at 1 so that a server left on the default domain 0 stands out.
            int domain = g + 1;
            all.add(new MariaDbNode("g" + g + "-master", g, NodeRole.MASTER, (g + 1) * 100, domain,
                    runDir.resolve("g" + g + "-master"), freePort(), builder.serverOptions));
            for (int r = 0; r < replicasPerGroup; r++) {
                all.add(new MariaDbNode("g" + g + "-replica" + r, g, NodeRole.REPLICA, (g + 1) * 100 + r + 1, domain,
                        runDir.resolve("g" + g + "-replica" + r), freePort(), builder.serverOptions));
            }
        }
        this.nodes = Collections.unmodifiableList(all);
        this.shutdownHook = new Thread(this::closeFromHook, "shardline-testkit-shutdown-" + runDir.getFileName());
    }

    /** Starts {@code groups} masters with {@code replicasPerGroup} replicas each, with default settings. */
    public static Topology start(int groups, int replicasPerGroup) {
        return builder().groups(groups).replicasPerGroup(replicasPerGroup).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- what is running ----

    public int groups() {
        return groups;
    }

    public int replicasPerGroup() {
        return replicasPerGroup;
    }

    /** Every node, masters first within each group, in group order. */
    public List<MariaDbNode> nodes() {
        return nodes;
    }

    public MariaDbNode master(int group) {
        checkGroup(group);
        return nodes.get(group * (replicasPerGroup + 1));
    }

    public MariaDbNode replica(int group, int index) {
        checkGroup(group);
        if (index < 0 || index >= replicasPerGroup) {
            throw new IllegalArgumentException("Group " + group + " has replicas 0.." + (replicasPerGroup - 1)
                    + "; there is no replica " + index);
        }
        return nodes.get(group * (replicasPerGroup + 1) + 1 + index);
    }

    public List<MariaDbNode> replicas(int group) {
        checkGroup(group);
        int first = group * (replicasPerGroup + 1) + 1;
        return nodes.subList(first, first + replicasPerGroup);
    }

    /** How long {@link Builder#start()} took, from the first file copied to replication verified. */
    public Duration startupTime() {
        return startupTime;
    }

    /** PIDs of every server process this topology has started, including ones since killed or restarted. */
    public Set<Long> startedPids() {
        return Set.copyOf(startedPids);
    }

    /**
     * The account replicas use on their masters ({@code REPLICATION SLAVE, REPLICATION CLIENT, BINLOG
     * MONITOR}, from 127.0.0.1), which binlog followers can use too. Follower server ids must differ from
     * the nodes' ({@code (group + 1) * 100 + index}); ids from 10000 up are free.
     */
    public Credentials replicationCredentials() {
        return new Credentials(REPL_USER, REPL_PASSWORD);
    }

    /** The directory holding every node's datadir, socket and logs. */
    public Path directory() {
        return runDir;
    }

    /** A table of the nodes, for logs and the quickstart. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-14s %-8s %5s %6s %9s %6s %8s%n", "node", "role", "group", "domain", "server_id",
                "port", "pid"));
        for (MariaDbNode node : nodes) {
            out.append(String.format("%-14s %-8s %5d %6d %9d %6d %8s%n", node.name(), node.role(), node.group(),
                    node.gtidDomainId(), node.serverId(), node.port(),
                    node.pid().isPresent() ? Long.toString(node.pid().getAsLong()) : "down"));
        }
        return out.toString();
    }

    // ---- databases ----

    /** Creates a database on every master (replicas get it through replication) and waits until they have it. */
    public void createDatabase(String name) {
        forEachMaster("CREATE DATABASE IF NOT EXISTS `" + checkDatabaseName(name) + "`");
        waitForCatchUp();
    }

    /** Drops a database on every master (and through replication on every replica). */
    public void dropDatabase(String name) {
        forEachMaster("DROP DATABASE IF EXISTS `" + checkDatabaseName(name) + "`");
        waitForCatchUp();
    }

    private void forEachMaster(String sql) {
        for (int g = 0; g < groups; g++) {
            MariaDbNode master = master(g);
            try (Connection c = master.connect(); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new TopologyException(master.name() + ": " + sql + " failed: " + e.getMessage(), e);
            }
        }
    }

    private static String checkDatabaseName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name must be 1-64 characters of [A-Za-z0-9_]: '" + name + "'");
        }
        return name;
    }

    // ---- replication controls ----

    /** Makes a replica apply each transaction {@code seconds} after the master committed it (0 removes the delay). */
    public void delayReplica(MariaDbNode replica, int seconds) {
        checkReplica(replica);
        if (seconds < 0) {
            throw new IllegalArgumentException("delay must be >= 0 seconds, was " + seconds);
        }
        execute(replica, "STOP SLAVE", "CHANGE MASTER TO MASTER_DELAY=" + seconds, "START SLAVE");
        awaitReplicationRunning(replica);
    }

    /** Stops the replica's SQL thread: it keeps receiving the master's binlog but applies nothing. */
    public void pauseReplica(MariaDbNode replica) {
        checkReplica(replica);
        execute(replica, "STOP SLAVE SQL_THREAD");
    }

    /** Starts the replica's SQL thread again after {@link #pauseReplica}. */
    public void resumeReplica(MariaDbNode replica) {
        checkReplica(replica);
        execute(replica, "START SLAVE SQL_THREAD");
        awaitReplicationRunning(replica);
    }

    /** Waits, up to 60 s, until every replica has applied everything its master had committed when called. */
    public void waitForCatchUp() {
        waitForCatchUp(Duration.ofSeconds(60));
    }

    /**
     * Waits until every replica has applied everything its master had committed when this was called
     * ({@code MASTER_GTID_WAIT} on the master's {@code gtid_binlog_pos}; never {@code Seconds_Behind_Master},
     * which stays 0 under a delay). Fails fast, naming the node, when a node is down or a paused replica could
     * never catch up.
     */
    public void waitForCatchUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int g = 0; g < groups; g++) {
            MariaDbNode master = master(g);
            requireRunning(master);
            String position = queryString(master, "SELECT @@gtid_binlog_pos");
            if (position.isEmpty()) {
                continue;
            }
            for (MariaDbNode replica : replicas(g)) {
                requireRunning(replica);
                ReplicationStatus status = replicationStatus(replica);
                if (!status.sqlRunning()) {
                    throw new TopologyException(replica.name() + " cannot catch up to " + position
                            + ": its SQL thread is stopped (pauseReplica? resumeReplica first). " + status);
                }
                double seconds = Math.max(0.001, (deadline - System.nanoTime()) / 1e9);
                String waited = queryString(replica,
                        "SELECT MASTER_GTID_WAIT('" + position + "', " + String.format("%.3f", seconds) + ")");
                if (!"0".equals(waited)) {
                    throw new TopologyException(replica.name() + " did not apply " + master.name() + "'s position "
                            + position + " within " + timeout + "; it has " + queryString(replica,
                            "SELECT @@gtid_slave_pos") + ". " + replicationStatus(replica));
                }
            }
        }
    }

    /** The replica's replication threads and errors, from {@code SHOW SLAVE STATUS}. */
    public ReplicationStatus replicationStatus(MariaDbNode replica) {
        checkReplica(replica);
        try (Connection c = replica.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW SLAVE STATUS")) {
            if (!rs.next()) {
                return new ReplicationStatus(false, false, "replication is not configured", "", 0);
            }
            return new ReplicationStatus("Yes".equals(rs.getString("Slave_IO_Running")),
                    "Yes".equals(rs.getString("Slave_SQL_Running")),
                    nullToEmpty(rs.getString("Last_IO_Error")), nullToEmpty(rs.getString("Last_SQL_Error")),
                    rs.getInt("SQL_Delay"));
        } catch (SQLException e) {
            throw new TopologyException(replica.name() + ": SHOW SLAVE STATUS failed: " + e.getMessage(), e);
        }
    }

    // ---- failures ----

    /** SIGKILLs a node's server process (a crash: no clean shutdown). */
    public void kill(MariaDbNode node) {
        checkOwn(node);
        node.kill();
        LOG.log(System.Logger.Level.INFO, "killed " + node.name());
    }

    /**
     * Starts a node again on its port and datadir (stopping it cleanly first if it runs). A replica resumes
     * replication from its own {@code gtid_slave_pos}; its threads are verified before this returns.
     */
    public void restart(MariaDbNode node) {
        checkOwn(node);
        node.stop(STOP_GRACE);
        startNode(node, false);
        if (node.role() == NodeRole.REPLICA) {
            awaitReplicationRunning(node);
        }
        LOG.log(System.Logger.Level.INFO, "restarted " + node.name() + " (pid " + node.pid().orElse(-1) + ")");
    }

    // ---- shutdown ----

    /** Stops exactly the processes this topology started and deletes its directory. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; it will find the topology closed
        }
    }

    private void closeFromHook() {
        if (!closed) {
            stopAll();
        }
    }

    private synchronized void stopAll() {
        if (closed) {
            return;
        }
        closed = true;
        List<Thread> stoppers = new ArrayList<>();
        for (MariaDbNode node : nodes) {
            Thread t = new Thread(() -> node.stop(STOP_GRACE), "stop-" + node.name());
            t.start();
            stoppers.add(t);
        }
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!keepFiles) {
            try {
                TemplateDatadir.deleteRecursively(runDir);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not delete " + runDir + ": " + e.getMessage());
            }
        }
    }

    // ---- start-up ----

    private void startAll() {
        long started = System.nanoTime();
        Path template = TemplateDatadir.ensure(binaries, runDir.getParent());
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size(), r -> {
            Thread t = new Thread(r, "shardline-testkit-start");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> copies = new ArrayList<>();
            for (MariaDbNode node : nodes) {
                copies.add(pool.submit(() -> TemplateDatadir.copy(template, node.datadir())));
            }
            awaitAll(copies);
            long copied = System.nanoTime();
            List<Future<?>> starts = new ArrayList<>();
            for (MariaDbNode node : nodes) {
                starts.add(pool.submit(() -> startNode(node, true)));
            }
            awaitAll(starts);
            long running = System.nanoTime();
            List<Future<?>> replication = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                int group = g;
                replication.add(pool.submit(() -> configureReplication(group)));
            }
            awaitAll(replication);
            phases = String.format("datadirs %.2f s, servers up %.2f s, replication %.2f s", (copied - started) / 1e9,
                    (running - copied) / 1e9, (System.nanoTime() - running) / 1e9);
        } finally {
            pool.shutdownNow();
        }
        startupTime = Duration.ofNanos(System.nanoTime() - started);
        StringBuilder ports = new StringBuilder();
        for (MariaDbNode node : nodes) {
            ports.append(ports.length() == 0 ? "" : ", ").append(node.name()).append(':').append(node.port());
        }
        LOG.log(System.Logger.Level.INFO, String.format("topology %dx%d started in %.2f s (%s) under %s (%s)", groups,
                replicasPerGroup, startupTime.toMillis() / 1000.0, phases, runDir, ports));
    }

    private void startNode(MariaDbNode node, boolean firstStart) {
        int attempts = firstStart ? 3 : 1;
        for (int attempt = 1; ; attempt++) {
            try {
                node.start(binaries, startupTimeout);
                node.pid().ifPresent(startedPids::add);
                return;
            } catch (TopologyException e) {
                // Another process may have taken the port between our probe and the server's bind.
                if (attempt < attempts && node.failedOnPortInUse()) {
                    node.moveTo(freePort());
                    continue;
                }
                throw e;
            }
        }
    }

    private void configureReplication(int group) {
        MariaDbNode master = master(group);
        // The replication user is created outside the binlog, so each master's first GTID is the tests' own.
        execute(master, "SET SESSION sql_log_bin=0",
                "CREATE USER IF NOT EXISTS '" + REPL_USER + "'@'127.0.0.1' IDENTIFIED BY '" + REPL_PASSWORD + "'",
                "GRANT REPLICATION SLAVE, REPLICATION CLIENT, BINLOG MONITOR ON *.* TO '" + REPL_USER + "'@'127.0.0.1'");
        for (MariaDbNode replica : replicas(group)) {
            execute(replica, "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + master.port()
                    + ", MASTER_USER='" + REPL_USER + "', MASTER_PASSWORD='" + REPL_PASSWORD
                    + "', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1"
                    // 11.3+ replicas use TLS and verify the master's certificate by default; test masters run
                    // without TLS (--skip-ssl, see MariaDbNode).
                    + (binaries.atLeast(11, 3) ? ", MASTER_SSL=0, MASTER_SSL_VERIFY_SERVER_CERT=0" : ""), "START SLAVE");
            awaitReplicationRunning(replica);
        }
    }

    private void awaitReplicationRunning(MariaDbNode replica) {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        ReplicationStatus status;
        do {
            status = replicationStatus(replica);
            if (status.ioRunning() && status.sqlRunning()) {
                return;
            }
            if (!status.lastSqlError().isEmpty()) {
                break;
            }
            MariaDbNode.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new TopologyException(replica.name() + " is not replicating from " + master(replica.group()).name()
                + ": " + status + ". Last lines of " + replica.errorLog() + ":\n" + replica.errorLogTail(10));
    }

    private static void awaitAll(List<Future<?>> futures) {
        TopologyException failure = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                TopologyException te = cause instanceof TopologyException t ? t
                        : new TopologyException(String.valueOf(cause.getMessage()), cause);
                if (failure == null) {
                    failure = te;
                } else {
                    failure.addSuppressed(te);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopologyException("Interrupted while starting the topology", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    // ---- helpers ----

    private void execute(MariaDbNode node, String... statements) {
        requireRunning(node);
        try (Connection c = node.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new TopologyException(node.name() + ": " + sql + " failed: " + e.getMessage(), e);
                }
            }
        } catch (SQLException e) {
            throw new TopologyException("Cannot connect to " + node + ": " + e.getMessage(), e);
        }
    }

    private String queryString(MariaDbNode node, String sql) {
        try (Connection c = node.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return nullToEmpty(rs.getString(1));
        } catch (SQLException e) {
            throw new TopologyException(node.name() + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private void requireRunning(MariaDbNode node) {
        if (closed) {
            throw new TopologyException("The topology under " + runDir + " is closed");
        }
        if (!node.isRunning()) {
            throw new TopologyException(node.name() + " is not running (killed or stopped); restart it first");
        }
    }

    private void checkGroup(int group) {
        if (group < 0 || group >= groups) {
            throw new IllegalArgumentException("The topology has groups 0.." + (groups - 1) + "; there is no group " + group);
        }
    }

    private void checkOwn(MariaDbNode node) {
        if (!nodes.contains(node)) {
            throw new IllegalArgumentException(node + " does not belong to the topology under " + runDir);
        }
    }

    private void checkReplica(MariaDbNode node) {
        checkOwn(node);
        if (node.role() != NodeRole.REPLICA) {
            throw new IllegalArgumentException(node.name() + " is a master; this control applies to replicas only");
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    /** A user name and password. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return user + "/****";
        }
    }

    /**
     * A replica's replication state.
     *
     * @param ioRunning    the IO thread is connected to the master
     * @param sqlRunning   the SQL thread is applying
     * @param lastIoError  the IO thread's last error, empty if none
     * @param lastSqlError the SQL thread's last error, empty if none
     * @param delaySeconds the configured {@code MASTER_DELAY}
     */
    public record ReplicationStatus(boolean ioRunning, boolean sqlRunning, String lastIoError, String lastSqlError,
            int delaySeconds) {
    }

    /** Settings for a topology; {@link #start()} launches it. */
    public static final class Builder {
        private int groups = 1;
        private int replicasPerGroup = 1;
        private Path baseDir = defaultBaseDir();
        private Duration startupTimeout = Duration.ofSeconds(60);
        private final List<String> serverOptions = new ArrayList<>();
        private boolean keepFiles = Boolean.getBoolean("shardline.testkit.keep");
        private MariaDbBinaries binaries;

        private Builder() {
        }

        /** Number of master groups (data source groups), at least 1. */
        public Builder groups(int groups) {
            if (groups < 1) {
                throw new IllegalArgumentException("groups must be >= 1, was " + groups);
            }
            this.groups = groups;
            return this;
        }

        /** Replicas per master group, 0 or more. */
        public Builder replicasPerGroup(int replicas) {
            if (replicas < 0) {
                throw new IllegalArgumentException("replicasPerGroup must be >= 0, was " + replicas);
            }
            this.replicasPerGroup = replicas;
            return this;
        }

        /**
         * Where run directories and the cached template datadir live (default
         * {@code ${java.io.tmpdir}/shardline-testkit}, or {@code -Dshardline.testkit.dir}). Keep it short:
         * Unix socket paths must stay under ~100 bytes.
         */
        public Builder baseDir(Path baseDir) {
            this.baseDir = baseDir;
            return this;
        }

        /** Extra {@code mariadbd} options for every node, e.g. {@code --innodb-flush-log-at-trx-commit=2}. */
        public Builder serverOption(String option) {
            if (!option.startsWith("--")) {
                throw new IllegalArgumentException("server options look like --name=value, was '" + option + "'");
            }
            serverOptions.add(option);
            return this;
        }

        /** How long one node may take to accept connections, and replication to start. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /** Keep the run directory (datadirs and logs) after close, for debugging. */
        public Builder keepFiles(boolean keep) {
            this.keepFiles = keep;
            return this;
        }

        /** Servers from these binaries instead of {@link MariaDbBinaries#locate()} (tests of the lookup). */
        Builder binaries(MariaDbBinaries binaries) {
            this.binaries = binaries;
            return this;
        }

        public Topology start() {
            MariaDbBinaries binaries = this.binaries != null ? this.binaries : MariaDbBinaries.locate();
            Path base = baseDir.toAbsolutePath();
            OrphanReaper.reapOnce(base);
            Path runDir = base.resolve("run-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet());
            try {
                Files.createDirectories(runDir);
                Files.writeString(runDir.resolve(OrphanReaper.OWNER_FILE), Long.toString(ProcessHandle.current().pid()),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new TopologyException("Cannot create " + runDir + ": " + e.getMessage(), e);
            }
            Topology topology = new Topology(this, binaries, runDir);
            // Registered before any process starts, so a failed or interrupted start leaves nothing behind.
            Runtime.getRuntime().addShutdownHook(topology.shutdownHook);
            try {
                topology.startAll();
                return topology;
            } catch (RuntimeException | Error e) {
                topology.close();
                throw e;
            }
        }

        private static Path defaultBaseDir() {
            String configured = System.getProperty("shardline.testkit.dir");
            if (configured != null && !configured.isBlank()) {
                return Paths.get(configured);
            }
            return Paths.get(System.getProperty("java.io.tmpdir"), "shardline-testkit");
        }
    }
}

package io.shardline.consistency.ryw;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Learns every replica's applied position by polling {@code SELECT @@gtid_slave_pos} (and each master's
 * {@code @@gtid_binlog_pos}, to measure lag) on one small scheduled thread, then releases tracked writes that
 * every replica of a group has applied. MySQL groups poll {@code @@global.gtid_executed} on both, reduced per source
 * to the low-water mark ({@link MySqlGtidSet#toPosition}), so everything after the query is the same.
 *
 * <p>Why polling and not a binlog follower: a poll is one round trip of a few hundred microseconds on a held
 * connection (see {@link #averagePollMicros()}), needs no replication privileges and no extra library, and its
 * staleness is bounded by the interval (default 20 ms): a replica that has applied a write is used at most one
 * interval later. A follower would learn it ~1 ms after the replica applies it, at the cost of a replication
 * connection per replica; that matters only when intervals must be far below 10 ms. Never
 * {@code Seconds_Behind_Master}: it stays 0 under {@code MASTER_DELAY}.
 *
 * <p>Lag is measured from positions: the time since the master first showed a position the replica has not
 * reached yet (to within one interval).
 */
public final class ReplicaPoller implements AutoCloseable {

    /** Opens a plain connection to one node (not from the application's pool). */
    public interface NodeProbe {
        Connection open() throws SQLException;

        /** e.g. {@code ds_0/replica-0@127.0.0.1:3307}. */
        String describe();
    }

    /**
     * One group to poll.
     *
     * @param index    the group's index in the tracker
     * @param master   the master's probe
     * @param replicas one probe per replica, same order as {@code states}
     * @param states   the replicas' states, updated by each poll
     * @param flavor   how the group's servers report positions (MariaDB {@code @@gtid_slave_pos}, MySQL
     *                 {@code @@global.gtid_executed} reduced to low-water marks)
     */
    public record PolledGroup(int index, String name, NodeProbe master, List<NodeProbe> replicas,
            List<ReplicaState> states, ServerFlavor flavor) {
        public PolledGroup {
            replicas = List.copyOf(replicas);
            states = List.copyOf(states);
        }

        /** A MariaDB group. */
        public PolledGroup(int index, String name, NodeProbe master, List<NodeProbe> replicas,
                List<ReplicaState> states) {
            this(index, name, master, replicas, states, ServerFlavor.MARIADB);
        }

        /** A group named {@code group-<index>} (the name keys its heartbeat row). */
        public PolledGroup(int index, NodeProbe master, List<NodeProbe> replicas, List<ReplicaState> states) {
            this(index, "group-" + index, master, replicas, states);
        }
    }

    private static final int HISTORY = 1024;

    private final ReadYourWritesTracker tracker;
    private final List<PolledGroup> groups;
    private final Consumer<String> log;
    private final Held[][] replicaConnections;
    private final Held[] masterConnections;
    private final long[][] historyTimes;
    private final GtidPosition[][] historyPositions;
    private final int[] historyNext;
    private final long[][] lagSince;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong pollNanos = new AtomicLong();
    private final AtomicLong ticks = new AtomicLong();
    private final Heartbeat heartbeat;
    private final long[] lastBeatNanos;
    private final long[] masterBeatMicros;
    private final boolean[] tableCreated;
    private final PeakLag[] peaks;
    private final boolean[] beatFailing;

    private static final class Held {
        final NodeProbe probe;
        Connection connection;
        String lastError = "";

        Held(NodeProbe probe) {
            this.probe = probe;
        }
    }

    /**
     * Starts polling every {@code intervalMillis}.
     *
     * @param log where state changes are reported (a replica going out or coming back), one line each
     */
    public ReplicaPoller(ReadYourWritesTracker tracker, List<PolledGroup> groups, long intervalMillis,
            Consumer<String> log) {
        this(tracker, groups, intervalMillis, log, null);
    }

    /**
     * Starts polling every {@code intervalMillis}; with a {@code heartbeat}, replicas are judged by the heartbeat
     * table instead of GTID positions (no GTID is read), and each group's tracking time follows the measured lag
     * ({@link Heartbeat#window}).
     */
    public ReplicaPoller(ReadYourWritesTracker tracker, List<PolledGroup> groups, long intervalMillis,
            Consumer<String> log, Heartbeat heartbeat) {
        this.heartbeat = heartbeat;
        lastBeatNanos = new long[groups.size()];
        masterBeatMicros = new long[groups.size()];
        tableCreated = new boolean[groups.size()];
        peaks = new PeakLag[groups.size()];
        beatFailing = new boolean[groups.size()];
        for (int g = 0; g < groups.size() && heartbeat != null; g++) {
            peaks[g] = new PeakLag(heartbeat.peakHoldMillis());
        }
        this.tracker = tracker;
        this.groups = List.copyOf(groups);
        this.log = log;
        replicaConnections = new Held[groups.size()][];
        masterConnections = new Held[groups.size()];
        historyTimes = new long[groups.size()][HISTORY];
        historyPositions = new GtidPosition[groups.size()][HISTORY];
        historyNext = new int[groups.size()];
        lagSince = new long[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            PolledGroup group = groups.get(g);
            masterConnections[g] = new Held(group.master());
            replicaConnections[g] = new Held[group.replicas().size()];
            lagSince[g] = new long[group.replicas().size()];
            for (int r = 0; r < group.replicas().size(); r++) {
                replicaConnections[g][r] = new Held(group.replicas().get(r));
            }
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shardline-replica-poller");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::tick, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** One round over every group; also callable from tests to force a fresh view. */
    public synchronized void tick() {
        try {
            for (int g = 0; g < groups.size(); g++) {
                if (heartbeat != null) {
                    heartbeatGroup(g);
                } else {
                    pollGroup(g);
                }
            }
            ticks.incrementAndGet();
        } catch (RuntimeException e) {
            log.accept("replica poller: unexpected " + e);
        }
    }

    private void pollGroup(int g) {
        PolledGroup group = groups.get(g);
        long now = System.nanoTime();
        GtidPosition master = query(masterConnections[g], group.flavor().masterPositionSql(), group.flavor());
        if (master != null) {
            int at = historyNext[g] % HISTORY;
            historyTimes[g][at] = now;
            historyPositions[g][at] = master;
            historyNext[g]++;
        }
        long domain = tracker.domain(group.index());
        long appliedByAll = group.states().isEmpty() ? ReadYourWritesTracker.UNKNOWN - 1 : Long.MAX_VALUE;
        for (int r = 0; r < group.states().size(); r++) {
            ReplicaState state = group.states().get(r);
            Held held = replicaConnections[g][r];
            GtidPosition applied = query(held, group.flavor().positionSql(), group.flavor());
            boolean wasHealthy = state.healthy();
            if (applied == null) {
                state.unreachable(held.lastError);
            } else {
                state.polled(applied, lagMillis(g, r, applied, domain, System.nanoTime()));
            }
            if (wasHealthy != state.healthy()) {
                log.accept(state.healthy() ? state.name() + " is back in rotation at " + state.position()
                        : state.name() + " is out of rotation: " + state.reason());
            }
            long seq = domain < 0 ? -1 : state.position().seq(domain);
            appliedByAll = Math.min(appliedByAll, seq);
        }
        tracker.release(group.index(), appliedByAll == Long.MAX_VALUE ? -1 : appliedByAll, System.nanoTime());
    }

    /**
     * Heartbeat mode: writes the master's heartbeat when an interval has passed, reads each replica's, sets each
     * replica's lag (an upper bound: measured + one interval) and the group's window. Unknown lag (master or a
     * replica without a heartbeat) gives the maximum window: longer master reads, never shorter.
     */
    private void heartbeatGroup(int g) {
        PolledGroup group = groups.get(g);
        long now = System.nanoTime();
        boolean known = true;
        if (lastBeatNanos[g] == 0 || now - lastBeatNanos[g] >= heartbeat.intervalMillis() * 1_000_000L) {
            Long written = beat(masterConnections[g], g, group.name());
            if (written == null) {
                if (!beatFailing[g]) {
                    log.accept(group.master().describe() + ": cannot write the heartbeat into " + heartbeat.table()
                            + " (" + masterConnections[g].lastError + "); windows stay at their maximum meanwhile");
                }
                beatFailing[g] = true;
                known = false;
                masterBeatMicros[g] = 0; // until a beat succeeds, lag is unknown
                lastBeatNanos[g] = 0;
            } else {
                if (beatFailing[g]) {
                    log.accept(group.master().describe() + ": heartbeat written again");
                }
                beatFailing[g] = false;
                masterBeatMicros[g] = written;
                lastBeatNanos[g] = now;
            }
        }
        known &= masterBeatMicros[g] != 0;
        long maxLag = 0;
        for (int r = 0; r < group.states().size(); r++) {
            ReplicaState state = group.states().get(r);
            Held held = replicaConnections[g][r];
            boolean wasHealthy = state.healthy();
            Long seen = heartbeatRead(held, group.name());
            if (seen == null) {
                known = false;
                state.unreachable(held.lastError.isEmpty() ? "no heartbeat row in " + heartbeat.table() + " yet"
                        : held.lastError);
            } else if (masterBeatMicros[g] != 0) {
                long lag = Heartbeat.lagMillis(masterBeatMicros[g], seen);
                maxLag = Math.max(maxLag, lag);
                state.polled(GtidPosition.EMPTY, heartbeat.healthLagMillis(lag));
            }
            if (wasHealthy != state.healthy()) {
                log.accept(state.healthy() ? state.name() + " is back in rotation, lag " + state.lagMillis() + " ms"
                        : state.name() + " is out of rotation: " + state.reason());
            }
        }
        tracker.trackingMillis(group.index(), heartbeat.window(known ? peaks[g].add(now, maxLag) : -1));
        tracker.release(group.index(), -1, System.nanoTime());
    }

    /** Writes the master's heartbeat and returns its time in epoch microseconds, or null. */
    private Long beat(Held held, int g, String name) {
        try {
            if (held.connection == null) {
                held.connection = held.probe.open();
                tableCreated[g] = false;
            }
            long start = System.nanoTime();
            if (heartbeat.create() && !tableCreated[g]) {
                try (Statement s = held.connection.createStatement()) {
                    s.execute(heartbeat.ddl());
                }
                tableCreated[g] = true;
            }
            try (PreparedStatement ps = held.connection.prepareStatement(heartbeat.writeSql())) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            Long micros = readRow(held.connection, name);
            polls.incrementAndGet();
            pollNanos.addAndGet(System.nanoTime() - start);
            held.lastError = "";
            return micros;
        } catch (SQLException | RuntimeException e) {
            failed(held, e);
            return null;
        }
    }

    /** The heartbeat time a node shows for {@code name}, in epoch microseconds; null without a row or on error. */
    private Long heartbeatRead(Held held, String name) {
        try {
            if (held.connection == null) {
                held.connection = held.probe.open();
            }
            long start = System.nanoTime();
            Long micros = readRow(held.connection, name);
            polls.incrementAndGet();
            pollNanos.addAndGet(System.nanoTime() - start);
            held.lastError = "";
            return micros;
        } catch (SQLException | RuntimeException e) {
            failed(held, e);
            return null;
        }
    }

    private Long readRow(Connection connection, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(heartbeat.readSql())) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static void failed(Held held, Exception e) {
        held.lastError = e.getMessage() == null ? e.toString() : e.getMessage();
        closeQuietly(held);
    }

    /**
     * Time since the master first had a position {@code applied} does not cover (within one interval). When even the
     * oldest remembered master position is not covered, the replica has been behind at least since then, and since
     * whenever an earlier poll found it behind: the older of the two is kept, so lag beyond the history still grows.
     */
    private long lagMillis(int g, int r, GtidPosition applied, long domain, long now) {
        int n = Math.min(historyNext[g], HISTORY);
        int start = historyNext[g] - n;
        for (int i = start; i < historyNext[g]; i++) {
            int at = i % HISTORY;
            if (!applied.coversReplicated(historyPositions[g][at], domain)) {
                long since = historyTimes[g][at];
                if (i == start && n == HISTORY && lagSince[g][r] != 0) {
                    since = Math.min(since, lagSince[g][r]);
                }
                lagSince[g][r] = since;
                return (now - since) / 1_000_000L;
            }
        }
        lagSince[g][r] = 0;
        return 0;
    }

    private GtidPosition query(Held held, String sql, ServerFlavor flavor) {
        try {
            if (held.connection == null) {
                held.connection = held.probe.open();
            }
            long start = System.nanoTime(); // the round trip, not the (rare) connect
            try (Statement s = held.connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                GtidPosition p = flavor.parsePosition(rs.getString(1));
                polls.incrementAndGet();
                pollNanos.addAndGet(System.nanoTime() - start);
                held.lastError = "";
                return p;
            }
        } catch (SQLException | RuntimeException e) {
            held.lastError = e.getMessage() == null ? e.toString() : e.getMessage();
            if (held.connection != null) {
                try {
                    held.connection.close();
                } catch (SQLException ignored) {
                    // reopened on the next tick
                }
                held.connection = null;
            }
            return null;
        }
    }

    /** Mean cost of one position query (round trip included), in microseconds. */
    public double averagePollMicros() {
        long n = polls.get();
        return n == 0 ? 0 : pollNanos.get() / 1000.0 / n;
    }

    /** Completed rounds over every group. */
    public long ticks() {
        return ticks.get();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            for (Held held : masterConnections) {
                closeQuietly(held);
            }
            for (Held[] row : replicaConnections) {
                for (Held held : row) {
                    closeQuietly(held);
                }
            }
        }
    }

    private static void closeQuietly(Held held) {
        if (held.connection != null) {
            try {
                held.connection.close();
            } catch (SQLException ignored) {
                // closing
            }
            held.connection = null;
        }
    }
}

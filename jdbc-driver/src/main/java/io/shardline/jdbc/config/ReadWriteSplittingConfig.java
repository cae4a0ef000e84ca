package io.shardline.jdbc.config;

import io.shardline.consistency.ryw.Heartbeat;
import java.util.List;
import java.util.Map;

/**
 * How reads are split to replicas for one data source group ({@code readWriteSplitting}, at the top level and
 * optionally per data source, which overrides {@code loadBalancer}, {@code weights} and {@code maxReplicaLagMs}).
 * Without any {@code readWriteSplitting} section every statement runs on masters.
 *
 * @param loadBalancer     how a replica is picked among the eligible ones
 * @param weights          WEIGHTED only: one positive weight per replica, in replica order
 * @param maxReplicaLagMs  replicas further behind (measured from GTID positions) are skipped; 0 = no limit
 * @param transactionReads which reads of an explicit transaction go to the master
 * @param pollIntervalMs   how often replica positions are polled ({@code @@gtid_slave_pos})
 * @param readYourWrites   per-key read-your-writes
 */
public record ReadWriteSplittingConfig(LoadBalancer loadBalancer, List<Integer> weights, long maxReplicaLagMs,
        TransactionReads transactionReads, long pollIntervalMs, ReadYourWrites readYourWrites) {

    public ReadWriteSplittingConfig {
        weights = List.copyOf(weights);
    }

    /** Defaults: round robin, 10 s lag limit, master after a write, 20 ms polls, GTID read-your-writes. */
    public static final ReadWriteSplittingConfig DEFAULTS = new ReadWriteSplittingConfig(LoadBalancer.ROUND_ROBIN,
            List.of(), 10_000, TransactionReads.MASTER_AFTER_WRITE, 20, ReadYourWrites.DEFAULTS);

    /** Load balancers among eligible replicas. */
    public enum LoadBalancer {
        /** Each eligible replica in turn. */
        ROUND_ROBIN,
        /** A uniformly random eligible replica. */
        RANDOM,
        /** A random eligible replica, in proportion to its weight. */
        WEIGHTED
    }

    /** Which reads of an explicit transaction ({@code setAutoCommit(false)}) run on the master. */
    public enum TransactionReads {
        /** Reads after the transaction's first write (reads before it may use replicas). */
        MASTER_AFTER_WRITE,
        /** Every read of a transaction. */
        MASTER
    }

    /** Read-your-writes modes. */
    public enum Mode {
        /** Track written keys with their commit GTIDs; read them where the GTID is applied. */
        GTID,
        /** Track written keys for a time window ({@code windowMs}, or adaptive); read them from the master meanwhile. */
        TIME_WINDOW,
        /** Plain splitting: reads may see replica lag. */
        OFF
    }

    /** TIME_WINDOW: how the window is chosen. */
    public enum Window {
        /** {@code windowMs}. */
        FIXED,
        /** From the lag measured through a heartbeat table: max lag × safetyFactor + heartbeatIntervalMs. */
        ADAPTIVE
    }

    /**
     * {@code readWriteSplitting.readYourWrites}.
     *
     * @param mode           GTID, TIME_WINDOW or OFF
     * @param windowMs       TIME_WINDOW with a FIXED window: how long a written key reads from the master
     * @param heartbeat      TIME_WINDOW with an ADAPTIVE window: the heartbeat table and the window's bounds; else null
     * @param deadlineMs     GTID: a write is tracked at most this long, even if a replica never applies it
     * @param waitMs         GTID: when no replica has applied a key, wait up to this long on one with
     *                       {@code MASTER_GTID_WAIT} before using the master; 0 = go to the master at once
     * @param maxTrackedKeys keys tracked at most; beyond, writes mark their whole column (never stale reads)
     * @param queryLastGtid  when the OK packet does not report {@code last_gtid}, ask with {@code SELECT @@last_gtid}
     *                       (one round trip per commit); otherwise such commits read from the master until the deadline
     * @param keyColumns     logical table → key columns besides its sharding and generated columns (e.g. the primary key)
     * @param tableModes     logical table (lower case) → its own mode: {@code OFF} for a table whose reads never need
     *                       to see their writes at once (its writes are not tracked, its reads never wait); tables
     *                       not listed use {@code mode}
     */
    public record ReadYourWrites(Mode mode, long windowMs, Heartbeat heartbeat, long deadlineMs, long waitMs, int maxTrackedKeys,
            boolean queryLastGtid, Map<String, List<String>> keyColumns, Map<String, Mode> tableModes) {

        public ReadYourWrites {
            keyColumns = Map.copyOf(keyColumns);
            Map<String, Mode> lower = new java.util.HashMap<>();
            tableModes.forEach((table, m) -> lower.put(table.toLowerCase(java.util.Locale.ROOT), m));
            tableModes = Map.copyOf(lower);
        }

        /** Without per-table modes. */
        public ReadYourWrites(Mode mode, long windowMs, Heartbeat heartbeat, long deadlineMs, long waitMs,
                int maxTrackedKeys, boolean queryLastGtid, Map<String, List<String>> keyColumns) {
            this(mode, windowMs, heartbeat, deadlineMs, waitMs, maxTrackedKeys, queryLastGtid, keyColumns, Map.of());
        }

        public static final ReadYourWrites DEFAULTS = new ReadYourWrites(Mode.GTID, 2_000, null, 30_000, 0, 1_000_000, false,
                Map.of());

        /** The mode of one logical table (lower case): its {@code tableModes} entry, else {@code mode}. */
        public Mode modeOf(String table) {
            return tableModes.getOrDefault(table, mode);
        }

        /** The default adaptive window settings (table {@code shardline_heartbeat}, created when missing). */
        public static final Heartbeat HEARTBEAT_DEFAULTS = new Heartbeat("shardline_heartbeat", true, 100, 50, 30_000,
                1.5);

        /** How long a write is tracked at most in this mode (adaptive: until the first lag measurement). */
        public long trackingMillis() {
            if (mode != Mode.TIME_WINDOW) {
                return deadlineMs;
            }
            return heartbeat != null ? heartbeat.maxWindowMillis() : windowMs;
        }

        /** TIME_WINDOW with an ADAPTIVE window. */
        public boolean adaptive() {
            return mode == Mode.TIME_WINDOW && heartbeat != null;
        }
    }
}

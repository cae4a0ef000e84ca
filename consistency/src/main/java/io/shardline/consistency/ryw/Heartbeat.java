package io.shardline.consistency.ryw;

import java.util.regex.Pattern;

/**
 * Adaptive time window from measured lag, for servers without usable GTIDs: the {@link ReplicaPoller} writes
 * {@code (data source name, NOW(6))} into {@code table} on each master every {@code intervalMillis}, reads the
 * row back on each replica at every poll, and measures a replica's lag as the master time of the latest heartbeat
 * written minus the heartbeat time the replica shows (both the master's clock; never {@code Seconds_Behind_Master}).
 * Each data source's window is then {@link #window(long) max lag × factor + interval}, within {@code [min, max]},
 * where the max lag is the peak over its replicas and over the last {@link #peakHoldMillis()} ({@link PeakLag}).
 *
 * <p>A write's window is fixed when it is recorded: lag that grows later is covered only by the safety factor
 * and by the lag limit ({@code maxReplicaLagMs} must stay below {@code maxWindowMillis}).
 *
 * @param table           heartbeat table in each data source's database
 * @param create          create the table ({@link #ddl()}) on each master when missing
 * @param intervalMillis  how often each master's heartbeat row is written
 * @param minWindowMillis the window never goes below this
 * @param maxWindowMillis the window never goes above this (used while lag is unknown)
 * @param safetyFactor    measured lag is multiplied by this (at least 1)
 */
public record Heartbeat(String table, boolean create, long intervalMillis, long minWindowMillis, long maxWindowMillis,
        double safetyFactor) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,63}");

    public Heartbeat {
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("heartbeat table must be a plain identifier: " + table);
        }
        if (intervalMillis < 1 || minWindowMillis < 1 || maxWindowMillis < minWindowMillis || safetyFactor < 1
                || Double.isNaN(safetyFactor)) {
            throw new IllegalArgumentException("heartbeat: interval " + intervalMillis + ", window [" + minWindowMillis
                    + ", " + maxWindowMillis + "], factor " + safetyFactor);
        }
    }

    /** True when {@code name} is usable as {@link #table}. */
    public static boolean isIdentifier(String name) {
        return name != null && IDENTIFIER.matcher(name).matches();
    }

    /** The table: one row per data source, its master's clock (microseconds) at the latest heartbeat. */
    public String ddl() {
        return "CREATE TABLE IF NOT EXISTS " + table + " (name VARCHAR(64) NOT NULL PRIMARY KEY, "
                + "ts TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6))";
    }

    String writeSql() {
        return "INSERT INTO " + table + " (name, ts) VALUES (?, NOW(6)) ON DUPLICATE KEY UPDATE ts = VALUES(ts)";
    }

    /** Epoch microseconds, independent of the session time zone (a TIMESTAMP is stored in UTC). */
    String readSql() {
        return "SELECT CAST(UNIX_TIMESTAMP(ts) * 1000000 AS SIGNED) FROM " + table + " WHERE name = ?";
    }

    /**
     * Lag of one replica: master time of the latest heartbeat written minus the heartbeat time it shows, in ms
     * (never negative). The true lag may exceed it by up to one heartbeat interval, which {@link #window} adds.
     */
    public static long lagMillis(long masterMicros, long replicaMicros) {
        return Math.max(0, masterMicros - replicaMicros) / 1000L;
    }

    /**
     * The window for a data source whose replicas lag at most {@code maxLagMillis} (negative: unknown, so the
     * maximum): {@code maxLag × safetyFactor + interval}, within {@code [minWindowMillis, maxWindowMillis]}.
     */
    public long window(long maxLagMillis) {
        if (maxLagMillis < 0) {
            return maxWindowMillis;
        }
        double w = Math.ceil(maxLagMillis * safetyFactor) + intervalMillis;
        if (w >= maxWindowMillis) {
            return maxWindowMillis;
        }
        return Math.max(minWindowMillis, (long) w);
    }

    /**
     * How long a measured lag keeps the window up ({@link PeakLag}): at least 2 s (two swings of a
     * whole-second-delayed replica) and ten heartbeat intervals.
     */
    public long peakHoldMillis() {
        return Math.max(2_000, 10 * intervalMillis);
    }

    /** Lag to judge a replica's health by: the measured lag plus one interval (an upper bound). */
    public long healthLagMillis(long measuredLagMillis) {
        return measuredLagMillis + intervalMillis;
    }
}

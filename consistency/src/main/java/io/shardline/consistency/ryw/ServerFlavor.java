package io.shardline.consistency.ryw;

import java.util.Locale;

/**
 * How a server family reports commit positions and waits for them. The two differ in ways that cause real bugs:
 * MariaDB's {@code MASTER_GTID_WAIT} returns 0 when applied and -1 on timeout, MySQL's
 * {@code WAIT_FOR_EXECUTED_GTID_SET} returns 0 when applied and <b>1</b> on timeout; both return NULL on bad input.
 *
 * <p>Positions of both end up as a {@link GtidPosition} (domain → sequence number): MariaDB's natively, MySQL's
 * {@code uuid:interval} sets reduced per source to their low-water mark ({@link MySqlGtidSet#toPosition}).
 */
public enum ServerFlavor {

    /** MariaDB: {@code domain-server-seq} positions, {@code last_gtid} in {@code session_track_system_variables}. */
    MARIADB("SELECT MASTER_GTID_WAIT(?, ?)", "SELECT @@gtid_slave_pos", "SELECT @@gtid_binlog_pos", "last_gtid"),

    /** MySQL 5.7+/8: {@code uuid:interval} sets, {@code session_track_gtids=OWN_GTID}. */
    MYSQL("SELECT WAIT_FOR_EXECUTED_GTID_SET(?, ?)", "SELECT @@global.gtid_executed",
            "SELECT @@global.gtid_executed", "session_track_gtids");

    private final String waitSql;
    private final String positionSql;
    private final String masterPositionSql;
    private final String sessionTracking;

    ServerFlavor(String waitSql, String positionSql, String masterPositionSql, String sessionTracking) {
        this.waitSql = waitSql;
        this.positionSql = positionSql;
        this.masterPositionSql = masterPositionSql;
        this.sessionTracking = sessionTracking;
    }

    /**
     * The family a server version string names. MariaDB says so ({@code 10.11.6-MariaDB-log}); through
     * Connector/J, whose handshake parsing keeps MariaDB's compatibility prefix, it reads {@code 5.5.5-10.11.6-MariaDB},
     * and the prefix {@code 5.5.5-} alone is MariaDB's too (no MySQL release ever reported it). Anything else is MySQL.
     */
    public static ServerFlavor fromVersion(String version) {
        if (version == null) {
            return MARIADB;
        }
        String v = version.toLowerCase(Locale.ROOT);
        return v.contains("mariadb") || v.startsWith("5.5.5-") ? MARIADB : MYSQL;
    }

    /** The bounded wait: parameters are the position text and the timeout in seconds ({@link #waitSeconds}). */
    public String waitSql() {
        return waitSql;
    }

    /** What a replica has applied. */
    public String positionSql() {
        return positionSql;
    }

    /** What a master has written (to measure replica lag against). */
    public String masterPositionSql() {
        return masterPositionSql;
    }

    /** The server setting that makes the OK packet carry the commit's GTID. */
    public String sessionTracking() {
        return sessionTracking;
    }

    /**
     * A position as this family prints it ({@link #positionSql}, {@link #masterPositionSql}), as domain → sequence
     * number; MySQL sets by their per-source low-water mark.
     *
     * @throws IllegalArgumentException when the text is not a position of this family
     */
    public GtidPosition parsePosition(String text) {
        return this == MARIADB ? GtidPosition.parse(text) : MySqlGtidSet.parse(text).toPosition();
    }

    /**
     * The timeout argument of {@link #waitSql} for a bound in milliseconds: MariaDB takes fractions of a second;
     * MySQL 5.7 takes whole seconds (a fraction could truncate to 0), so it is rounded up to at least 1.
     */
    public double waitSeconds(long millis) {
        return this == MARIADB ? millis / 1000.0 : Math.max(1, (millis + 999) / 1000);
    }

    /**
     * Whether a wait's result means "applied".
     *
     * @param result the function's value, or null for SQL NULL
     */
    public boolean applied(Integer result) {
        return result != null && result == 0;
    }

    /** Whether a wait's result means "timed out" (not an error): -1 on MariaDB, 1 on MySQL. */
    public boolean timedOut(Integer result) {
        return result != null && result == (this == MARIADB ? -1 : 1);
    }
}

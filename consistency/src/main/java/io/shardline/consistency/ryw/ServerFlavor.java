package io.shardline.consistency.ryw;

/**
 * How a server family reports commit positions and waits for them. The two differ in ways that cause real bugs:
 * MariaDB's {@code MASTER_GTID_WAIT} returns 0 when applied and -1 on timeout, MySQL's
 * {@code WAIT_FOR_EXECUTED_GTID_SET} returns 0 when applied and <b>1</b> on timeout; both return NULL on bad input.
 */
public enum ServerFlavor {

    /** MariaDB: {@code domain-server-seq} positions, {@code last_gtid} in {@code session_track_system_variables}. */
    MARIADB("SELECT MASTER_GTID_WAIT(?, ?)", "SELECT @@gtid_slave_pos", "last_gtid"),

    /** MySQL 5.7+/8: {@code uuid:interval} sets, {@code session_track_gtids=OWN_GTID}. */
    MYSQL("SELECT WAIT_FOR_EXECUTED_GTID_SET(?, ?)", "SELECT @@gtid_executed", "session_track_gtids");

    private final String waitSql;
    private final String positionSql;
    private final String sessionTracking;

    ServerFlavor(String waitSql, String positionSql, String sessionTracking) {
        this.waitSql = waitSql;
        this.positionSql = positionSql;
        this.sessionTracking = sessionTracking;
    }

    /** The bounded wait: parameters are the position text and the timeout in seconds (fractions allowed). */
    public String waitSql() {
        return waitSql;
    }

    /** What a replica has applied. */
    public String positionSql() {
        return positionSql;
    }

    /** The server setting that makes the OK packet carry the commit's GTID. */
    public String sessionTracking() {
        return sessionTracking;
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

package io.shardline.consistency.binlog;

/** Receives what a {@link BinlogFollower} reads, on the follower's thread, in binlog order. */
public interface BinlogSink {

    /** Rows a transaction changed in one table (both images of an update). */
    void rowsApplied(RowsEvent event);

    /**
     * A statement in the binlog that is not a transaction boundary: DDL, or DML logged as a statement; which rows
     * it changed is unknown.
     *
     * @param follower the follower's endpoint
     * @param database the default database of the statement (may be empty)
     * @param sql      the statement
     * @param gtid     its GTID, or empty
     */
    void statementApplied(BinlogEndpoint follower, String database, String sql, String gtid);

    /** The transaction (GTID) ended: what it changed is all delivered. Default: nothing. */
    default void transactionApplied(BinlogEndpoint follower, String gtid) {
    }
}

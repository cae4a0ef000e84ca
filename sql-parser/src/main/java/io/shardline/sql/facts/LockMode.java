package io.shardline.sql.facts;

/** Row locking requested by a SELECT; any lock sends the read to the master. */
public enum LockMode {
    /** No locking clause. */
    NONE,
    /** FOR UPDATE. */
    FOR_UPDATE,
    /** FOR UPDATE NOWAIT. */
    FOR_UPDATE_NOWAIT,
    /** FOR UPDATE SKIP LOCKED. */
    FOR_UPDATE_SKIP_LOCKED,
    /** LOCK IN SHARE MODE or FOR SHARE. */
    SHARE,
    /** FOR SHARE NOWAIT. */
    SHARE_NOWAIT,
    /** FOR SHARE SKIP LOCKED. */
    SHARE_SKIP_LOCKED
}

package io.shardline.testkit;

/** What a node is in its group. */
public enum NodeRole {
    /** Takes the group's writes; its binlog is the group's GTID domain. */
    MASTER,
    /** Replicates its group's master with GTIDs; started read-only. */
    REPLICA
}

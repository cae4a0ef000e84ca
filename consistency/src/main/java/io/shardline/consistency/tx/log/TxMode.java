package io.shardline.consistency.tx.log;

/** How the branches of a global transaction are committed. */
public enum TxMode {
    /** Branches execute as local transactions and commit back to back; failures are compensated from undo records. */
    DELAYED,
    /** Branches are MariaDB XA transactions: prepared first, then committed (or rolled back) by the log's decision. */
    XA
}

package io.shardline.consistency.tx.log;

/** How a global transaction ended; carried by {@link TxRecordType#FINISHED} records. */
public enum TxOutcome {
    /** Every branch committed. */
    COMMITTED,
    /** Some branches committed, a later one failed, and the committed ones were restored from undo records. */
    COMPENSATED,
    /** No branch committed (or all XA branches were rolled back). */
    ROLLED_BACK,
    /** Compensation found a conflicting write and left the rows alone: a human has to resolve it. */
    MANUAL
}

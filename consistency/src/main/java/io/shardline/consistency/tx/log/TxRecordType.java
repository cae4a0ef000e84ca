package io.shardline.consistency.tx.log;

/** What a {@link TxRecord} says about a global transaction. */
public enum TxRecordType {
    /**
     * The commit decision is about to be executed: written (and fsynced) BEFORE the first branch commit (delayed
     * mode) or after every XA PREPARE succeeded (XA mode). Carries the mode and the branch list.
     */
    COMMITTING,
    /** A branch commit failed (or recovery decided so): the transaction is being rolled back/compensated. fsynced. */
    COMPENSATING,
    /** The global outcome is settled and nothing is left to do for it. Carries the outcome and a detail text. */
    FINISHED
}

package io.shardline.consistency.tx;

import java.sql.SQLException;

/**
 * A multi-group commit that did not commit everywhere: says what became of the transaction (rolled back,
 * compensated, left for manual resolution, or in doubt) and names its id and every data source involved.
 * SQLState {@code 40000} (rolled back) or {@code 08007} (transaction resolution unknown).
 */
public final class GlobalCommitException extends SQLException {

    /** What the application's transaction became. */
    public enum Outcome {
        /** Nothing committed anywhere. */
        ROLLED_BACK,
        /** Some branches committed, then were restored from their undo records: nothing of it remains. */
        COMPENSATED,
        /** Compensation found rows changed by someone else since; they were left alone and need a human. */
        MANUAL,
        /** A data source could not be reached to learn or settle its branch; Shardline retries in the background. */
        IN_DOUBT
    }

    private final String xid;
    private final Outcome outcome;

    GlobalCommitException(String xid, Outcome outcome, String message, Throwable cause) {
        super("Transaction " + xid + " " + describe(outcome) + ": " + message,
                outcome == Outcome.IN_DOUBT ? "08007" : "40000", cause);
        this.xid = xid;
        this.outcome = outcome;
    }

    private static String describe(Outcome outcome) {
        return switch (outcome) {
            case ROLLED_BACK -> "rolled back";
            case COMPENSATED -> "rolled back (committed branches compensated)";
            case MANUAL -> "rolled back except rows changed by others since (manual resolution needed)";
            case IN_DOUBT -> "in doubt";
        };
    }

    /** The global transaction id (also in the undo tables and the transaction log). */
    public String xid() {
        return xid;
    }

    public Outcome outcome() {
        return outcome;
    }
}

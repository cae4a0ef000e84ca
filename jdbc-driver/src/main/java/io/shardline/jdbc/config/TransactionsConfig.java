package io.shardline.jdbc.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How transactions that write on several data source groups are committed ({@code transactions} in the YAML).
 * A transaction that writes on one group is a plain local transaction in every mode.
 *
 * @param mode            how a multi-group transaction commits
 * @param logDirectory    where the transaction log lives; empty = {@code ${java.io.tmpdir}/shardline-txlog/<id>}, id
 *                        derived from the masters' URLs (so a restarted application finds its log again)
 * @param segmentBytes    transaction log segment size
 * @param undoTable       the undo table in each group's database (created on first use)
 * @param resolveIntervalMs how often transactions left in doubt (a data source unreachable while committing) are
 *                        retried in the background
 */
public record TransactionsConfig(Mode mode, Optional<Path> logDirectory, long segmentBytes, String undoTable,
        long resolveIntervalMs) {

    /** Delayed commit with compensation, the log in the temporary directory, 5 s between retries. */
    public static final TransactionsConfig DEFAULTS = new TransactionsConfig(Mode.DELAYED, Optional.empty(),
            16L << 20, "shardline_undo_log", 5_000);

    /** Commit protocols for transactions that write on several groups. */
    public enum Mode {
        /**
         * Execute every branch, commit them back to back at the end; a failed commit compensates the committed
         * branches from their undo records; decisions go to the transaction log (crash-safe).
         */
        DELAYED,
        /** Native XA: XA START ... XA PREPARE on every branch, then XA COMMIT; the log makes the decision durable. */
        XA,
        /** Commit each branch on its own, no atomicity across groups (failures are reported, nothing is undone). */
        LOCAL
    }
}

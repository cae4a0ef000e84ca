package io.shardline.consistency.tx;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the transactions a DataSource committed (cheap to update, read any time). */
public final class TransactionMetrics {

    final LongAdder localCommits = new LongAdder();
    final LongAdder globalCommits = new LongAdder();
    final LongAdder xaCommits = new LongAdder();
    final LongAdder compensations = new LongAdder();
    final LongAdder compensatedRows = new LongAdder();
    final LongAdder manualResolutions = new LongAdder();
    final LongAdder inDoubt = new LongAdder();
    final LongAdder recovered = new LongAdder();

    /** Commits of transactions that wrote on at most one data source (plain local commits). */
    public long localCommits() {
        return localCommits.sum();
    }

    /** Delayed commits of transactions that wrote on several data sources and committed everywhere. */
    public long globalCommits() {
        return globalCommits.sum();
    }

    /** XA transactions committed (one or several branches). */
    public long xaCommits() {
        return xaCommits.sum();
    }

    /** Global transactions whose committed branches were compensated (restored from undo records). */
    public long compensations() {
        return compensations.sum();
    }

    /** Rows restored by compensation. */
    public long compensatedRows() {
        return compensatedRows.sum();
    }

    /** Global transactions left for manual resolution: a row to restore had been changed by someone else. */
    public long manualResolutions() {
        return manualResolutions.sum();
    }

    /** Commits whose outcome was unknown when the application got its answer (a data source unreachable). */
    public long inDoubt() {
        return inDoubt.sum();
    }

    /** Unfinished global transactions settled by recovery (at start or by the background resolver). */
    public long recovered() {
        return recovered.sum();
    }

    @Override
    public String toString() {
        return "TransactionMetrics{local=" + localCommits() + ", global=" + globalCommits() + ", xa=" + xaCommits()
                + ", compensations=" + compensations() + " (" + compensatedRows() + " rows), manual="
                + manualResolutions() + ", inDoubt=" + inDoubt() + ", recovered=" + recovered() + "}";
    }
}

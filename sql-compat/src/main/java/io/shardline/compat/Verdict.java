package io.shardline.compat;

/** How one corpus statement fared on the path under test, compared with the oracle. */
public enum Verdict {
    /** Same answer: columns (labels and JDBC types), rows, update counts. */
    PASS,
    /** The path refused the statement with a clear error (SQLState 42000 or 0A000, not a server error). */
    REJECTED,
    /** A different answer: always a bug. */
    WRONG,
    /** Anything else: an unexpected exception on the path, or the oracle itself failing (a corpus defect). */
    ERROR
}

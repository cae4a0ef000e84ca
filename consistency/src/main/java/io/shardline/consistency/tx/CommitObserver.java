package io.shardline.consistency.tx;

/**
 * Sees the steps of a multi-group commit as they happen. For instrumentation and for fault-injection tests (which
 * pause or kill at a chosen step); the default does nothing. Called on the committing thread, so a slow observer
 * slows the commit.
 */
public interface CommitObserver {

    /** Does nothing. */
    CommitObserver NONE = new CommitObserver() {
    };

    /** The COMMITTING decision is durable in the log; no branch has committed yet. */
    default void decided(String xid) {
    }

    /** Branch {@code index} (0-based, commit order) of {@code count} is about to commit. */
    default void beforeBranchCommit(String xid, String dataSource, int index, int count) {
    }

    /** Branch {@code index} committed. */
    default void afterBranchCommit(String xid, String dataSource, int index, int count) {
    }

    /** A commit failed: the committed branches are about to be compensated. */
    default void beforeCompensation(String xid) {
    }
}

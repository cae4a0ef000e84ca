package io.shardline.consistency.tx.undo;

/** What recovery learns about one branch of a global transaction from {@link UndoLog#fence}. */
public enum BranchState {
    /** The branch's local transaction committed (its marker is there): its writes are durable on its database. */
    COMMITTED,
    /** The branch did not commit and now never can: the fence holds its marker's key. */
    ABORTED
}

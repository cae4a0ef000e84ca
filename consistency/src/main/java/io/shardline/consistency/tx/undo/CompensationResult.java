package io.shardline.consistency.tx.undo;

import java.util.List;

/**
 * The outcome of compensating one branch.
 *
 * @param xid the global transaction
 * @param branch the branch (data source name)
 * @param restored number of undo records applied (and deleted) in this run
 * @param conflicts rows left as they are because someone changed them after the branch; their records are kept with
 *     status {@code MANUAL}
 */
public record CompensationResult(String xid, String branch, int restored, List<UndoConflict> conflicts) {
    public CompensationResult {
        conflicts = List.copyOf(conflicts);
    }

    /** Whether every record was applied: nothing is left for a human. */
    public boolean complete() {
        return conflicts.isEmpty();
    }
}

package io.shardline.consistency.tx.log;

import java.util.List;

/**
 * A global transaction with a COMMITTING record and no FINISHED record: what recovery has to complete or compensate.
 *
 * @param xid the global transaction id
 * @param mode the mode from its COMMITTING record
 * @param branches the branches from its COMMITTING record, in commit order
 * @param compensating whether a COMPENSATING record was written after the COMMITTING record
 * @param startedMillis the time of its COMMITTING record
 */
public record UnfinishedTransaction(String xid, TxMode mode, List<String> branches, boolean compensating,
                                    long startedMillis) {

    public UnfinishedTransaction {
        branches = List.copyOf(branches);
    }
}

package io.shardline.sql.facts;

import java.util.List;

/**
 * One LEFT or RIGHT (outer) join: the tables whose rows it keeps even without a match, and the tables that supply
 * NULLs then. The router needs it because a preserved row is produced by every shard the join runs on, matched or
 * not; only when the preserved side is itself partitioned does each row come from exactly one shard.
 *
 * @param preserved     table names on the side that keeps every row (the left side of a LEFT JOIN)
 * @param nullSupplying table names on the side that supplies NULLs for unmatched rows
 */
public record OuterJoin(List<String> preserved, List<String> nullSupplying) {

    public OuterJoin {
        preserved = List.copyOf(preserved);
        nullSupplying = List.copyOf(nullSupplying);
    }

    @Override
    public String toString() {
        return preserved + " keeps, " + nullSupplying + " supplies NULLs";
    }
}

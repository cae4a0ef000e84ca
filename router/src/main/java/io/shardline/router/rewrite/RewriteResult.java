package io.shardline.router.rewrite;

import io.shardline.router.merge.MergePlan;
import io.shardline.router.plan.ExecutionUnit;
import java.util.List;
import java.util.Optional;

/**
 * The rewriter's answer: one statement per route unit, and how to merge their rows.
 *
 * @param units one rewritten statement (SQL and its parameters) per route unit, in the route's order
 * @param merge how to combine the units' rows; present only for a query on two or more units
 */
public record RewriteResult(List<ExecutionUnit> units, Optional<MergePlan> merge) {

    public RewriteResult {
        units = List.copyOf(units);
    }
}

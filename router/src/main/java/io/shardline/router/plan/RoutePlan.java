package io.shardline.router.plan;

import io.shardline.router.merge.MergePlan;
import io.shardline.router.merge.UnionPlan;
import java.util.List;
import java.util.Optional;

/**
 * Where a statement runs and how its results combine: the router's output, the executor's input.
 * Immutable; no later stage changes it.
 *
 * @param opcode      how the targets were chosen
 * @param query       the statement returns rows (SELECT, SHOW ...) rather than an update count
 * @param units       what runs where, in a deterministic order (data source, then actual table)
 * @param merge       how to combine several units' rows; empty for updates and for one-unit queries
 * @param needsMaster the statement must run on masters (writes, locking reads, force-master hints); the
 *                    read/write splitter may send other queries to replicas
 * @param generatedKeys keys Shardline generated for an INSERT, returned by {@code getGeneratedKeys()}
 * @param schemaChange the statement is DDL (see {@link io.shardline.sql.facts.StatementKind#changesSchema()})
 * @param union       for a UNION over sharded tables whose SELECTs run apart: how their units' rows combine (then
 *                    {@code merge} is empty)
 */
public record RoutePlan(RouteOpcode opcode, boolean query, List<ExecutionUnit> units, Optional<MergePlan> merge,
        boolean needsMaster, Optional<GeneratedKeys> generatedKeys, boolean schemaChange, Optional<UnionPlan> union) {

    public RoutePlan {
        units = List.copyOf(units);
        if (union.isPresent() && (merge.isPresent() || union.get().units() != units.size())) {
            throw new IllegalArgumentException("a UNION plan has no merge plan of its own and accounts for every"
                    + " unit: " + union.get().units() + " of " + units.size());
        }
        if (opcode == RouteOpcode.NONE && !units.isEmpty()) {
            throw new IllegalArgumentException("a NONE plan has no units");
        }
        if (opcode != RouteOpcode.NONE && units.isEmpty()) {
            throw new IllegalArgumentException("a " + opcode + " plan needs at least one unit");
        }
        if (query && units.size() > 1 && merge.isEmpty() && union.isEmpty()) {
            throw new IllegalArgumentException("a query on " + units.size() + " units needs a merge plan");
        }
    }

    public RoutePlan(RouteOpcode opcode, boolean query, List<ExecutionUnit> units, Optional<MergePlan> merge,
            boolean needsMaster, Optional<GeneratedKeys> generatedKeys, boolean schemaChange) {
        this(opcode, query, units, merge, needsMaster, generatedKeys, schemaChange, Optional.empty());
    }

    public RoutePlan(RouteOpcode opcode, boolean query, List<ExecutionUnit> units, Optional<MergePlan> merge,
            boolean needsMaster, Optional<GeneratedKeys> generatedKeys) {
        this(opcode, query, units, merge, needsMaster, generatedKeys, false);
    }

    public RoutePlan(RouteOpcode opcode, boolean query, List<ExecutionUnit> units, Optional<MergePlan> merge,
            boolean needsMaster) {
        this(opcode, query, units, merge, needsMaster, Optional.empty());
    }

    /** A plan that runs one statement on one data source. */
    public static RoutePlan single(ExecutionUnit unit, boolean query, boolean needsMaster) {
        return new RoutePlan(RouteOpcode.SINGLE, query, List.of(unit), Optional.empty(), needsMaster);
    }
}

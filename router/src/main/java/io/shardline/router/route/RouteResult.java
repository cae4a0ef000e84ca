package io.shardline.router.route;

import io.shardline.router.plan.GeneratedKeys;
import io.shardline.router.plan.RouteOpcode;
import java.util.List;
import java.util.Optional;

/**
 * The router's answer for one statement, before rewriting: how the units were chosen and what they are, in a
 * deterministic order (data source, then actual tables).
 *
 * @param opcode        how the units were chosen
 * @param units         where the statement runs; empty only for {@link RouteOpcode#NONE}
 * @param generatedKeys keys generated for an INSERT that omitted its key column
 */
public record RouteResult(RouteOpcode opcode, List<RouteUnit> units, Optional<GeneratedKeys> generatedKeys) {

    public RouteResult {
        units = List.copyOf(units);
        if ((opcode == RouteOpcode.NONE) != units.isEmpty()) {
            throw new IllegalArgumentException(opcode + " route with " + units.size() + " units");
        }
    }

    public RouteResult(RouteOpcode opcode, List<RouteUnit> units) {
        this(opcode, units, Optional.empty());
    }
}

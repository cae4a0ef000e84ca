package io.shardline.spring;

import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.PlanningException;
import io.shardline.router.plan.RouteOpcode;
import io.shardline.router.plan.RoutePlan;
import io.shardline.router.plan.StatementPlanner;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts planned statements by {@link RouteOpcode}, and statements that could not be routed, by wrapping the
 * planner the DataSource is built with ({@code ShardlineDataSource.Builder#planner}): the driver plans every
 * statement it executes once, so no hook inside the driver is needed. {@code ShardlineDataSource.preview} plans
 * too and is counted like an execution.
 */
public final class StatementCounter {

    private final Map<RouteOpcode, LongAdder> byOpcode = new EnumMap<>(RouteOpcode.class);
    private final LongAdder unroutable = new LongAdder();

    public StatementCounter() {
        for (RouteOpcode opcode : RouteOpcode.values()) {
            byOpcode.put(opcode, new LongAdder());
        }
    }

    /** A planner that delegates to {@code planner} and counts what it returns. */
    public StatementPlanner wrap(StatementPlanner planner) {
        Objects.requireNonNull(planner, "planner");
        return (sql, parameters, context) -> plan(planner, sql, parameters, context);
    }

    private RoutePlan plan(StatementPlanner planner, String sql, List<Object> parameters, PlanningContext context) {
        RoutePlan plan;
        try {
            plan = planner.plan(sql, parameters, context);
        } catch (PlanningException e) {
            unroutable.increment();
            throw e;
        }
        byOpcode.get(plan.opcode()).increment();
        return plan;
    }

    /** Statements planned with {@code opcode} so far. */
    public long count(RouteOpcode opcode) {
        return byOpcode.get(opcode).sum();
    }

    /** Statements the planner refused (the application got an SQLException naming the construct). */
    public long unroutable() {
        return unroutable.sum();
    }
}

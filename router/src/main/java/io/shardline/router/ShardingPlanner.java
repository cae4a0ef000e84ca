package io.shardline.router;

import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.PlanningException;
import io.shardline.router.plan.RoutePlan;
import io.shardline.router.plan.StatementPlanner;
import io.shardline.router.rule.ShardingRule;
import java.util.List;

/** The default planner: parse (cached) → route → rewrite. */
public final class ShardingPlanner implements StatementPlanner {

    private final ShardingRule rule;

    public ShardingPlanner(ShardingRule rule) {
        this.rule = rule;
    }

    public ShardingRule rule() {
        return rule;
    }

    @Override
    public RoutePlan plan(String sql, List<Object> parameters, PlanningContext context) {
        throw new PlanningException("planner not wired yet"); // wired when route and rewrite land
    }
}

package io.shardline.jdbc;

import io.shardline.router.merge.MergePlan;
import io.shardline.router.plan.ExecutionUnit;
import io.shardline.router.plan.GeneratedKeys;
import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.PlanningException;
import io.shardline.router.plan.RouteOpcode;
import io.shardline.router.plan.RoutePlan;
import io.shardline.router.plan.StatementPlanner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-written planner for the driver's tests (the real router is not wired yet). Two data sources,
 * {@code ds_0} and {@code ds_1}; logical tables {@code t_*} become {@code t_*_N} on ds_N. Routing:
 * <ul>
 * <li>{@code /*ds:N*}{@code /} in the SQL, or a forced-data-source hint: ds_N only;</li>
 * <li>{@code INSERT}: by the first parameter ({@code id % 2}); {@code ... WHERE id = ?}: by the last parameter;</li>
 * <li>otherwise every data source (SCATTER); multi-unit queries need a merge plan registered with {@link #merge}.</li>
 * </ul>
 * {@code ... IN ()} is a NONE plan. {@code BAD ...} is refused with a PlanningException; {@code INSERT /*gen*}{@code /} reports the first parameter
 * as a key Shardline generated. Every context seen is recorded.
 */
final class TestPlanner implements StatementPlanner {

    private static final Pattern FORCED = Pattern.compile("/\\*ds:(\\d)\\*/");
    private static final Pattern TABLE = Pattern.compile("\\b(t_[a-z]+)\\b");

    final Map<String, MergePlan> merges = new ConcurrentHashMap<>();
    final List<PlanningContext> contexts = Collections.synchronizedList(new ArrayList<>());

    TestPlanner merge(String sql, MergePlan plan) {
        merges.put(sql, plan);
        return this;
    }

    @Override
    public RoutePlan plan(String sql, List<Object> parameters, PlanningContext context) {
        contexts.add(context);
        String upper = sql.trim().toUpperCase(Locale.ROOT);
        if (upper.startsWith("BAD")) {
            throw new PlanningException("test planner refuses this statement: BAD is not SQL");
        }
        boolean query = upper.startsWith("SELECT") || upper.startsWith("SHOW");
        if (upper.contains("IN ()")) {
            return new RoutePlan(RouteOpcode.NONE, query, List.of(), Optional.empty(), false);
        }
        int target = -1;
        Matcher forced = FORCED.matcher(sql);
        if (forced.find()) {
            target = Integer.parseInt(forced.group(1));
        } else if (context.forcedDataSource().isPresent()) {
            target = Integer.parseInt(context.forcedDataSource().get().substring(3));
        } else if (upper.startsWith("INSERT") && !parameters.isEmpty()) {
            target = (int) (((Number) parameters.get(0)).longValue() % 2);
        } else if (upper.endsWith("WHERE ID = ?")) {
            target = (int) (((Number) parameters.get(parameters.size() - 1)).longValue() % 2);
        }
        List<ExecutionUnit> units = new ArrayList<>();
        for (int ds = 0; ds < 2; ds++) {
            if (target < 0 || target == ds) {
                units.add(new ExecutionUnit("ds_" + ds, TABLE.matcher(sql).replaceAll("$1_" + ds), parameters));
            }
        }
        Optional<MergePlan> merge = Optional.empty();
        if (query && units.size() > 1) {
            MergePlan plan = merges.get(sql);
            if (plan == null) {
                throw new PlanningException("test planner has no merge plan for: " + sql);
            }
            merge = Optional.of(plan);
        }
        Optional<GeneratedKeys> keys = upper.startsWith("INSERT /*GEN*/")
                ? Optional.of(new GeneratedKeys("id", List.of(parameters.get(0)))) : Optional.empty();
        return new RoutePlan(units.size() == 1 ? RouteOpcode.SINGLE : RouteOpcode.SCATTER, query, units, merge,
                !query, keys);
    }
}

package io.shardline.router.route;

import io.shardline.router.algorithm.AlgorithmException;
import io.shardline.router.algorithm.BoundaryRangeShardingAlgorithm;
import io.shardline.router.algorithm.ComplexInlineShardingAlgorithm;
import io.shardline.router.algorithm.InlineShardingAlgorithm;
import io.shardline.router.algorithm.ModShardingAlgorithm;
import io.shardline.router.algorithm.ShardingAlgorithm;
import io.shardline.router.algorithm.ValueRange;
import io.shardline.router.plan.GeneratedKeys;
import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.PlanningException;
import io.shardline.router.plan.RouteOpcode;
import io.shardline.router.route.ShardConditions.ColumnCondition;
import io.shardline.router.rule.BindingGroup;
import io.shardline.router.rule.KeyGeneration;
import io.shardline.router.rule.ShardingRule;
import io.shardline.router.rule.ShardingStrategy;
import io.shardline.router.rule.TableRule;
import io.shardline.sql.ParsedStatement;
import io.shardline.sql.UnionBranches;
import io.shardline.sql.facts.Analysis;
import io.shardline.sql.facts.Assignment;
import io.shardline.sql.facts.ColumnRef;
import io.shardline.sql.facts.InsertFacts;
import io.shardline.sql.facts.InsertRow;
import io.shardline.sql.facts.MySqlFeature;
import io.shardline.sql.facts.Predicate;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.StatementKind;
import io.shardline.sql.facts.TableRef;
import io.shardline.sql.facts.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Routes one parsed statement to the data nodes it touches, from its facts, its parameter values and the sharding
 * rule. Thread-safe; everything that depends only on the rule is computed once in the constructor.
 *
 * <p>What is routed and how:
 * <ul>
 * <li>SELECT, UPDATE, DELETE: by the WHERE conditions on sharding columns ({@code =}, IN, BETWEEN, {@code <},
 * {@code <=}, {@code >}, {@code >=} under AND/OR), database strategy first, then the table strategy within each
 * chosen data source. Bound tables of a join share the route; broadcast tables keep their names.</li>
 * <li>INSERT, REPLACE: row by row; each unit lists the VALUES rows it gets. Keys are generated for a table with key
 * generation when the statement omits the key column.</li>
 * <li>DDL on one table: every data node of a sharded table, every data source for a broadcast table, the single
 * table's data source otherwise.</li>
 * </ul>
 * Anything that cannot be routed correctly is refused with a {@link PlanningException} naming the construct,
 * table and column: joins of unbound sharded tables, subqueries and UNIONs over sharded tables, INSERT ... SELECT
 * into or from them, sharding-column updates, rows without a sharding value, multi-table DDL on sharded tables.
 */
public final class ShardRouter {

    private final ShardingRule rule;
    private final List<String> dataSources;
    private final Map<String, ShardedTable> shardedTables;
    private final Map<BindingGroup, String> bindingProblems;
    private final String readDataSource;

    /** Precomputes, per sharded table, its data sources in rule order and its strategies' column indexes. */
    public ShardRouter(ShardingRule rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.dataSources = rule.dataSourceNames();
        Map<String, ShardedTable> tables = new HashMap<>();
        for (TableRule tableRule : rule.tableRules()) {
            tables.put(lower(tableRule.logicTable()), new ShardedTable(tableRule, dataSources));
        }
        this.shardedTables = tables;
        Map<BindingGroup, String> problems = new IdentityHashMap<>();
        for (BindingGroup group : rule.bindingGroups()) {
            TableRule first = rule.findTableRule(group.tables().get(0)).orElse(null);
            for (String name : group.tables()) {
                TableRule other = rule.findTableRule(name).orElse(null);
                if (first == null || other == null) {
                    problems.put(group, "binding group " + group.tables() + " names a table that is not sharded");
                    break;
                }
                Optional<String> why = BindingGroup.incompatibility(first, other);
                if (why.isPresent()) {
                    problems.put(group, why.get());
                    break;
                }
            }
        }
        this.bindingProblems = problems;
        this.readDataSource = dataSources.get(0);
    }

    /** The rule this router routes by. */
    public ShardingRule rule() {
        return rule;
    }

    /**
     * Routes a statement.
     *
     * @param statement  the parsed statement
     * @param parameters the application's bound values, in placeholder order; null elements are SQL NULL; null
     *                   means none
     * @param context    hints and session state; null means {@link PlanningContext#DEFAULT}
     * @return the units, in data source order (as configured), then actual table order (as configured)
     * @throws PlanningException naming the construct/table/column when the statement cannot be routed correctly
     */
    public RouteResult route(ParsedStatement statement, List<Object> parameters, PlanningContext context) {
        Objects.requireNonNull(statement, "statement");
        List<Object> params = parameters == null ? List.of() : parameters;
        StatementFacts facts = statement.facts();
        if (params.size() < facts.parameterCount()) {
            throw new PlanningException("statement has " + facts.parameterCount() + " parameter placeholders but "
                    + params.size() + " values were bound");
        }
        String forced = forcedDataSource(context);
        switch (facts.kind()) {
            case SELECT:
            case UPDATE:
            case DELETE:
                return routeQuery(statement, facts, params, forced);
            case INSERT:
            case REPLACE:
                return routeInsert(statement, facts, params, forced);
            case CREATE_TABLE:
            case ALTER_TABLE:
            case DROP_TABLE:
            case TRUNCATE_TABLE:
            case CREATE_INDEX:
            case DROP_INDEX:
            case OTHER_DDL:
                return routeDdl(facts, forced);
            default:
                throw new PlanningException(facts.kind().name().replace('_', ' ')
                        + " statements are handled by the session layer, not routed to shards");
        }
    }

    private String forcedDataSource(PlanningContext context) {
        if (context == null || context.forcedDataSource() == null || context.forcedDataSource().isEmpty()) {
            return null;
        }
        String name = context.forcedDataSource().get();
        for (String ds : dataSources) {
            if (ds.equals(name)) {
                return ds;
            }
        }
        throw new PlanningException("hint forces data source '" + name + "', which is not a data source (known: "
                + String.join(", ", dataSources) + ")");
    }

    // ---------------------------------------------------------------- SELECT / UPDATE / DELETE

    private RouteResult routeQuery(ParsedStatement statement, StatementFacts facts, List<Object> params,
            String forced) {
        TableClasses classes = classify(facts, statement);
        boolean write = facts.kind() != StatementKind.SELECT;
        if (classes.primary != null) {
            if (facts.analysis() != Analysis.FULL) {
                throw new PlanningException(facts.kind() + " on sharded table '" + classes.primary.logicTable()
                        + "' was not fully analysed; it cannot be routed");
            }
            if (facts.kind() == StatementKind.UPDATE) {
                checkShardingColumnAssignments(statement, facts, params, classes);
            }
            List<ColumnCondition[]> conditions = facts.where().isPresent()
                    ? conditions(statement, facts, params, classes).evaluate(facts.where().get())
                    : null;
            RouteResult result = routeSharded(classes, conditions, forced);
            if (conditions != null && forced == null) {
                result = cutInLists(statement, facts.where().get(), params, classes, result);
            }
            checkSingleTablesColocated(classes, result);
            checkOuterJoinsPartitioned(facts, result);
            if (write && facts.limit().isPresent() && result.units().size() > 1) {
                throw new PlanningException(facts.kind() + " ... LIMIT on sharded table '" + classes.primary.logicTable()
                        + "' reaches " + result.units().size() + " data nodes; each would apply the LIMIT on its own");
            }
            return result;
        }
        if (classes.singleTable != null) {
            if (write && classes.writeTargetBroadcast) {
                throw new PlanningException(facts.kind() + " of broadcast table '" + classes.firstTable
                        + "' reads table '" + classes.singleTable + "', which lives only on data source '"
                        + classes.singleDataSource + "'; the broadcast copies would diverge");
            }
            return singleUnit(singleDataSource(classes, forced));
        }
        if (classes.broadcastTable != null) {
            if (!write) {
                return singleUnit(forced != null ? forced : readDataSource);
            }
            return broadcast(forced);
        }
        // No table at all (SELECT 1, SELECT NOW()): any data source answers it.
        return singleUnit(forced != null ? forced : rule.defaultDataSource().orElse(readDataSource));
    }

    private void checkShardingColumnAssignments(ParsedStatement statement, StatementFacts facts, List<Object> params,
            TableClasses classes) {
        ShardedTable target = classes.primary;
        for (Assignment assignment : facts.assignments()) {
            ColumnRef column = assignment.column();
            int index = target.columnIndex(column.name());
            if (index < 0 || !classes.qualifierMatches(column)) {
                continue;
            }
            if (isColumnItself(statement, assignment.value(), column.name())) {
                continue; // SET user_id = user_id changes nothing
            }
            Object assigned = resolve(statement, assignment.value(), params);
            Object pinned = pinnedValue(statement, facts.where().orElse(null), params, classes, index);
            if (assigned == ShardConditions.UNKNOWN || assigned == ShardConditions.NULL || pinned == null
                    || !RouteValues.definitelyEqual(assigned, pinned)) {
                throw new PlanningException("UPDATE of sharded table '" + target.logicTable() + "' sets sharding column '"
                        + column.name() + "'; a row cannot move between shards (only allowed when the WHERE pins '"
                        + column.name() + "' to the same single value)");
            }
        }
    }

    /** The value a top-level {@code col = v} conjunct pins a sharding column to, or null. */
    private Object pinnedValue(ParsedStatement statement, Predicate where, List<Object> params, TableClasses classes,
            int index) {
        if (where instanceof Predicate.Comparison c && c.operator() == io.shardline.sql.facts.ComparisonOperator.EQ
                && classes.columnIndex(c.column()) == index) {
            Object v = resolve(statement, c.value(), params);
            return v == ShardConditions.UNKNOWN || v == ShardConditions.NULL ? null : v;
        }
        if (where instanceof Predicate.And and) {
            for (Predicate child : and.children()) {
                Object v = pinnedValue(statement, child, params, classes, index);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private ShardConditions conditions(ParsedStatement statement, StatementFacts facts, List<Object> params,
            TableClasses classes) {
        return new ShardConditions(classes.primary.columns.length, classes::columnIndex,
                v -> resolve(statement, v, params), facts.mysqlFeatures().contains(MySqlFeature.NULL_SAFE_EQUAL));
    }

    /** Routes the sharded table group; null conditions mean no WHERE. */
    private RouteResult routeSharded(TableClasses classes, List<ColumnCondition[]> conditions, String forced) {
        ShardedTable primary = classes.primary;
        if (forced != null && primary.dataSourceIndex(forced) < 0) {
            throw new PlanningException("hint forces data source '" + forced + "', which holds no data node of sharded"
                    + " table '" + primary.logicTable() + "' (it lives on " + primary.dataSources + ")");
        }
        boolean[][] hit = primary.newHitMatrix();
        if (conditions == null) {
            markAll(primary, hit, forced);
        } else {
            for (ColumnCondition[] conjunction : conditions) {
                mark(primary, conjunction, forced, hit);
            }
        }
        List<RouteUnit> units = new ArrayList<>();
        for (int d = 0; d < hit.length; d++) {
            for (int t = 0; t < hit[d].length; t++) {
                if (hit[d][t]) {
                    units.add(classes.unit(d, t));
                }
            }
        }
        return new RouteResult(opcode(units.size(), primary.nodeCount), units);
    }

    /**
     * Gives each unit only the values of a top-level {@code col IN (...)} on a sharding column whose rows can live
     * on that unit's data node (IN lists split per shard). Safe in any context: no row of this node can equal a
     * dropped value, so {@code col IN (kept)} and {@code col IN (all)} agree on every row here. Values that cannot be
     * resolved (expressions, NULL) stay everywhere; a unit that would keep nothing (only when the route reached it by
     * another conjunct) keeps the list as written.
     */
    private RouteResult cutInLists(ParsedStatement statement, Predicate where, List<Object> params,
            TableClasses classes, RouteResult result) {
        List<Predicate.In> lists = null;
        if (where instanceof Predicate.In in) {
            lists = List.of(in);
        } else if (where instanceof Predicate.And and) {
            for (Predicate child : and.children()) {
                if (child instanceof Predicate.In in) {
                    if (lists == null) {
                        lists = new ArrayList<>(2);
                    }
                    lists.add(in);
                }
            }
        }
        if (lists == null) {
            return result;
        }
        ShardedTable primary = classes.primary;
        List<RouteUnit> units = result.units();
        int[][] nodes = new int[units.size()][];
        for (int u = 0; u < units.size(); u++) {
            RouteUnit unit = units.get(u);
            int d = primary.dataSourceIndex(unit.dataSource());
            nodes[u] = new int[] {d, primary.rule.actualTables(unit.dataSource())
                    .indexOf(unit.actualTable(primary.logicTable()))};
        }
        List<List<RouteUnit.InListCut>> cuts = new ArrayList<>(units.size());
        for (int u = 0; u < units.size(); u++) {
            cuts.add(new ArrayList<>(0));
        }
        boolean any = false;
        for (Predicate.In in : lists) {
            int column = classes.columnIndex(in.column());
            if (column < 0 || in.values().size() < 2) {
                continue;
            }
            List<List<Integer>> kept = new ArrayList<>(units.size());
            for (int u = 0; u < units.size(); u++) {
                kept.add(new ArrayList<>(in.values().size()));
            }
            for (int v = 0; v < in.values().size(); v++) {
                Object value = resolve(statement, in.values().get(v), params);
                boolean[][] hit = null;
                if (value != ShardConditions.UNKNOWN && value != ShardConditions.NULL) {
                    ColumnCondition[] only = new ColumnCondition[primary.columns.length];
                    only[column] = new ColumnCondition(List.of(value), null);
                    hit = primary.newHitMatrix();
                    markConjunction(primary, only, null, hit);
                }
                for (int u = 0; u < units.size(); u++) {
                    int[] node = nodes[u];
                    if (hit == null || node[0] < 0 || node[1] < 0 || hit[node[0]][node[1]]) {
                        kept.get(u).add(v);
                    }
                }
            }
            for (int u = 0; u < units.size(); u++) {
                List<Integer> k = kept.get(u);
                if (!k.isEmpty() && k.size() < in.values().size()) {
                    cuts.get(u).add(new RouteUnit.InListCut(in, k));
                    any = true;
                }
            }
        }
        if (!any) {
            return result;
        }
        List<RouteUnit> cut = new ArrayList<>(units.size());
        for (int u = 0; u < units.size(); u++) {
            cut.add(cuts.get(u).isEmpty() ? units.get(u) : units.get(u).withInLists(cuts.get(u)));
        }
        return new RouteResult(result.opcode(), cut, result.generatedKeys());
    }

    private static RouteOpcode opcode(int units, int nodes) {
        if (units == 0) {
            return RouteOpcode.NONE;
        }
        if (units == 1) {
            return RouteOpcode.SINGLE;
        }
        return units == nodes ? RouteOpcode.SCATTER : RouteOpcode.MULTI;
    }

    private static void markAll(ShardedTable table, boolean[][] hit, String forced) {
        for (int d = 0; d < hit.length; d++) {
            if (forced == null || table.dataSources.get(d).equals(forced)) {
                java.util.Arrays.fill(hit[d], true);
            }
        }
    }

    /** Marks the data nodes one conjunction can touch. */
    private void mark(ShardedTable table, ColumnCondition[] conjunction, String forced, boolean[][] hit) {
        if (forced == null && table.rule.databaseStrategy() instanceof ShardingStrategy.Standard standard) {
            int column = table.columnIndex(standard.column());
            ColumnCondition condition = conjunction[column];
            if (condition != null && condition.values() != null && condition.values().size() > 1) {
                // Each exact value reaches the table level only in the data source it routes to: with
                // "user_id IN (4, 5)" the table strategy of ds_0 must not see 5, which lives in ds_1.
                for (Object value : condition.values()) {
                    ColumnCondition[] one = conjunction.clone();
                    one[column] = new ColumnCondition(List.of(value), condition.range());
                    markConjunction(table, one, null, hit);
                }
                return;
            }
        }
        markConjunction(table, conjunction, forced, hit);
    }

    private void markConjunction(ShardedTable table, ColumnCondition[] conjunction, String forced, boolean[][] hit) {
        if (forced == null && table.tableOnly) {
            for (String t : targets(table, table.rule.tableStrategy(), table.allTables, conjunction, "table", true)) {
                int[] node = table.nodeOf(t);
                hit[node[0]][node[1]] = true;
            }
            return;
        }
        Collection<String> databases = forced != null ? List.of(forced)
                : targets(table, table.rule.databaseStrategy(), table.dataSources, conjunction, "database", true);
        for (String ds : databases) {
            int d = table.dataSourceIndex(ds);
            if (d < 0) {
                throw new PlanningException("database strategy of table '" + table.logicTable() + "' chose '" + ds
                        + "', which is not one of its data sources " + table.dataSources);
            }
            List<String> actual = table.rule.actualTables(ds);
            for (String t : targets(table, table.rule.tableStrategy(), actual, conjunction, "table", true)) {
                int index = actual.indexOf(t);
                if (index < 0) {
                    throw new PlanningException("table strategy of table '" + table.logicTable() + "' chose '" + t
                            + "', which is not one of its tables in data source '" + ds + "' " + actual);
                }
                hit[d][index] = true;
            }
        }
    }

    /** The targets of one strategy level for one conjunction. */
    private static Collection<String> targets(ShardedTable table, ShardingStrategy strategy, List<String> targets,
            ColumnCondition[] conjunction, String level) {
        return targets(table, strategy, targets, conjunction, level, false);
    }

    /**
     * The targets of one strategy level for one conjunction. With {@code missMatchesNothing} (reads, updates and
     * deletes), a value the algorithm maps to no configured target selects nothing: no row can hold it, because
     * its INSERT is refused. INSERT routing passes false and refuses such a row.
     */
    private static Collection<String> targets(ShardedTable table, ShardingStrategy strategy, List<String> targets,
            ColumnCondition[] conjunction, String level, boolean missMatchesNothing) {
        if (strategy instanceof ShardingStrategy.Standard standard) {
            ColumnCondition condition = conjunction[table.columnIndex(standard.column())];
            if (condition == null) {
                return targets;
            }
            boolean coerce = coerces(standard.algorithm());
            try {
                if (condition.values() != null) {
                    List<Object> values = condition.values();
                    if (values.size() == 1) {
                        String target = shardOrNull(standard, targets, coerce(values.get(0), coerce), missMatchesNothing);
                        return target == null ? List.of() : List.of(target);
                    }
                    List<String> chosen = new ArrayList<>(targets.size());
                    for (Object value : values) {
                        String target = shardOrNull(standard, targets, coerce(value, coerce), missMatchesNothing);
                        if (target != null && !chosen.contains(target)) {
                            chosen.add(target);
                        }
                    }
                    return chosen;
                }
                if (condition.range() != null) {
                    return standard.algorithm().shardRange(targets, standard.column(), coerce(condition.range(), coerce));
                }
                return targets;
            } catch (AlgorithmException e) {
                throw algorithmFailure(table, level, standard.column(), e);
            }
        }
        if (strategy instanceof ShardingStrategy.Complex complex) {
            Map<String, List<Object>> exact = new LinkedHashMap<>();
            Map<String, ValueRange> ranges = new LinkedHashMap<>();
            boolean coerce = complex.algorithm() instanceof ComplexInlineShardingAlgorithm;
            for (String column : complex.columns()) {
                ColumnCondition condition = conjunction[table.columnIndex(column)];
                if (condition == null) {
                    continue;
                }
                if (condition.values() != null) {
                    List<Object> values = new ArrayList<>(condition.values().size());
                    for (Object v : condition.values()) {
                        values.add(coerce(v, coerce));
                    }
                    exact.put(column, values);
                } else if (condition.range() != null) {
                    ranges.put(column, coerce(condition.range(), coerce));
                }
            }
            try {
                return complex.algorithm().shard(targets, exact, ranges);
            } catch (AlgorithmException e) {
                throw algorithmFailure(table, level, String.join(", ", complex.columns()), e);
            }
        }
        return targets;
    }

    private static String shardOrNull(ShardingStrategy.Standard standard, List<String> targets, Object value,
            boolean missMatchesNothing) {
        try {
            return standard.algorithm().shard(targets, standard.column(), value);
        } catch (AlgorithmException e) {
            if (missMatchesNothing && e.isNoTarget()) {
                return null;
            }
            throw e;
        }
    }

    private static PlanningException algorithmFailure(ShardedTable table, String level, String column,
            AlgorithmException e) {
        return new PlanningException("cannot route table '" + table.logicTable() + "' by " + level + " sharding column '"
                + column + "': " + e.getMessage(), e);
    }

    private static boolean coerces(ShardingAlgorithm algorithm) {
        return algorithm instanceof ModShardingAlgorithm || algorithm instanceof InlineShardingAlgorithm
                || algorithm instanceof BoundaryRangeShardingAlgorithm;
    }

    private static Object coerce(Object value, boolean coerce) {
        return coerce ? RouteValues.coerceNumericString(value) : value;
    }

    private static ValueRange coerce(ValueRange range, boolean coerce) {
        if (!coerce) {
            return range;
        }
        return ValueRange.of(range.hasLower() ? RouteValues.coerceNumericString(range.lower()) : null,
                range.lowerInclusive(), range.hasUpper() ? RouteValues.coerceNumericString(range.upper()) : null,
                range.upperInclusive());
    }

    /**
     * An outer join whose preserved side holds no sharded table (a broadcast or single table) but whose other side is
     * sharded returns every preserved row once per unit: each shard that finds no match adds its own NULL-extended
     * copy. Correct only on one unit.
     */
    private void checkOuterJoinsPartitioned(StatementFacts facts, RouteResult result) {
        if (result.units().size() <= 1) {
            return;
        }
        for (io.shardline.sql.facts.OuterJoin join : facts.outerJoins()) {
            String sharded = null;
            for (String name : join.nullSupplying()) {
                if (rule.isSharded(name)) {
                    sharded = name;
                    break;
                }
            }
            if (sharded == null) {
                continue;
            }
            boolean preservedPartitioned = false;
            for (String name : join.preserved()) {
                preservedPartitioned |= rule.isSharded(name);
            }
            if (!preservedPartitioned) {
                throw new PlanningException("outer join keeps every row of " + join.preserved()
                        + " (not sharded) and matches it against sharded table '" + sharded + "' on "
                        + result.units().size() + " data nodes; each data node would return the unmatched rows again"
                        + " (put the sharded table on the preserved side, or pin its sharding column to one shard)");
            }
        }
    }

    private void checkSingleTablesColocated(TableClasses classes, RouteResult result) {
        if (classes.singleTable == null) {
            return;
        }
        for (RouteUnit unit : result.units()) {
            if (!unit.dataSource().equals(classes.singleDataSource)) {
                throw new PlanningException("sharded table '" + classes.primary.logicTable() + "' is joined with table '"
                        + classes.singleTable + "', which lives only on data source '" + classes.singleDataSource
                        + "', but the route reaches data source '" + unit.dataSource() + "'");
            }
        }
    }

    // ---------------------------------------------------------------- INSERT / REPLACE

    private RouteResult routeInsert(ParsedStatement statement, StatementFacts facts, List<Object> params,
            String forced) {
        String what = facts.kind() == StatementKind.REPLACE ? "REPLACE" : "INSERT";
        if (facts.tables().isEmpty()) {
            throw new PlanningException(what + " without a target table cannot be routed");
        }
        TableRef target = facts.tables().get(0);
        ShardedTable sharded = shardedTables.get(lower(target.name()));
        for (int i = 1; i < facts.tables().size(); i++) {
            String source = facts.tables().get(i).name();
            if (rule.isSharded(source)) {
                throw new PlanningException(what + " into '" + target.name() + "' reads sharded table '" + source
                        + "' (INSERT ... SELECT or a subquery); rows cannot be moved across shards");
            }
        }
        if (sharded == null) {
            TableClasses classes = classify(facts, statement);
            if (rule.isBroadcast(target.name())) {
                if (classes.singleTable != null) {
                    throw new PlanningException(what + " into broadcast table '" + target.name() + "' reads table '"
                            + classes.singleTable + "', which lives only on data source '" + classes.singleDataSource
                            + "'; the broadcast copies would diverge");
                }
                return broadcast(forced);
            }
            return singleUnit(singleDataSource(classes, forced));
        }
        InsertFacts insert = facts.insert().orElseThrow(() -> new PlanningException(what + " into sharded table '"
                + target.name() + "' has no insert facts; it cannot be routed"));
        if (facts.analysis() != Analysis.FULL) {
            throw new PlanningException(what + " into sharded table '" + target.name()
                    + "' was not fully analysed; it cannot be routed");
        }
        if (insert.fromSelect()) {
            throw new PlanningException(what + " ... SELECT into sharded table '" + target.name()
                    + "' is not supported: each selected row would need its own shard");
        }
        if (facts.hasSubquery()) {
            throw new PlanningException(what + " into sharded table '" + target.name() + "' contains a subquery");
        }
        if (insert.columns().isEmpty()) {
            throw new PlanningException(what + " into sharded table '" + target.name()
                    + "' has no column list; name the columns so the sharding columns can be found");
        }
        if (insert.rows().isEmpty()) {
            throw new PlanningException(what + " into sharded table '" + target.name() + "' has no VALUES rows");
        }
        if (forced != null && sharded.dataSourceIndex(forced) < 0) {
            throw new PlanningException("hint forces data source '" + forced + "', which holds no data node of sharded"
                    + " table '" + sharded.logicTable() + "' (it lives on " + sharded.dataSources + ")");
        }
        int rowCount = insert.rows().size();
        // Where each sharding column's value comes from: its position in the column list, or the generated key.
        int[] position = new int[sharded.columns.length];
        for (int j = 0; j < position.length; j++) {
            position[j] = indexOfIgnoreCase(insert.columns(), sharded.columns[j]);
        }
        GeneratedKeys generated = null;
        Optional<KeyGeneration> keyGeneration = sharded.rule.keyGeneration();
        int keyColumn = -1;
        if (keyGeneration.isPresent() && indexOfIgnoreCase(insert.columns(), keyGeneration.get().column()) < 0) {
            List<Object> keys = new ArrayList<>(rowCount);
            for (int r = 0; r < rowCount; r++) {
                keys.add(keyGeneration.get().generator().nextKey());
            }
            generated = new GeneratedKeys(keyGeneration.get().column(), keys);
            keyColumn = sharded.columnIndex(keyGeneration.get().column());
        }
        Object[][] rowValues = new Object[rowCount][];
        // Rows per data node, by data source index then table index (the unit order).
        List<List<List<Integer>>> rowsByNode = new ArrayList<>(sharded.dataSources.size());
        for (int d = 0; d < sharded.dataSources.size(); d++) {
            rowsByNode.add(null);
        }
        for (int r = 0; r < rowCount; r++) {
            InsertRow row = insert.rows().get(r);
            ColumnCondition[] conjunction = new ColumnCondition[sharded.columns.length];
            Object[] values = new Object[sharded.columns.length];
            for (int j = 0; j < sharded.columns.length; j++) {
                Object value;
                if (j == keyColumn) {
                    value = generated.values().get(r);
                } else if (position[j] < 0) {
                    throw new PlanningException(what + " into sharded table '" + sharded.logicTable()
                            + "' does not set sharding column '" + sharded.columns[j] + "' (row " + (r + 1) + ")");
                } else if (position[j] >= row.values().size()) {
                    throw new PlanningException(what + " into sharded table '" + sharded.logicTable() + "': row "
                            + (r + 1) + " has no value for sharding column '" + sharded.columns[j] + "'");
                } else {
                    value = resolve(statement, row.values().get(position[j]), params);
                }
                if (value == ShardConditions.NULL || value == ShardConditions.UNKNOWN) {
                    String found = value == ShardConditions.NULL ? "NULL"
                            : "the expression " + expressionText(statement, row.values().get(position[j]));
                    throw new PlanningException(what + " into sharded table '" + sharded.logicTable() + "': row "
                            + (r + 1) + " has " + found + " for sharding column '" + sharded.columns[j]
                            + "'; it needs a literal or parameter value");
                }
                values[j] = value;
                conjunction[j] = new ColumnCondition(List.of(value), null);
            }
            rowValues[r] = values;
            int[] node = routeRow(sharded, conjunction, forced, what, r);
            List<List<Integer>> inDataSource = rowsByNode.get(node[0]);
            if (inDataSource == null) {
                int tables = sharded.units[node[0]].length;
                inDataSource = new ArrayList<>(tables);
                for (int t = 0; t < tables; t++) {
                    inDataSource.add(null);
                }
                rowsByNode.set(node[0], inDataSource);
            }
            List<Integer> rows = inDataSource.get(node[1]);
            if (rows == null) {
                rows = new ArrayList<>();
                inDataSource.set(node[1], rows);
            }
            rows.add(r);
        }
        checkOnDuplicateKeyUpdate(statement, insert, params, sharded, rowValues, what);
        List<RouteUnit> units = new ArrayList<>();
        for (int d = 0; d < rowsByNode.size(); d++) {
            List<List<Integer>> inDataSource = rowsByNode.get(d);
            if (inDataSource == null) {
                continue;
            }
            for (int t = 0; t < inDataSource.size(); t++) {
                if (inDataSource.get(t) != null) {
                    RouteUnit node = sharded.units[d][t];
                    units.add(new RouteUnit(node.dataSource(), node.actualTables(), inDataSource.get(t)));
                }
            }
        }
        return new RouteResult(units.size() == 1 ? RouteOpcode.SINGLE : RouteOpcode.MULTI, units,
                Optional.ofNullable(generated));
    }

    /** The one data node (data source index, table index) a row belongs to. */
    private int[] routeRow(ShardedTable table, ColumnCondition[] conjunction, String forced, String what, int row) {
        if (table.tableOnly) {
            Collection<String> tables = targets(table, table.rule.tableStrategy(), table.allTables, conjunction,
                    "table");
            if (tables.size() != 1) {
                throw new PlanningException(what + " into sharded table '" + table.logicTable() + "': row " + (row + 1)
                        + " maps to " + tables.size() + " tables " + tables + "; it needs exactly one");
            }
            int[] node = table.nodeOf(tables.iterator().next());
            String ds = table.dataSources.get(node[0]);
            if (forced != null && !forced.equals(ds)) {
                throw new PlanningException(what + " into sharded table '" + table.logicTable() + "': row " + (row + 1)
                        + " belongs to data source '" + ds + "' but the hint forces '" + forced
                        + "'; writing it there would hide it from reads by key");
            }
            return node;
        }
        Collection<String> databases = targets(table, table.rule.databaseStrategy(), table.dataSources, conjunction,
                "database");
        if (databases.size() != 1) {
            throw new PlanningException(what + " into sharded table '" + table.logicTable() + "': row " + (row + 1)
                    + " maps to " + databases.size() + " data sources " + databases + "; it needs exactly one");
        }
        String ds = databases.iterator().next();
        int d = table.dataSourceIndex(ds);
        if (d < 0) {
            throw new PlanningException("database strategy of table '" + table.logicTable() + "' chose '" + ds
                    + "', which is not one of its data sources " + table.dataSources);
        }
        if (forced != null && !forced.equals(ds)) {
            throw new PlanningException(what + " into sharded table '" + table.logicTable() + "': row " + (row + 1)
                    + " belongs to data source '" + ds + "' but the hint forces '" + forced
                    + "'; writing it there would hide it from reads by key");
        }
        List<String> actual = table.rule.actualTables(ds);
        Collection<String> tables = targets(table, table.rule.tableStrategy(), actual, conjunction, "table");
        if (tables.size() != 1) {
            throw new PlanningException(what + " into sharded table '" + table.logicTable() + "': row " + (row + 1)
                    + " maps to " + tables.size() + " tables " + tables + " in data source '" + ds
                    + "'; it needs exactly one");
        }
        int t = actual.indexOf(tables.iterator().next());
        if (t < 0) {
            throw new PlanningException("table strategy of table '" + table.logicTable() + "' chose '"
                    + tables.iterator().next() + "', which is not one of its tables in data source '" + ds + "' " + actual);
        }
        return new int[] {d, t};
    }

    private void checkOnDuplicateKeyUpdate(ParsedStatement statement, InsertFacts insert, List<Object> params,
            ShardedTable table, Object[][] rowValues, String what) {
        for (Assignment assignment : insert.onDuplicateKeyUpdate()) {
            int index = table.columnIndex(assignment.column().name());
            if (index < 0) {
                continue;
            }
            String name = assignment.column().name();
            if (isColumnItself(statement, assignment.value(), name)
                    || (isValuesOfColumn(statement, assignment.value(), name) && onlyStandardStrategiesUse(table, name))) {
                // "c = c" changes nothing; "c = VALUES(c)" gives the existing row the inserted row's value, which
                // routed to this very node, so with single-column strategies the row stays where it is.
                continue;
            }
            Object assigned = resolve(statement, assignment.value(), params);
            boolean same = assigned != ShardConditions.UNKNOWN && assigned != ShardConditions.NULL;
            for (int r = 0; same && r < rowValues.length; r++) {
                same = RouteValues.definitelyEqual(assigned, rowValues[r][index]);
            }
            if (!same) {
                throw new PlanningException(what + " ... ON DUPLICATE KEY UPDATE of sharded table '" + table.logicTable()
                        + "' sets sharding column '" + assignment.column().name()
                        + "'; a row cannot move between shards");
            }
        }
    }

    // ---------------------------------------------------------------- DDL

    private RouteResult routeDdl(StatementFacts facts, String forced) {
        List<TableRef> refs = facts.tables();
        String what = facts.kind() == StatementKind.OTHER_DDL ? facts.detail().orElse("DDL") : facts.kind().name()
                .replace('_', ' ');
        if (refs.isEmpty()) {
            throw new PlanningException(what + " names no table; Shardline cannot tell which data sources it is for"
                    + " (run it on each data source directly)");
        }
        if (refs.size() == 1 || allSameTable(refs)) {
            String name = refs.get(0).name();
            ShardedTable sharded = shardedTables.get(lower(name));
            if (sharded != null) {
                if (facts.kind() == StatementKind.OTHER_DDL) {
                    throw new PlanningException(what + " on sharded table '" + name + "' is not supported");
                }
                return ddlOnDataNodes(sharded, forced);
            }
            if (rule.isBroadcast(name)) {
                return broadcast(forced);
            }
            return singleUnit(unshardedDataSource(name, forced));
        }
        boolean allBroadcast = true;
        boolean anyBroadcast = false;
        for (TableRef ref : refs) {
            if (rule.isSharded(ref.name())) {
                throw new PlanningException(what + " names several tables including sharded table '" + ref.name()
                        + "'; run it per table (statements over several sharded tables are not routed)");
            }
            boolean b = rule.isBroadcast(ref.name());
            allBroadcast &= b;
            anyBroadcast |= b;
        }
        if (allBroadcast) {
            return broadcast(forced);
        }
        String first = refs.get(0).name();
        boolean createFromBroadcast = facts.kind() == StatementKind.CREATE_TABLE && !rule.isBroadcast(first);
        if (anyBroadcast && !createFromBroadcast) {
            throw new PlanningException(what + " mixes broadcast and single tables " + names(refs)
                    + "; broadcast tables live on every data source, the others on one");
        }
        String ds = null;
        for (TableRef ref : refs) {
            if (rule.isBroadcast(ref.name())) {
                continue;
            }
            String own = unshardedDataSource(ref.name(), forced);
            if (ds != null && !ds.equals(own)) {
                throw new PlanningException(what + " names tables on different data sources " + names(refs));
            }
            ds = own;
        }
        return singleUnit(ds);
    }

    private static boolean allSameTable(List<TableRef> refs) {
        for (TableRef ref : refs) {
            if (!ref.name().equalsIgnoreCase(refs.get(0).name())) {
                return false;
            }
        }
        return true;
    }

    private static String names(List<TableRef> refs) {
        List<String> names = new ArrayList<>(refs.size());
        for (TableRef ref : refs) {
            names.add(ref.name());
        }
        return names.toString();
    }

    private RouteResult ddlOnDataNodes(ShardedTable table, String forced) {
        if (forced != null && table.dataSourceIndex(forced) < 0) {
            throw new PlanningException("hint forces data source '" + forced + "', which holds no data node of sharded"
                    + " table '" + table.logicTable() + "' (it lives on " + table.dataSources + ")");
        }
        List<RouteUnit> units = new ArrayList<>();
        for (String ds : table.dataSources) {
            if (forced != null && !forced.equals(ds)) {
                continue;
            }
            for (String actual : table.rule.actualTables(ds)) {
                units.add(new RouteUnit(ds, Map.of(table.logicTable(), actual)));
            }
        }
        RouteOpcode opcode = units.size() == table.nodeCount ? RouteOpcode.BROADCAST
                : units.size() == 1 ? RouteOpcode.SINGLE : RouteOpcode.MULTI;
        return new RouteResult(opcode, units);
    }

    // ---------------------------------------------------------------- shared

    private RouteResult broadcast(String forced) {
        if (forced != null) {
            return singleUnit(forced);
        }
        List<RouteUnit> units = new ArrayList<>(dataSources.size());
        for (String ds : dataSources) {
            units.add(new RouteUnit(ds, Map.of()));
        }
        return new RouteResult(RouteOpcode.BROADCAST, units);
    }

    private static RouteResult singleUnit(String dataSource) {
        return new RouteResult(RouteOpcode.SINGLE, List.of(new RouteUnit(dataSource, Map.of())));
    }

    /** The data source of an unsharded, non-broadcast table; a hint may place an undeclared table. */
    private String unshardedDataSource(String table, String forced) {
        Optional<String> declared = rule.findSingleTableDataSource(table);
        if (declared.isPresent()) {
            if (forced != null && !forced.equals(declared.get())) {
                throw new PlanningException("single table '" + table + "' lives on data source '" + declared.get()
                        + "' but the hint forces '" + forced + "'");
            }
            return declared.get();
        }
        if (forced != null) {
            return forced;
        }
        return rule.defaultDataSource().orElseThrow(() -> new PlanningException("table '" + table
                + "' is not sharded, broadcast or single, and there is no default data source to send it to"));
    }

    private String singleDataSource(TableClasses classes, String forced) {
        String ds = null;
        for (String table : classes.singleTables) {
            String own = unshardedDataSource(table, forced);
            if (ds != null && !ds.equals(own)) {
                throw new PlanningException("tables " + classes.singleTables + " live on different data sources");
            }
            ds = own;
        }
        return ds;
    }

    /** A value for routing: the object, {@link ShardConditions#NULL} or {@link ShardConditions#UNKNOWN}. */
    private static Object resolve(ParsedStatement statement, Value value, List<Object> params) {
        if (value instanceof Value.Parameter p) {
            Object v = params.get(p.index());
            return v == null ? ShardConditions.NULL : v;
        }
        if (value instanceof Value.Literal) {
            Object v = statement.resolve(value, params).orElse(null);
            return v == null ? ShardConditions.NULL : v;
        }
        return ShardConditions.UNKNOWN;
    }

    /** Whether an assigned expression is the column itself ({@code c}, {@code `c`}, {@code t.c}). */
    private static boolean isColumnItself(ParsedStatement statement, Value value, String column) {
        String text = compactText(statement, value);
        if (text == null) {
            return false;
        }
        int dot = text.lastIndexOf('.');
        return text.substring(dot + 1).equalsIgnoreCase(column);
    }

    /** Whether an assigned expression is {@code VALUES(c)} of the column itself. */
    private static boolean isValuesOfColumn(ParsedStatement statement, Value value, String column) {
        String text = compactText(statement, value);
        if (text == null || !text.regionMatches(true, 0, "values(", 0, 7) || !text.endsWith(")")) {
            return false;
        }
        return text.substring(7, text.length() - 1).equalsIgnoreCase(column);
    }

    /** The expression's original text without whitespace and backticks; null for non-expressions. */
    private static String compactText(ParsedStatement statement, Value value) {
        if (!(value instanceof Value.Expression e)) {
            return null;
        }
        String text;
        try {
            text = statement.span(e.range()).text(statement.sql());
        } catch (RuntimeException unreadable) {
            return null;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '`' && !Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean onlyStandardStrategiesUse(ShardedTable table, String column) {
        return !(usesColumn(table.rule.databaseStrategy(), column)
                && table.rule.databaseStrategy().kind() == ShardingStrategy.Kind.COMPLEX)
                && !(usesColumn(table.rule.tableStrategy(), column)
                && table.rule.tableStrategy().kind() == ShardingStrategy.Kind.COMPLEX);
    }

    private static boolean usesColumn(ShardingStrategy strategy, String column) {
        for (String c : strategy.columns()) {
            if (c.equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    /** The original text of an expression value, quoted, for messages. */
    private static String expressionText(ParsedStatement statement, Value value) {
        if (value instanceof Value.Expression e) {
            try {
                return "'" + statement.span(e.range()).text(statement.sql()) + "'";
            } catch (RuntimeException ignored) {
                return "(unreadable)";
            }
        }
        return "";
    }

    private static int indexOfIgnoreCase(List<String> names, String name) {
        for (int i = 0, n = names.size(); i < n; i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Sorts a statement's tables into sharded (one bound group), broadcast and single/unknown, rejecting mixes. */
    private TableClasses classify(StatementFacts facts, ParsedStatement statement) {
        // A UNION inside a subquery (of constants, or of broadcast tables) runs on each shard like the rest of the
        // subquery; only a top-level one unites rows of several shards (the planner's UnionPlanner does that).
        boolean topLevelUnion = facts.hasUnion() && UnionBranches.atTopLevel(statement);
        TableClasses classes = new TableClasses();
        List<TableRef> refs = facts.tables();
        if (!refs.isEmpty()) {
            classes.firstTable = refs.get(0).name();
            classes.writeTargetBroadcast = rule.isBroadcast(refs.get(0).name());
        }
        for (TableRef ref : refs) {
            ShardedTable sharded = shardedTables.get(lower(ref.name()));
            if (sharded != null) {
                if (ref.inSubquery()) {
                    throw new PlanningException("subquery or derived table over sharded table '" + ref.name()
                            + "' is not supported (it would run per shard and see only that shard's rows)");
                }
                if (topLevelUnion) {
                    throw new PlanningException("UNION involving sharded table '" + ref.name() + "' is not supported");
                }
                classes.addSharded(ref, sharded);
            } else if (rule.isBroadcast(ref.name())) {
                if (classes.broadcastTable == null) {
                    classes.broadcastTable = ref.name();
                }
            } else {
                if (classes.singleTable == null) {
                    classes.singleTable = ref.name();
                }
                if (!classes.singleTables.contains(ref.name())) {
                    classes.singleTables.add(ref.name());
                }
            }
        }
        if (classes.primary != null && classes.singleTable != null) {
            classes.singleDataSource = unshardedDataSource(classes.singleTable, null);
            for (String table : classes.singleTables) {
                if (!unshardedDataSource(table, null).equals(classes.singleDataSource)) {
                    throw new PlanningException("tables " + classes.singleTables + " live on different data sources");
                }
            }
        } else if (classes.singleTable != null) {
            classes.singleDataSource = rule.findSingleTableDataSource(classes.singleTable)
                    .orElse(rule.defaultDataSource().orElse(null));
        }
        return classes;
    }

    /** The tables of one statement, sorted for routing. */
    private final class TableClasses {
        ShardedTable primary;
        final List<TableRef> shardedRefs = new ArrayList<>(2);
        final List<ShardedTable> bound = new ArrayList<>(2);
        String broadcastTable;
        String singleTable;
        final List<String> singleTables = new ArrayList<>(1);
        String singleDataSource;
        String firstTable;
        boolean writeTargetBroadcast;

        void addSharded(TableRef ref, ShardedTable table) {
            if (primary == null) {
                primary = table;
                bound.add(table);
                shardedRefs.add(ref);
                return;
            }
            for (ShardedTable existing : bound) {
                if (existing == table) {
                    throw new PlanningException("sharded table '" + table.logicTable() + "' appears twice (self-join);"
                            + " Shardline cannot tell that both sides meet on one shard");
                }
            }
            if (!rule.areBound(primary.logicTable(), table.logicTable())) {
                throw new PlanningException("sharded tables '" + primary.logicTable() + "' and '" + table.logicTable()
                        + "' are joined but not bound together (no binding group holds both); the join would miss"
                        + " rows on other shards");
            }
            BindingGroup group = rule.findBindingGroup(primary.logicTable()).orElseThrow();
            String problem = bindingProblems.get(group);
            if (problem != null) {
                throw new PlanningException("sharded tables '" + primary.logicTable() + "' and '" + table.logicTable()
                        + "' are bound, but the binding group is inconsistent: " + problem);
            }
            bound.add(table);
            shardedRefs.add(ref);
        }

        /** The index of a WHERE column among the primary's sharding columns when it belongs to the bound group. */
        int columnIndex(ColumnRef column) {
            int index = primary.columnIndex(column.name());
            if (index < 0) {
                return -1;
            }
            return qualifierMatches(column) ? index : -1;
        }

        boolean qualifierMatches(ColumnRef column) {
            if (column.qualifier().isEmpty()) {
                return true;
            }
            String qualifier = column.qualifier().get();
            for (TableRef ref : shardedRefs) {
                if (ref.alias().isPresent() && ref.alias().get().equalsIgnoreCase(qualifier)) {
                    return true;
                }
                if (ref.name().equalsIgnoreCase(qualifier)) {
                    return true;
                }
                int dot = qualifier.lastIndexOf('.');
                if (dot > 0 && qualifier.substring(dot + 1).equalsIgnoreCase(ref.name())
                        && ref.schema().isPresent() && ref.schema().get().equalsIgnoreCase(qualifier.substring(0, dot))) {
                    return true;
                }
            }
            return false;
        }

        /** Unit {@code t} of data source {@code d}: each bound table's actual table at position {@code t}. */
        RouteUnit unit(int d, int t) {
            if (bound.size() == 1) {
                return primary.units[d][t];
            }
            String ds = primary.dataSources.get(d);
            Map<String, String> map = new LinkedHashMap<>();
            for (ShardedTable table : bound) {
                map.put(table.logicTable(), table.rule.actualTables(ds).get(t));
            }
            return new RouteUnit(ds, map);
        }
    }

    /** What the router precomputes per sharded table. */
    private static final class ShardedTable {
        final TableRule rule;
        /** The table's data sources, in the rule's data source order. */
        final List<String> dataSources;
        /** Every sharding column (database and table levels), lower case, without duplicates. */
        final String[] columns;
        final int nodeCount;
        /** The unit of each data node for statements over this table alone (units are immutable). */
        final RouteUnit[][] units;
        /**
         * Sharded by its table strategy alone across several data sources, with actual table names unique across
         * them (e.g. {@code ds_0.t_${0..1}, ds_1.t_${2..3}} with {@code t_${id % 4}}): the table strategy then
         * chooses among every actual table and the data source follows from the table.
         */
        final boolean tableOnly;
        /** Every actual table in data source order, then configuration order (for {@link #tableOnly}). */
        final List<String> allTables;
        private final Map<String, int[]> nodeByTable;

        ShardedTable(TableRule rule, List<String> ruleDataSources) {
            this.rule = rule;
            List<String> ordered = new ArrayList<>();
            for (String ds : ruleDataSources) {
                if (!rule.actualTables(ds).isEmpty()) {
                    ordered.add(ds);
                }
            }
            this.dataSources = List.copyOf(ordered);
            List<String> cols = new ArrayList<>();
            for (String c : rule.databaseStrategy().columns()) {
                if (!cols.contains(lower(c))) {
                    cols.add(lower(c));
                }
            }
            for (String c : rule.tableStrategy().columns()) {
                if (!cols.contains(lower(c))) {
                    cols.add(lower(c));
                }
            }
            this.columns = cols.toArray(new String[0]);
            this.nodeCount = rule.dataNodes().size();
            List<String> all = new ArrayList<>();
            Map<String, int[]> byTable = new HashMap<>();
            boolean unique = true;
            for (int d = 0; d < dataSources.size(); d++) {
                List<String> actual = rule.actualTables(dataSources.get(d));
                for (int t = 0; t < actual.size(); t++) {
                    all.add(actual.get(t));
                    unique &= byTable.put(actual.get(t), new int[] {d, t}) == null;
                }
            }
            this.allTables = List.copyOf(all);
            this.nodeByTable = byTable;
            this.tableOnly = unique && dataSources.size() > 1
                    && rule.databaseStrategy().kind() == ShardingStrategy.Kind.NONE
                    && rule.tableStrategy().kind() != ShardingStrategy.Kind.NONE;
            this.units = new RouteUnit[dataSources.size()][];
            for (int d = 0; d < units.length; d++) {
                List<String> actual = rule.actualTables(dataSources.get(d));
                units[d] = new RouteUnit[actual.size()];
                for (int t = 0; t < actual.size(); t++) {
                    units[d][t] = new RouteUnit(dataSources.get(d), Map.of(rule.logicTable(), actual.get(t)));
                }
            }
        }

        String logicTable() {
            return rule.logicTable();
        }

        int columnIndex(String column) {
            for (int i = 0; i < columns.length; i++) {
                if (columns[i].equalsIgnoreCase(column)) {
                    return i;
                }
            }
            return -1;
        }

        int[] nodeOf(String actualTable) {
            int[] node = nodeByTable.get(actualTable);
            if (node == null) {
                throw new PlanningException("table strategy of table '" + logicTable() + "' chose '" + actualTable
                        + "', which is not one of its tables " + allTables);
            }
            return node;
        }

        int dataSourceIndex(String ds) {
            for (int i = 0, n = dataSources.size(); i < n; i++) {
                if (dataSources.get(i).equals(ds)) {
                    return i;
                }
            }
            return -1;
        }

        boolean[][] newHitMatrix() {
            boolean[][] hit = new boolean[dataSources.size()][];
            for (int d = 0; d < hit.length; d++) {
                hit[d] = new boolean[rule.actualTables(dataSources.get(d)).size()];
            }
            return hit;
        }
    }
}

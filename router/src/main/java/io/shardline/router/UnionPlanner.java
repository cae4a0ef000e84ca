package io.shardline.router;

import io.shardline.router.merge.UnionPlan;
import io.shardline.router.plan.ExecutionUnit;
import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.PlanningException;
import io.shardline.router.plan.RouteOpcode;
import io.shardline.router.plan.RoutePlan;
import io.shardline.router.rewrite.LimitValues;
import io.shardline.sql.ParsedStatement;
import io.shardline.sql.SqlParseException;
import io.shardline.sql.Splicer;
import io.shardline.sql.TextSplice;
import io.shardline.sql.UnionBranches;
import io.shardline.sql.facts.Limit;
import io.shardline.sql.facts.LockMode;
import io.shardline.sql.facts.OrderItem;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A top-level UNION over sharded tables: each SELECT is routed and rewritten as a statement of its own, then
 * <ul>
 *   <li>when every SELECT lands on one unit and all on the same data source, the UNION runs there as written, each
 *       SELECT with its own actual tables: the database itself unites, orders and converts types;</li>
 *   <li>otherwise every SELECT's units run and the executor unites their rows ({@link UnionPlan}): DISTINCT as far
 *       as MySQL's operators reach, then the UNION's ORDER BY (by result column) and LIMIT.</li>
 * </ul>
 * A UNION whose SELECTs return different column types is refused at execution, naming the column: the database would
 * convert the values to a common type, which rows merged from several servers cannot reproduce.
 */
final class UnionPlanner {

    private final ShardingPlanner planner;

    UnionPlanner(ShardingPlanner planner) {
        this.planner = planner;
    }

    RoutePlan plan(ParsedStatement statement, List<Object> parameters, PlanningContext context) {
        Optional<UnionBranches> cut;
        try {
            cut = UnionBranches.of(statement);
        } catch (IllegalArgumentException e) {
            throw new PlanningException(e.getMessage(), e);
        }
        if (cut.isEmpty()) {
            return planner.plan(statement, parameters, context); // the UNION is inside a subquery: the router refuses
        }
        UnionBranches union = cut.get();
        String sql = statement.sql();
        if (parameters.size() < statement.facts().parameterCount()) {
            throw new PlanningException("the statement has " + statement.facts().parameterCount() + " placeholders and "
                    + parameters.size() + " parameters");
        }
        List<RoutePlan> plans = new ArrayList<>(union.branches().size());
        for (int b = 0; b < union.branches().size(); b++) {
            UnionBranches.Branch branch = union.branches().get(b);
            String text = branch.text(sql);
            ParsedStatement parsed;
            try {
                parsed = planner.parser().parse(text);
            } catch (SqlParseException e) {
                throw new PlanningException("SELECT " + (b + 1) + " of the UNION: " + e.getMessage(), e);
            }
            if (parsed.facts().lockMode() != LockMode.NONE) {
                throw refuseLocking();
            }
            try {
                plans.add(planner.plan(parsed, branch.parameters(parameters), context));
            } catch (PlanningException e) {
                throw new PlanningException("SELECT " + (b + 1) + " of the UNION: " + e.getMessage(), e);
            }
        }
        boolean needsMaster = false; // each SELECT's plan already honours a force-master hint
        for (RoutePlan plan : plans) {
            needsMaster |= plan.needsMaster();
        }
        Optional<String> oneDataSource = oneUnitEachOnOneDataSource(plans);
        if (oneDataSource.isPresent()) {
            return pushedDown(union, parameters, plans, oneDataSource.get(), needsMaster);
        }
        List<ExecutionUnit> units = new ArrayList<>();
        List<UnionPlan.Branch> branches = new ArrayList<>(plans.size());
        boolean scatter = false;
        for (RoutePlan plan : plans) {
            units.addAll(plan.units());
            branches.add(new UnionPlan.Branch(plan.units().size(), plan.merge()));
            scatter |= plan.opcode() == RouteOpcode.SCATTER;
        }
        Tail tail = tail(union, parameters);
        UnionPlan merge = new UnionPlan(branches, tail.order, union.distinctBranches(), tail.offset, tail.limit);
        return new RoutePlan(scatter ? RouteOpcode.SCATTER : RouteOpcode.MULTI, true, units, Optional.empty(),
                needsMaster, Optional.empty(), false, Optional.of(merge));
    }

    private static Optional<String> oneUnitEachOnOneDataSource(List<RoutePlan> plans) {
        String dataSource = null;
        for (RoutePlan plan : plans) {
            if (plan.units().size() != 1) {
                return Optional.empty();
            }
            String here = plan.units().get(0).dataSource();
            if (dataSource != null && !dataSource.equals(here)) {
                return Optional.empty();
            }
            dataSource = here;
        }
        return Optional.ofNullable(dataSource);
    }

    /** The whole UNION as written, each SELECT replaced by its unit's SQL, for the one data source they share. */
    private static RoutePlan pushedDown(UnionBranches union, List<Object> parameters, List<RoutePlan> plans,
            String dataSource, boolean needsMaster) {
        List<TextSplice> splices = new ArrayList<>(plans.size());
        List<Object> unitParameters = new ArrayList<>(parameters.size());
        for (int b = 0; b < plans.size(); b++) {
            ExecutionUnit unit = plans.get(b).units().get(0);
            UnionBranches.Branch branch = union.branches().get(b);
            splices.add(new TextSplice(branch.span().start(), branch.span().end(), unit.sql()));
            unitParameters.addAll(unit.parameters());
        }
        unitParameters.addAll(union.tailParameters(parameters));
        ExecutionUnit unit = new ExecutionUnit(dataSource, Splicer.apply(union.sql(), splices), unitParameters);
        return RoutePlan.single(unit, true, needsMaster);
    }

    private record Tail(List<UnionPlan.Order> order, long offset, long limit) {
    }

    /** The UNION's ORDER BY and LIMIT, read by parsing them behind a stand-in SELECT. */
    private Tail tail(UnionBranches union, List<Object> parameters) {
        String text = union.tail().text(union.sql());
        if (text.isBlank()) {
            return new Tail(List.of(), 0, -1);
        }
        ParsedStatement parsed;
        try {
            parsed = planner.parser().parse("SELECT 1 " + text);
        } catch (SqlParseException e) {
            throw new PlanningException("the ORDER BY / LIMIT of the UNION (" + text + "): " + e.getMessage(), e);
        }
        StatementFacts facts = parsed.facts();
        if (facts.lockMode() != LockMode.NONE) {
            throw refuseLocking();
        }
        List<UnionPlan.Order> order = new ArrayList<>(facts.orderBy().size());
        for (OrderItem item : facts.orderBy()) {
            String written = parsed.span(item.span()).text(parsed.sql());
            order.add(switch (item.kind()) {
                case ORDINAL -> new UnionPlan.Order(item.ordinal(), null, item.descending());
                case COLUMN, ALIAS -> {
                    if (item.column().isEmpty() || item.column().get().qualifier().isPresent()) {
                        throw refuseOrder(written);
                    }
                    yield new UnionPlan.Order(0, item.column().get().name(), item.descending());
                }
                case EXPRESSION -> throw refuseOrder(written);
            });
        }
        long offset = 0;
        long limit = -1;
        if (facts.limit().isPresent()) {
            Limit l = facts.limit().get();
            List<Object> tailParameters = union.tailParameters(parameters);
            BigInteger o = l.offset().isPresent() ? limitValue(parsed, l.offset().get(), tailParameters)
                    : BigInteger.ZERO;
            BigInteger n = l.rowCount().isPresent() ? limitValue(parsed, l.rowCount().get(), tailParameters) : null;
            offset = o.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
            limit = n == null || n.bitLength() > 62 ? -1 : n.longValue();
        }
        return new Tail(order, offset, limit);
    }

    private static BigInteger limitValue(ParsedStatement tail, Value value, List<Object> parameters) {
        try {
            return LimitValues.of(tail, value, parameters);
        } catch (IllegalArgumentException e) {
            throw new PlanningException(e.getMessage() + " on a UNION over sharded tables", e);
        }
    }

    private static PlanningException refuseLocking() {
        return new PlanningException("a locking read (FOR UPDATE / LOCK IN SHARE MODE) in a UNION over sharded tables"
                + " is not supported: lock the rows with SELECTs of their own");
    }

    private static PlanningException refuseOrder(String written) {
        return new PlanningException("ORDER BY " + written + " of a UNION over sharded tables: order by a result"
                + " column's name or position (an expression or a table-qualified column cannot be evaluated from the"
                + " merged rows)");
    }
}

package io.shardline.router;

import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.PlanningException;
import io.shardline.router.plan.RouteOpcode;
import io.shardline.router.plan.RoutePlan;
import io.shardline.router.plan.StatementPlanner;
import io.shardline.router.rewrite.RewriteResult;
import io.shardline.router.rewrite.SqlRewriter;
import io.shardline.router.route.RouteResult;
import io.shardline.router.route.RouteUnit;
import io.shardline.router.route.ShardRouter;
import io.shardline.router.rule.DataNode;
import io.shardline.router.rule.ShardingRule;
import io.shardline.router.rule.TableRule;
import io.shardline.sql.ParsedStatement;
import io.shardline.sql.SqlParseException;
import io.shardline.sql.SqlParser;
import io.shardline.sql.facts.LockMode;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.TableRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default planner: parse (cached) → route → rewrite, one {@link RoutePlan} per statement. Thread-safe and
 * shared by every connection of a data source.
 *
 * <p>Hints come from the {@link PlanningContext} (the JDBC hint API) or from a comment that opens the statement:
 * {@code /*shardline: dataSource=ds_1, master*}{@code /}. The comment stays in the SQL the shards receive.
 */
public final class ShardingPlanner implements StatementPlanner {

    private static final String HINT_PREFIX = "/*shardline:";

    private final ShardingRule rule;
    private final SqlParser parser;
    private final ShardRouter router;
    private final SqlRewriter rewriter;
    private final UnionPlanner unions;

    public ShardingPlanner(ShardingRule rule) {
        this(rule, new SqlParser());
    }

    public ShardingPlanner(ShardingRule rule, SqlParser parser) {
        this.rule = rule;
        this.parser = parser;
        this.router = new ShardRouter(rule);
        this.rewriter = new SqlRewriter(rule);
        this.unions = new UnionPlanner(this);
    }

    public ShardingRule rule() {
        return rule;
    }

    public SqlParser parser() {
        return parser;
    }

    @Override
    public RoutePlan plan(String sql, List<Object> parameters, PlanningContext context) {
        PlanningContext effective = sql.startsWith(HINT_PREFIX, firstNonBlank(sql)) ? withCommentHint(sql, context)
                : context;
        ParsedStatement statement;
        try {
            statement = parser.parse(sql);
        } catch (SqlParseException e) {
            throw new PlanningException(e.getMessage(), e);
        }
        refuseSessionStatements(statement.facts());
        if (statement.facts().hasUnion() && touchesShardedTable(statement.facts())) {
            return unions.plan(statement, parameters, effective);
        }
        return plan(statement, parameters, effective);
    }

    /** Routes and rewrites one parsed statement (a whole one, or one SELECT of a UNION). */
    RoutePlan plan(ParsedStatement statement, List<Object> parameters, PlanningContext effective) {
        StatementFacts facts = statement.facts();
        RouteResult route = router.route(statement, parameters, effective);
        boolean query = isQuery(facts);
        if (route.opcode() == RouteOpcode.NONE) {
            if (!query) {
                return new RoutePlan(RouteOpcode.NONE, false, List.of(), Optional.empty(), true,
                        route.generatedKeys());
            }
            // No shard can hold a matching row, but the answer is not "no result set": COUNT(*) must say 0 and
            // the metadata must be right. Any one data node evaluates the WHERE to the same empty answer.
            route = new RouteResult(RouteOpcode.SINGLE, List.of(anyUnit(facts)));
        }
        RewriteResult rewritten = rewriter.rewrite(statement, parameters, route);
        boolean needsMaster = !query || facts.lockMode() != LockMode.NONE || effective.forceMaster();
        return new RoutePlan(route.opcode(), query, rewritten.units(), rewritten.merge(), needsMaster,
                route.generatedKeys(), facts.kind().changesSchema());
    }

    /** Whether any table the statement names, in a subquery or not, is sharded. */
    public boolean touchesShardedTable(StatementFacts facts) {
        for (TableRef table : facts.tables()) {
            if (rule.isSharded(table.name())) {
                return true;
            }
        }
        return false;
    }

    /** The plan as JSON, for users and tests; see {@link RoutePreview}. */
    public String preview(String sql, List<Object> parameters, PlanningContext context) {
        return RoutePreview.toJson(sql, plan(sql, parameters, context));
    }

    private static boolean isQuery(StatementFacts facts) {
        return switch (facts.kind()) {
            case SELECT, SHOW, EXPLAIN -> true;
            default -> false;
        };
    }

    private static void refuseSessionStatements(StatementFacts facts) {
        String advice = switch (facts.kind()) {
            case BEGIN, COMMIT, ROLLBACK -> "use Connection.setAutoCommit(false), commit() and rollback(), which"
                    + " Shardline applies to every shard connection of the transaction";
            case SAVEPOINT -> "savepoints across shards are not supported";
            case XA -> "XA statements are not passed through; cross-shard commits are coordinated by Shardline";
            case SET -> "session variables would be set on one shard connection only; put them in the data source"
                    + " URL (sessionVariables=...) so every pooled connection has them";
            case USE -> "the logical schema is fixed by the configuration";
            case LOCK_TABLES -> "table locks would be taken on one shard only";
            default -> null;
        };
        if (advice != null) {
            throw new PlanningException(facts.kind() + " statements are not supported through Shardline: " + advice);
        }
    }

    /** The first data node of the statement's first sharded table, with bound tables mapped alongside. */
    private RouteUnit anyUnit(StatementFacts facts) {
        DataNode first = null;
        Map<String, String> actual = new LinkedHashMap<>();
        for (TableRef table : facts.tables()) {
            Optional<TableRule> tableRule = rule.findTableRule(table.name());
            if (tableRule.isEmpty()) {
                continue;
            }
            if (first == null) {
                first = tableRule.get().dataNodes().get(0);
                actual.put(table.name(), first.table());
            } else if (!actual.containsKey(table.name())) {
                List<String> tables = tableRule.get().actualTables(first.dataSource());
                if (tables.isEmpty()) {
                    throw new PlanningException("table " + table.name() + " has no data node on " + first.dataSource());
                }
                actual.put(table.name(), tables.get(0));
            }
        }
        if (first == null) {
            String ds = rule.defaultDataSource().orElse(rule.dataSourceNames().get(0));
            return new RouteUnit(ds, Map.of());
        }
        return new RouteUnit(first.dataSource(), actual);
    }

    private static int firstNonBlank(String sql) {
        int i = 0;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code /*shardline: dataSource=ds_1, master*}{@code /} → context with those hints. */
    static PlanningContext withCommentHint(String sql, PlanningContext context) {
        int start = firstNonBlank(sql) + HINT_PREFIX.length();
        int end = sql.indexOf("*/", start);
        if (end < 0) {
            throw new PlanningException("unterminated /*shardline: ...*/ hint comment");
        }
        boolean master = context.forceMaster();
        Optional<String> dataSource = context.forcedDataSource();
        for (String item : sql.substring(start, end).split(",")) {
            String hint = item.trim();
            if (hint.isEmpty()) {
                continue;
            }
            int eq = hint.indexOf('=');
            String key = (eq < 0 ? hint : hint.substring(0, eq)).trim();
            String value = eq < 0 ? null : hint.substring(eq + 1).trim();
            if (key.equalsIgnoreCase("master") && value == null) {
                master = true;
            } else if (key.equalsIgnoreCase("dataSource") && value != null && !value.isEmpty()) {
                dataSource = Optional.of(value);
            } else {
                throw new PlanningException("unknown hint '" + hint + "' in /*shardline: ...*/ comment (known: "
                        + "dataSource=<name>, master)");
            }
        }
        return new PlanningContext(context.inTransaction(), master, dataSource);
    }
}

package io.shardline.router.rewrite;

import io.shardline.router.merge.AggregateFunction;
import io.shardline.router.merge.MergePlan;
import io.shardline.router.plan.PlanningException;
import io.shardline.router.rule.ShardingRule;
import io.shardline.router.rule.TableRule;
import io.shardline.sql.ParsedStatement;
import io.shardline.sql.facts.Aggregate;
import io.shardline.sql.facts.ColumnRef;
import io.shardline.sql.facts.Limit;
import io.shardline.sql.facts.MySqlFeature;
import io.shardline.sql.facts.OrderItem;
import io.shardline.sql.facts.Projection;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.TableRef;
import io.shardline.sql.facts.TokenRange;
import io.shardline.sql.facts.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Plans a SELECT that runs on two or more units: the edits every unit's SQL needs (derived columns, LIMIT, the GROUP
 * BY order for a streaming merge) and the {@link MergePlan} that turns the units' rows into the one-database answer.
 * Refuses, naming the construct, what it cannot make exact.
 */
final class MultiShardSelect {
    /** MySQL's largest row count, the idiom for "no limit". */
    private static final BigInteger MAX_ROWS = new BigInteger("18446744073709551615");
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final Set<String> AGGREGATE_FUNCTIONS = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX",
            "GROUP_CONCAT", "STD", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE", "VAR_POP", "VAR_SAMP",
            "BIT_AND", "BIT_OR", "BIT_XOR", "JSON_ARRAYAGG", "JSON_OBJECTAGG");
    private static final Set<String> CLAUSE_WORDS = Set.of("ORDER", "LIMIT", "FOR", "LOCK", "WINDOW", "PROCEDURE",
            "INTO", "HAVING", "GROUP");

    private final ParsedStatement st;
    private final StatementFacts f;
    private final List<Object> parameters;
    private final ShardingRule rule;
    private final TokenScan tokens;
    private final String sql;

    private final List<Projection> projections;
    /** Projections before the first {@code *}: their column index is their position. */
    private final int knownPrefix;
    private final boolean star;

    /** Derived (hidden) columns: text pieces; their index is resolved at the end. */
    private final List<List<Object>> derived = new ArrayList<>();
    private final List<String> derivedNames = new ArrayList<>();
    private int orderDerived;
    private int groupDerived;
    private int avgDerived;

    private final List<StructEdit> edits = new ArrayList<>();

    private MultiShardSelect(ParsedStatement st, List<Object> parameters, ShardingRule rule, TokenScan tokens) {
        this.st = st;
        this.f = st.facts();
        this.parameters = parameters;
        this.rule = rule;
        this.tokens = tokens;
        this.sql = st.sql();
        this.projections = f.projections();
        int firstStar = -1;
        for (int i = 0; i < projections.size() && firstStar < 0; i++) {
            Projection.Kind k = projections.get(i).kind();
            if (k == Projection.Kind.STAR || k == Projection.Kind.QUALIFIED_STAR) {
                firstStar = i;
            }
        }
        this.star = firstStar >= 0;
        this.knownPrefix = star ? firstStar : projections.size();
    }

    /** The plan: edits common to every unit, and the merge. */
    record Plan(List<StructEdit> edits, MergePlan merge) {
    }

    static Plan plan(ParsedStatement st, List<Object> parameters, ShardingRule rule, TokenScan tokens) {
        return new MultiShardSelect(st, parameters, rule, tokens).plan();
    }

    // Column references while planning: >= 0 a projection, < 0 derived column -(d + 1).
    private static int derivedRef(int d) {
        return -(d + 1);
    }

    private Plan plan() {
        if (f.hasUnion() && io.shardline.sql.UnionBranches.atTopLevel(st)) {
            throw refuse("UNION across shards");
        }
        if (f.mysqlFeatures().contains(MySqlFeature.SQL_CALC_FOUND_ROWS)) {
            throw refuse("SQL_CALC_FOUND_ROWS across shards (FOUND_ROWS() would count one shard)");
        }
        if (f.hasSubquery()) {
            refuseDerivedTables();
        }
        if (f.mysqlFeatures().contains(MySqlFeature.COLLATE)) {
            refuseComparedCollate();
        }
        if (projections.isEmpty()) {
            throw refuse("a query without a select list");
        }
        for (int i = 0; i < projections.size(); i++) {
            Projection p = projections.get(i);
            if (p.kind() == Projection.Kind.EXPRESSION) {
                refuseAggregateInside(st.start(p.span()), st.end(p.span()), "an expression over aggregates");
            }
            if (p.kind() == Projection.Kind.AGGREGATE && star && i > knownPrefix) {
                throw refuse("aggregate after * (" + text(p.span()) + ")");
            }
        }
        boolean hasAggregates = false;
        for (Projection p : projections) {
            hasAggregates |= p.kind() == Projection.Kind.AGGREGATE;
        }
        boolean grouping = hasAggregates || !f.groupBy().isEmpty();
        boolean colocated = grouping && groupsAreColocated();
        if (f.having() && !colocated) {
            throw refuse("HAVING across shards whose GROUP BY does not contain every sharding column of every sharded"
                    + " table (groups would span shards)");
        }
        if (grouping && !colocated) {
            return reaggregate();
        }
        // Plain rows, or groups that never span units: merge by ORDER BY only.
        if (!grouping) {
            for (OrderItem o : f.orderBy()) {
                if (o.kind() == OrderItem.Kind.EXPRESSION) {
                    refuseAggregateInside(st.start(o.span()), st.end(o.span()), "an aggregate in ORDER BY without GROUP BY");
                }
            }
        }
        List<int[]> keys = new ArrayList<>();
        for (OrderItem o : f.orderBy()) {
            int column = resolve(o, false);
            if (column == NOT_FOUND) {
                if (o.kind() == OrderItem.Kind.ORDINAL) {
                    throw refuse("ORDER BY " + o.ordinal() + " with * before it (its column is unknown)");
                }
                if (f.distinct()) {
                    throw refuse("ORDER BY " + text(o.span()) + " that is not in the DISTINCT select list");
                }
                column = derive(source(o.span()), "__ORDER_BY_DERIVED_" + orderDerived++);
            }
            keys.add(new int[] {column, o.descending() ? 1 : 0});
        }
        boolean pushLimit = !f.distinct() || orderCoversVisible(keys);
        return finish(keys, keys, List.of(), List.of(), pushLimit);
    }

    // ------------------------------------------------------------------ re-aggregation

    private Plan reaggregate() {
        List<Integer> groupColumns = new ArrayList<>();
        for (OrderItem g : f.groupBy()) {
            int column = resolve(g, true);
            if (column == NOT_FOUND) {
                if (g.kind() == OrderItem.Kind.ORDINAL) {
                    throw refuse("GROUP BY " + g.ordinal() + " with * before it (its column is unknown)");
                }
                refuseAggregateInside(st.start(g.span()), st.end(g.span()), "an aggregate in GROUP BY");
                column = derive(source(g.span()), "__GROUP_BY_DERIVED_" + groupDerived++);
            }
            groupColumns.add(column);
        }
        List<int[]> aggregates = new ArrayList<>(); // {function ordinal, output, input, count}
        Projection countDistinct = null;
        int countDistinctColumn = -1;
        int aggregateCount = 0;
        for (int i = 0; i < projections.size(); i++) {
            Projection p = projections.get(i);
            if (p.kind() != Projection.Kind.AGGREGATE) {
                continue;
            }
            aggregateCount++;
            if (p.distinct() && p.aggregate().orElseThrow() == Aggregate.COUNT) {
                countDistinct = p;
                countDistinctColumn = i;
                continue;
            }
            aggregates.add(aggregate(p.aggregate().orElseThrow(), p.distinct(), p.span(), i));
        }
        List<int[]> keys = new ArrayList<>();
        boolean orderHasAggregate = false;
        for (OrderItem o : f.orderBy()) {
            int column = resolve(o, true);
            if (column == NOT_FOUND) {
                column = groupItemMatching(o, groupColumns);
            }
            if (column == NOT_FOUND) {
                if (o.kind() == OrderItem.Kind.ORDINAL) {
                    throw refuse("ORDER BY " + o.ordinal() + " with * before it (its column is unknown)");
                }
                Optional<Aggregate> call = singleAggregateCall(o.span());
                if (call.isEmpty()) {
                    throw refuse("ORDER BY " + text(o.span()) + " across shards: it is neither selected, grouped nor"
                            + " one aggregate");
                }
                if (f.distinct()) {
                    throw refuse("ORDER BY " + text(o.span()) + " that is not in the DISTINCT select list");
                }
                aggregateCount++;
                boolean distinctCall = isDistinctCall(o.span());
                if (distinctCall && call.get() == Aggregate.COUNT) {
                    throw refuse("COUNT(DISTINCT ...) in ORDER BY across shards");
                }
                column = derive(source(o.span()), "__ORDER_BY_DERIVED_" + orderDerived++);
                aggregates.add(aggregate(call.get(), distinctCall, o.span(), column));
                orderHasAggregate = true;
            } else if (column >= 0 && projections.get(column).kind() == Projection.Kind.AGGREGATE) {
                orderHasAggregate = true;
            }
            keys.add(new int[] {column, o.descending() ? 1 : 0});
        }
        if (countDistinct != null && aggregateCount > 1) {
            throw refuse("COUNT(DISTINCT ...) together with other aggregates across shards");
        }
        boolean needOrder = f.orderBy().isEmpty() && !groupColumns.isEmpty();
        List<Object> groupTail = new ArrayList<>();
        if (countDistinct != null) {
            StructEdit.Source argument = countDistinctArgument(countDistinct);
            int valueColumn = derive(List.of(argument), "__COUNT_DISTINCT_DERIVED_0");
            aggregates.add(new int[] {AggregateFunction.COUNT_DISTINCT.ordinal(), countDistinctColumn, valueColumn, -1});
            if (f.groupBy().isEmpty()) {
                edits.add(new StructEdit(clauseInsertionPoint(), clauseInsertionPoint(),
                        List.of(" GROUP BY ", argument)));
            } else {
                groupTail.add(", ");
                groupTail.add(argument);
            }
        }
        if (needOrder) {
            groupTail.add(" ORDER BY ");
            for (int g = 0; g < f.groupBy().size(); g++) {
                if (g > 0) {
                    groupTail.add(", ");
                }
                groupTail.add(new StructEdit.Source(st.start(f.groupBy().get(g).span()), st.end(f.groupBy().get(g).span())));
            }
        }
        if (!groupTail.isEmpty()) {
            int at = st.end(f.groupBy().get(f.groupBy().size() - 1).span());
            int next = tokens.next(tokens.firstAt(at) - 1);
            if (tokens.isWord(next, "WINDOW")) {
                throw refuse("WINDOW clause across shards");
            }
            edits.add(new StructEdit(at, at, groupTail));
        }
        List<int[]> shardOrder;
        List<int[]> finalOrder;
        if (needOrder) {
            shardOrder = new ArrayList<>();
            for (int column : groupColumns) {
                shardOrder.add(new int[] {column, 0});
            }
            finalOrder = shardOrder;
        } else {
            shardOrder = orderHasAggregate || countDistinct != null && !f.groupBy().isEmpty() ? List.of() : keys;
            finalOrder = keys;
        }
        // Shards may cut their groups at o + n only when their first groups are the merged first groups.
        boolean pushLimit = countDistinct == null && !f.distinct() && !groupColumns.isEmpty()
                && leadingKeysAreGroups(finalOrder, groupColumns);
        if (countDistinct == null && groupColumns.isEmpty()) {
            pushLimit = true; // one row per shard
        }
        return finish(shardOrder, finalOrder, groupColumns, aggregates, pushLimit);
    }

    private int[] aggregate(Aggregate function, boolean distinct, TokenRange span, int output) {
        if (distinct && (function == Aggregate.SUM || function == Aggregate.AVG)) {
            throw refuse(function + "(DISTINCT ...) across shards");
        }
        switch (function) {
            case COUNT:
                return new int[] {AggregateFunction.COUNT.ordinal(), output, output, -1};
            case SUM:
                return new int[] {AggregateFunction.SUM.ordinal(), output, output, -1};
            case MIN:
                return new int[] {AggregateFunction.MIN.ordinal(), output, output, -1};
            case MAX:
                return new int[] {AggregateFunction.MAX.ordinal(), output, output, -1};
            default:
                StructEdit.Source argument = callArgument(span);
                int d = avgDerived++;
                int sum = derive(List.of("SUM(", argument, ")"), "__AVG_DERIVED_SUM_" + d);
                int count = derive(List.of("COUNT(", argument, ")"), "__AVG_DERIVED_COUNT_" + d);
                return new int[] {AggregateFunction.AVG.ordinal(), output, sum, count};
        }
    }

    // ------------------------------------------------------------------ merge plan and LIMIT

    private Plan finish(List<int[]> shardOrder, List<int[]> finalOrder, List<Integer> groupBy,
            List<int[]> aggregates, boolean pushLimit) {
        long offset = 0;
        long limit = -1;
        if (f.limit().isPresent()) {
            Limit l = f.limit().get();
            BigInteger o = l.offset().isPresent() ? limitValue(l.offset().get()) : BigInteger.ZERO;
            BigInteger n = l.rowCount().isPresent() ? limitValue(l.rowCount().get()) : MAX_ROWS;
            if (o.compareTo(LONG_MAX) > 0) {
                throw refuse("LIMIT offset " + o + " across shards");
            }
            offset = o.longValue();
            limit = n.compareTo(LONG_MAX) > 0 ? -1 : n.longValue();
            int start = st.start(l.span());
            int end = st.end(l.span());
            if (!pushLimit) {
                // Trim the blank before LIMIT, but never a line break: it may end a -- or # comment.
                while (start > 0 && (sql.charAt(start - 1) == ' ' || sql.charAt(start - 1) == '\t')) {
                    start--;
                }
                edits.add(new StructEdit(start, end, List.of("")));
            } else if (l.offset().isPresent() && o.signum() > 0) {
                // Only the two values change, so comments and the LIMIT form survive: o -> 0, n -> o + n.
                int[] offsetAt = valueSpan(l.offset().get());
                int[] countAt = valueSpan(l.rowCount().orElseThrow(() -> refuse("LIMIT without a row count")));
                edits.add(new StructEdit(offsetAt[0], offsetAt[1], List.of("0")));
                edits.add(new StructEdit(countAt[0], countAt[1], List.of(o.add(n).min(MAX_ROWS).toString())));
            }
        }
        if (!derived.isEmpty()) {
            int at = st.end(projections.get(projections.size() - 1).span());
            List<Object> pieces = new ArrayList<>();
            for (int d = 0; d < derived.size(); d++) {
                pieces.add(", ");
                pieces.addAll(derived.get(d));
                pieces.add(" AS ");
                pieces.add(derivedNames.get(d));
            }
            edits.add(new StructEdit(at, at, pieces));
        }
        int n = projections.size();
        int k = derived.size();
        List<MergePlan.Key> shardKeys = keys(shardOrder, n, k);
        List<MergePlan.Key> orderKeys = keys(finalOrder, n, k);
        List<Integer> groups = new ArrayList<>();
        for (int column : groupBy) {
            groups.add(column(column, n, k));
        }
        List<MergePlan.AggregateRef> refs = new ArrayList<>();
        AggregateFunction[] functions = AggregateFunction.values();
        for (int[] a : aggregates) {
            refs.add(new MergePlan.AggregateRef(functions[a[0]], column(a[1], n, k), column(a[2], n, k),
                    a[3] == -1 ? -1 : column(a[3], n, k)));
        }
        int width = star ? MergePlan.UNKNOWN_WIDTH : n + k;
        int visible = star ? MergePlan.UNKNOWN_WIDTH : n;
        return new Plan(edits, new MergePlan(width, visible, shardKeys, groups, refs, orderKeys, f.distinct(), offset,
                limit, k));
    }

    private List<MergePlan.Key> keys(List<int[]> keys, int n, int k) {
        List<MergePlan.Key> out = new ArrayList<>();
        for (int[] key : keys) {
            out.add(new MergePlan.Key(column(key[0], n, k), key[1] == 1));
        }
        return out;
    }

    /** A planning reference as a merge plan column: derived columns follow the projections (or count from the end). */
    private int column(int ref, int n, int k) {
        if (ref >= 0) {
            return ref;
        }
        int d = -ref - 1;
        return star ? d - k : n + d;
    }

    private BigInteger limitValue(Value value) {
        try {
            return LimitValues.of(st, value, parameters);
        } catch (IllegalArgumentException e) {
            throw refuse(e.getMessage() + (value instanceof Value.Expression ? " across shards" : ""));
        }
    }

    /** Original [start, end) of a LIMIT value: a literal or an application placeholder. */
    private int[] valueSpan(Value value) {
        if (value instanceof Value.Literal) {
            io.shardline.sql.facts.LiteralValue literal = st.literal(((Value.Literal) value).index());
            return new int[] {literal.start(), literal.end()};
        }
        if (value instanceof Value.Parameter) {
            int wanted = ((Value.Parameter) value).index();
            int p = 0;
            for (int j = 0; j < tokens.size(); j++) {
                if (tokens.type(j) == io.shardline.sql.lexer.TokenType.PLACEHOLDER && p++ == wanted) {
                    return new int[] {tokens.start(j), tokens.end(j)};
                }
            }
        }
        throw refuse("LIMIT with an expression across shards");
    }

    private boolean orderCoversVisible(List<int[]> keys) {
        if (star) {
            return false;
        }
        for (int c = 0; c < projections.size(); c++) {
            boolean found = false;
            for (int[] key : keys) {
                found |= key[0] == c;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean leadingKeysAreGroups(List<int[]> order, List<Integer> groups) {
        if (order.size() < groups.size()) {
            return false;
        }
        for (int i = 0; i < groups.size(); i++) {
            if (!groups.contains(order.get(i)[0])) {
                return false;
            }
        }
        for (int g : groups) {
            boolean found = false;
            for (int i = 0; i < groups.size(); i++) {
                found |= order.get(i)[0] == g;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ resolving items to columns

    private static final int NOT_FOUND = Integer.MIN_VALUE;

    /** The column an ORDER BY / GROUP BY item stands for among the projections of known position, or NOT_FOUND. */
    private int resolve(OrderItem item, boolean grouping) {
        switch (item.kind()) {
            case ORDINAL: {
                int i = item.ordinal() - 1;
                if (i < 0 || i >= projections.size()) {
                    throw refuse("ORDER BY/GROUP BY position " + item.ordinal() + " is not in the select list");
                }
                return i < knownPrefix ? i : NOT_FOUND;
            }
            case ALIAS: {
                String alias = item.column().orElseThrow().name();
                for (int i = 0; i < projections.size(); i++) {
                    Projection p = projections.get(i);
                    if (p.alias().isPresent() && p.alias().get().equalsIgnoreCase(alias)) {
                        if (i < knownPrefix) {
                            return i;
                        }
                        if (p.kind() == Projection.Kind.AGGREGATE) {
                            throw refuse("ORDER BY " + alias + ", an aggregate after *");
                        }
                        return derive(source(expressionRange(p)), (grouping ? "__GROUP_BY_DERIVED_" + groupDerived++
                                : "__ORDER_BY_DERIVED_" + orderDerived++));
                    }
                }
                return NOT_FOUND;
            }
            case COLUMN: {
                ColumnRef c = item.column().orElseThrow();
                for (int i = 0; i < knownPrefix; i++) {
                    Projection p = projections.get(i);
                    if (p.kind() == Projection.Kind.COLUMN && sameColumn(p.column().orElseThrow(), c)) {
                        return i;
                    }
                }
                return NOT_FOUND;
            }
            default: {
                String shape = tokens.shape(st.start(item.span()), st.end(item.span()));
                for (int i = 0; i < knownPrefix; i++) {
                    Projection p = projections.get(i);
                    if (p.kind() == Projection.Kind.EXPRESSION || p.kind() == Projection.Kind.AGGREGATE) {
                        TokenRange r = expressionRange(p);
                        if (tokens.shape(st.start(r), st.end(r)).equals(shape)) {
                            return i;
                        }
                    }
                }
                return NOT_FOUND;
            }
        }
    }

    /** An ORDER BY item that repeats a GROUP BY item: the group's column. */
    private int groupItemMatching(OrderItem o, List<Integer> groupColumns) {
        String shape = tokens.shape(st.start(o.span()), st.end(o.span()));
        for (int g = 0; g < f.groupBy().size(); g++) {
            OrderItem item = f.groupBy().get(g);
            boolean same = item.kind() == OrderItem.Kind.COLUMN && o.kind() == OrderItem.Kind.COLUMN
                    ? sameColumn(item.column().orElseThrow(), o.column().orElseThrow())
                    : tokens.shape(st.start(item.span()), st.end(item.span())).equals(shape);
            if (same) {
                return groupColumns.get(g);
            }
        }
        return NOT_FOUND;
    }

    private boolean sameColumn(ColumnRef a, ColumnRef b) {
        if (!a.name().equalsIgnoreCase(b.name())) {
            return false;
        }
        if (a.qualifier().isPresent() && b.qualifier().isPresent()) {
            return lastPart(a.qualifier().get()).equalsIgnoreCase(lastPart(b.qualifier().get()));
        }
        if (a.qualifier().isEmpty() && b.qualifier().isEmpty()) {
            return true;
        }
        // One side unqualified: the same column only when one table is in play.
        int outer = 0;
        for (TableRef t : f.tables()) {
            outer += t.inSubquery() ? 0 : 1;
        }
        return outer == 1 && !f.hasJoin();
    }

    private static String lastPart(String qualifier) {
        int dot = qualifier.lastIndexOf('.');
        return dot < 0 ? qualifier : qualifier.substring(dot + 1);
    }

    private int derive(List<Object> pieces, String name) {
        derived.add(pieces);
        derivedNames.add(name);
        return derivedRef(derived.size() - 1);
    }

    private List<Object> source(TokenRange range) {
        return List.of(new StructEdit.Source(st.start(range), st.end(range)));
    }

    /** A projection's expression without its alias. */
    private TokenRange expressionRange(Projection p) {
        TokenRange r = p.span();
        if (p.alias().isEmpty()) {
            return r;
        }
        int last = r.last() - 1;
        if (last > r.first() && "AS".equalsIgnoreCase(normalizedText(last))) {
            last--;
        }
        return new TokenRange(r.first(), Math.max(r.first(), last));
    }

    private String normalizedText(int unit) {
        return st.span(TokenRange.of(unit)).text(sql);
    }

    // ------------------------------------------------------------------ co-location

    /** Whether GROUP BY holds every sharding column of every sharded table, so that no group spans two units. */
    private boolean groupsAreColocated() {
        if (f.groupBy().isEmpty()) {
            return false;
        }
        List<ColumnRef> groupColumns = new ArrayList<>();
        for (OrderItem g : f.groupBy()) {
            if (g.kind() == OrderItem.Kind.COLUMN) {
                groupColumns.add(g.column().orElseThrow());
            } else if (g.kind() == OrderItem.Kind.ORDINAL || g.kind() == OrderItem.Kind.ALIAS) {
                for (int i = 0; i < projections.size(); i++) {
                    Projection p = projections.get(i);
                    boolean target = g.kind() == OrderItem.Kind.ORDINAL ? i == g.ordinal() - 1
                            : p.alias().isPresent() && p.alias().get().equalsIgnoreCase(g.column().orElseThrow().name());
                    if (target && p.kind() == Projection.Kind.COLUMN) {
                        groupColumns.add(p.column().orElseThrow());
                    }
                }
            }
        }
        boolean anySharded = false;
        for (TableRef t : f.tables()) {
            if (t.inSubquery()) {
                continue;
            }
            Optional<TableRule> tableRule = rule.findTableRule(t.name());
            if (tableRule.isEmpty()) {
                continue;
            }
            anySharded = true;
            for (String shardingColumn : tableRule.get().shardingColumns()) {
                boolean found = false;
                for (ColumnRef g : groupColumns) {
                    found |= g.name().equalsIgnoreCase(shardingColumn) && qualifierReaches(g.qualifier(), t);
                }
                if (!found) {
                    return false;
                }
            }
        }
        return anySharded;
    }

    private boolean qualifierReaches(Optional<String> qualifier, TableRef t) {
        if (qualifier.isEmpty()) {
            return true; // a sharded table always has its sharding column: an unqualified name can only be its own
        }
        String q = lastPart(qualifier.get());
        for (TableRef other : f.tables()) {
            if (other.inSubquery()) {
                continue;
            }
            String name = other.alias().orElse(other.name());
            if (name.equalsIgnoreCase(q)
                    && (other == t || rule.areBound(other.name(), t.name()))) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ token checks

    private void refuseAggregateInside(int start, int end, String what) {
        for (int j = tokens.firstAt(start); j < tokens.size() && tokens.start(j) < end; j++) {
            if (tokens.isChar(j, '(') && tokens.isWord(tokens.next(j), "SELECT")) {
                // A scalar subquery aggregates its own rows on each shard: not an aggregate of this query.
                int close = tokens.matchingParen(j);
                if (close < 0) {
                    break;
                }
                j = close;
                continue;
            }
            if (tokens.type(j) != io.shardline.sql.lexer.TokenType.WORD) {
                continue;
            }
            int next = tokens.next(j);
            if (next < 0) {
                continue;
            }
            String word = tokens.identifier(j).toUpperCase(Locale.ROOT);
            if (tokens.isChar(next, '(') && AGGREGATE_FUNCTIONS.contains(word)) {
                throw refuse(what + " across shards: " + sql.substring(start, end));
            }
            if (word.equals("OVER") && (tokens.isChar(next, '(') || tokens.isIdentifier(next))) {
                throw refuse("a window function across shards: " + sql.substring(start, end));
            }
        }
    }

    /** The aggregate when the range is exactly one call {@code F(...)} of COUNT/SUM/AVG/MIN/MAX. */
    private Optional<Aggregate> singleAggregateCall(TokenRange range) {
        int s = st.start(range);
        int e = st.end(range);
        int first = tokens.firstIn(s, e);
        int open = tokens.next(first);
        if (first < 0 || !tokens.isChar(open, '(') || tokens.type(first) != io.shardline.sql.lexer.TokenType.WORD) {
            return Optional.empty();
        }
        int close = tokens.matchingParen(open);
        if (close < 0 || close != tokens.lastIn(s, e)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Aggregate.valueOf(tokens.identifier(first).toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e2) {
            return Optional.empty();
        }
    }

    private boolean isDistinctCall(TokenRange range) {
        int first = tokens.firstIn(st.start(range), st.end(range));
        return tokens.isWord(tokens.next(tokens.next(first)), "DISTINCT");
    }

    /** The argument of an aggregate call (inside its parentheses), without DISTINCT. */
    private StructEdit.Source callArgument(TokenRange range) {
        int first = tokens.firstIn(st.start(range), st.end(range));
        int open = tokens.next(first);
        int close = tokens.matchingParen(open);
        int from = tokens.next(open);
        if (tokens.isWord(from, "DISTINCT") || tokens.isWord(from, "ALL")) {
            from = tokens.next(from);
        }
        if (from < 0 || close < 0 || from >= close) {
            throw refuse("aggregate " + text(range) + " across shards");
        }
        return new StructEdit.Source(tokens.start(from), tokens.end(tokens.previous(close)));
    }

    private StructEdit.Source countDistinctArgument(Projection p) {
        StructEdit.Source argument = callArgument(expressionRange(p));
        int depth = 0;
        for (int j = tokens.firstAt(argument.start()); j < tokens.size() && tokens.start(j) < argument.end(); j++) {
            if (tokens.isChar(j, '(')) {
                depth++;
            } else if (tokens.isChar(j, ')')) {
                depth--;
            } else if (depth == 0 && tokens.isChar(j, ',')) {
                throw refuse("COUNT(DISTINCT) over several expressions across shards: " + text(p.span()));
            }
        }
        return argument;
    }

    /** Where a GROUP BY can be inserted: after the last token before ORDER BY / LIMIT / a locking clause / the end. */
    private int clauseInsertionPoint() {
        int depth = 0;
        int lastBefore = -1;
        int from = tokens.firstAt(st.end(projections.get(projections.size() - 1).span()));
        for (int j = from; j < tokens.size(); j++) {
            if (!tokens.type(j).isSignificant()) {
                continue;
            }
            if (tokens.isChar(j, '(')) {
                depth++;
            } else if (tokens.isChar(j, ')')) {
                depth--;
            } else if (depth == 0 && tokens.type(j) == io.shardline.sql.lexer.TokenType.WORD
                    && CLAUSE_WORDS.contains(tokens.identifier(j).toUpperCase(Locale.ROOT))) {
                break;
            } else if (depth == 0 && tokens.isChar(j, ';')) {
                break;
            }
            lastBefore = j;
        }
        return tokens.end(lastBefore);
    }

    /** Refuses a derived table (a subquery in FROM/JOIN): its rows are per shard, not the whole table's. */
    private void refuseDerivedTables() {
        String[] clause = new String[64];
        int depth = 0;
        for (int j = 0; j < tokens.size(); j++) {
            if (!tokens.type(j).isSignificant()) {
                continue;
            }
            if (tokens.isChar(j, '(')) {
                int prev = tokens.previous(j);
                int next = tokens.next(j);
                String c = depth < clause.length ? clause[depth] : null;
                boolean fromPosition = tokens.isWord(prev, "FROM") || tokens.isWord(prev, "JOIN")
                        || tokens.isChar(prev, ',') && ("FROM".equals(c) || "ON".equals(c));
                if (fromPosition && (tokens.isWord(next, "SELECT") || tokens.isWord(next, "WITH")
                        || tokens.isChar(next, '('))) {
                    throw refuse("a derived table (subquery in FROM) across shards");
                }
                depth++;
                if (depth < clause.length) {
                    clause[depth] = null;
                }
            } else if (tokens.isChar(j, ')')) {
                depth = Math.max(0, depth - 1);
            } else if (tokens.type(j) == io.shardline.sql.lexer.TokenType.WORD && depth < clause.length) {
                String w = tokens.identifier(j).toUpperCase(Locale.ROOT);
                if (w.equals("SELECT") || w.equals("FROM") || w.equals("WHERE") || w.equals("GROUP")
                        || w.equals("HAVING") || w.equals("ORDER") || w.equals("LIMIT") || w.equals("ON")
                        || w.equals("USING")) {
                    clause[depth] = w.equals("USING") ? "ON" : w;
                }
            }
        }
    }

    /**
     * The merge compares a column with the collation its shards report for it; {@code ORDER BY name COLLATE
     * utf8mb4_bin} sorts each shard by another one, so the merged order would interleave wrongly (the same for
     * GROUP BY and DISTINCT). COLLATE elsewhere (WHERE) only filters per shard and is fine.
     */
    private void refuseComparedCollate() {
        List<TokenRange> compared = new ArrayList<>();
        for (OrderItem o : f.orderBy()) {
            compared.add(o.span());
        }
        for (OrderItem g : f.groupBy()) {
            compared.add(g.span());
        }
        for (Projection p : projections) {
            if (f.distinct() || p.kind() == Projection.Kind.AGGREGATE) {
                compared.add(p.span());
            }
        }
        for (TokenRange range : compared) {
            if (mentionsCollate(range)) {
                throw refuse("COLLATE in " + text(range) + " (the merge would compare with the column's own"
                        + " collation, not the one written)");
            }
        }
    }

    /** The item's text, or the words right after it (the normalizer drops COLLATE from the analysed tokens). */
    private boolean mentionsCollate(TokenRange range) {
        if (text(range).toUpperCase(Locale.ROOT).contains("COLLATE")) {
            return true;
        }
        int i = st.end(range);
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return sql.regionMatches(true, i, "COLLATE", 0, "COLLATE".length());
    }

    private String text(TokenRange range) {
        return st.span(range).text(sql);
    }

    private static PlanningException refuse(String what) {
        return new PlanningException("cannot rewrite for several shards: " + what);
    }
}

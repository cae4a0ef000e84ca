package io.shardline.sql.analyze;

import io.shardline.sql.SqlParseException;
import io.shardline.sql.facts.Aggregate;
import io.shardline.sql.facts.Analysis;
import io.shardline.sql.facts.Assignment;
import io.shardline.sql.facts.ColumnRef;
import io.shardline.sql.facts.ComparisonOperator;
import io.shardline.sql.facts.InsertFacts;
import io.shardline.sql.facts.Limit;
import io.shardline.sql.facts.OrderItem;
import io.shardline.sql.facts.OuterJoin;
import io.shardline.sql.facts.Predicate;
import io.shardline.sql.facts.Projection;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.StatementKind;
import io.shardline.sql.facts.TableRef;
import io.shardline.sql.facts.TokenRange;
import io.shardline.sql.facts.Value;
import io.shardline.sql.normalize.NormalizedStatement;
import io.shardline.sql.normalize.StrippedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Parses the stripped Calcite text with Calcite's core parser ({@code Lex.MYSQL}, MySQL 5 conformance) and turns the
 * syntax tree into {@link StatementFacts}. Runs on a cache miss only.
 */
public final class CalciteAnalyzer {
    /** Calcite parser configuration: MySQL lexical rules (backticks, case preserved) and MySQL conformance. */
    public static final SqlParser.Config CONFIG =
            SqlParser.config().withLex(Lex.MYSQL).withConformance(SqlConformanceEnum.MYSQL_5);

    private final NormalizedStatement ns;
    private final StrippedStatement st;
    private final StatementFacts.Builder facts;
    private final List<String> aliases = new ArrayList<>();
    private final List<String> commonTableNames = new ArrayList<>();

    private CalciteAnalyzer(NormalizedStatement ns, StrippedStatement st) {
        this.ns = ns;
        this.st = st;
        this.facts = StatementFacts.builder(st.kind(), Analysis.FULL);
    }

    /**
     * Parses and analyses.
     *
     * @throws SqlParseException if Calcite rejects the text; the position is mapped back to the original text
     */
    public static StatementFacts analyze(NormalizedStatement ns, StrippedStatement st) {
        SqlNode root;
        try {
            root = CalciteParsers.parseStatement(st.calciteText(), CONFIG);
        } catch (org.apache.calcite.sql.parser.SqlParseException e) {
            throw translate(ns, st, e);
        }
        CalciteAnalyzer a = new CalciteAnalyzer(ns, st);
        a.root(root);
        return a.finish();
    }

    private static SqlParseException translate(NormalizedStatement ns, StrippedStatement st,
            org.apache.calcite.sql.parser.SqlParseException e) {
        SqlParserPos pos = e.getPos();
        int unit = pos == null ? 0 : st.tokenAtColumn(pos.getColumnNum());
        String construct;
        int offset;
        if (ns.size() == 0) {
            construct = "empty statement";
            offset = 0;
        } else if (pos == null || pos.getColumnNum() > st.calciteText().length()
                || e.getMessage() != null && e.getMessage().startsWith("Encountered \"<EOF>\"")) {
            construct = "unexpected end of statement";
            offset = ns.sql().length();
        } else {
            construct = ns.text(unit);
            offset = ns.start(unit);
        }
        String msg = e.getMessage() == null ? "" : e.getMessage();
        int nl = msg.indexOf('\n');
        String detail = nl > 0 ? msg.substring(0, nl) : msg;
        // Calcite's own position refers to its internal text; ours is in the message header.
        int at = detail.indexOf(" at line ");
        if (at > 0) {
            detail = detail.substring(0, at);
        }
        return SqlParseException.at(ns.sql(), offset, construct, "Calcite: " + detail.trim(), e);
    }

    private StatementFacts finish() {
        facts.features(st.features());
        facts.lockMode(st.lockMode());
        facts.counts(ns.parameterCount(), ns.literalCount());
        return facts.build();
    }

    private void root(SqlNode root) {
        if (root instanceof SqlInsert) {
            insert((SqlInsert) root);
        } else if (root instanceof SqlUpdate) {
            update((SqlUpdate) root);
        } else if (root instanceof SqlDelete) {
            delete((SqlDelete) root);
        } else {
            facts.kind(StatementKind.SELECT);
            query(root, true, false);
        }
    }

    // ---------------------------------------------------------------- DML

    private void insert(SqlInsert insert) {
        facts.kind(st.kind());
        tableFromIdentifier(insert.getTargetTable(), null, false);
        SqlNode source = insert.getSource();
        if (st.insertFromSelect()) {
            query(source, false, false);
        } else {
            scanExpression(source);
        }
        facts.insert(new InsertFacts(st.insertColumns(), st.insertRows(), st.insertFromSelect(),
                st.features().contains(io.shardline.sql.facts.MySqlFeature.INSERT_SET), st.onDuplicate()));
    }

    private void update(SqlUpdate update) {
        facts.kind(StatementKind.UPDATE);
        tableFromIdentifier(update.getTargetTable(), update.getAlias(), false);
        SqlNodeList targets = update.getTargetColumnList();
        SqlNodeList sources = update.getSourceExpressionList();
        for (int i = 0; i < targets.size(); i++) {
            SqlIdentifier target = (SqlIdentifier) targets.get(i);
            facts.assignment(new Assignment(column(target), value(sources.get(i))));
            scanExpression(sources.get(i));
        }
        where(update.getCondition());
        dmlTail();
    }

    private void delete(SqlDelete delete) {
        facts.kind(StatementKind.DELETE);
        tableFromIdentifier(delete.getTargetTable(), delete.getAlias(), false);
        where(delete.getCondition());
        dmlTail();
    }

    private void dmlTail() {
        for (OrderItem o : st.dmlOrderBy()) {
            facts.orderBy(o);
        }
        st.dmlLimit().ifPresent(facts::limit);
    }

    private void where(SqlNode condition) {
        if (condition != null) {
            facts.where(predicate(condition));
            scanExpression(condition);
        }
    }

    // ---------------------------------------------------------------- queries

    /**
     * Walks a query. {@code outer} is true for the outermost block (first UNION branch), whose clauses become facts.
     */
    private void query(SqlNode node, boolean outer, boolean nested) {
        if (node instanceof SqlOrderBy) {
            SqlOrderBy ob = (SqlOrderBy) node;
            query(ob.query, outer, nested);
            if (outer) {
                orderBy(ob.orderList);
                limit(ob.offset, ob.fetch);
            }
            return;
        }
        if (node instanceof SqlWith) {
            SqlWith with = (SqlWith) node;
            for (SqlNode item : with.withList) {
                facts.subquery();
                commonTableNames.add(((SqlWithItem) item).name.getSimple());
                query(((SqlWithItem) item).query, false, true);
            }
            query(with.body, outer, nested);
            return;
        }
        if (node instanceof SqlSelect) {
            select((SqlSelect) node, outer, nested);
            return;
        }
        if (node instanceof SqlCall && isSetOperation(node.getKind())) {
            facts.union();
            List<SqlNode> operands = ((SqlCall) node).getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                query(operands.get(i), outer && i == 0, nested);
            }
            if (outer) {
                // A predicate of one branch does not restrict the others: no WHERE fact for a UNION.
                facts.where(null);
            }
            return;
        }
        // VALUES or another table expression used as a query.
        scanExpression(node);
    }

    private static boolean isSetOperation(SqlKind kind) {
        return kind == SqlKind.UNION || kind == SqlKind.INTERSECT || kind == SqlKind.EXCEPT;
    }

    private void select(SqlSelect select, boolean outer, boolean nested) {
        if (select.getFrom() != null) {
            from(select.getFrom(), nested);
        }
        if (outer) {
            facts.distinct(select.isDistinct());
            for (SqlNode item : select.getSelectList()) {
                facts.projection(projection(item));
            }
            if (select.getWhere() != null) {
                facts.where(predicate(select.getWhere()));
            }
            if (select.getGroup() != null) {
                for (SqlNode g : select.getGroup()) {
                    facts.groupBy(orderItem(g, false));
                }
            }
            facts.having(select.getHaving() != null);
            if (select.getOrderList() != null) {
                orderBy(select.getOrderList());
            }
            if (select.getFetch() != null || select.getOffset() != null) {
                limit(select.getOffset(), select.getFetch());
            }
        }
        for (SqlNode item : select.getSelectList()) {
            scanExpression(item);
        }
        scanExpression(select.getWhere());
        scanExpression(select.getHaving());
    }

    private void from(SqlNode node, boolean nested) {
        if (node instanceof SqlIdentifier) {
            tableFromIdentifier(node, null, nested);
            return;
        }
        if (node instanceof SqlJoin) {
            SqlJoin join = (SqlJoin) node;
            facts.join();
            int start = facts.tables().size();
            from(join.getLeft(), nested);
            int middle = facts.tables().size();
            from(join.getRight(), nested);
            int end = facts.tables().size();
            List<String> left = tableNames(start, middle);
            List<String> right = tableNames(middle, end);
            switch (join.getJoinType()) {
                case LEFT -> facts.outerJoin(new OuterJoin(left, right));
                case RIGHT -> facts.outerJoin(new OuterJoin(right, left));
                case FULL -> {
                    facts.outerJoin(new OuterJoin(left, right));
                    facts.outerJoin(new OuterJoin(right, left));
                }
                default -> {
                }
            }
            scanExpression(join.getCondition());
            return;
        }
        if (node.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) node;
            SqlNode inner = as.operand(0);
            if (inner instanceof SqlIdentifier) {
                tableFromIdentifier(inner, (SqlIdentifier) as.operand(1), nested);
            } else {
                facts.subquery();
                query(inner, false, true);
            }
            return;
        }
        if (node instanceof SqlSelect || node instanceof SqlOrderBy || node instanceof SqlWith
                || isSetOperation(node.getKind())) {
            facts.subquery();
            query(node, false, true);
            return;
        }
        scanExpression(node);
    }

    private List<String> tableNames(int from, int to) {
        List<String> names = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            names.add(facts.tables().get(i).name());
        }
        return names;
    }

    private void tableFromIdentifier(SqlNode node, SqlIdentifier alias, boolean nested) {
        if (!(node instanceof SqlIdentifier)) {
            scanExpression(node);
            return;
        }
        SqlIdentifier id = (SqlIdentifier) node;
        int n = id.names.size();
        // DUAL and names of common table expressions are not tables the router could route.
        if (n == 1 && (id.getSimple().equalsIgnoreCase("DUAL") || containsIgnoreCase(commonTableNames, id.getSimple()))) {
            return;
        }
        Optional<String> schema = n >= 2 ? Optional.of(id.names.get(n - 2)) : Optional.empty();
        int first = unitAt(id.getComponentParserPosition(n >= 2 ? n - 2 : 0));
        int last = unitAt(id.getComponentParserPosition(n - 1));
        Optional<String> aliasName = alias == null ? Optional.empty() : Optional.of(alias.getSimple());
        facts.table(new TableRef(schema, id.names.get(n - 1), aliasName, new TokenRange(first, Math.max(first, last)),
                nested));
    }

    /** Finds nested query blocks inside an expression (IN/EXISTS/scalar subqueries). */
    private void scanExpression(SqlNode node) {
        if (node == null) {
            return;
        }
        if (node instanceof SqlSelect || node instanceof SqlOrderBy || node instanceof SqlWith
                || node instanceof SqlCall && isSetOperation(node.getKind())) {
            facts.subquery();
            query(node, false, true);
            return;
        }
        if (node instanceof SqlNodeList) {
            for (SqlNode child : (SqlNodeList) node) {
                scanExpression(child);
            }
            return;
        }
        if (node instanceof SqlCall) {
            for (SqlNode child : ((SqlCall) node).getOperandList()) {
                scanExpression(child);
            }
        }
    }

    // ---------------------------------------------------------------- clauses

    private Projection projection(SqlNode item) {
        TokenRange span = span(item);
        SqlNode expr = item;
        Optional<String> alias = Optional.empty();
        if (item.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) item;
            expr = as.operand(0);
            alias = Optional.of(((SqlIdentifier) as.operand(1)).getSimple());
            aliases.add(alias.get());
        }
        if (expr instanceof SqlIdentifier) {
            SqlIdentifier id = (SqlIdentifier) expr;
            if (id.isStar()) {
                if (id.names.size() == 1) {
                    return new Projection(Projection.Kind.STAR, Optional.empty(), Optional.empty(), false, alias, span);
                }
                return new Projection(Projection.Kind.QUALIFIED_STAR, Optional.of(column(id)), Optional.empty(), false, alias,
                        span);
            }
            return new Projection(Projection.Kind.COLUMN, Optional.of(column(id)), Optional.empty(), false, alias, span);
        }
        Optional<Aggregate> aggregate = aggregate(expr);
        if (aggregate.isPresent()) {
            SqlCall call = (SqlCall) expr;
            boolean distinct = call.getFunctionQuantifier() != null
                    && call.getFunctionQuantifier().getValue() == SqlSelectKeyword.DISTINCT;
            Optional<ColumnRef> argument = Optional.empty();
            if (call.operandCount() == 1 && call.operand(0) instanceof SqlIdentifier
                    && !((SqlIdentifier) call.operand(0)).isStar()) {
                argument = Optional.of(column((SqlIdentifier) call.operand(0)));
            }
            return new Projection(Projection.Kind.AGGREGATE, argument, aggregate, distinct, alias, span);
        }
        return new Projection(Projection.Kind.EXPRESSION, Optional.empty(), Optional.empty(), false, alias, span);
    }

    private static Optional<Aggregate> aggregate(SqlNode expr) {
        if (!(expr instanceof SqlCall)) {
            return Optional.empty();
        }
        SqlCall call = (SqlCall) expr;
        // The parser leaves most functions unresolved, so match by name; MySQL has no user functions with these names.
        switch (call.getOperator().getName().toUpperCase(Locale.ROOT)) {
            case "COUNT":
                return Optional.of(Aggregate.COUNT);
            case "SUM":
                return Optional.of(Aggregate.SUM);
            case "AVG":
                return Optional.of(Aggregate.AVG);
            case "MIN":
                return Optional.of(Aggregate.MIN);
            case "MAX":
                return Optional.of(Aggregate.MAX);
            default:
                return Optional.empty();
        }
    }

    private void orderBy(SqlNodeList list) {
        if (list == null) {
            return;
        }
        for (SqlNode item : list) {
            facts.orderBy(orderItem(item, true));
        }
    }

    private OrderItem orderItem(SqlNode item, boolean allowDirection) {
        boolean desc = false;
        SqlNode expr = item;
        while (allowDirection && expr instanceof SqlCall && (expr.getKind() == SqlKind.DESCENDING
                || expr.getKind() == SqlKind.NULLS_FIRST || expr.getKind() == SqlKind.NULLS_LAST)) {
            if (expr.getKind() == SqlKind.DESCENDING) {
                desc = true;
            }
            expr = ((SqlCall) expr).operand(0);
        }
        TokenRange span = span(expr);
        if (expr instanceof SqlNumericLiteral && ((SqlNumericLiteral) expr).isInteger()) {
            int ordinal = ((SqlNumericLiteral) expr).intValue(true);
            return new OrderItem(OrderItem.Kind.ORDINAL, Optional.empty(), ordinal, desc, span);
        }
        if (expr instanceof SqlIdentifier && !((SqlIdentifier) expr).isStar()) {
            SqlIdentifier id = (SqlIdentifier) expr;
            if (id.isSimple() && isAlias(id.getSimple())) {
                return new OrderItem(OrderItem.Kind.ALIAS, Optional.of(column(id)), 0, desc, span);
            }
            return new OrderItem(OrderItem.Kind.COLUMN, Optional.of(column(id)), 0, desc, span);
        }
        return new OrderItem(OrderItem.Kind.EXPRESSION, Optional.empty(), 0, desc, span);
    }

    private boolean isAlias(String name) {
        return containsIgnoreCase(aliases, name);
    }

    private static boolean containsIgnoreCase(List<String> names, String name) {
        for (String a : names) {
            if (a.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private void limit(SqlNode offset, SqlNode fetch) {
        if (offset == null && fetch == null) {
            return;
        }
        int limitUnit = lastTopLevelWord("LIMIT");
        int lastUnit = Math.max(offset == null ? -1 : span(offset).last(), fetch == null ? -1 : span(fetch).last());
        boolean comma = limitUnit >= 0 && ns.isChar(limitUnit + 2, ',');
        int first = limitUnit >= 0 ? limitUnit : (offset != null ? span(offset).first() : span(fetch).first());
        facts.limit(new Limit(Optional.ofNullable(offset).map(this::value), Optional.ofNullable(fetch).map(this::value),
                comma, new TokenRange(Math.min(first, lastUnit), Math.max(first, lastUnit))));
    }

    private int lastTopLevelWord(String word) {
        int depth = 0;
        int found = -1;
        for (int u = 0; u < ns.size(); u++) {
            if (ns.isChar(u, '(')) {
                depth++;
            } else if (ns.isChar(u, ')')) {
                depth--;
            } else if (depth == 0 && ns.isWord(u, word)) {
                found = u;
            }
        }
        return found;
    }

    // ---------------------------------------------------------------- predicates

    private Predicate predicate(SqlNode node) {
        SqlKind kind = node.getKind();
        if (kind == SqlKind.AND || kind == SqlKind.OR) {
            List<Predicate> children = new ArrayList<>();
            flatten((SqlCall) node, kind, children);
            return kind == SqlKind.AND ? new Predicate.And(children) : new Predicate.Or(children);
        }
        switch (kind) {
            case EQUALS:
            case IS_NOT_DISTINCT_FROM:
                return comparison((SqlCall) node, ComparisonOperator.EQ);
            case LESS_THAN:
                return comparison((SqlCall) node, ComparisonOperator.LT);
            case LESS_THAN_OR_EQUAL:
                return comparison((SqlCall) node, ComparisonOperator.LE);
            case GREATER_THAN:
                return comparison((SqlCall) node, ComparisonOperator.GT);
            case GREATER_THAN_OR_EQUAL:
                return comparison((SqlCall) node, ComparisonOperator.GE);
            case IN: {
                SqlCall call = (SqlCall) node;
                Optional<ColumnRef> col = columnOf(call.operand(0));
                if (col.isPresent() && call.operand(1) instanceof SqlNodeList) {
                    List<Value> values = new ArrayList<>();
                    for (SqlNode v : (SqlNodeList) call.operand(1)) {
                        Optional<Value> value = routingValue(v);
                        if (value.isEmpty()) {
                            return other(node);
                        }
                        values.add(value.get());
                    }
                    return new Predicate.In(col.get(), values);
                }
                return other(node);
            }
            case BETWEEN: {
                SqlCall call = (SqlCall) node;
                SqlBetweenOperator op = (SqlBetweenOperator) call.getOperator();
                if (op.isNegated()) {
                    return new Predicate.Other("NOT_BETWEEN");
                }
                if (op.flag == SqlBetweenOperator.Flag.SYMMETRIC) {
                    return other(node);
                }
                Optional<ColumnRef> col = columnOf(call.operand(0));
                Optional<Value> low = routingValue(call.operand(1));
                Optional<Value> high = routingValue(call.operand(2));
                if (col.isPresent() && low.isPresent() && high.isPresent()) {
                    return new Predicate.Between(col.get(), low.get(), high.get());
                }
                return other(node);
            }
            default:
                return other(node);
        }
    }

    private void flatten(SqlCall call, SqlKind kind, List<Predicate> out) {
        for (SqlNode operand : call.getOperandList()) {
            if (operand.getKind() == kind) {
                flatten((SqlCall) operand, kind, out);
            } else {
                out.add(predicate(operand));
            }
        }
    }

    private Predicate comparison(SqlCall call, ComparisonOperator op) {
        Optional<ColumnRef> left = columnOf(call.operand(0));
        Optional<Value> right = routingValue(call.operand(1));
        if (left.isPresent() && right.isPresent()) {
            return new Predicate.Comparison(left.get(), op, right.get());
        }
        Optional<ColumnRef> rightCol = columnOf(call.operand(1));
        Optional<Value> leftVal = routingValue(call.operand(0));
        if (rightCol.isPresent() && leftVal.isPresent()) {
            return new Predicate.Comparison(rightCol.get(), op.flip(), leftVal.get());
        }
        return other(call);
    }

    private Predicate other(SqlNode node) {
        if (node.getKind() == SqlKind.LIKE && ((SqlCall) node).getOperator().getName().startsWith("NOT")) {
            return new Predicate.Other("NOT_LIKE");
        }
        return new Predicate.Other(node.getKind() == SqlKind.OTHER_FUNCTION && node instanceof SqlCall
                ? ((SqlCall) node).getOperator().getName().toUpperCase(Locale.ROOT)
                : node.getKind().name());
    }

    private Optional<ColumnRef> columnOf(SqlNode node) {
        if (node instanceof SqlIdentifier && !((SqlIdentifier) node).isStar()) {
            return Optional.of(column((SqlIdentifier) node));
        }
        return Optional.empty();
    }

    /** A value a router can evaluate: an application parameter or an extracted literal. */
    private Optional<Value> routingValue(SqlNode node) {
        if (node instanceof SqlDynamicParam) {
            Value v = slotValue((SqlDynamicParam) node);
            if (v instanceof Value.Parameter || v instanceof Value.Literal) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The value a {@code ?} of the Calcite text stands for, found by its position (see {@link CalciteParsers}). */
    private Value slotValue(SqlDynamicParam param) {
        int u = st.tokenAtColumn(param.getParserPosition().getColumnNum());
        byte role = ns.role(u);
        if (role == NormalizedStatement.PARAMETER) {
            return new Value.Parameter(ns.valueIndex(u));
        }
        if (role == NormalizedStatement.EXTRACTED_LITERAL) {
            return new Value.Literal(ns.valueIndex(u));
        }
        return new Value.Expression(TokenRange.of(u));
    }

    private Value value(SqlNode node) {
        Optional<Value> v = routingValue(node);
        return v.orElseGet(() -> new Value.Expression(span(node)));
    }

    private static ColumnRef column(SqlIdentifier id) {
        int n = id.names.size();
        String name = id.isStar() ? "*" : id.names.get(n - 1);
        if (n == 1) {
            return ColumnRef.of(name);
        }
        return new ColumnRef(Optional.of(String.join(".", id.names.subList(0, n - 1))), name);
    }

    // ---------------------------------------------------------------- positions

    private int unitAt(SqlParserPos pos) {
        return st.tokenAtColumn(pos.getColumnNum());
    }

    /** The normalized tokens a node covers: the union of its own and its descendants' positions. */
    private TokenRange span(SqlNode node) {
        int[] range = {Integer.MAX_VALUE, -1};
        collect(node, range);
        if (range[1] < 0) {
            return TokenRange.of(0);
        }
        int first = st.tokenAtColumn(range[0]);
        int last = st.tokenAtColumn(range[1]);
        return new TokenRange(Math.min(first, last), Math.max(first, last));
    }

    private static void collect(SqlNode node, int[] range) {
        if (node == null) {
            return;
        }
        SqlParserPos pos = node.getParserPosition();
        if (pos != null && pos != SqlParserPos.ZERO && pos.getColumnNum() > 0) {
            range[0] = Math.min(range[0], pos.getColumnNum());
            range[1] = Math.max(range[1], Math.max(pos.getColumnNum(), pos.getEndColumnNum()));
        }
        if (node instanceof SqlNodeList) {
            for (SqlNode child : (SqlNodeList) node) {
                collect(child, range);
            }
        } else if (node instanceof SqlCall && !(node instanceof SqlSelect)) {
            for (SqlNode child : ((SqlCall) node).getOperandList()) {
                if (!(child instanceof SqlLiteral && ((SqlLiteral) child).getValue() instanceof Enum)) {
                    collect(child, range);
                }
            }
        }
    }
}

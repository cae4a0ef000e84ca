package io.shardline.sql.analyze;

import io.shardline.sql.facts.Aggregate;
import io.shardline.sql.facts.Analysis;
import io.shardline.sql.facts.Assignment;
import io.shardline.sql.facts.ColumnRef;
import io.shardline.sql.facts.ComparisonOperator;
import io.shardline.sql.facts.InsertFacts;
import io.shardline.sql.facts.InsertRow;
import io.shardline.sql.facts.Limit;
import io.shardline.sql.facts.OrderItem;
import io.shardline.sql.facts.Predicate;
import io.shardline.sql.facts.Projection;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.StatementKind;
import io.shardline.sql.facts.TableRef;
import io.shardline.sql.facts.TokenRange;
import io.shardline.sql.facts.Value;
import io.shardline.sql.lexer.TokenType;
import io.shardline.sql.normalize.Keywords;
import io.shardline.sql.normalize.MySqlClauseStripper;
import io.shardline.sql.normalize.NormalizedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Builds {@link StatementFacts} for the simplest, most frequent statement shapes straight from the normalized tokens,
 * without Calcite (cache miss only). It is a recogniser, not a second SQL grammar: it accepts a statement only when
 * every token fits one of the shapes below and otherwise declines (empty result), and the statement then takes the
 * Calcite path, which also produces every error. It never rejects anything itself.
 *
 * <ul>
 *   <li>{@code SELECT [DISTINCT] items FROM t [[AS] a] [WHERE cond] [ORDER BY keys] [LIMIT n [, m] | n OFFSET m]} with
 *       items {@code *}, {@code q.*}, columns and COUNT/SUM/AVG/MIN/MAX of a column (COUNT also of {@code *}), each
 *       with an optional alias;</li>
 *   <li>{@code INSERT|REPLACE INTO t [(cols)] VALUES (v, ...), ...} whose values are single {@code ?}, literals or
 *       NULL;</li>
 *   <li>{@code UPDATE t SET col = v, ... [WHERE cond]} and {@code DELETE FROM t [WHERE cond]}.</li>
 * </ul>
 *
 * A condition is AND/OR (with parentheses) of {@code col op v}, {@code v op col}, {@code col [NOT] IN (v, ...)},
 * {@code col [NOT] BETWEEN v AND v}, {@code col IS [NOT] NULL}, {@code col [NOT] LIKE v}, where {@code v} is one
 * {@code ?} or one extracted literal. The facts must be equal to the Calcite path's for the same statement; the
 * differential test ({@code FastPathDifferentialTest}) proves this over both corpora and generated variants. Identifiers
 * are accepted only when Calcite reads them as plain identifiers and the clause stripper leaves them alone: no Calcite
 * reserved word, no MySQL reserved word, no word the stripper treats specially, ASCII only, at most 128 chars.
 */
final class FastPathAnalyzer {
    /** Calcite's default identifier length limit; longer names are left to Calcite (which rejects them). */
    private static final int MAX_IDENTIFIER_LENGTH = 128;
    /**
     * Deeper parenthesised conditions are left to Calcite: where its own (deeper) recursion gives up is its business,
     * and this class must never overflow the stack on input Calcite rejects.
     */
    private static final int MAX_DEPTH = 64;
    /** Words the stripper rewrites or removes somewhere (select modifiers, write priorities, ...): never identifiers here. */
    private static final Set<String> STRIPPER_WORDS = Set.of("SQL_NO_CACHE", "SQL_CACHE", "SQL_BUFFER_RESULT",
            "SQL_SMALL_RESULT", "SQL_BIG_RESULT", "SQL_CALC_FOUND_ROWS", "DISTINCTROW", "HIGH_PRIORITY", "LOW_PRIORITY",
            "DELAYED", "QUICK", "STRAIGHT_JOIN", "IGNORE", "MATCH", "AGAINST", "COLLATE", "REGEXP", "RLIKE", "DIV",
            "XOR", "INTERVAL", "LOCK", "FOR", "USE", "FORCE", "INDEX", "KEY", "INTO", "ON", "DUPLICATE", "VALUE",
            "VALUES", "SET", "PARTITION", "AS", "NULL", "TRUE", "FALSE", "DEFAULT", "DUAL", "SHARE", "MODE", "NOWAIT",
            "SKIP", "LOCKED", "ROLLUP", "OFFSET");

    /** Thrown to abandon the fast path; preallocated and stackless because declining is a normal outcome. */
    private static final class Decline extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Decline() {
            super("declined", null, false, false);
        }
    }

    private static final Decline DECLINE = new Decline();

    private final NormalizedStatement ns;
    private final int end;
    private final StatementFacts.Builder facts;
    private final List<String> aliases = new ArrayList<>(2);
    private int u;
    private int depth;

    private FastPathAnalyzer(NormalizedStatement ns, StatementKind kind, int end) {
        this.ns = ns;
        this.end = end;
        this.facts = StatementFacts.builder(kind, Analysis.FULL);
    }

    /**
     * The facts of {@code ns} if it has one of the recognised shapes, else empty (the caller then runs the Calcite
     * path). {@code kind} is the statement kind from its first word.
     */
    static Optional<StatementFacts> analyze(NormalizedStatement ns, StatementKind kind) {
        int end = ns.size();
        while (end > 0 && ns.isChar(end - 1, ';')) {
            end--;
        }
        if (end == 0) {
            return Optional.empty();
        }
        FastPathAnalyzer a = new FastPathAnalyzer(ns, kind, end);
        try {
            switch (kind) {
                case SELECT -> a.select();
                case INSERT, REPLACE -> a.insert();
                case UPDATE -> a.update();
                case DELETE -> a.delete();
                default -> {
                    return Optional.empty();
                }
            }
            if (a.u != end) {
                return Optional.empty();
            }
        } catch (Decline d) {
            return Optional.empty();
        }
        a.facts.counts(ns.parameterCount(), ns.literalCount());
        return Optional.of(a.facts.build());
    }

    // ---------------------------------------------------------------- statements

    private void select() {
        expectWord("SELECT");
        if (acceptWord("DISTINCT")) {
            facts.distinct(true);
        }
        do {
            facts.projection(projection());
        } while (acceptChar(','));
        expectWord("FROM");
        table(true);
        if (acceptWord("WHERE")) {
            facts.where(condition());
        }
        if (isWord(u, "ORDER") && isWord(u + 1, "BY")) {
            u += 2;
            do {
                facts.orderBy(orderItem());
            } while (acceptChar(','));
        }
        if (isWord(u, "LIMIT")) {
            limit();
        }
    }

    private void insert() {
        u = 1;
        expectWord("INTO");
        table(false);
        List<String> columns = new ArrayList<>();
        if (acceptChar('(')) {
            do {
                columns.add(identifier(u++, false));
            } while (acceptChar(','));
            expectChar(')');
        }
        expectWord("VALUES");
        List<InsertRow> rows = new ArrayList<>();
        int arity = -1;
        do {
            int open = u;
            expectChar('(');
            List<Value> values = new ArrayList<>(arity < 0 ? 8 : arity);
            do {
                values.add(insertValue());
            } while (acceptChar(','));
            int close = u;
            expectChar(')');
            if (arity >= 0 && values.size() != arity) {
                throw DECLINE;
            }
            arity = values.size();
            rows.add(new InsertRow(values, new TokenRange(open, close)));
        } while (acceptChar(','));
        facts.insert(new InsertFacts(columns, rows, false, false, List.of()));
    }

    private void update() {
        u = 1;
        table(false);
        expectWord("SET");
        do {
            ColumnRef target = ColumnRef.of(identifier(u++, false));
            expectOperator("=");
            Value value;
            if (isWord(u, "NULL")) {
                value = new Value.Expression(TokenRange.of(u));
                u++;
            } else {
                value = value();
            }
            facts.assignment(new Assignment(target, value));
        } while (acceptChar(','));
        if (acceptWord("WHERE")) {
            facts.where(condition());
        }
    }

    private void delete() {
        u = 1;
        expectWord("FROM");
        table(false);
        if (acceptWord("WHERE")) {
            facts.where(condition());
        }
    }

    // ---------------------------------------------------------------- clauses

    /** {@code [schema.]name [[AS] alias]}; aliases only where Calcite's grammar for this statement has them. */
    private void table(boolean allowAlias) {
        int first = u;
        String name = identifier(u++, false);
        Optional<String> schema = Optional.empty();
        int last = first;
        if (isChar(u, '.')) {
            schema = Optional.of(name);
            last = u + 1;
            name = identifier(last, false);
            u += 2;
        }
        if (schema.isEmpty() && name.equalsIgnoreCase("DUAL")) {
            // The Calcite path does not record DUAL (quoted or not) as a table; leave it that special case.
            throw DECLINE;
        }
        Optional<String> alias = Optional.empty();
        if (allowAlias) {
            if (acceptWord("AS")) {
                alias = Optional.of(identifier(u++, false));
            } else if (u < end && isIdentifier(u, true)) {
                alias = Optional.of(identifier(u++, true));
            }
        }
        facts.table(new TableRef(schema, name, alias, new TokenRange(first, last), false));
    }

    private Projection projection() {
        int first = u;
        Projection.Kind kind;
        Optional<ColumnRef> column = Optional.empty();
        Optional<Aggregate> aggregate = Optional.empty();
        boolean distinct = false;
        if (isChar(u, '*')) {
            u++;
            // "* AS x" is not SQL; leave whatever follows to the checks after the item.
            return new Projection(Projection.Kind.STAR, Optional.empty(), Optional.empty(), false, Optional.empty(),
                    TokenRange.of(first));
        }
        aggregate = aggregateName(u);
        if (aggregate.isPresent()) {
            u += 2;
            kind = Projection.Kind.AGGREGATE;
            if (acceptWord("DISTINCT")) {
                distinct = true;
            }
            if (isChar(u, '*')) {
                if (aggregate.get() != Aggregate.COUNT || distinct) {
                    throw DECLINE;
                }
                u++;
            } else {
                column = Optional.of(columnRef(false));
            }
            expectChar(')');
        } else {
            int start = u;
            ColumnRef c = columnRef(true);
            if (c.name().equals("*")) {
                kind = Projection.Kind.QUALIFIED_STAR;
                column = Optional.of(c);
                return new Projection(kind, column, Optional.empty(), false, Optional.empty(),
                        new TokenRange(start, u - 1));
            }
            kind = Projection.Kind.COLUMN;
            column = Optional.of(c);
        }
        Optional<String> alias = Optional.empty();
        if (acceptWord("AS")) {
            alias = Optional.of(identifier(u++, false));
        } else if (u < end && isIdentifier(u, true)) {
            alias = Optional.of(identifier(u++, true));
        }
        alias.ifPresent(aliases::add);
        return new Projection(kind, column, aggregate, distinct, alias, new TokenRange(first, u - 1));
    }

    private Optional<Aggregate> aggregateName(int at) {
        if (at >= end || ns.type(at) != TokenType.WORD || !isChar(at + 1, '(')) {
            return Optional.empty();
        }
        if (isWord(at, "COUNT")) {
            return Optional.of(Aggregate.COUNT);
        }
        if (isWord(at, "SUM")) {
            return Optional.of(Aggregate.SUM);
        }
        if (isWord(at, "AVG")) {
            return Optional.of(Aggregate.AVG);
        }
        if (isWord(at, "MIN")) {
            return Optional.of(Aggregate.MIN);
        }
        if (isWord(at, "MAX")) {
            return Optional.of(Aggregate.MAX);
        }
        return Optional.empty();
    }

    private OrderItem orderItem() {
        int first = u;
        OrderItem item;
        if (u < end && ns.role(u) == NormalizedStatement.KEPT_LITERAL && ns.type(u) == TokenType.INTEGER
                && ns.firstToken(u) == ns.lastToken(u) && ns.end(u) - ns.start(u) <= 9) {
            int ordinal = Integer.parseInt(ns.text(u));
            u++;
            boolean desc = direction();
            item = new OrderItem(OrderItem.Kind.ORDINAL, Optional.empty(), ordinal, desc, TokenRange.of(first));
        } else {
            ColumnRef c = columnRef(false);
            int last = u - 1;
            boolean desc = direction();
            boolean alias = c.qualifier().isEmpty() && containsIgnoreCase(aliases, c.name());
            item = new OrderItem(alias ? OrderItem.Kind.ALIAS : OrderItem.Kind.COLUMN, Optional.of(c), 0, desc,
                    new TokenRange(first, last));
        }
        return item;
    }

    private boolean direction() {
        if (acceptWord("DESC")) {
            return true;
        }
        acceptWord("ASC");
        return false;
    }

    private void limit() {
        int limitUnit = u++;
        Value first = value();
        Optional<Value> offset = Optional.empty();
        Value rowCount = first;
        boolean comma = false;
        if (acceptChar(',')) {
            comma = true;
            offset = Optional.of(first);
            rowCount = value();
        } else if (acceptWord("OFFSET")) {
            offset = Optional.of(value());
        }
        facts.limit(new Limit(offset, Optional.of(rowCount), comma, new TokenRange(limitUnit, u - 1)));
    }

    // ---------------------------------------------------------------- conditions

    private Predicate condition() {
        Predicate first = conjunction();
        if (!isWord(u, "OR")) {
            return first;
        }
        List<Predicate> children = new ArrayList<>();
        addFlattened(children, first, true);
        while (acceptWord("OR")) {
            addFlattened(children, conjunction(), true);
        }
        return new Predicate.Or(children);
    }

    private Predicate conjunction() {
        Predicate first = primary();
        if (!isWord(u, "AND")) {
            return first;
        }
        List<Predicate> children = new ArrayList<>();
        addFlattened(children, first, false);
        while (acceptWord("AND")) {
            addFlattened(children, primary(), false);
        }
        return new Predicate.And(children);
    }

    /** Calcite's analysis flattens nested AND into AND (and OR into OR), parenthesised or not; so do we. */
    private static void addFlattened(List<Predicate> into, Predicate p, boolean or) {
        if (or && p instanceof Predicate.Or o) {
            into.addAll(o.children());
        } else if (!or && p instanceof Predicate.And a) {
            into.addAll(a.children());
        } else {
            into.add(p);
        }
    }

    private Predicate primary() {
        if (acceptChar('(')) {
            if (++depth > MAX_DEPTH) {
                throw DECLINE;
            }
            Predicate inner = condition();
            expectChar(')');
            depth--;
            return inner;
        }
        if (isValue(u)) {
            Value v = value();
            ComparisonOperator op = comparison(u).orElseThrow(() -> DECLINE);
            u++;
            return new Predicate.Comparison(columnRef(false), op.flip(), v);
        }
        ColumnRef column = columnRef(false);
        Optional<ComparisonOperator> op = comparison(u);
        if (op.isPresent()) {
            u++;
            return new Predicate.Comparison(column, op.get(), value());
        }
        if (isOperator(u, "<>") || isOperator(u, "!=")) {
            u++;
            value();
            return new Predicate.Other("NOT_EQUALS");
        }
        boolean not = acceptWord("NOT");
        if (acceptWord("IN")) {
            expectChar('(');
            List<Value> values = new ArrayList<>();
            do {
                values.add(value());
            } while (acceptChar(','));
            expectChar(')');
            return not ? new Predicate.Other("NOT_IN") : new Predicate.In(column, values);
        }
        if (acceptWord("BETWEEN")) {
            Value low = value();
            expectWord("AND");
            Value high = value();
            return not ? new Predicate.Other("NOT_BETWEEN") : new Predicate.Between(column, low, high);
        }
        if (acceptWord("LIKE")) {
            value();
            return new Predicate.Other(not ? "NOT_LIKE" : "LIKE");
        }
        if (!not && acceptWord("IS")) {
            boolean isNot = acceptWord("NOT");
            expectWord("NULL");
            return new Predicate.Other(isNot ? "IS_NOT_NULL" : "IS_NULL");
        }
        throw DECLINE;
    }

    private Optional<ComparisonOperator> comparison(int at) {
        if (at >= end || ns.type(at) != TokenType.OPERATOR) {
            return Optional.empty();
        }
        if (isChar(at, '=')) {
            return Optional.of(ComparisonOperator.EQ);
        }
        if (isChar(at, '<')) {
            return Optional.of(ComparisonOperator.LT);
        }
        if (isOperator(at, "<=")) {
            return Optional.of(ComparisonOperator.LE);
        }
        if (isChar(at, '>')) {
            return Optional.of(ComparisonOperator.GT);
        }
        if (isOperator(at, ">=")) {
            return Optional.of(ComparisonOperator.GE);
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- values and names

    private boolean isValue(int at) {
        if (at >= end) {
            return false;
        }
        byte role = ns.role(at);
        return role == NormalizedStatement.PARAMETER || role == NormalizedStatement.EXTRACTED_LITERAL;
    }

    /** One application {@code ?} or one extracted literal (Calcite sees both as {@code ?}). */
    private Value value() {
        if (!isValue(u)) {
            throw DECLINE;
        }
        int at = u++;
        return ns.role(at) == NormalizedStatement.PARAMETER ? new Value.Parameter(ns.valueIndex(at))
                : new Value.Literal(ns.valueIndex(at));
    }

    private Value insertValue() {
        if (isWord(u, "NULL")) {
            return new Value.Expression(TokenRange.of(u++));
        }
        return value();
    }

    /** {@code a}, {@code q.a} or {@code s.q.a}; with {@code allowStar} also {@code q.*} (name {@code *}). */
    private ColumnRef columnRef(boolean allowStar) {
        String name = identifier(u++, false);
        String qualifier = null;
        int parts = 1;
        while (isChar(u, '.')) {
            if (allowStar && isChar(u + 1, '*')) {
                u += 2;
                return new ColumnRef(Optional.of(qualifier == null ? name : qualifier + "." + name), "*");
            }
            if (++parts > 3) {
                throw DECLINE;
            }
            qualifier = qualifier == null ? name : qualifier + "." + name;
            name = identifier(u + 1, false);
            u += 2;
        }
        return qualifier == null ? ColumnRef.of(name) : new ColumnRef(Optional.of(qualifier), name);
    }

    /** The identifier at {@code at} without backticks, or decline. */
    private String identifier(int at, boolean bareAlias) {
        if (at >= end || !isIdentifier(at, bareAlias)) {
            throw DECLINE;
        }
        return MySqlClauseStripper.identifierName(ns, at);
    }

    /**
     * Whether {@code at} is a name Calcite reads as a plain identifier with the same text, in every position this class
     * accepts names. A bare alias (no AS) must not be any Calcite keyword at all, because after an expression Calcite
     * tries keyword continuations first.
     */
    private boolean isIdentifier(int at, boolean bareAlias) {
        if (at >= end || ns.role(at) != NormalizedStatement.PLAIN || ns.firstToken(at) != ns.lastToken(at)) {
            return false;
        }
        int start = ns.start(at);
        int stop = ns.end(at);
        String sql = ns.sql();
        TokenType type = ns.type(at);
        if (type == TokenType.QUOTED_IDENTIFIER) {
            // `...`: Calcite rejects an empty name and line breaks inside; control chars are not worth the risk.
            if (stop - start < 3 || stop - start - 2 > MAX_IDENTIFIER_LENGTH) {
                return false;
            }
            for (int i = start + 1; i < stop - 1; i++) {
                if (sql.charAt(i) < 0x20) {
                    return false;
                }
            }
            return true;
        }
        if (type != TokenType.WORD || stop - start > MAX_IDENTIFIER_LENGTH) {
            return false;
        }
        char c0 = sql.charAt(start);
        if (!(c0 >= 'a' && c0 <= 'z' || c0 >= 'A' && c0 <= 'Z' || c0 == '_')) {
            return false;
        }
        for (int i = start + 1; i < stop; i++) {
            char c = sql.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        String upper = sql.substring(start, stop).toUpperCase(Locale.ROOT);
        if (Keywords.isCalciteReserved(upper) || Keywords.isMySqlReservedWord(upper) || STRIPPER_WORDS.contains(upper)) {
            return false;
        }
        return !bareAlias || !Keywords.isCalciteKeyword(upper);
    }

    private static boolean containsIgnoreCase(List<String> names, String name) {
        for (String a : names) {
            if (a.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- token helpers

    private boolean isWord(int at, String upper) {
        return at < end && ns.isWord(at, upper);
    }

    private boolean isChar(int at, char c) {
        return at < end && ns.isChar(at, c);
    }

    private boolean isOperator(int at, String op) {
        return at < end && ns.isOperator(at, op);
    }

    private boolean acceptWord(String upper) {
        if (isWord(u, upper)) {
            u++;
            return true;
        }
        return false;
    }

    private boolean acceptChar(char c) {
        if (isChar(u, c)) {
            u++;
            return true;
        }
        return false;
    }

    private void expectWord(String upper) {
        if (!acceptWord(upper)) {
            throw DECLINE;
        }
    }

    private void expectChar(char c) {
        if (!acceptChar(c)) {
            throw DECLINE;
        }
    }

    private void expectOperator(String op) {
        if (!isOperator(u, op)) {
            throw DECLINE;
        }
        u++;
    }
}

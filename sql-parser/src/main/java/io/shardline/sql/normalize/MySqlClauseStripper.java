package io.shardline.sql.normalize;

import io.shardline.sql.SqlParseException;
import io.shardline.sql.facts.Assignment;
import io.shardline.sql.facts.ColumnRef;
import io.shardline.sql.facts.InsertRow;
import io.shardline.sql.facts.Limit;
import io.shardline.sql.facts.LockMode;
import io.shardline.sql.facts.MySqlFeature;
import io.shardline.sql.facts.OrderItem;
import io.shardline.sql.facts.StatementKind;
import io.shardline.sql.facts.TokenRange;
import io.shardline.sql.facts.Value;
import io.shardline.sql.lexer.TokenType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the Calcite text of a DML statement from its normalized tokens (cache miss only): MySQL-only clauses are
 * recognised, recorded and removed, MySQL-only operators are rewritten to something Calcite parses with the same
 * structure, and every char of the output is mapped back to the normalized token it came from.
 *
 * <p>Rewrites are for analysis only. Shardline never executes this text; rewriting splices the original.
 */
public final class MySqlClauseStripper {
    private static final Set<String> KEYWORD_USES = Set.of("END", "OFFSET", "ANY", "SOME", "UNKNOWN", "ESCAPE",
            "SIMILAR", "NULLS", "ROLLUP", "SHARE", "OVER", "FILTER", "WITHIN", "LATERAL", "UESCAPE", "AT", "CASE");

    private final NormalizedStatement ns;
    private final String sql;
    private final StringBuilder out = new StringBuilder();
    private int[] map = new int[64];
    private final EnumSet<MySqlFeature> features = EnumSet.noneOf(MySqlFeature.class);
    private LockMode lockMode = LockMode.NONE;
    private final List<OrderItem> dmlOrderBy = new ArrayList<>();
    private Limit dmlLimit;
    private final List<String> insertColumns = new ArrayList<>();
    private final List<InsertRow> insertRows = new ArrayList<>();
    private boolean insertFromSelect;
    private final List<Assignment> onDuplicate = new ArrayList<>();
    private StatementKind kind;
    private int end;

    private MySqlClauseStripper(NormalizedStatement ns) {
        this.ns = ns;
        this.sql = ns.sql();
    }

    /**
     * Strips {@code ns}, which must be a SELECT/WITH/(, INSERT, REPLACE, UPDATE or DELETE statement.
     *
     * @throws SqlParseException for MySQL constructs Shardline refuses (multi-table UPDATE/DELETE, SELECT INTO, ...)
     */
    public static StrippedStatement strip(NormalizedStatement ns, StatementKind kind) {
        MySqlClauseStripper s = new MySqlClauseStripper(ns);
        s.kind = kind;
        s.end = s.trimTrailingSemicolon();
        switch (kind) {
            case INSERT:
            case REPLACE:
                s.insert();
                break;
            case UPDATE:
                s.update();
                break;
            case DELETE:
                s.delete();
                break;
            default:
                s.emitRange(0, s.end);
                break;
        }
        return new StrippedStatement(s.kind, s.out.toString(), Arrays.copyOf(s.map, s.out.length()),
                s.features, s.lockMode, List.copyOf(s.dmlOrderBy), Optional.ofNullable(s.dmlLimit),
                List.copyOf(s.insertColumns), List.copyOf(s.insertRows), s.insertFromSelect, List.copyOf(s.onDuplicate));
    }

    // ---------------------------------------------------------------- statement shapes

    private int trimTrailingSemicolon() {
        int n = ns.size();
        while (n > 0 && ns.isChar(n - 1, ';')) {
            n--;
        }
        for (int u = 0; u < n; u++) {
            if (ns.isChar(u, ';')) {
                throw reject(u, "multiple statements", "send one statement at a time");
            }
        }
        return n;
    }

    private void insert() {
        int u = 0;
        emitText("INSERT", 0);
        u++;
        while (ns.isWord(u, "LOW_PRIORITY") || ns.isWord(u, "DELAYED") || ns.isWord(u, "HIGH_PRIORITY")) {
            features.add(MySqlFeature.WRITE_PRIORITY);
            u++;
        }
        if (ns.isWord(u, "IGNORE")) {
            features.add(MySqlFeature.IGNORE);
            u++;
        }
        if (ns.isWord(u, "INTO")) {
            u++;
        } else {
            features.add(MySqlFeature.INSERT_SYNTAX_VARIANT);
        }
        emitText(" INTO", Math.max(0, u - 1));
        int tableEnd = identifierChainEnd(u);
        if (tableEnd == u) {
            throw reject(u, "INSERT without a table name", "");
        }
        emitRange(u, tableEnd);
        u = tableEnd;
        if (ns.isWord(u, "PARTITION")) {
            throw reject(u, "INSERT ... PARTITION", "explicit partition selection is not supported");
        }
        if (ns.isChar(u, '(') && !startsQuery(u + 1)) {
            int close = matching(u);
            for (int c = u + 1; c < close; c++) {
                if (!ns.isChar(c, ',')) {
                    insertColumns.add(identifierText(c));
                }
            }
            emitRange(u, close + 1);
            u = close + 1;
        }
        if (ns.isWord(u, "VALUES") || ns.isWord(u, "VALUE")) {
            if (ns.isWord(u, "VALUE")) {
                features.add(MySqlFeature.INSERT_SYNTAX_VARIANT);
            }
            emitText(" VALUES", u);
            u = valuesRows(u + 1);
        } else if (ns.isWord(u, "SET")) {
            u = insertSet(u + 1);
        } else if (startsQuery(u)) {
            insertFromSelect = true;
            int stop = findOnDuplicate(u);
            emitRange(u, stop);
            u = stop;
        } else {
            throw reject(u, "INSERT without VALUES, SET or SELECT", "");
        }
        if (ns.isWord(u, "AS")) {
            throw reject(u, "INSERT row alias (VALUES ... AS alias)", "use VALUES(col) in ON DUPLICATE KEY UPDATE");
        }
        if (ns.isWord(u, "ON") && ns.isWord(u + 1, "DUPLICATE") && ns.isWord(u + 2, "KEY") && ns.isWord(u + 3, "UPDATE")) {
            if (kind == StatementKind.REPLACE) {
                throw reject(u, "REPLACE ... ON DUPLICATE KEY UPDATE", "");
            }
            features.add(MySqlFeature.ON_DUPLICATE_KEY_UPDATE);
            if (u + 4 >= end) {
                throw reject(u + 3, "ON DUPLICATE KEY UPDATE", "expected column = value");
            }
            u = assignments(u + 4, end, onDuplicate);
        }
        if (u < end) {
            throw reject(u, "unexpected text after INSERT", "");
        }
    }

    /**
     * Rows of VALUES, recorded from the tokens. Calcite sees the first row and every row that contains an expression;
     * a row of single-token values (placeholders, literals, NULL, DEFAULT, TRUE, FALSE) is fully checked here (same
     * number of values as the first row), so a 1,000-row insert costs Calcite one row. Returns the first token after
     * the rows.
     */
    private int valuesRows(int u) {
        int arity = -1;
        boolean first = true;
        while (true) {
            if (!ns.isChar(u, '(')) {
                throw reject(u, "VALUES row", "expected '('");
            }
            int close = matching(u);
            List<Value> values = new ArrayList<>();
            boolean simple = true;
            int itemStart = u + 1;
            for (int c = u + 1; c <= close; c++) {
                if (ns.isChar(c, '(')) {
                    c = matching(c);
                    continue;
                }
                if (c == close || ns.isChar(c, ',')) {
                    if (c == itemStart) {
                        throw reject(c, "VALUES row", "empty value");
                    }
                    values.add(valueOf(itemStart, c - 1));
                    simple &= c - 1 == itemStart && isSimpleValue(itemStart);
                    itemStart = c + 1;
                }
            }
            if (arity < 0) {
                arity = values.size();
            } else if (values.size() != arity) {
                throw reject(u, "VALUES row", "row has " + values.size() + " values, the first row has " + arity);
            }
            insertRows.add(new InsertRow(values, new TokenRange(u, close)));
            if (first || !simple) {
                if (!first) {
                    emitText(",", u);
                }
                emitRange(u, close + 1);
            }
            first = false;
            u = close + 1;
            if (ns.isChar(u, ',')) {
                u++;
                continue;
            }
            return u;
        }
    }

    private boolean isSimpleValue(int u) {
        return ns.role(u) != NormalizedStatement.PLAIN || ns.isWord(u, "NULL") || ns.isWord(u, "DEFAULT")
                || ns.isWord(u, "TRUE") || ns.isWord(u, "FALSE");
    }

    /** INSERT ... SET a = 1, b = 2 becomes INSERT ... (a, b) VALUES (?, ?) for Calcite. */
    private int insertSet(int u) {
        features.add(MySqlFeature.INSERT_SET);
        List<Assignment> set = new ArrayList<>();
        int stop = findOnDuplicate(u);
        if (stop <= u) {
            throw reject(Math.min(u, end - 1), "INSERT ... SET", "expected column = value");
        }
        List<int[]> ranges = new ArrayList<>();
        int at = u;
        while (at < stop) {
            int eq = at;
            while (eq < stop && !ns.isChar(eq, '=')) {
                eq++;
            }
            int itemEnd = topLevelCommaOrEnd(eq + 1, stop);
            if (eq >= stop || itemEnd == eq + 1) {
                throw reject(at, "INSERT ... SET assignment", "expected column = value");
            }
            ranges.add(new int[] {at, eq, itemEnd});
            set.add(new Assignment(columnOf(at, eq), valueOf(eq + 1, itemEnd - 1)));
            at = itemEnd < stop ? itemEnd + 1 : stop;
        }
        emitText(" (", u);
        for (int i = 0; i < ranges.size(); i++) {
            int[] r = ranges.get(i);
            if (i > 0) {
                emitText(",", r[0]);
            }
            emitRange(r[0], r[1]);
            insertColumns.add(identifierText(r[1] - 1));
        }
        emitText(") VALUES (", u);
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            int[] r = ranges.get(i);
            if (i > 0) {
                emitText(",", r[1]);
            }
            emitRange(r[1] + 1, r[2]);
            values.add(set.get(i).value());
        }
        emitText(")", stop - 1);
        insertRows.add(new InsertRow(values, new TokenRange(u, stop - 1)));
        return stop;
    }

    private void update() {
        int u = 1;
        emitText("UPDATE", 0);
        while (ns.isWord(u, "LOW_PRIORITY")) {
            features.add(MySqlFeature.WRITE_PRIORITY);
            u++;
        }
        if (ns.isWord(u, "IGNORE")) {
            features.add(MySqlFeature.IGNORE);
            u++;
        }
        int set = findTopLevelWord(u, "SET");
        if (set >= end) {
            throw reject(u, "UPDATE without SET", "");
        }
        for (int c = u; c < set; c++) {
            if (ns.isChar(c, '(')) {
                c = matching(c);
                continue;
            }
            if (ns.isChar(c, ',') || ns.isWord(c, "JOIN") || ns.isWord(c, "STRAIGHT_JOIN")) {
                throw reject(c, "multi-table UPDATE", "update one table per statement");
            }
        }
        int tail = dmlTail(set);
        emitRange(u, tail);
    }

    private void delete() {
        int u = 1;
        emitText("DELETE", 0);
        while (ns.isWord(u, "LOW_PRIORITY") || ns.isWord(u, "QUICK")) {
            features.add(MySqlFeature.WRITE_PRIORITY);
            u++;
        }
        if (ns.isWord(u, "IGNORE")) {
            features.add(MySqlFeature.IGNORE);
            u++;
        }
        if (!ns.isWord(u, "FROM")) {
            throw reject(u, "multi-table DELETE", "use DELETE FROM one table");
        }
        int where = Math.min(findTopLevelWord(u, "WHERE"), Math.min(findTopLevelWord(u, "ORDER"),
                findTopLevelWord(u, "LIMIT")));
        for (int c = u + 1; c < where; c++) {
            if (ns.isChar(c, '(')) {
                c = matching(c);
                continue;
            }
            if (ns.isChar(c, ',') || ns.isWord(c, "JOIN") || ns.isWord(c, "USING")) {
                throw reject(c, "multi-table DELETE", "delete from one table per statement");
            }
        }
        int tail = dmlTail(u);
        emitRange(u, tail);
    }

    /** Records and cuts ORDER BY / LIMIT at the end of UPDATE/DELETE; returns where the Calcite part ends. */
    private int dmlTail(int from) {
        int order = -1;
        int limit = -1;
        int depth = 0;
        for (int c = from; c < end; c++) {
            if (ns.isChar(c, '(')) {
                depth++;
            } else if (ns.isChar(c, ')')) {
                depth--;
            } else if (depth == 0 && ns.isWord(c, "ORDER") && ns.isWord(c + 1, "BY") && order < 0 && limit < 0) {
                order = c;
            } else if (depth == 0 && ns.isWord(c, "LIMIT") && limit < 0) {
                limit = c;
            }
        }
        if (order >= 0) {
            features.add(MySqlFeature.DML_ORDER_BY);
            int stop = limit >= 0 ? limit : end;
            int at = order + 2;
            while (at < stop) {
                int itemEnd = topLevelCommaOrEnd(at, stop);
                dmlOrderBy.add(orderItem(at, itemEnd - 1));
                at = itemEnd + 1;
            }
        }
        if (limit >= 0) {
            features.add(MySqlFeature.DML_LIMIT);
            if (limit + 2 != end) {
                throw reject(limit, "UPDATE/DELETE LIMIT", "only LIMIT row_count is allowed here");
            }
            dmlLimit = new Limit(Optional.empty(), Optional.of(valueOf(limit + 1, limit + 1)), false,
                    new TokenRange(limit, limit + 1));
        }
        if (order >= 0) {
            return order;
        }
        return limit >= 0 ? limit : end;
    }

    private OrderItem orderItem(int first, int last) {
        boolean desc = false;
        int exprLast = last;
        if (ns.isWord(last, "DESC")) {
            desc = true;
            exprLast--;
        } else if (ns.isWord(last, "ASC")) {
            exprLast--;
        }
        TokenRange range = new TokenRange(first, Math.max(first, exprLast));
        if (first == exprLast && ns.role(first) == NormalizedStatement.KEPT_LITERAL) {
            return new OrderItem(OrderItem.Kind.ORDINAL, Optional.empty(), Integer.parseInt(ns.text(first)), desc, range);
        }
        if (isIdentifierChain(first, exprLast)) {
            return new OrderItem(OrderItem.Kind.COLUMN, Optional.of(columnOf(first, exprLast + 1)), 0, desc, range);
        }
        return new OrderItem(OrderItem.Kind.EXPRESSION, Optional.empty(), 0, desc, range);
    }

    private int assignments(int u, int stop, List<Assignment> into) {
        int at = u;
        while (at < stop) {
            int eq = at;
            while (eq < stop && !ns.isChar(eq, '=')) {
                eq++;
            }
            int itemEnd = topLevelCommaOrEnd(eq + 1, stop);
            if (eq >= stop || itemEnd == eq + 1) {
                throw reject(at, "ON DUPLICATE KEY UPDATE assignment", "expected column = value");
            }
            into.add(new Assignment(columnOf(at, eq), valueOf(eq + 1, itemEnd - 1)));
            at = itemEnd < stop ? itemEnd + 1 : stop;
        }
        return stop;
    }

    // ---------------------------------------------------------------- generic emission

    /** Emits normalized tokens [from, to), removing or rewriting MySQL-only syntax on the way. */
    private void emitRange(int from, int to) {
        int depth = 0;
        for (int u = from; u < to; u++) {
            if (ns.isChar(u, '(')) {
                depth++;
            } else if (ns.isChar(u, ')')) {
                depth--;
            }
            if (ns.isWord(u, "SELECT")) {
                emitUnit(u);
                u = selectModifiers(u + 1, to) - 1;
                continue;
            }
            if ((ns.isWord(u, "USE") || ns.isWord(u, "FORCE") || ns.isWord(u, "IGNORE"))
                    && (ns.isWord(u + 1, "INDEX") || ns.isWord(u + 1, "KEY"))) {
                u = indexHint(u, to) - 1;
                continue;
            }
            if (ns.isWord(u, "FOR") && (ns.isWord(u + 1, "UPDATE") || ns.isWord(u + 1, "SHARE"))) {
                u = forLock(u, to) - 1;
                continue;
            }
            if (ns.isWord(u, "LOCK") && ns.isWord(u + 1, "IN") && ns.isWord(u + 2, "SHARE") && ns.isWord(u + 3, "MODE")) {
                features.add(MySqlFeature.LOCKING_CLAUSE);
                lockMode = LockMode.SHARE;
                u += 3;
                continue;
            }
            if (ns.isWord(u, "WITH") && ns.isWord(u + 1, "ROLLUP")) {
                throw reject(u, "GROUP BY ... WITH ROLLUP", "super-aggregate rows cannot be merged across shards");
            }
            if (ns.isWord(u, "INTO")) {
                throw reject(u, "SELECT ... INTO", "");
            }
            if (ns.isWord(u, "MATCH") && ns.isChar(u + 1, '(')) {
                u = matchAgainst(u);
                continue;
            }
            if (ns.isWord(u, "COLLATE") && u + 1 < to && ns.type(u + 1) != TokenType.OPERATOR) {
                // expr COLLATE name: Calcite has no such operator; the collation does not change the statement's shape.
                features.add(MySqlFeature.COLLATE);
                u++;
                continue;
            }
            if (ns.isChar(u, '{')) {
                throw reject(u, "ODBC escape { ... }", "");
            }
            if (ns.isOperator(u, ":=")) {
                throw reject(u, "assignment operator :=", "");
            }
            int type = ns.type(u).ordinal();
            if ((type == TokenType.WORD.ordinal() || type == TokenType.QUOTED_IDENTIFIER.ordinal())
                    && ns.role(u) == NormalizedStatement.PLAIN) {
                int chainEnd = identifierChainEnd(u);
                if (chainEnd < to && (ns.isOperator(chainEnd, "->") || ns.isOperator(chainEnd, "->>"))) {
                    u = jsonOperator(u, chainEnd) - 1;
                    continue;
                }
            }
            emitUnit(u);
        }
    }

    private int selectModifiers(int u, int to) {
        while (u < to) {
            if (ns.isWord(u, "ALL") || ns.isWord(u, "DISTINCT")) {
                emitUnit(u);
            } else if (ns.isWord(u, "DISTINCTROW")) {
                emitText(" DISTINCT", u);
            } else if (ns.isWord(u, "SQL_CALC_FOUND_ROWS")) {
                features.add(MySqlFeature.SQL_CALC_FOUND_ROWS);
            } else if (ns.isWord(u, "SQL_NO_CACHE") || ns.isWord(u, "SQL_CACHE") || ns.isWord(u, "HIGH_PRIORITY")
                    || ns.isWord(u, "STRAIGHT_JOIN") || ns.isWord(u, "SQL_SMALL_RESULT") || ns.isWord(u, "SQL_BIG_RESULT")
                    || ns.isWord(u, "SQL_BUFFER_RESULT")) {
                features.add(MySqlFeature.SELECT_MODIFIER);
            } else {
                return u;
            }
            u++;
        }
        return u;
    }

    private int indexHint(int u, int to) {
        features.add(MySqlFeature.INDEX_HINT);
        u += 2;
        if (ns.isWord(u, "FOR")) {
            u++;
            if (ns.isWord(u, "JOIN")) {
                u++;
            } else if ((ns.isWord(u, "ORDER") || ns.isWord(u, "GROUP")) && ns.isWord(u + 1, "BY")) {
                u += 2;
            } else {
                throw reject(u, "index hint", "expected FOR JOIN, FOR ORDER BY or FOR GROUP BY");
            }
        }
        if (!ns.isChar(u, '(')) {
            throw reject(u, "index hint", "expected '('");
        }
        u = matching(u) + 1;
        if (ns.isChar(u, ',') && (ns.isWord(u + 1, "USE") || ns.isWord(u + 1, "FORCE") || ns.isWord(u + 1, "IGNORE"))
                && (ns.isWord(u + 2, "INDEX") || ns.isWord(u + 2, "KEY"))) {
            return indexHint(u + 1, to);
        }
        if ((ns.isWord(u, "USE") || ns.isWord(u, "FORCE") || ns.isWord(u, "IGNORE"))
                && (ns.isWord(u + 1, "INDEX") || ns.isWord(u + 1, "KEY"))) {
            return indexHint(u, to);
        }
        return u;
    }

    private int forLock(int u, int to) {
        features.add(MySqlFeature.LOCKING_CLAUSE);
        boolean update = ns.isWord(u + 1, "UPDATE");
        u += 2;
        if (ns.isWord(u, "OF")) {
            u++;
            while (u < to) {
                u = identifierChainEnd(u);
                if (ns.isChar(u, ',')) {
                    u++;
                } else {
                    break;
                }
            }
        }
        if (ns.isWord(u, "NOWAIT")) {
            lockMode = update ? LockMode.FOR_UPDATE_NOWAIT : LockMode.SHARE_NOWAIT;
            return u + 1;
        }
        if (ns.isWord(u, "SKIP") && ns.isWord(u + 1, "LOCKED")) {
            lockMode = update ? LockMode.FOR_UPDATE_SKIP_LOCKED : LockMode.SHARE_SKIP_LOCKED;
            return u + 2;
        }
        lockMode = update ? LockMode.FOR_UPDATE : LockMode.SHARE;
        return u;
    }

    /**
     * MATCH (cols) AGAINST (expr [modifier]) becomes the function call MATCH_AGAINST(cols, expr): a condition the
     * router cannot use, with its parameters in place. Returns the index of the closing parenthesis of AGAINST.
     */
    private int matchAgainst(int u) {
        int close = matching(u + 1);
        if (!ns.isWord(close + 1, "AGAINST") || !ns.isChar(close + 2, '(')) {
            throw reject(Math.min(close + 1, end - 1), "MATCH ... AGAINST (full-text search)", "expected AGAINST (...)");
        }
        int againstClose = matching(close + 2);
        int exprEnd = againstClose;
        int depth = 0;
        for (int c = close + 3; c < againstClose; c++) {
            if (ns.isChar(c, '(')) {
                depth++;
            } else if (ns.isChar(c, ')')) {
                depth--;
            } else if (depth == 0 && (ns.isWord(c, "IN") && (ns.isWord(c + 1, "NATURAL") || ns.isWord(c + 1, "BOOLEAN"))
                    || ns.isWord(c, "WITH") && ns.isWord(c + 1, "QUERY"))) {
                exprEnd = c;
                break;
            }
        }
        features.add(MySqlFeature.FULLTEXT_SEARCH);
        emitText(" MATCH_AGAINST(", u);
        emitRange(u + 2, close);
        emitText(",", close);
        emitRange(close + 3, exprEnd);
        emitText(")", againstClose);
        return againstClose;
    }

    /** {@code col->path} becomes JSON_EXTRACT(col, path); {@code col->>path} JSON_UNQUOTE(JSON_EXTRACT(col, path)). */
    private int jsonOperator(int first, int op) {
        boolean unquote = ns.isOperator(op, "->>");
        features.add(unquote ? MySqlFeature.JSON_UNQUOTE_OPERATOR : MySqlFeature.JSON_EXTRACT_OPERATOR);
        emitText(unquote ? " JSON_UNQUOTE(JSON_EXTRACT(" : " JSON_EXTRACT(", first);
        for (int u = first; u < op; u++) {
            emitUnit(u);
        }
        emitText(",", op);
        if (op + 1 >= end) {
            throw reject(op, unquote ? "->> operator" : "-> operator", "expected a JSON path");
        }
        emitUnit(op + 1);
        emitText(unquote ? "))" : ")", op + 1);
        return op + 2;
    }

    /** Emits one normalized token, translated for Calcite. */
    private void emitUnit(int u) {
        byte role = ns.role(u);
        if (role == NormalizedStatement.PARAMETER) {
            if (u > 0 && ns.isWord(u - 1, "INTERVAL")) {
                emitText(" '1'", u);
                return;
            }
            emitText(" ?", u);
            return;
        }
        if (role == NormalizedStatement.EXTRACTED_LITERAL) {
            if (u > 0 && ns.isWord(u - 1, "INTERVAL")) {
                emitText(" '1'", u);
                return;
            }
            emitText(" ?", u);
            return;
        }
        TokenType type = ns.type(u);
        String text = ns.text(u);
        if (role == NormalizedStatement.KEPT_LITERAL) {
            emitText(" ", u);
            emitText(text, u);
            return;
        }
        switch (type) {
            case USER_VARIABLE:
            case SYSTEM_VARIABLE:
                // A variable is a value known only at run time: an opaque expression to the facts.
                emitText(" ?", u);
                return;
            case WORD: {
                String upper = text.toUpperCase(Locale.ROOT);
                if (upper.equals("REGEXP") || upper.equals("RLIKE")) {
                    features.add(MySqlFeature.REGEXP);
                    emitText(" LIKE", u);
                    return;
                }
                if (u >= 2 && ns.isWord(u - 2, "INTERVAL")) {
                    // The unit of INTERVAL n unit: MySQL has compound units (HOUR_MINUTE ...) Calcite lacks. The interval is an
                    // opaque expression to the facts, so any unit Calcite accepts will do.
                    emitText(" DAY", u);
                    return;
                }
                if (upper.equals("STRAIGHT_JOIN")) {
                    // Outside the select modifiers it is a join that forces the join order: a plain join to the analysis.
                    features.add(MySqlFeature.SELECT_MODIFIER);
                    emitText(" JOIN", u);
                    return;
                }
                if (upper.equals("DIV")) {
                    emitText(" /", u);
                    return;
                }
                if (upper.equals("XOR")) {
                    throw reject(u, "XOR", "");
                }
                if (Keywords.needsQuotingForCalcite(upper) && identifierContext(u, upper) || needsQuotingAlways(text)) {
                    emitText(" `", u);
                    emitText(text, u);
                    emitText("`", u);
                    return;
                }
                emitText(" ", u);
                emitText(text, u);
                return;
            }
            case OPERATOR:
                if (text.equals("&&")) {
                    features.add(MySqlFeature.SYMBOLIC_LOGICAL_OPERATOR);
                    emitText(" AND", u);
                    return;
                }
                if (text.equals("||")) {
                    features.add(MySqlFeature.SYMBOLIC_LOGICAL_OPERATOR);
                    emitText(" OR", u);
                    return;
                }
                if (text.equals("!")) {
                    features.add(MySqlFeature.SYMBOLIC_LOGICAL_OPERATOR);
                    emitText(" NOT", u);
                    return;
                }
                // Calcite has no bitwise operators. For analysis only, map them to arithmetic operators that also bind
                // tighter than comparisons, so the predicate structure around them is unchanged.
                if (text.equals("&") || text.equals("|") || text.equals("<<") || text.equals(">>")) {
                    emitText(" +", u);
                    return;
                }
                if (text.equals("^")) {
                    emitText(" *", u);
                    return;
                }
                if (text.equals("~")) {
                    emitText(" -", u);
                    return;
                }
                if (text.equals("<=>")) {
                    features.add(MySqlFeature.NULL_SAFE_EQUAL);
                    emitText(" IS NOT DISTINCT FROM", u);
                    return;
                }
                emitText(" ", u);
                emitText(text, u);
                return;
            default:
                emitText(" ", u);
                emitText(text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 ? text.replace('\n', ' ').replace('\r', ' ')
                        : text, u);
        }
    }

    /** Words Calcite's lexer would not read as one identifier: leading digit or non-ASCII letters. */
    private static boolean needsQuotingAlways(String text) {
        if (text.charAt(0) >= '0' && text.charAt(0) <= '9') {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return true;
            }
        }
        return false;
    }

    /** A Calcite-reserved word is a MySQL identifier unless it is used as a keyword here. */
    private boolean identifierContext(int u, String upper) {
        if (KEYWORD_USES.contains(upper)) {
            return false;
        }
        if (ns.isChar(u + 1, '(')) {
            return false;
        }
        if (u + 1 < end && ns.type(u + 1) == TokenType.STRING && ns.role(u + 1) == NormalizedStatement.KEPT_LITERAL) {
            return false;
        }
        if (u > 0 && ns.isWord(u - 1, "AS") && (ns.isChar(u + 1, ')') || ns.isChar(u + 1, '('))) {
            return false;
        }
        if (u > 0 && (ns.role(u - 1) != NormalizedStatement.PLAIN || ns.isWord(u - 1, "INTERVAL"))) {
            return false;
        }
        return !(ns.isWord(u + 1, "FROM") && u > 0 && ns.isChar(u - 1, '('));
    }

    private void emitText(String text, int unit) {
        int need = out.length() + text.length();
        if (need > map.length) {
            map = Arrays.copyOf(map, Math.max(need, map.length * 2));
        }
        for (int i = 0; i < text.length(); i++) {
            map[out.length() + i] = unit;
        }
        out.append(text);
    }

    // ---------------------------------------------------------------- token helpers

    private boolean startsQuery(int u) {
        return ns.isWord(u, "SELECT") || ns.isWord(u, "WITH") || ns.isChar(u, '(') && startsQuery(u + 1);
    }

    private int matching(int open) {
        int depth = 0;
        for (int u = open; u < ns.size(); u++) {
            if (ns.isChar(u, '(')) {
                depth++;
            } else if (ns.isChar(u, ')')) {
                depth--;
                if (depth == 0) {
                    return u;
                }
            }
        }
        throw reject(open, "unbalanced parentheses", "no matching ')'");
    }

    private int findTopLevelWord(int from, String word) {
        int depth = 0;
        for (int u = from; u < end; u++) {
            if (ns.isChar(u, '(')) {
                depth++;
            } else if (ns.isChar(u, ')')) {
                depth--;
            } else if (depth == 0 && ns.isWord(u, word)) {
                return u;
            }
        }
        return end;
    }

    private int findOnDuplicate(int from) {
        int depth = 0;
        for (int u = from; u < end; u++) {
            if (ns.isChar(u, '(')) {
                depth++;
            } else if (ns.isChar(u, ')')) {
                depth--;
            } else if (depth == 0 && ns.isWord(u, "ON") && ns.isWord(u + 1, "DUPLICATE")) {
                return u;
            }
        }
        return end;
    }

    private int topLevelCommaOrEnd(int from, int stop) {
        int depth = 0;
        for (int u = from; u < stop; u++) {
            if (ns.isChar(u, '(')) {
                depth++;
            } else if (ns.isChar(u, ')')) {
                depth--;
            } else if (depth == 0 && ns.isChar(u, ',')) {
                return u;
            }
        }
        return stop;
    }

    private boolean isIdentifier(int u) {
        if (u < 0 || u >= end || ns.role(u) != NormalizedStatement.PLAIN) {
            return false;
        }
        TokenType t = ns.type(u);
        return t == TokenType.WORD || t == TokenType.QUOTED_IDENTIFIER;
    }

    /** First token after an identifier chain {@code a.b.c} starting at {@code u} ({@code u} if none). */
    private int identifierChainEnd(int u) {
        if (!isIdentifier(u)) {
            return u;
        }
        int e = u + 1;
        while (ns.isChar(e, '.') && isIdentifier(e + 1)) {
            e += 2;
        }
        return e;
    }

    private boolean isIdentifierChain(int first, int last) {
        return identifierChainEnd(first) == last + 1;
    }

    /** Identifier text without backticks. */
    private String identifierText(int u) {
        return identifierName(ns, u);
    }

    /** Identifier text of normalized token {@code u} without backticks (doubled backticks undoubled). */
    public static String identifierName(NormalizedStatement ns, int u) {
        String t = ns.text(u);
        if (ns.type(u) == TokenType.QUOTED_IDENTIFIER) {
            return t.substring(1, t.length() - 1).replace("``", "`");
        }
        return t;
    }

    private ColumnRef columnOf(int first, int endExclusive) {
        if (!isIdentifierChain(first, endExclusive - 1)) {
            throw reject(first, "assignment target", "expected a column name");
        }
        String name = identifierText(endExclusive - 1);
        if (endExclusive - 1 == first) {
            return ColumnRef.of(name);
        }
        StringBuilder q = new StringBuilder();
        for (int u = first; u < endExclusive - 2; u += 2) {
            if (q.length() > 0) {
                q.append('.');
            }
            q.append(identifierText(u));
        }
        return new ColumnRef(Optional.of(q.toString()), name);
    }

    private Value valueOf(int first, int last) {
        if (first == last) {
            byte role = ns.role(first);
            if (role == NormalizedStatement.PARAMETER) {
                return new Value.Parameter(ns.valueIndex(first));
            }
            if (role == NormalizedStatement.EXTRACTED_LITERAL) {
                return new Value.Literal(ns.valueIndex(first));
            }
        }
        return new Value.Expression(new TokenRange(first, last));
    }

    private SqlParseException reject(int u, String construct, String detail) {
        int at = u < ns.size() ? ns.start(u) : sql.length();
        return SqlParseException.at(sql, at, construct, detail, null);
    }
}

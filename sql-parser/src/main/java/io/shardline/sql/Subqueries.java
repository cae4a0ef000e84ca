package io.shardline.sql;

import io.shardline.sql.lexer.TokenStream;
import io.shardline.sql.lexer.TokenType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The outermost subqueries of a statement, as written, each with the clause it stands in, so that one can be run
 * first and its rows put in its place. Found with the lexer's tokens: strings and comments never open one, and a
 * subquery nested in another is part of the outer one's text.
 */
public final class Subqueries {

    private Subqueries() {
    }

    /** Where a subquery stands, which decides what may replace it. */
    public enum Context {
        /** The right side of {@code [NOT] IN}: a list of values may replace it. */
        IN_LIST,
        /** Any other place in an expression of WHERE, HAVING, ON, ...: its rows as a constant subquery may. */
        EXPRESSION,
        /** The select list: its value's type names a result column, so it stays. */
        SELECT_LIST,
        /**
         * A derived table in FROM or JOIN, or a common table expression: its rows' names, types and collations shape
         * the outer query, so it stays.
         */
        DERIVED
    }

    /**
     * One subquery.
     *
     * @param inner          the SELECT inside the parentheses
     * @param enclosing      the subquery with its parentheses
     * @param context        where it stands
     * @param firstParameter index of its first placeholder among the statement's
     * @param parameterCount placeholders inside it
     */
    public record Subquery(TextSpan inner, TextSpan enclosing, Context context, int firstParameter,
            int parameterCount) {

        /** Its parameters out of the statement's. */
        public List<Object> parameters(List<Object> all) {
            return all.subList(firstParameter, firstParameter + parameterCount);
        }
    }

    /**
     * The pagination count ORM plug-ins wrap around a page's query: {@code SELECT COUNT(* | n) [[AS] label] FROM
     * (subquery) [AS] alias}.
     *
     * @param label   the count column's label: the alias, else the COUNT as written (as MariaDB labels it)
     * @param derived the derived table
     */
    public record Count(String label, Subquery derived) {
    }

    /**
     * {@code parsed} as a pagination count, exactly that shape (a COUNT of {@code *} or a number, one derived table,
     * its alias, nothing after it), or empty.
     */
    public static java.util.Optional<Count> paginationCount(ParsedStatement parsed) {
        TokenStream tokens = parsed.tokens();
        int[] s = SignificantTokens.of(tokens);
        int n = s.length;
        while (n > 0 && tokens.isChar(s[n - 1], ';')) {
            n--;
        }
        if (n < 9 || !tokens.isWord(s[0], "SELECT") || !tokens.isWord(s[1], "COUNT") || !tokens.isChar(s[2], '(')
                || !tokens.isChar(s[4], ')')
                || !tokens.isOperator(s[3], "*") && tokens.type(s[3]) != TokenType.INTEGER) {
            return java.util.Optional.empty(); // COUNT(col) counts non-NULL values, COUNT(NULL) nothing
        }
        String sql = parsed.sql();
        String label = sql.substring(tokens.start(s[1]), tokens.end(s[4]));
        int k = tokens.isWord(s[5], "AS") ? 6 : 5;
        if (!tokens.isWord(s[k], "FROM")) {
            TokenType type = tokens.type(s[k]);
            if (type != TokenType.WORD && type != TokenType.QUOTED_IDENTIFIER && type != TokenType.STRING) {
                return java.util.Optional.empty(); // COUNT(*) + 1, COUNT(*), MAX(a), ...
            }
            label = unquoted(tokens, s[k], sql);
            k++;
        }
        if (k + 2 >= n || !tokens.isWord(s[k], "FROM") || !tokens.isChar(s[k + 1], '(')
                || !tokens.isWord(s[k + 2], "SELECT")) {
            return java.util.Optional.empty();
        }
        int close = SignificantTokens.matching(tokens, s, k + 1, n);
        int rest = n - close - 1; // the alias, with or without AS, and nothing else
        if (rest != 1 && !(rest == 2 && tokens.isWord(s[close + 1], "AS"))) {
            return java.util.Optional.empty();
        }
        TextSpan inner = new TextSpan(tokens.start(s[k + 2]), tokens.end(s[close - 1]));
        TextSpan enclosing = new TextSpan(tokens.start(s[k + 1]), tokens.end(s[close]));
        int parameters = 0;
        for (int i = 0; i < tokens.size(); i++) {
            parameters += tokens.type(i) == TokenType.PLACEHOLDER ? 1 : 0;
        }
        return java.util.Optional.of(new Count(label, new Subquery(inner, enclosing, Context.DERIVED, 0, parameters)));
    }

    private static String unquoted(TokenStream tokens, int i, String sql) {
        String text = sql.substring(tokens.start(i), tokens.end(i));
        if (tokens.type(i) == TokenType.QUOTED_IDENTIFIER) {
            return text.substring(1, text.length() - 1).replace("``", "`");
        }
        if (tokens.type(i) == TokenType.STRING && text.length() >= 2) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    /** ON / USING: conditions of a join, after which a comma goes back to the FROM list. */
    private enum Clause { NONE, SELECT_LIST, FROM, JOIN_CONDITION, OTHER }

    /** The outermost subqueries of {@code parsed}, in text order. */
    public static List<Subquery> of(ParsedStatement parsed) {
        TokenStream tokens = parsed.tokens();
        int[] significant = SignificantTokens.of(tokens);
        List<Subquery> out = new ArrayList<>();
        Deque<Clause> outer = new ArrayDeque<>();
        Clause clause = Clause.NONE;
        int n = significant.length;
        for (int k = 0; k < n; k++) {
            int i = significant[k];
            if (tokens.isChar(i, '(')) {
                if (k + 1 < n && (tokens.isWord(significant[k + 1], "SELECT")
                        || tokens.isWord(significant[k + 1], "WITH"))) {
                    int close = SignificantTokens.matching(tokens, significant, k, n);
                    boolean in = k > 0 && tokens.isWord(significant[k - 1], "IN");
                    Context context = switch (clause) {
                        case SELECT_LIST -> Context.SELECT_LIST;
                        case FROM -> Context.DERIVED;
                        default -> in ? Context.IN_LIST : Context.EXPRESSION;
                    };
                    TextSpan inner = new TextSpan(tokens.start(significant[k + 1]),
                            tokens.end(significant[close - 1]));
                    TextSpan enclosing = new TextSpan(tokens.start(i), tokens.end(significant[close]));
                    out.add(new Subquery(inner, enclosing, context, 0, 0));
                    k = close;
                    continue;
                }
                outer.push(clause); // a function's arguments or a parenthesised join stay in the clause
            } else if (tokens.isChar(i, ')')) {
                clause = outer.isEmpty() ? Clause.NONE : outer.pop();
            } else if (tokens.isChar(i, ',') && clause == Clause.JOIN_CONDITION) {
                clause = Clause.FROM; // FROM a JOIN b ON ..., (SELECT ...) c
            } else if (tokens.type(i) == TokenType.WORD) {
                clause = next(tokens, i, clause);
            }
        }
        return withParameters(tokens, out);
    }

    private static Clause next(TokenStream tokens, int i, Clause clause) {
        if (tokens.isWord(i, "SELECT")) {
            return Clause.SELECT_LIST;
        }
        // WITH: a common table expression's body is a derived table too.
        if (tokens.isWord(i, "FROM") || tokens.isWord(i, "JOIN") || tokens.isWord(i, "STRAIGHT_JOIN")
                || tokens.isWord(i, "WITH")) {
            return Clause.FROM;
        }
        if (tokens.isWord(i, "ON") || tokens.isWord(i, "USING")) {
            return Clause.JOIN_CONDITION;
        }
        for (String word : new String[] {"WHERE", "HAVING", "GROUP", "ORDER", "LIMIT", "UNION",
            "WINDOW", "SET", "VALUES", "INTERSECT", "EXCEPT"}) {
            if (tokens.isWord(i, word)) {
                return Clause.OTHER;
            }
        }
        return clause;
    }

    private static List<Subquery> withParameters(TokenStream tokens, List<Subquery> found) {
        if (found.isEmpty()) {
            return found;
        }
        int[] first = new int[found.size()];
        int[] count = new int[found.size()];
        java.util.Arrays.fill(first, -1);
        int seen = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.type(i) != TokenType.PLACEHOLDER) {
                continue;
            }
            for (int s = 0; s < found.size(); s++) {
                TextSpan inner = found.get(s).inner();
                if (tokens.start(i) >= inner.start() && tokens.start(i) < inner.end()) {
                    count[s]++;
                }
            }
            for (int s = 0; s < found.size(); s++) {
                if (first[s] < 0 && tokens.start(i) >= found.get(s).inner().start()) {
                    first[s] = seen;
                }
            }
            seen++;
        }
        List<Subquery> out = new ArrayList<>(found.size());
        for (int s = 0; s < found.size(); s++) {
            Subquery q = found.get(s);
            out.add(new Subquery(q.inner(), q.enclosing(), q.context(), first[s] < 0 ? seen : first[s], count[s]));
        }
        return out;
    }
}

package io.shardline.jdbc;

import io.shardline.jdbc.resultset.ColumnDescriptor;
import io.shardline.jdbc.resultset.MergedResultSet;
import io.shardline.jdbc.resultset.ShardlineResultSetMetaData;
import io.shardline.router.merge.ListCursor;
import io.shardline.sql.ParsedStatement;
import io.shardline.sql.Subqueries;
import io.shardline.sql.lexer.TokenStream;
import io.shardline.sql.lexer.TokenType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pagination count that ORM plug-ins wrap around a page's query, {@code SELECT COUNT(*) FROM (<query>) t}
 * (PageHelper writes {@code count(0)}): a derived table over sharded tables, which the router cannot route, whose
 * answer is simply how many rows the query returns. So the query runs through Shardline (its own routing, merging,
 * UNION or subqueries) and its rows are counted as they stream by: nothing is held, however many rows it returns.
 *
 * <p>Only that exact shape: a COUNT of {@code *} or of a number, with or without an alias, over one derived table,
 * nothing after it. Anything else over a derived table goes to the router, which refuses it by name.
 */
final class DerivedTableCount {

    private DerivedTableCount() {
    }

    /**
     * The count's one-row result, or empty when {@code sql} is not that shape over sharded tables. Callers check
     * {@link SubqueryPullout#mayHoldASubquery} first.
     */
    static Optional<ResultSet> run(ShardlineConnection connection, String sql, List<Object> parameters,
            Statement owner) throws SQLException {
        Optional<SubqueryPullout.Parsed> parsed = SubqueryPullout.parse(connection, sql);
        Optional<Shape> shape = parsed.flatMap(p -> shape(p.statement()));
        if (shape.isEmpty()) {
            return Optional.empty();
        }
        String inner = shape.get().derived().inner().text(sql);
        if (!SubqueryPullout.touchesShardedTable(parsed.get().planner(), inner)) {
            return Optional.empty(); // the router runs it where those tables are
        }
        long rows = 0;
        try (PreparedStatement ps = SubqueryPullout.prepare(connection, inner, parameters)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
        }
        // As Connector/J describes MariaDB's COUNT: BIGINT, precision and display size 19 (of 21), never NULL, labelled as written.
        ColumnDescriptor count = new ColumnDescriptor(shape.get().label(), shape.get().label(), "", "", Types.BIGINT,
                "BIGINT", 19, 0, ResultSetMetaData.columnNoNulls, true, 19, Long.class.getName(), false, false);
        List<Object[]> one = new ArrayList<>(1);
        one.add(new Object[] {rows});
        return Optional.of(new MergedResultSet(new ListCursor(one, 1), new ShardlineResultSetMetaData(List.of(count)),
                owner));
    }

    /** The count's label and its derived table. */
    record Shape(String label, Subqueries.Subquery derived) {
    }

    /** {@code SELECT COUNT(* | n) [[AS] label] FROM (subquery) [AS] alias [;]}, or empty. */
    static Optional<Shape> shape(ParsedStatement parsed) {
        TokenStream tokens = parsed.tokens();
        List<Integer> s = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.type(i).isSignificant()) {
                s.add(i);
            }
        }
        int n = s.size();
        while (n > 0 && tokens.isChar(s.get(n - 1), ';')) {
            n--;
        }
        if (n < 9 || !tokens.isWord(s.get(0), "SELECT") || !tokens.isWord(s.get(1), "COUNT")
                || !tokens.isChar(s.get(2), '(') || !tokens.isChar(s.get(4), ')')) {
            return Optional.empty();
        }
        int argument = s.get(3);
        if (!tokens.isOperator(argument, "*") && tokens.type(argument) != TokenType.INTEGER) {
            return Optional.empty(); // COUNT(col) counts non-NULL values, COUNT(NULL) nothing
        }
        String sql = parsed.sql();
        String label = sql.substring(tokens.start(s.get(1)), tokens.end(s.get(4)));
        int k = 5;
        if (tokens.isWord(s.get(k), "AS")) {
            k++;
        }
        if (!tokens.isWord(s.get(k), "FROM")) {
            TokenType type = tokens.type(s.get(k));
            if (type != TokenType.WORD && type != TokenType.QUOTED_IDENTIFIER && type != TokenType.STRING) {
                return Optional.empty(); // COUNT(*) + 1, COUNT(*), MAX(a), ...
            }
            label = unquoted(tokens, s.get(k), sql);
            k++;
        }
        if (k >= n || !tokens.isWord(s.get(k), "FROM")) {
            return Optional.empty();
        }
        List<Subqueries.Subquery> subqueries = Subqueries.of(parsed);
        if (subqueries.size() != 1 || subqueries.get(0).context() != Subqueries.Context.DERIVED
                || subqueries.get(0).enclosing().start() != tokens.start(s.get(k + 1))) {
            return Optional.empty();
        }
        // After the derived table: its alias, with or without AS, and nothing else.
        int close = k + 1;
        while (close < n && tokens.end(s.get(close)) <= subqueries.get(0).enclosing().end() - 1) {
            close++;
        }
        int rest = n - close - 1;
        boolean alias = rest == 1 || rest == 2 && tokens.isWord(s.get(close + 1), "AS");
        return alias ? Optional.of(new Shape(label, subqueries.get(0))) : Optional.empty();
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
}

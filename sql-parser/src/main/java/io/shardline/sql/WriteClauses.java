package io.shardline.sql;

import io.shardline.sql.facts.StatementKind;
import io.shardline.sql.facts.TableRef;
import io.shardline.sql.lexer.TokenStream;
import io.shardline.sql.lexer.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * A single-table UPDATE or DELETE cut, as written, into its table reference and its row-choosing tail, so that
 * {@code SELECT <columns> FROM <reference> <tail> FOR UPDATE} locks and reads exactly the rows the write changes.
 * Undo capture (before-images) and redundant copies (which copy rows a write touches) both need this; the cut is made
 * with the lexer's tokens, so strings, comments and parenthesised subqueries never end a clause early.
 *
 * @param reference      the table reference as written, with its alias ({@code t_order_0 AS o})
 * @param tail           {@code WHERE ... ORDER BY ... LIMIT ...} as written, possibly empty
 * @param tailParameters the statement's parameters that the tail uses, in order
 */
public record WriteClauses(String reference, String tail, List<Object> tailParameters) {

    /**
     * Cuts {@code parsed}, an UPDATE or DELETE of {@code target} (its one table outside subqueries).
     *
     * @param parameters the statement's parameters, in placeholder order
     * @throws IllegalArgumentException for other statements, an UPDATE without SET, or too few parameters
     */
    public static WriteClauses of(ParsedStatement parsed, TableRef target, List<Object> parameters) {
        StatementKind kind = parsed.facts().kind();
        if (kind != StatementKind.UPDATE && kind != StatementKind.DELETE) {
            throw new IllegalArgumentException("only UPDATE and DELETE have write clauses, not " + kind + ": "
                    + parsed.sql());
        }
        String sql = parsed.sql();
        TokenStream tokens = parsed.tokens();
        TextSpan tableSpan = parsed.span(target);
        int n = tokens.size();
        int first = 0;
        while (first < n && tokens.start(first) < tableSpan.end()) {
            first++;
        }
        // The end of the statement: its last token that is not a closing ';' (comments before that stay).
        int last = n - 1;
        while (last >= 0 && (tokens.isChar(last, ';') || !tokens.type(last).isSignificant()
                && tokens.type(last) != TokenType.EXECUTABLE_COMMENT_END)) {
            last--;
        }
        int end = last >= first ? tokens.end(last) : tableSpan.end();
        boolean update = kind == StatementKind.UPDATE;
        int referenceEnd = -1;
        int tailStart = end;
        int depth = 0;
        for (int i = first; i <= last; i++) {
            if (!tokens.type(i).isSignificant()) {
                continue;
            }
            if (tokens.isChar(i, '(')) {
                depth++;
            } else if (tokens.isChar(i, ')')) {
                depth--;
            } else if (depth == 0 && update && referenceEnd < 0) {
                if (tokens.isWord(i, "SET")) {
                    referenceEnd = tokens.start(i);
                }
            } else if (depth == 0 && (tokens.isWord(i, "WHERE") || tokens.isWord(i, "LIMIT")
                    || tokens.isWord(i, "ORDER") && nextIsBy(tokens, i, last))) {
                tailStart = tokens.start(i);
                break;
            }
        }
        if (!update) {
            referenceEnd = tailStart;
        } else if (referenceEnd < 0) {
            throw new IllegalArgumentException("no SET in the UPDATE: " + sql);
        }
        int before = 0;
        List<Object> tailParameters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (tokens.type(i) != TokenType.PLACEHOLDER) {
                continue;
            }
            if (tokens.start(i) < tailStart) {
                before++;
            } else if (tokens.start(i) < end) {
                int index = before + tailParameters.size();
                if (index >= parameters.size()) {
                    throw new IllegalArgumentException("parameter " + (index + 1) + " of the statement is missing ("
                            + parameters.size() + " given): " + sql);
                }
                tailParameters.add(parameters.get(index));
            }
        }
        String reference = sql.substring(tableSpan.start(), Math.max(referenceEnd, tableSpan.end())).strip();
        String tail = tailStart < end ? sql.substring(tailStart, end) : "";
        return new WriteClauses(reference, tail, tailParameters);
    }

    private static boolean nextIsBy(TokenStream tokens, int i, int last) {
        for (int j = i + 1; j <= last; j++) {
            if (tokens.type(j).isSignificant()) {
                return tokens.isWord(j, "BY");
            }
        }
        return false;
    }
}

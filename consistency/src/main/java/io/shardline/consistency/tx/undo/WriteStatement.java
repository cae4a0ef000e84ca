package io.shardline.consistency.tx.undo;

import io.shardline.sql.ParsedStatement;
import io.shardline.sql.SqlParseException;
import io.shardline.sql.SqlParser;
import io.shardline.sql.TextSpan;
import io.shardline.sql.facts.InsertFacts;
import io.shardline.sql.facts.MySqlFeature;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.TableRef;
import io.shardline.sql.lexer.TokenStream;
import io.shardline.sql.lexer.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A shard write statement cut into the parts undo capture needs: the one target table, and for UPDATE/DELETE the text
 * of its table reference (with alias) and of its {@code WHERE ... ORDER BY ... LIMIT} tail with the parameters that
 * tail uses, so that {@code SELECT <columns> FROM <reference> <tail> FOR UPDATE} locks and reads exactly the rows the
 * statement will change. Refuses, with {@link UndoUnsupportedException}, every write it cannot capture exactly.
 *
 * @param kind INSERT, UPDATE or DELETE
 * @param parsed the parsed statement
 * @param table the target table
 * @param reference UPDATE/DELETE: the table reference as written ({@code t_order_0 AS o}); empty for INSERT
 * @param tail UPDATE/DELETE: {@code WHERE ... ORDER BY ... LIMIT ...} as written, possibly empty
 * @param tailParameters the application parameters the tail uses, in order
 */
record WriteStatement(Kind kind, ParsedStatement parsed, TableRef table, String reference, String tail,
        List<Object> tailParameters) {

    /** The three writes capture understands. */
    enum Kind {
        /** INSERT ... VALUES / SET. */
        INSERT,
        /** Single-table UPDATE. */
        UPDATE,
        /** Single-table DELETE. */
        DELETE
    }

    /** Whether the statement has a LIMIT (its row choice then depends on the ORDER BY being deterministic). */
    boolean hasLimit() {
        return parsed.facts().limit().isPresent();
    }

    /** Analyses {@code sql} with its parameters; refuses what cannot be compensated. */
    static WriteStatement analyze(SqlParser parser, String sql, List<Object> params) throws UndoUnsupportedException {
        ParsedStatement parsed;
        try {
            parsed = parser.parse(sql);
        } catch (SqlParseException e) {
            throw new UndoUnsupportedException(e.construct(), "the statement could not be analysed", sql, e);
        }
        StatementFacts facts = parsed.facts();
        Kind kind = switch (facts.kind()) {
            case INSERT -> Kind.INSERT;
            case UPDATE -> Kind.UPDATE;
            case DELETE -> Kind.DELETE;
            case REPLACE -> throw new UndoUnsupportedException("REPLACE",
                    "it deletes rows it does not name; use INSERT or UPDATE", sql);
            default -> throw new UndoUnsupportedException(facts.kind().name(),
                    "only INSERT, UPDATE and DELETE record undo images", sql);
        };
        if (kind == Kind.INSERT) {
            checkInsert(facts, sql);
        }
        List<TableRef> targets = new ArrayList<>();
        for (TableRef t : facts.tables()) {
            if (!t.inSubquery()) {
                targets.add(t);
            }
        }
        // The parser refuses multi-table UPDATE/DELETE itself; joins inside a subquery of the WHERE are fine.
        if (targets.size() != 1) {
            throw new UndoUnsupportedException("multi-table " + kind, "write one table per statement", sql);
        }
        TableRef table = targets.get(0);
        if (kind == Kind.INSERT) {
            return new WriteStatement(kind, parsed, table, "", "", List.of());
        }
        if (params.size() < facts.parameterCount()) {
            throw new IllegalArgumentException("undo capture: " + facts.parameterCount() + " parameters expected, "
                    + params.size() + " given for: " + sql);
        }
        return cut(kind, parsed, table, params);
    }

    private static void checkInsert(StatementFacts facts, String sql) throws UndoUnsupportedException {
        InsertFacts insert = facts.insert().orElseThrow(() -> new UndoUnsupportedException("INSERT",
                "the statement's rows could not be analysed", sql));
        if (!insert.onDuplicateKeyUpdate().isEmpty() || facts.mysqlFeatures().contains(MySqlFeature.ON_DUPLICATE_KEY_UPDATE)) {
            throw new UndoUnsupportedException("INSERT ... ON DUPLICATE KEY UPDATE",
                    "whether a row is inserted or updated is decided by the server", sql);
        }
        if (insert.fromSelect()) {
            throw new UndoUnsupportedException("INSERT ... SELECT", "the inserted keys are not in the statement", sql);
        }
        if (facts.mysqlFeatures().contains(MySqlFeature.IGNORE)) {
            throw new UndoUnsupportedException("INSERT IGNORE",
                    "rows skipped as duplicates would be taken for inserted ones", sql);
        }
    }

    /** Cuts the table reference and the WHERE/ORDER BY/LIMIT tail out of the original text with the lexer's tokens. */
    private static WriteStatement cut(Kind kind, ParsedStatement parsed, TableRef table, List<Object> params) {
        String sql = parsed.sql();
        TokenStream tokens = parsed.tokens();
        TextSpan tableSpan = parsed.span(table);
        int n = tokens.size();
        int first = 0;
        while (first < n && tokens.start(first) < tableSpan.end()) {
            first++;
        }
        // The end of the statement: the last token that is not a closing ';' (comments before it stay).
        int last = n - 1;
        while (last >= 0 && (tokens.isChar(last, ';') || !tokens.type(last).isSignificant()
                && tokens.type(last) != TokenType.EXECUTABLE_COMMENT_END)) {
            last--;
        }
        int end = last >= first ? tokens.end(last) : tableSpan.end();
        int referenceEnd = -1;
        int tailStart = end;
        int depth = 0;
        for (int i = first; i <= last; i++) {
            if (!tokens.type(i).isSignificant()) {
                continue;
            }
            if (tokens.isChar(i, '(')) {
                depth++;
                continue;
            }
            if (tokens.isChar(i, ')')) {
                depth--;
                continue;
            }
            if (depth != 0) {
                continue;
            }
            if (kind == Kind.UPDATE && referenceEnd < 0) {
                if (tokens.isWord(i, "SET")) {
                    referenceEnd = tokens.start(i);
                }
                continue;
            }
            if (tokens.isWord(i, "WHERE") || tokens.isWord(i, "LIMIT")
                    || tokens.isWord(i, "ORDER") && i + 1 <= last && nextIsBy(tokens, i, last)) {
                tailStart = tokens.start(i);
                break;
            }
        }
        if (kind == Kind.DELETE) {
            referenceEnd = tailStart;
        }
        if (referenceEnd < 0) {
            throw new IllegalArgumentException("undo capture: no SET in UPDATE: " + sql);
        }
        int before = 0;
        List<Object> tailParams = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (tokens.type(i) != TokenType.PLACEHOLDER) {
                continue;
            }
            if (tokens.start(i) < tailStart) {
                before++;
            } else if (tokens.start(i) < end) {
                tailParams.add(params.get(before + tailParams.size()));
            }
        }
        String reference = sql.substring(tableSpan.start(), referenceEnd).strip();
        String tail = tailStart < end ? sql.substring(tailStart, end) : "";
        return new WriteStatement(kind, parsed, table, reference, tail, tailParams);
    }

    private static boolean nextIsBy(TokenStream tokens, int i, int last) {
        for (int j = i + 1; j <= last; j++) {
            if (tokens.type(j).isSignificant()) {
                return tokens.isWord(j, "BY");
            }
        }
        return false;
    }

    /** The schema the statement named, if any. */
    Optional<String> schema() {
        return table.schema();
    }
}

package io.shardline.consistency.tx.undo;

import io.shardline.sql.ParsedStatement;
import io.shardline.sql.SqlParseException;
import io.shardline.sql.SqlParser;
import io.shardline.sql.WriteClauses;
import io.shardline.sql.facts.InsertFacts;
import io.shardline.sql.facts.MySqlFeature;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.TableRef;
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

    /** Cuts the table reference and the WHERE/ORDER BY/LIMIT tail out of the original text. */
    private static WriteStatement cut(Kind kind, ParsedStatement parsed, TableRef table, List<Object> params) {
        WriteClauses clauses = WriteClauses.of(parsed, table, params);
        return new WriteStatement(kind, parsed, table, clauses.reference(), clauses.tail(), clauses.tailParameters());
    }

    /** The schema the statement named, if any. */
    Optional<String> schema() {
        return table.schema();
    }
}

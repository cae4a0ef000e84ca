package io.shardline.sql.facts;

import java.util.Optional;

/**
 * One reference to a table, as written (no backticks).
 *
 * @param schema schema (database) qualifier, if written
 * @param name table name
 * @param alias alias, if written
 * @param span normalized tokens of {@code [schema.]name}; its last token is the table name itself. Resolve to ORIGINAL
 *     offsets with {@code ParsedStatement.span(tableRef)} for rewriting.
 * @param inSubquery true when the reference is inside a nested query block (subquery or derived table)
 */
public record TableRef(Optional<String> schema, String name, Optional<String> alias, TokenRange span,
        boolean inSubquery) {

    /** Index of the normalized token that holds the table name. */
    public int nameToken() {
        return span.last();
    }
}

package io.shardline.sql.facts;

import java.util.Optional;

/**
 * One ORDER BY or GROUP BY item.
 *
 * @param kind column, select-list alias, 1-based ordinal or other expression
 * @param column the column (or alias as an unqualified name) for {@code COLUMN} and {@code ALIAS}
 * @param ordinal the 1-based position for {@code ORDINAL}, else 0
 * @param descending DESC was written (always false for GROUP BY)
 * @param span normalized tokens of the item's expression (without ASC/DESC)
 */
public record OrderItem(Kind kind, Optional<ColumnRef> column, int ordinal, boolean descending, TokenRange span) {

    /** What an ORDER BY / GROUP BY item refers to. */
    public enum Kind {
        /** A table column. */
        COLUMN,
        /** An alias defined in the select list. */
        ALIAS,
        /** A 1-based position in the select list. */
        ORDINAL,
        /** Any other expression. */
        EXPRESSION
    }
}

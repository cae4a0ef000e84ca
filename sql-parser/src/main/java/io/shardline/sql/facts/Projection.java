package io.shardline.sql.facts;

import java.util.Optional;

/**
 * One item of the select list.
 *
 * @param kind what the item is
 * @param column the column for {@code COLUMN}, the qualifier with name {@code *} for {@code QUALIFIED_STAR}, the
 *     argument column of an aggregate when it is a plain column
 * @param aggregate the aggregate function for {@code AGGREGATE}
 * @param distinct {@code COUNT(DISTINCT x)} and friends
 * @param alias the alias, if written
 * @param span normalized tokens of the whole item (expression and alias)
 */
public record Projection(Kind kind, Optional<ColumnRef> column, Optional<Aggregate> aggregate, boolean distinct,
        Optional<String> alias, TokenRange span) {

    /** What a select item is. */
    public enum Kind {
        /** {@code *}. */
        STAR,
        /** {@code t.*}. */
        QUALIFIED_STAR,
        /** A plain (possibly qualified) column. */
        COLUMN,
        /** COUNT/SUM/AVG/MIN/MAX; {@code COUNT(*)} has an empty column. */
        AGGREGATE,
        /** Any other expression. */
        EXPRESSION
    }
}

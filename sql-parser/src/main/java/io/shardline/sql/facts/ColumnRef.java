package io.shardline.sql.facts;

import java.util.Optional;

/**
 * A column as written, without backticks.
 *
 * @param qualifier table name or alias (or {@code schema.table}) before the column, if any
 * @param name column name, or {@code *} for a qualified star
 */
public record ColumnRef(Optional<String> qualifier, String name) {

    /** An unqualified column. */
    public static ColumnRef of(String name) {
        return new ColumnRef(Optional.empty(), name);
    }

    @Override
    public String toString() {
        return qualifier.map(q -> q + "." + name).orElse(name);
    }
}

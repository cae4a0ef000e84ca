package io.shardline.sql.facts;

import java.util.List;

/**
 * One row of INSERT ... VALUES.
 *
 * @param values one value per column, in column order
 * @param span normalized tokens from the row's {@code (} to its {@code )}, for splitting rows across shards
 */
public record InsertRow(List<Value> values, TokenRange span) {
    public InsertRow {
        values = List.copyOf(values);
    }
}

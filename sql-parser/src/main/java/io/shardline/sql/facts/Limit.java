package io.shardline.sql.facts;

import java.util.Optional;

/**
 * LIMIT in either MySQL form ({@code LIMIT [offset,] count} or {@code LIMIT count OFFSET offset}).
 *
 * @param offset the offset, if given
 * @param rowCount the row count, if given
 * @param commaForm {@code LIMIT offset, count} was written
 * @param span normalized tokens from {@code LIMIT} to its last value, for rewriting
 */
public record Limit(Optional<Value> offset, Optional<Value> rowCount, boolean commaForm, TokenRange span) {
}

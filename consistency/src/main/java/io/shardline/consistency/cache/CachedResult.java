package io.shardline.consistency.cache;

import java.util.List;

/**
 * The rows of one cached statement, copied when it was filled.
 *
 * @param columns the driver's description of the result columns (labels, types, nullability as the shard reported
 *                them); opaque here
 * @param rows    the rows, values as the driver read them; never modified after the fill
 */
public record CachedResult(Object columns, List<Object[]> rows) {

    public CachedResult {
        rows = List.copyOf(rows);
    }
}

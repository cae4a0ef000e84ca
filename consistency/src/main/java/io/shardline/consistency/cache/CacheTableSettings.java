package io.shardline.consistency.cache;

import java.util.List;
import java.util.Locale;

/**
 * How one logical table is cached.
 *
 * @param table       the logical table
 * @param keyColumns  the columns that identify a cached row (usually the primary key); a statement is cacheable
 *                    when it pins every one of them to a single value
 * @param ttlMillis   how long an entry lives at most, whatever happens to the binlog (always finite)
 * @param maximumSize how many keys the table's cache holds at most (least recently used go first)
 */
public record CacheTableSettings(String table, List<String> keyColumns, long ttlMillis, long maximumSize) {

    public CacheTableSettings {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("cache table name must not be empty");
        }
        if (keyColumns == null || keyColumns.isEmpty()) {
            throw new IllegalArgumentException("cache table " + table + ": keyColumns must name at least one column");
        }
        if (ttlMillis <= 0) {
            throw new IllegalArgumentException("cache table " + table + ": ttlMs must be > 0, was " + ttlMillis);
        }
        if (maximumSize <= 0) {
            throw new IllegalArgumentException("cache table " + table + ": maximumSize must be > 0, was "
                    + maximumSize);
        }
        keyColumns = keyColumns.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    }
}

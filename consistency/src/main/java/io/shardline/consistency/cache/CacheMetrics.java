package io.shardline.consistency.cache;

import java.util.Map;

/**
 * A snapshot of the cache's counters since it started.
 *
 * @param hits          lookups answered from the cache
 * @param misses        cacheable lookups that went to the database
 * @param fills         misses whose rows were put into the cache
 * @param refusedFills  fills dropped because an eviction of their key happened while they read (the race closed)
 * @param evictions     entries removed, by cause
 * @param binlogEvents  row events the binlog followers delivered
 */
public record CacheMetrics(long hits, long misses, long fills, long refusedFills, Map<EvictionCause, Long> evictions,
        long binlogEvents) {

    public CacheMetrics {
        evictions = Map.copyOf(evictions);
    }

    /** Hits over lookups, 0 when nothing was looked up. */
    public double hitRatio() {
        long lookups = hits + misses;
        return lookups == 0 ? 0 : (double) hits / lookups;
    }

    /** Evictions of one cause. */
    public long evictions(EvictionCause cause) {
        return evictions.getOrDefault(cause, 0L);
    }
}

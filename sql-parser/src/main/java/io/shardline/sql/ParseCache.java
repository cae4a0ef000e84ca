package io.shardline.sql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.shardline.sql.facts.StatementFacts;

/**
 * Bounded Caffeine cache of analysed facts, keyed by normalized text. Facts are literal-independent, so every
 * statement that differs only in literals, comments or spacing shares one entry. Failed parses are not cached.
 */
public final class ParseCache {
    /** Default number of distinct normalized statements kept. */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

    private final Cache<String, StatementFacts> cache;
    private final long maximumSize;

    /** A cache holding at most {@code maximumSize} normalized statements (size-based eviction, W-TinyLFU). */
    public ParseCache(long maximumSize) {
        if (maximumSize < 0) {
            throw new IllegalArgumentException("maximumSize must be >= 0, was " + maximumSize);
        }
        this.maximumSize = maximumSize;
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
    }

    /** Facts cached for {@code key}, or {@code null} (internal hot path; avoids an Optional per lookup). */
    StatementFacts getIfPresent(String key) {
        return cache.getIfPresent(key);
    }

    void put(String key, StatementFacts facts) {
        cache.put(key, facts);
    }

    /** Hit/miss/eviction statistics. */
    public CacheStats stats() {
        return cache.stats();
    }

    /** Approximate number of cached statements. */
    public long estimatedSize() {
        return cache.estimatedSize();
    }

    /** The configured bound. */
    public long maximumSize() {
        return maximumSize;
    }

    /** Runs pending maintenance (evictions) now; Caffeine otherwise does it lazily. */
    public void cleanUp() {
        cache.cleanUp();
    }

    /** Drops every entry (statistics are kept). */
    public void clear() {
        cache.invalidateAll();
    }
}

package io.shardline.consistency.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One table's entries: key → {@link Slot} (the statements cached for that key). Every eviction first bumps a
 * generation (per key stripe, or the table's for a whole-table eviction) and then removes; a fill reads the
 * generations before it reads the database and puts only if they are unchanged, inside Caffeine's per-key
 * {@code compute}. So a fill that raced with an eviction is either refused or removed by it: never left behind.
 */
final class TableCache {

    /** Stripes of per-key generations: a collision refuses a fill now and then, never admits a stale one. */
    private static final int STRIPES = 4096;

    final CacheTableSettings settings;
    final long ttlNanos;
    private final Cache<Object, Slot> entries;
    private final AtomicLongArray keyGenerations = new AtomicLongArray(STRIPES);
    private final AtomicLong tableGeneration = new AtomicLong();
    private final CacheCounters counters;

    TableCache(CacheTableSettings settings, CacheCounters counters) {
        this.settings = settings;
        this.counters = counters;
        this.ttlNanos = TimeUnit.MILLISECONDS.toNanos(settings.ttlMillis());
        this.entries = Caffeine.newBuilder()
                .maximumSize(settings.maximumSize())
                .expireAfterWrite(settings.ttlMillis(), TimeUnit.MILLISECONDS)
                .executor(Runnable::run)
                .removalListener((Object key, Slot slot, RemovalCause cause) -> {
                    if (cause == RemovalCause.EXPIRED) {
                        counters.evicted(EvictionCause.TTL, slot == null ? 1 : slot.size());
                    } else if (cause == RemovalCause.SIZE) {
                        counters.evicted(EvictionCause.SIZE, slot == null ? 1 : slot.size());
                    }
                })
                .build();
    }

    /** The generation token a fill of {@code key} must still see when it puts. */
    long token(Object key) {
        return tableGeneration.get() + keyGenerations.get(stripe(key));
    }

    /** The cached rows of one statement, if present and younger than the TTL. */
    CachedResult get(Object key, Variant variant, long now) {
        Slot slot = entries.getIfPresent(key);
        if (slot == null) {
            return null;
        }
        Slot.Entry e = slot.find(variant);
        if (e == null) {
            return null;
        }
        if (now - e.filledAt() >= ttlNanos) {
            // Caffeine's expiry restarts when another statement of the key fills; each statement keeps its own TTL.
            return null;
        }
        return e.result();
    }

    /** Puts unless an eviction of the key (or the table) happened since {@code token} was read. */
    boolean put(Object key, Variant variant, CachedResult result, long token, long now) {
        boolean[] stored = new boolean[1];
        entries.asMap().compute(key, (k, slot) -> {
            if (token(k) != token) {
                return slot;
            }
            stored[0] = true;
            return slot == null ? Slot.of(variant, result, now) : slot.with(variant, result, now, ttlNanos);
        });
        return stored[0];
    }

    /** Evicts one key: generation first, then the entry (see the class comment for why in this order). */
    void evict(Object key, EvictionCause cause) {
        keyGenerations.incrementAndGet(stripe(key));
        Slot removed = entries.asMap().remove(key);
        if (removed != null) {
            counters.evicted(cause, removed.size());
        }
    }

    /** Evicts every key of the table. */
    void evictAll(EvictionCause cause) {
        tableGeneration.incrementAndGet();
        Map<Object, Slot> map = entries.asMap();
        for (Object key : map.keySet()) {
            Slot removed = map.remove(key);
            if (removed != null) {
                counters.evicted(cause, removed.size());
            }
        }
    }

    /** Keys held now (for tests and the proof). */
    Map<Object, Slot> snapshot() {
        return Map.copyOf(entries.asMap());
    }

    long size() {
        return entries.estimatedSize();
    }

    /** Runs Caffeine's pending maintenance (expiry, size eviction). */
    void cleanUp() {
        entries.cleanUp();
    }

    private static int stripe(Object key) {
        int h = key.hashCode();
        h ^= h >>> 16;
        return h & (STRIPES - 1);
    }
}

package io.shardline.consistency.cache;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The cache's counters (LongAdders: written by every reading thread). */
final class CacheCounters {
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder fills = new LongAdder();
    final LongAdder refusedFills = new LongAdder();
    final LongAdder binlogEvents = new LongAdder();
    private final LongAdder[] evictions = new LongAdder[EvictionCause.values().length];

    CacheCounters() {
        for (int i = 0; i < evictions.length; i++) {
            evictions[i] = new LongAdder();
        }
    }

    void evicted(EvictionCause cause, int entries) {
        evictions[cause.ordinal()].add(entries);
    }

    CacheMetrics snapshot() {
        Map<EvictionCause, Long> byCause = new EnumMap<>(EvictionCause.class);
        for (EvictionCause c : EvictionCause.values()) {
            byCause.put(c, evictions[c.ordinal()].sum());
        }
        return new CacheMetrics(hits.sum(), misses.sum(), fills.sum(), refusedFills.sum(), byCause,
                binlogEvents.sum());
    }
}

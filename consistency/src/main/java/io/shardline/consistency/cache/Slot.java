package io.shardline.consistency.cache;

import java.util.Arrays;

/** The statements cached for one key (usually one or two): an immutable array, replaced on every fill. */
final class Slot {

    /** One statement's rows and when they were read. */
    record Entry(Variant variant, CachedResult result, long filledAt) {
    }

    private final Entry[] entries;

    private Slot(Entry[] entries) {
        this.entries = entries;
    }

    static Slot of(Variant variant, CachedResult result, long now) {
        return new Slot(new Entry[] {new Entry(variant, result, now)});
    }

    Entry find(Variant variant) {
        for (Entry e : entries) {
            if (e.variant().equals(variant)) {
                return e;
            }
        }
        return null;
    }

    /** This slot with {@code variant} (re)filled; entries past their TTL are dropped on the way. */
    Slot with(Variant variant, CachedResult result, long now, long ttlNanos) {
        Entry[] out = new Entry[entries.length + 1];
        int n = 0;
        for (Entry e : entries) {
            if (!e.variant().equals(variant) && now - e.filledAt() < ttlNanos) {
                out[n++] = e;
            }
        }
        out[n++] = new Entry(variant, result, now);
        return new Slot(Arrays.copyOf(out, n));
    }

    int size() {
        return entries.length;
    }

    Entry[] entries() {
        return entries.clone();
    }
}

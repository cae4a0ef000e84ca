package io.shardline.consistency.cache;

/** Why a cached entry left the cache. */
public enum EvictionCause {
    /** A write through Shardline committed (its keys, or its whole table when no key was known). */
    COMMIT,
    /** A replica (or a master without replicas) applied a row event for the key, seen in its binlog. */
    BINLOG,
    /** The entry reached its table's TTL. */
    TTL,
    /** The table's cache was full (maximumSize). */
    SIZE
}

package io.shardline.jdbc.config;

import io.shardline.consistency.cache.CacheTableSettings;
import java.util.Map;

/**
 * The {@code cache} section: which logical tables are cached, and how the binlog followers that evict them connect.
 *
 * @param tables logical table → its settings, in document order; empty when the section is absent
 * @param binlog the followers' settings
 */
public record CacheConfig(Map<String, CacheTableSettings> tables, Binlog binlog) {

    /** No {@code cache} section: nothing is cached and no follower runs. */
    public static final CacheConfig NONE = new CacheConfig(Map.of(), Binlog.DEFAULTS);

    public CacheConfig {
        tables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tables));
    }

    /** True when at least one table is cached. */
    public boolean enabled() {
        return !tables.isEmpty();
    }

    /**
     * How binlog followers connect (one per replica; per master when a data source has no replica).
     *
     * @param enabled      false turns the followers off: only commits and TTLs evict (writes made elsewhere are
     *                     then visible only after the TTL)
     * @param username     a user with REPLICATION SLAVE and BINLOG MONITOR; empty: each node's configured user
     * @param password     its password; empty with an empty username: each node's configured password
     * @param serverIdBase the first replication server id the followers use (one per follower, counting up); 0
     *                     picks a random base at start so that two application instances do not collide
     * @param settleMs     each binlog eviction is repeated this much later (see {@code BinlogEvictor}); 0: never
     */
    public record Binlog(boolean enabled, String username, String password, long serverIdBase, long settleMs) {

        public static final Binlog DEFAULTS = new Binlog(true, "", "", 0, 200);

        /** Masks the password. */
        @Override
        public String toString() {
            return "Binlog[enabled=" + enabled + ", username=" + username + ", password=****, serverIdBase="
                    + serverIdBase + ", settleMs=" + settleMs + "]";
        }
    }
}

package io.shardline.jdbc.config;

/**
 * HikariCP settings applied to every node (master and replicas) of one data source group. Defaults
 * are HikariCP's own.
 *
 * @param maximumPoolSize     connections per node, at least 1 (default 10)
 * @param minimumIdle         idle connections kept per node, 0..maximumPoolSize (default maximumPoolSize)
 * @param connectionTimeoutMs wait for a connection, at least 250 ms (default 30000)
 * @param idleTimeoutMs       idle time before retirement, 0 (never) or at least 10000 ms (default 600000)
 * @param maxLifetimeMs       connection lifetime, 0 (unlimited) or at least 30000 ms (default 1800000)
 */
public record PoolConfig(int maximumPoolSize, int minimumIdle, long connectionTimeoutMs, long idleTimeoutMs,
        long maxLifetimeMs) {

    /** HikariCP's defaults. */
    public static final PoolConfig DEFAULTS = new PoolConfig(10, 10, 30_000, 600_000, 1_800_000);
}

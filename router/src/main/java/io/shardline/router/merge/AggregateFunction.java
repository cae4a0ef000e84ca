package io.shardline.router.merge;

/** How shards' partial aggregates combine into the one-database answer. */
public enum AggregateFunction {
    /** Shards' counts are added. Result is a {@code Long}, 0 for no rows. */
    COUNT,
    /** Shards' sums are added, keeping their type (DECIMAL stays {@code BigDecimal}); NULL if all are NULL. */
    SUM,
    /** The smallest of the shards' minimums, compared with the column's collation. */
    MIN,
    /** The largest of the shards' maximums. */
    MAX,
    /**
     * Total sum over total count, from derived SUM and COUNT columns (shards' averages cannot be averaged).
     * DECIMAL results get the sum's scale + 4, as MariaDB's {@code div_precision_increment} gives.
     */
    AVG,
    /**
     * Distinct non-NULL values of a derived column, counted once across shards: each shard returns one row
     * per (group, value), so a value on two shards counts once.
     */
    COUNT_DISTINCT
}

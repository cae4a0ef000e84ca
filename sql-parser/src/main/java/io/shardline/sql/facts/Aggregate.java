package io.shardline.sql.facts;

/** Aggregate functions the merger knows how to combine across shards. */
public enum Aggregate {
    /** COUNT(*), COUNT(x), COUNT(DISTINCT x). */
    COUNT,
    /** SUM(x). */
    SUM,
    /** AVG(x); merged as SUM/COUNT. */
    AVG,
    /** MIN(x). */
    MIN,
    /** MAX(x). */
    MAX
}

package io.shardline.consistency.redundancy;

/**
 * One key whose copy differs from its source.
 *
 * @param kind   how it differs
 * @param key    the source key
 * @param detail what differs (the first column, or where the row is), for the report
 * @param repaired whether the policy repaired it
 */
public record Divergence(DivergenceKind kind, Object key, String detail, boolean repaired) {
}

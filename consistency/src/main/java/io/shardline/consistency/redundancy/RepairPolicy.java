package io.shardline.consistency.redundancy;

/** What a reconciler does with a divergence it finds. */
public enum RepairPolicy {
    /** The source row is the truth: the copy is rewritten from it (inserted, replaced or deleted). */
    SOURCE_WINS,
    /** Divergences are counted and reported; nothing is written. */
    REPORT_ONLY
}

package io.shardline.consistency.redundancy;

/** How a copy row differs from its source row. */
public enum DivergenceKind {
    /** The source row exists, the copy has none. */
    MISSING,
    /** The copy has a row whose source row does not exist. */
    ORPHAN,
    /** Both exist but a copied column differs (the second key included), or the copy holds the key twice. */
    MISMATCH
}

package io.shardline.consistency.redundancy;

/**
 * A write to a source table that cannot be mirrored onto its copy exactly; it is refused before anything runs.
 */
public final class MirrorRefusedException extends Exception {

    private final String construct;

    public MirrorRefusedException(String construct, String table, String copy, String why, String sql) {
        super(construct + " on '" + table + "' cannot be mirrored onto its redundant copy '" + copy + "': " + why
                + " [SQL: " + sql + "]");
        this.construct = construct;
    }

    /** The refused construct, e.g. {@code INSERT ... SELECT}. */
    public String construct() {
        return construct;
    }
}

package io.shardline.consistency.tx.undo;

import java.sql.SQLFeatureNotSupportedException;

/**
 * A write whose effect undo capture cannot record exactly enough to compensate it safely (SQLState {@code 0A000}).
 * Refusing is the point: a statement that ran without an exact undo record could not be reverted if a later branch
 * fails to commit.
 */
public final class UndoUnsupportedException extends SQLFeatureNotSupportedException {
    private static final long serialVersionUID = 1L;

    private final String construct;

    UndoUnsupportedException(String construct, String detail, String sql) {
        super(construct + " cannot be compensated in a multi-shard transaction: " + detail + " (statement: "
                + abbreviate(sql) + ")", "0A000");
        this.construct = construct;
    }

    UndoUnsupportedException(String construct, String detail, String sql, Throwable cause) {
        this(construct, detail, sql);
        initCause(cause);
    }

    /** The construct that was refused, e.g. {@code "REPLACE"} or {@code "multi-table UPDATE"}. */
    public String construct() {
        return construct;
    }

    private static String abbreviate(String sql) {
        return sql.length() <= 200 ? sql : sql.substring(0, 200) + "...";
    }
}

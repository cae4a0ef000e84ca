package io.shardline.sql;

/**
 * A [start, end) char range of the ORIGINAL statement text.
 *
 * @param start first char
 * @param end after the last char
 */
public record TextSpan(int start, int end) {

    /** The covered text of {@code sql}. */
    public String text(String sql) {
        return sql.substring(start, end);
    }
}

package io.shardline.sql;

/**
 * One edit of the original text: replace [start, end) by {@code replacement}. {@code start == end} inserts.
 *
 * @param start first replaced char
 * @param end after the last replaced char
 * @param replacement new text
 */
public record TextSplice(int start, int end, String replacement) {
    public TextSplice {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad splice range " + start + ".." + end);
        }
        if (replacement == null) {
            throw new IllegalArgumentException("replacement must not be null");
        }
    }
}

package io.shardline.router.rewrite;

import java.util.List;

/**
 * A statement-level edit of the original text, the same for every unit except that ranges of the original text it
 * copies ({@link Source}) get each unit's table renames. Replaces [start, end); {@code start == end} inserts.
 *
 * @param start first replaced char
 * @param end after the last replaced char
 * @param pieces the replacement: {@code String}s and {@link Source} ranges, in order
 */
record StructEdit(int start, int end, List<Object> pieces) {

    StructEdit {
        pieces = List.copyOf(pieces);
    }

    /** A range of the original text copied into a replacement. */
    record Source(int start, int end) {
    }
}

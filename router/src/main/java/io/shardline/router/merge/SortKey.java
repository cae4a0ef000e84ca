package io.shardline.router.merge;

/**
 * One ORDER BY item of a merge, by column index.
 *
 * @param column     0-based column of the shard rows
 * @param descending DESC; NULLs then come last, as in MariaDB (they come first ascending)
 * @param collation  how strings in this column compare
 */
public record SortKey(int column, boolean descending, Collation collation) {

    public SortKey {
        if (column < 0) {
            throw new IllegalArgumentException("sort column must be >= 0, was " + column);
        }
        if (collation == null) {
            throw new IllegalArgumentException("sort key needs a collation (BINARY for non-strings)");
        }
    }

    public static SortKey asc(int column, Collation collation) {
        return new SortKey(column, false, collation);
    }

    public static SortKey desc(int column, Collation collation) {
        return new SortKey(column, true, collation);
    }
}

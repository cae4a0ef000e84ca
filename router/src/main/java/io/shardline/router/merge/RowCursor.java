package io.shardline.router.merge;

/**
 * A forward-only stream of rows: one shard's result, or a merge of several. Values are read from the
 * current row in place, so a streaming merge copies nothing per row. Column indexes are 0-based.
 * Implementations over JDBC wrap {@code SQLException} in {@link ShardCursorException}, naming the shard.
 */
public interface RowCursor extends AutoCloseable {

    /** Moves to the next row; {@code false} when there is none. */
    boolean next();

    /** The current row's value in {@code column} (0-based); {@code null} for SQL NULL. */
    Object value(int column);

    /** Number of columns each row has. */
    int columnCount();

    /** Releases what the cursor holds (shard result sets included). Idempotent. */
    @Override
    void close();
}

package io.shardline.consistency.tx.undo;

/**
 * A row compensation did not touch because its current state is not what the branch left.
 *
 * @param table the table as the branch's statement named it
 * @param primaryKey the row's key, e.g. {@code id=42} or {@code a=1, b='x'}
 * @param expected the after-image the branch left (JSON), or {@code (absent)}
 * @param actual the row as it is now (JSON), or {@code (absent)}
 */
public record UndoConflict(String table, String primaryKey, String expected, String actual) {
}

package io.shardline.consistency.tx.log;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A segment holds an invalid record that is not a torn tail (it is followed by valid records, or it is in a segment
 * that was closed and fsynced before the next began). Opening refuses, because every decision after it would be lost.
 */
public final class TransactionLogCorruptException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;

    TransactionLogCorruptException(Path file, long offset, String reason) {
        super("transaction log segment " + file + " is corrupt at offset " + offset + " (" + reason
                + "); refusing to open it because the decisions recorded after that point would be lost."
                + " Keep the file, resolve its transactions by hand, then move the directory aside");
        this.file = file;
        this.offset = offset;
    }

    /** The corrupt segment file. */
    public Path file() {
        return file;
    }

    /** The byte offset of the invalid record in {@link #file()}. */
    public long offset() {
        return offset;
    }
}

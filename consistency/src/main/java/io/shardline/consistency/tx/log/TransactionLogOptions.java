package io.shardline.consistency.tx.log;

/**
 * Tuning of a {@link TransactionLog}.
 *
 * @param segmentBytes the size a segment file may reach before the log rolls over to a new one (a single record
 *     larger than this still gets a segment of its own); between 256 bytes and 1 GiB
 */
public record TransactionLogOptions(long segmentBytes) {

    /** The default segment size, 16 MiB. */
    public static final long DEFAULT_SEGMENT_BYTES = 16L << 20;
    static final long MIN_SEGMENT_BYTES = 256;
    static final long MAX_SEGMENT_BYTES = 1L << 30;

    public TransactionLogOptions {
        if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES) {
            throw new IllegalArgumentException("transaction log segmentBytes must be between " + MIN_SEGMENT_BYTES
                    + " and " + MAX_SEGMENT_BYTES + ", got " + segmentBytes);
        }
    }

    /** 16 MiB segments. */
    public static TransactionLogOptions defaults() {
        return new TransactionLogOptions(DEFAULT_SEGMENT_BYTES);
    }
}

package io.shardline.router.merge;

/** A shard's cursor failed while a merge was reading it; the message names the shard. */
public final class ShardCursorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ShardCursorException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.shardline.router.plan;

/** A statement that cannot be routed correctly; the message names the construct, table or key. */
public final class PlanningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PlanningException(String message) {
        super(message);
    }

    public PlanningException(String message, Throwable cause) {
        super(message, cause);
    }
}

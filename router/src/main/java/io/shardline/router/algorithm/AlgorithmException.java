package io.shardline.router.algorithm;

import java.util.Optional;

/**
 * A sharding algorithm or key generator is misconfigured, or cannot route a value. When the cause is
 * one configuration property, {@link #property()} names it so that the YAML loader can point at its
 * line.
 */
public final class AlgorithmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final boolean noTarget;

    private AlgorithmException(String property, String message, Throwable cause) {
        this(property, message, cause, false);
    }

    private AlgorithmException(String property, String message, Throwable cause, boolean noTarget) {
        super(message, cause);
        this.property = property;
        this.noTarget = noTarget;
    }

    /**
     * A well-formed value that maps to none of the configured targets (an INLINE result that is not a table, a
     * date outside the INTERVAL bounds). No row can hold it, since its INSERT is refused, so a read, update or
     * delete that asks for it matches nothing rather than failing.
     */
    public static AlgorithmException noTarget(String message) {
        return new AlgorithmException(null, message, null, true);
    }

    /** See {@link #noTarget(String)}. */
    public boolean isNoTarget() {
        return noTarget;
    }

    /** A routing-time failure (a value the algorithm cannot place). */
    public static AlgorithmException routing(String message) {
        return new AlgorithmException(null, message, null);
    }

    /** A configuration failure not tied to one property. */
    public static AlgorithmException config(String message, Throwable cause) {
        return new AlgorithmException(null, message, cause);
    }

    /** A configuration failure of one property; the message should not repeat the property name. */
    public static AlgorithmException invalidProperty(String property, String message) {
        return new AlgorithmException(property, message, null);
    }

    /** Like {@link #invalidProperty(String, String)} with a cause. */
    public static AlgorithmException invalidProperty(String property, String message, Throwable cause) {
        return new AlgorithmException(property, message, cause);
    }

    /** The property at fault, if the failure is about one. */
    public Optional<String> property() {
        return Optional.ofNullable(property);
    }

    /** The message without the property prefix of {@link #getMessage()}. */
    public String reason() {
        return super.getMessage();
    }

    @Override
    public String getMessage() {
        return property == null ? super.getMessage() : property + ": " + super.getMessage();
    }
}

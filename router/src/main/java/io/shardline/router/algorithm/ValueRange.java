package io.shardline.router.algorithm;

import java.util.Objects;

/**
 * A range of sharding values with optional, inclusive or exclusive bounds. Bounds are the raw Java
 * values of the statement ({@code Long}, {@code LocalDate}, ...); both bounds of one range normally
 * share a type.
 */
public final class ValueRange {

    private static final ValueRange ALL = new ValueRange(null, false, null, false);

    private final Object lower;
    private final boolean lowerInclusive;
    private final Object upper;
    private final boolean upperInclusive;

    private ValueRange(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {
        this.lower = lower;
        this.lowerInclusive = lower != null && lowerInclusive;
        this.upper = upper;
        this.upperInclusive = upper != null && upperInclusive;
    }

    /** Every value. */
    public static ValueRange all() {
        return ALL;
    }

    /** {@code lower <= v <= upper} ({@code BETWEEN}). */
    public static ValueRange closed(Object lower, Object upper) {
        return new ValueRange(Objects.requireNonNull(lower, "lower"), true, Objects.requireNonNull(upper, "upper"), true);
    }

    /** {@code v >= lower}. */
    public static ValueRange atLeast(Object lower) {
        return new ValueRange(Objects.requireNonNull(lower, "lower"), true, null, false);
    }

    /** {@code v > lower}. */
    public static ValueRange greaterThan(Object lower) {
        return new ValueRange(Objects.requireNonNull(lower, "lower"), false, null, false);
    }

    /** {@code v <= upper}. */
    public static ValueRange atMost(Object upper) {
        return new ValueRange(null, false, Objects.requireNonNull(upper, "upper"), true);
    }

    /** {@code v < upper}. */
    public static ValueRange lessThan(Object upper) {
        return new ValueRange(null, false, Objects.requireNonNull(upper, "upper"), false);
    }

    /** Any combination; a null bound means unbounded on that side (its inclusive flag is ignored). */
    public static ValueRange of(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {
        return new ValueRange(lower, lowerInclusive, upper, upperInclusive);
    }

    /** Whether the range has a lower bound. */
    public boolean hasLower() {
        return lower != null;
    }

    /** Whether the range has an upper bound. */
    public boolean hasUpper() {
        return upper != null;
    }

    /** The lower bound; only meaningful when {@link #hasLower()}. */
    public Object lower() {
        if (lower == null) {
            throw new IllegalStateException("range has no lower bound: " + this);
        }
        return lower;
    }

    /** The upper bound; only meaningful when {@link #hasUpper()}. */
    public Object upper() {
        if (upper == null) {
            throw new IllegalStateException("range has no upper bound: " + this);
        }
        return upper;
    }

    /** Whether the lower bound belongs to the range. */
    public boolean lowerInclusive() {
        return lowerInclusive;
    }

    /** Whether the upper bound belongs to the range. */
    public boolean upperInclusive() {
        return upperInclusive;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueRange r && lowerInclusive == r.lowerInclusive && upperInclusive == r.upperInclusive
                && Objects.equals(lower, r.lower) && Objects.equals(upper, r.upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lower, lowerInclusive, upper, upperInclusive);
    }

    @Override
    public String toString() {
        return (lower == null ? "(-inf" : (lowerInclusive ? "[" : "(") + lower) + ", "
                + (upper == null ? "+inf)" : upper + (upperInclusive ? "]" : ")"));
    }
}

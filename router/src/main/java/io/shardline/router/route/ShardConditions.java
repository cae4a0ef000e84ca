package io.shardline.router.route;

import io.shardline.router.algorithm.ValueRange;
import io.shardline.sql.facts.ColumnRef;
import io.shardline.sql.facts.Predicate;
import io.shardline.sql.facts.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE tree reduced to what routing can use: a disjunction of conjunctions, each conjunction holding at most one
 * {@link ColumnCondition} per sharding column of the routed table group (null = that column is unrestricted).
 *
 * <p>The reduction over-approximates, never under-approximates: every row the statement can touch satisfies at
 * least one conjunction. Conditions the router cannot use (other columns, expressions, NOT, functions) become "no
 * restriction"; AND intersects, OR unites; when the expansion would grow past {@link #MAX_CONJUNCTIONS} an AND
 * operand is dropped (a wider route) or an OR becomes unrestricted. An empty disjunction means no row can match.
 */
final class ShardConditions {

    /** Bounds the AND-over-OR expansion; beyond it the route widens instead of the planner slowing down. */
    static final int MAX_CONJUNCTIONS = 64;

    /** Two IN lists larger than this (product of sizes) are not intersected value by value. */
    static final long MAX_PAIRWISE_COMPARISONS = 4096;

    /** Resolves a predicate's column to a sharding column index of the routed group, or -1. */
    interface ColumnResolver {
        int indexOf(ColumnRef column);
    }

    /** Resolves a predicate's value: the value, {@link #NULL} or {@link #UNKNOWN}. */
    interface ValueResolver {
        Object resolve(Value value);
    }

    /** The SQL NULL. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "NULL";
        }
    };

    /** A value the router cannot know (an expression). */
    static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "UNKNOWN";
        }
    };

    /**
     * What one conjunction requires of one column: exact values (null when not exact) and/or a range (null when
     * unbounded). When {@code values} is non-null it is what routing uses; the range only filters it.
     */
    record ColumnCondition(List<Object> values, ValueRange range) {
    }

    private final int columns;
    private final ColumnResolver columnResolver;
    private final ValueResolver valueResolver;
    private final boolean nullSafeEquals;

    ShardConditions(int columns, ColumnResolver columnResolver, ValueResolver valueResolver, boolean nullSafeEquals) {
        this.columns = columns;
        this.columnResolver = columnResolver;
        this.valueResolver = valueResolver;
        this.nullSafeEquals = nullSafeEquals;
    }

    /** The disjunction for a WHERE tree; a list holding one all-null conjunction means "unrestricted". */
    List<ColumnCondition[]> evaluate(Predicate predicate) {
        if (predicate instanceof Predicate.Comparison c) {
            return comparison(c);
        }
        if (predicate instanceof Predicate.In in) {
            return in(in);
        }
        if (predicate instanceof Predicate.Between b) {
            return between(b);
        }
        if (predicate instanceof Predicate.And and) {
            return and(and.children());
        }
        if (predicate instanceof Predicate.Or or) {
            return or(or.children());
        }
        return unrestricted();
    }

    List<ColumnCondition[]> unrestricted() {
        List<ColumnCondition[]> result = new ArrayList<>(1);
        result.add(new ColumnCondition[columns]);
        return result;
    }

    static boolean isUnrestricted(List<ColumnCondition[]> disjunction) {
        if (disjunction.size() != 1) {
            return false;
        }
        for (ColumnCondition c : disjunction.get(0)) {
            if (c != null) {
                return false;
            }
        }
        return true;
    }

    private List<ColumnCondition[]> single(int index, ColumnCondition condition) {
        ColumnCondition[] conjunction = new ColumnCondition[columns];
        conjunction[index] = condition;
        List<ColumnCondition[]> result = new ArrayList<>(1);
        result.add(conjunction);
        return result;
    }

    private List<ColumnCondition[]> comparison(Predicate.Comparison c) {
        int index = columnResolver.indexOf(c.column());
        if (index < 0) {
            return unrestricted();
        }
        Object value = valueResolver.resolve(c.value());
        if (value == UNKNOWN) {
            return unrestricted();
        }
        if (value == NULL) {
            // "col = NULL" and every ordering against NULL are never true; "col <=> NULL" is, and the parser folds
            // <=> into =, so a statement using <=> keeps the NULL comparison unrestricted.
            return nullSafeEquals ? unrestricted() : new ArrayList<>(0);
        }
        switch (c.operator()) {
            case EQ:
                return single(index, new ColumnCondition(List.of(value), null));
            case LT:
                return single(index, new ColumnCondition(null, ValueRange.lessThan(value)));
            case LE:
                return single(index, new ColumnCondition(null, ValueRange.atMost(value)));
            case GT:
                return single(index, new ColumnCondition(null, ValueRange.greaterThan(value)));
            case GE:
                return single(index, new ColumnCondition(null, ValueRange.atLeast(value)));
            default:
                return unrestricted();
        }
    }

    private List<ColumnCondition[]> in(Predicate.In in) {
        int index = columnResolver.indexOf(in.column());
        if (index < 0) {
            return unrestricted();
        }
        List<Object> values = new ArrayList<>(in.values().size());
        java.util.Set<Object> seen = in.values().size() > 8 ? new java.util.HashSet<>() : null;
        for (Value v : in.values()) {
            Object value = valueResolver.resolve(v);
            if (value == UNKNOWN) {
                return unrestricted();
            }
            if (value == NULL) {
                continue;
            }
            if (seen != null ? seen.add(RouteValues.dedupeKey(value)) : !containsSame(values, value)) {
                values.add(value);
            }
        }
        if (values.isEmpty()) {
            return new ArrayList<>(0);
        }
        return single(index, new ColumnCondition(values, null));
    }

    private List<ColumnCondition[]> between(Predicate.Between b) {
        int index = columnResolver.indexOf(b.column());
        if (index < 0) {
            return unrestricted();
        }
        Object low = valueResolver.resolve(b.low());
        Object high = valueResolver.resolve(b.high());
        if (low == NULL || high == NULL) {
            return new ArrayList<>(0);
        }
        if (low == UNKNOWN && high == UNKNOWN) {
            return unrestricted();
        }
        ValueRange range = low == UNKNOWN ? ValueRange.atMost(high)
                : high == UNKNOWN ? ValueRange.atLeast(low) : ValueRange.closed(low, high);
        if (isEmpty(range)) {
            return new ArrayList<>(0);
        }
        return single(index, new ColumnCondition(null, range));
    }

    private List<ColumnCondition[]> and(List<Predicate> children) {
        List<ColumnCondition[]> acc = null;
        for (Predicate child : children) {
            List<ColumnCondition[]> next = evaluate(child);
            if (next.isEmpty()) {
                return next;
            }
            if (isUnrestricted(next)) {
                continue;
            }
            if (acc == null) {
                acc = next;
                continue;
            }
            if ((long) acc.size() * next.size() > MAX_CONJUNCTIONS) {
                continue; // dropping an AND operand only widens the route
            }
            List<ColumnCondition[]> product = new ArrayList<>(acc.size() * next.size());
            for (ColumnCondition[] a : acc) {
                for (ColumnCondition[] b : next) {
                    ColumnCondition[] merged = merge(a, b);
                    if (merged != null) {
                        product.add(merged);
                    }
                }
            }
            if (product.isEmpty()) {
                return product;
            }
            acc = product;
        }
        return acc == null ? unrestricted() : acc;
    }

    private List<ColumnCondition[]> or(List<Predicate> children) {
        List<ColumnCondition[]> result = new ArrayList<>();
        for (Predicate child : children) {
            List<ColumnCondition[]> next = evaluate(child);
            if (isUnrestricted(next) || result.size() + next.size() > MAX_CONJUNCTIONS) {
                return unrestricted();
            }
            result.addAll(next);
        }
        return result;
    }

    /** The conjunction of two conjunctions, or null when it cannot hold. */
    private ColumnCondition[] merge(ColumnCondition[] a, ColumnCondition[] b) {
        ColumnCondition[] merged = new ColumnCondition[columns];
        for (int i = 0; i < columns; i++) {
            ColumnCondition x = a[i];
            ColumnCondition y = b[i];
            if (x == null) {
                merged[i] = y;
            } else if (y == null) {
                merged[i] = x;
            } else {
                ColumnCondition both = intersect(x, y);
                if (both == null) {
                    return null;
                }
                merged[i] = both;
            }
        }
        return merged;
    }

    /** Both conditions on one column, or null when no value satisfies both. */
    static ColumnCondition intersect(ColumnCondition x, ColumnCondition y) {
        ValueRange range = mergeRanges(x.range(), y.range());
        if (range != null && isEmpty(range)) {
            return null;
        }
        List<Object> values;
        if (x.values() != null && y.values() != null
                && (long) x.values().size() * y.values().size() > MAX_PAIRWISE_COMPARISONS) {
            values = x.values(); // the intersection is a subset of either side
        } else if (x.values() != null && y.values() != null) {
            // Keep every value that may equal one on the other side, from both sides: values that compare as
            // "cannot tell" (strings under a collation) must all stay routable.
            values = new ArrayList<>();
            keepPossiblyEqual(x.values(), y.values(), values);
            keepPossiblyEqual(y.values(), x.values(), values);
        } else if (x.values() != null) {
            values = x.values();
        } else {
            values = y.values();
        }
        if (values != null) {
            List<Object> inRange = new ArrayList<>(values.size());
            for (Object v : values) {
                if (range == null || inRange(v, range)) {
                    inRange.add(v);
                }
            }
            if (inRange.isEmpty()) {
                return null;
            }
            values = inRange;
        }
        return new ColumnCondition(values, range);
    }

    private static void keepPossiblyEqual(List<Object> from, List<Object> other, List<Object> into) {
        for (Object v : from) {
            for (Object w : other) {
                if (!RouteValues.definitelyDifferent(v, w)) {
                    if (!containsSame(into, v)) {
                        into.add(v);
                    }
                    break;
                }
            }
        }
    }

    /** Whether the list holds a value with the same {@link RouteValues#dedupeKey}. */
    private static boolean containsSame(List<Object> values, Object value) {
        Object key = RouteValues.dedupeKey(value);
        for (Object v : values) {
            if (key.equals(RouteValues.dedupeKey(v))) {
                return true;
            }
        }
        return false;
    }

    static boolean inRange(Object v, ValueRange range) {
        if (range.hasLower()) {
            Integer c = RouteValues.compare(v, range.lower());
            if (c != null && (c < 0 || (c == 0 && !range.lowerInclusive()))) {
                return false;
            }
        }
        if (range.hasUpper()) {
            Integer c = RouteValues.compare(v, range.upper());
            if (c != null && (c > 0 || (c == 0 && !range.upperInclusive()))) {
                return false;
            }
        }
        return true;
    }

    static boolean isEmpty(ValueRange range) {
        if (!range.hasLower() || !range.hasUpper()) {
            return false;
        }
        Integer c = RouteValues.compare(range.lower(), range.upper());
        return c != null && (c > 0 || (c == 0 && !(range.lowerInclusive() && range.upperInclusive())));
    }

    /** The intersection of two ranges where bounds compare; where they do not, the first range's bound is kept. */
    private static ValueRange mergeRanges(ValueRange a, ValueRange b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Object lower = null;
        boolean lowerInclusive = false;
        if (a.hasLower() && b.hasLower()) {
            Integer c = RouteValues.compare(a.lower(), b.lower());
            if (c == null || c > 0) {
                lower = a.lower();
                lowerInclusive = a.lowerInclusive();
            } else if (c < 0) {
                lower = b.lower();
                lowerInclusive = b.lowerInclusive();
            } else {
                lower = a.lower();
                lowerInclusive = a.lowerInclusive() && b.lowerInclusive();
            }
        } else if (a.hasLower()) {
            lower = a.lower();
            lowerInclusive = a.lowerInclusive();
        } else if (b.hasLower()) {
            lower = b.lower();
            lowerInclusive = b.lowerInclusive();
        }
        Object upper = null;
        boolean upperInclusive = false;
        if (a.hasUpper() && b.hasUpper()) {
            Integer c = RouteValues.compare(a.upper(), b.upper());
            if (c == null || c < 0) {
                upper = a.upper();
                upperInclusive = a.upperInclusive();
            } else if (c > 0) {
                upper = b.upper();
                upperInclusive = b.upperInclusive();
            } else {
                upper = a.upper();
                upperInclusive = a.upperInclusive() && b.upperInclusive();
            }
        } else if (a.hasUpper()) {
            upper = a.upper();
            upperInclusive = a.upperInclusive();
        } else if (b.hasUpper()) {
            upper = b.upper();
            upperInclusive = b.upperInclusive();
        }
        return ValueRange.of(lower, lowerInclusive, upper, upperInclusive);
    }
}

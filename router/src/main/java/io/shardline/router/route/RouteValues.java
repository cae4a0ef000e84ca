package io.shardline.router.route;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * How the router compares and converts sharding values. Comparisons answer "definitely" or "cannot tell"
 * ({@code null}): the router only narrows a route when it can tell, because a wrong route is worse than a wide one.
 *
 * <p>Numbers compare numerically whatever their Java type, and a string that reads as a number compares as that
 * number (MySQL compares {@code '10'} with an integer column numerically; the built-in algorithms convert it the
 * same way). Dates and date-times (objects or {@code yyyy-MM-dd[ HH:mm:ss]} strings) compare chronologically.
 * Anything else (other strings, whose order depends on the column's collation, bytes, ...) is incomparable.
 */
final class RouteValues {

    private RouteValues() {
    }

    /**
     * Negative, zero or positive when the order of {@code a} and {@code b} is known whatever the column's type;
     * null when it is not.
     *
     * <ul>
     * <li>A number against a number, or against a string that reads as a number: numerically (MySQL compares a
     * string with a number as numbers).</li>
     * <li>Two strings are never compared as numbers: against a VARCHAR column {@code '10' < '5'}.</li>
     * <li>Dates and date-times as objects: chronologically. Strings only when both read as dates or date-times of
     * the same length (the canonical forms, where text order and time order agree), or a string of the same form
     * as a date ({@code yyyy-MM-dd}) or date-time ({@code yyyy-MM-dd HH:mm:ss}) object.</li>
     * </ul>
     */
    static Integer compare(Object a, Object b) {
        boolean aString = a instanceof String;
        boolean bString = b instanceof String;
        if (!(aString && bString)) {
            BigDecimal na = numeric(a);
            if (na != null) {
                BigDecimal nb = numeric(b);
                return nb == null ? null : na.compareTo(nb);
            }
        }
        LocalDateTime ta = temporal(a);
        if (ta == null) {
            return null;
        }
        LocalDateTime tb = temporal(b);
        if (tb == null) {
            return null;
        }
        if (aString && bString) {
            return ((String) a).trim().length() == ((String) b).trim().length() ? ta.compareTo(tb) : null;
        }
        if (aString || bString) {
            String text = aString ? ((String) a).trim() : ((String) b).trim();
            Object typed = aString ? b : a;
            boolean dateOnly = typed instanceof LocalDate || typed instanceof java.sql.Date;
            if ((dateOnly && text.length() != 10) || (!dateOnly && text.length() != 19)) {
                return null;
            }
        }
        return ta.compareTo(tb);
    }

    /**
     * A key under which two values are certainly the same SQL value for routing: numbers by numeric value (so 7,
     * 7L and 7.00 collapse), everything else by {@code equals} (so the strings '10' and '10.0', which a VARCHAR
     * column and a hash algorithm tell apart, stay distinct).
     */
    static Object dedupeKey(Object v) {
        if (v instanceof String) {
            return v;
        }
        BigDecimal n = numeric(v);
        if (n != null) {
            return n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros();
        }
        return v;
    }

    /** Whether {@code a} and {@code b} are known to be different SQL values. */
    static boolean definitelyDifferent(Object a, Object b) {
        Integer c = compare(a, b);
        return c != null && c != 0;
    }

    /**
     * Whether {@code a} and {@code b} are known to be the same SQL value whatever the column's type (used where a
     * sharding column must keep its value: equal numbers, equal numeric strings, equal objects).
     */
    static boolean definitelyEqual(Object a, Object b) {
        if (a.equals(b)) {
            return true;
        }
        if (a instanceof String && b instanceof String) {
            return false;
        }
        if (a instanceof String || b instanceof String) {
            // '7' and 7 are one value for every built-in algorithm (MOD, HASH_MOD, INLINE); '7.0' and 7 are not
            // for HASH_MOD over a VARCHAR column.
            String text = a instanceof String sa ? sa : (String) b;
            Object other = a instanceof String ? b : a;
            return other instanceof Number && numeric(other) != null
                    && text.equals(io.shardline.router.algorithm.ShardingValues.canonical(other));
        }
        Integer c = compare(a, b);
        return c != null && c == 0;
    }

    /**
     * The value an integer-minded algorithm (MOD, RANGE, INLINE) should see: a string that reads as a decimal or
     * exponent number ({@code '10.0'}, {@code '1e1'}) becomes that number ({@code Long} when integral), as MySQL
     * compares a string with an integer column. Plain integer strings stay strings: the algorithms already read
     * them as numbers, and an INLINE template like {@code t_${region}} must still see {@code '007'} as written.
     */
    static Object coerceNumericString(Object value) {
        if (!(value instanceof String s) || !looksNumeric(s) || isPlainInteger(s)) {
            return value;
        }
        try {
            BigDecimal d = new BigDecimal(s.trim());
            try {
                return d.longValueExact();
            } catch (ArithmeticException notIntegral) {
                return d;
            }
        } catch (NumberFormatException e) {
            return value;
        }
    }

    static BigDecimal numeric(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof java.math.BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? null : BigDecimal.valueOf(d);
        }
        if (v instanceof String s && looksNumeric(s)) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean isPlainInteger(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (i == n) {
            return false;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A cheap pre-check before {@code new BigDecimal}: digits, sign, point and exponent only, one digit at least. */
    private static boolean looksNumeric(String s) {
        int n = s.length();
        if (n == 0 || n > 64) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E' && c != ' ') {
                return false;
            }
        }
        return digit;
    }

    static LocalDateTime temporal(Object v) {
        return io.shardline.router.algorithm.ShardingValues.toDateTime(v);
    }
}

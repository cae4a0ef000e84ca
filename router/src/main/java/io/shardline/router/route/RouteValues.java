package io.shardline.router.route;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

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

    private static final DateTimeFormatter SPACE_SEPARATED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSSSSS][.SSS]");

    private RouteValues() {
    }

    /** Negative, zero or positive when the order of {@code a} and {@code b} is known; null when it is not. */
    static Integer compare(Object a, Object b) {
        BigDecimal na = numeric(a);
        if (na != null) {
            BigDecimal nb = numeric(b);
            return nb == null ? null : na.compareTo(nb);
        }
        LocalDateTime ta = temporal(a);
        if (ta != null) {
            LocalDateTime tb = temporal(b);
            return tb == null ? null : ta.compareTo(tb);
        }
        return null;
    }

    /** Whether {@code a} and {@code b} are known to be different SQL values. */
    static boolean definitelyDifferent(Object a, Object b) {
        Integer c = compare(a, b);
        return c != null && c != 0;
    }

    /** Whether {@code a} and {@code b} are known to be the same SQL value. */
    static boolean definitelyEqual(Object a, Object b) {
        if (a.equals(b)) {
            return true;
        }
        Integer c = compare(a, b);
        return c != null && c == 0;
    }

    /**
     * The value an integer-minded algorithm (MOD, RANGE, INLINE) should see: a string that reads as a number
     * becomes that number ({@code Long} when integral), as MySQL compares a string with an integer column.
     */
    static Object coerceNumericString(Object value) {
        if (!(value instanceof String s) || !looksNumeric(s)) {
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
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay();
        }
        if (v instanceof String s) {
            return parseDateTime(s.trim());
        }
        return null;
    }

    private static LocalDateTime parseDateTime(String text) {
        int n = text.length();
        if (n < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        try {
            if (n == 10) {
                return LocalDate.parse(text).atStartOfDay();
            }
            if (text.charAt(10) == ' ') {
                return LocalDateTime.parse(text, SPACE_SEPARATED);
            }
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package io.shardline.router.algorithm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Conversions of sharding values shared by the built-in algorithms: to {@code long}, to a canonical
 * string, and the target suffix rule.
 *
 * <p><b>Suffix rule.</b> A target "has suffix n" when the maximal run of decimal digits at the end of
 * its name, read as a decimal number (leading zeros allowed), equals n: {@code t_order_3},
 * {@code ds3} and {@code t_order_03} all have suffix 3; {@code t_order} has none.
 */
public final class ShardingValues {

    private static final DateTimeFormatter SPACE_SEPARATED_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSSSSS][.SSS]");

    private ShardingValues() {
    }

    /**
     * The value as a date-time, or null when it is none: {@code LocalDateTime}, {@code LocalDate} (midnight),
     * {@code java.sql.Timestamp}/{@code Date}, or a string {@code yyyy-MM-dd}, {@code yyyy-MM-dd HH:mm:ss[.fff[fff]]}
     * or ISO {@code yyyy-MM-ddTHH:mm[:ss[.f]]}. One parser for the router's comparisons and the INTERVAL algorithm,
     * so both read a value the same way.
     */
    public static LocalDateTime toDateTime(Object value) {
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay();
        }
        if (!(value instanceof String s)) {
            return null;
        }
        String text = s.trim();
        int n = text.length();
        if (n < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        try {
            if (n == 10) {
                return LocalDate.parse(text).atStartOfDay();
            }
            if (text.charAt(10) == ' ') {
                return LocalDateTime.parse(text, SPACE_SEPARATED_DATE_TIME);
            }
            return LocalDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The value as an exact {@code long}: integral numbers, integral {@code BigDecimal}s and decimal
     * strings (as MySQL compares {@code '7'} with {@code 7}). Anything else fails, naming the algorithm.
     */
    public static long toLong(Object value, String algorithm) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        try {
            if (value instanceof BigInteger b) {
                return b.longValueExact();
            }
            if (value instanceof BigDecimal d) {
                return d.longValueExact();
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                long l = (long) d;
                if (l == d && !Double.isInfinite(d)) {
                    return l;
                }
            }
            if (value instanceof String s) {
                return Long.parseLong(s.trim());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw notAnInteger(value, algorithm);
        }
        throw notAnInteger(value, algorithm);
    }

    /** Whether {@link #toLong} would succeed; no exceptions are thrown for the common types. */
    public static boolean isIntegral(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return true;
        }
        if (value instanceof BigInteger b) {
            return b.bitLength() < 64;
        }
        if (value instanceof String s) {
            return isDecimalLong(s.trim());
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            try {
                toLong(value, "");
                return true;
            } catch (AlgorithmException e) {
                return false;
            }
        }
        return false;
    }

    /** Whether {@code Long.parseLong(s)} would succeed. */
    private static boolean isDecimalLong(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (i == n || n - i > 19) {
            return false;
        }
        for (int j = i; j < n; j++) {
            if (!isDigit(s.charAt(j))) {
                return false;
            }
        }
        if (n - i < 19) {
            return true;
        }
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static AlgorithmException notAnInteger(Object value, String algorithm) {
        return AlgorithmException.routing(algorithm + " cannot shard value '" + value + "' ("
                + (value == null ? "null" : value.getClass().getSimpleName()) + "): not an integer");
    }

    /**
     * The canonical string of a value, identical for equal SQL values of different Java types:
     * integral numbers (any type, {@code 7}, {@code 7L}, {@code 7.00}) → {@code "7"}; other decimals →
     * plain notation without trailing zeros ({@code "7.5"}); strings → themselves; {@code LocalDate} →
     * {@code 2024-01-31}; {@code LocalDateTime} → {@code 2024-01-31T10:15:00} (fraction only when
     * non-zero); {@code java.sql.Date/Timestamp} → as their local counterparts; booleans → {@code 1}/{@code 0};
     * UUIDs → their standard form.
     */
    public static String canonical(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw AlgorithmException.routing("cannot shard non-finite value " + value);
            }
            return canonical(BigDecimal.valueOf(d));
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        LocalDateTime dateTime = toLocalDateTime(value);
        if (dateTime != null) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime);
        }
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        }
        if (value instanceof java.sql.Date date) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(date.toLocalDate());
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        throw AlgorithmException.routing("cannot shard value of type "
                + (value == null ? "null" : value.getClass().getName()));
    }

    private static LocalDateTime toLocalDateTime(Object value) {
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        return null;
    }

    /**
     * The index in {@code targets} of the first target with suffix {@code n} (see the class comment),
     * or -1. Allocation-free.
     */
    public static int indexOfSuffix(List<String> targets, long n) {
        for (int i = 0, size = targets.size(); i < size; i++) {
            if (suffixOf(targets.get(i)) == n) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The numeric suffix of a name (see the class comment), or -1 when it has none or the digit run
     * is too long for a {@code long}.
     */
    public static long suffixOf(String name) {
        int end = name.length();
        int start = end;
        while (start > 0 && isDigit(name.charAt(start - 1))) {
            start--;
        }
        if (start == end || end - start > 18) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            value = value * 10 + (name.charAt(i) - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The target with suffix {@code n}, or a routing error naming the algorithm and the targets. */
    static String targetWithSuffix(List<String> targets, long n, String algorithm, Object value) {
        int index = indexOfSuffix(targets, n);
        if (index < 0) {
            throw AlgorithmException.routing(algorithm + " routed value '" + value + "' to suffix " + n
                    + " but no target has that suffix among " + targets);
        }
        return targets.get(index);
    }
}

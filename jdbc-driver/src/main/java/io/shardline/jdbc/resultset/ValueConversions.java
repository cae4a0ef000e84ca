package io.shardline.jdbc.resultset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Turns the objects shards returned ({@code getObject}) into what the application asks for, the way
 * Connector/J does for the same column, so that a merged result reads like a direct one.
 */
final class ValueConversions {

    private static final LocalDate EPOCH_DAY = LocalDate.of(1970, 1, 1);
    private static final BigDecimal MINUS_ONE = BigDecimal.valueOf(-1);

    private ValueConversions() {
    }

    /**
     * What numeric getters see, as Connector/J decodes the column's text: a YEAR is its number, binary and
     * empty text is parsed as text ('' is 0).
     */
    private static Object numericView(Object v, ColumnDescriptor column) {
        if (v instanceof Date d && "YEAR".equalsIgnoreCase(column.typeName())) {
            return (long) d.toLocalDate().getYear();
        }
        if (v instanceof byte[] bits && "BIT".equalsIgnoreCase(column.typeName())) {
            // a BIT(n) is its unsigned number for every numeric getter, as in Connector/J
            return new BigInteger(1, bits).longValue();
        }
        if (v instanceof byte[] bytes) {
            v = new String(bytes, StandardCharsets.UTF_8);
        }
        if (v instanceof String s && s.isEmpty()) {
            return 0L;
        }
        return v;
    }

    /**
     * {@code getByte}: Connector/J gives the single byte of one-byte text or binary values ('x' is 120, '1' is
     * 49), 0 for empty ones, and refuses longer ones; numbers convert with a range check.
     */
    static byte singleByte(Object v, ColumnDescriptor column) throws SQLException {
        byte[] bytes = v instanceof byte[] b ? b : v instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : null;
        if (bytes != null) {
            if (bytes.length > 1) {
                throw cannotConvert(v, column, "byte");
            }
            return bytes.length == 0 ? 0 : bytes[0];
        }
        return (byte) integral(v, column, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    }

    /** {@code getBytes} of a non-binary column: the server's text (a YEAR's is its number). */
    static byte[] bytes(Object v, ColumnDescriptor column) {
        if (v instanceof byte[] b) {
            return b.clone();
        }
        if (v instanceof Date d && "YEAR".equalsIgnoreCase(column.typeName())) {
            return Integer.toString(d.toLocalDate().getYear()).getBytes(StandardCharsets.US_ASCII);
        }
        if (v instanceof LocalDateTime t) {
            return dateTime(t, fractionalDigits(column), true).getBytes(StandardCharsets.US_ASCII);
        }
        if (v instanceof Timestamp t) {
            return dateTime(t.toLocalDateTime(), fractionalDigits(column), true).getBytes(StandardCharsets.US_ASCII);
        }
        return string(v, column).getBytes(StandardCharsets.UTF_8);
    }

    static String string(Object v, ColumnDescriptor column) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof byte[] bits && "BIT".equalsIgnoreCase(column.typeName())) {
            // Connector/J reads a BIT(n > 1) as its unsigned number (b'10000011' is "131")
            return new BigInteger(1, bits).toString();
        }
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double || v instanceof Float) {
            // Connector/J prints DOUBLE and FLOAT columns as Java does (1.0E20, 0.0), not as the server sent them.
            return Double.toString(asDouble((Number) v));
        }
        if (v instanceof LocalDateTime t) {
            return dateTime(t, fractionalDigits(column), false);
        }
        if (v instanceof Timestamp t) {
            return dateTime(t.toLocalDateTime(), fractionalDigits(column), false);
        }
        if (v instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return v.toString();
    }

    /** A FLOAT's value as the double its text denotes (0.1f reads as 0.1, as Connector/J parses the text). */
    private static double asDouble(Number n) {
        return n instanceof Float f ? Double.parseDouble(Float.toString(f)) : n.doubleValue();
    }

    /** DATETIME(n)/TIMESTAMP(n): Connector/J reports precision 19 + 1 + n when n &gt; 0. */
    private static int fractionalDigits(ColumnDescriptor column) {
        return column.precision() > 20 ? Math.min(6, column.precision() - 20) : column.scale();
    }

    /** The server's text has every fractional digit; Connector/J's getString leaves out an all-zero fraction. */
    private static String dateTime(LocalDateTime t, int fractionalDigits, boolean zeroFraction) {
        StringBuilder out = new StringBuilder(26);
        appendPadded(out, t.getYear(), 4).append('-');
        appendPadded(out, t.getMonthValue(), 2).append('-');
        appendPadded(out, t.getDayOfMonth(), 2).append(' ');
        appendPadded(out, t.getHour(), 2).append(':');
        appendPadded(out, t.getMinute(), 2).append(':');
        appendPadded(out, t.getSecond(), 2);
        if (fractionalDigits > 0 && (zeroFraction || t.getNano() != 0)) {
            StringBuilder nanos = new StringBuilder();
            appendPadded(nanos, t.getNano(), 9);
            out.append('.').append(nanos, 0, Math.min(9, fractionalDigits));
        }
        return out.toString();
    }

    private static StringBuilder appendPadded(StringBuilder out, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(s);
    }

    static long integral(Object v, ColumnDescriptor column, long min, long max, String target) throws SQLException {
        v = numericView(v, column);
        long value;
        if (v instanceof Boolean b) {
            value = b ? 1 : 0;
        } else if (v instanceof BigDecimal || v instanceof BigInteger || v instanceof Double || v instanceof Float) {
            BigDecimal d = decimal(v, column);
            if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw outOfRange(v, column, target);
            }
            value = d.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
        } else if (v instanceof Number n) {
            value = n.longValue();
        } else if (v instanceof String s) {
            try {
                BigDecimal d = new BigDecimal(s.trim());
                if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
                    throw outOfRange(v, column, target);
                }
                value = d.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw cannotConvert(v, column, target);
            }
        } else {
            throw cannotConvert(v, column, target);
        }
        if (value < min || value > max) {
            throw outOfRange(v, column, target);
        }
        return value;
    }

    static BigDecimal decimal(Object v, ColumnDescriptor column) throws SQLException {
        v = numericView(v, column);
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (v instanceof Double || v instanceof Float) {
            return new BigDecimal(Double.toString(asDouble((Number) v)));
        }
        if (v instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw cannotConvert(v, column, "BigDecimal");
            }
        }
        throw cannotConvert(v, column, "BigDecimal");
    }

    static double floatingPoint(Object v, ColumnDescriptor column) throws SQLException {
        v = numericView(v, column);
        if (v instanceof Number n) {
            return asDouble(n);
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw cannotConvert(v, column, "double");
            }
        }
        throw cannotConvert(v, column, "double");
    }

    static boolean bool(Object v, ColumnDescriptor column) throws SQLException {
        v = numericView(v, column);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            // Connector/J: positive numbers and -1 are true.
            if (n instanceof BigDecimal || n instanceof BigInteger) {
                BigDecimal d = decimal(n, column);
                return d.signum() > 0 || d.compareTo(MINUS_ONE) == 0;
            }
            if (n instanceof Double || n instanceof Float) {
                double d = n.doubleValue();
                return d > 0 || d == -1.0;
            }
            long l = n.longValue();
            return l > 0 || l == -1;
        }
        if (v instanceof String s) {
            String t = s.trim();
            if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("y") || t.equalsIgnoreCase("yes")) {
                return true;
            }
            if (t.equalsIgnoreCase("false") || t.equalsIgnoreCase("n") || t.equalsIgnoreCase("no") || t.isEmpty()) {
                return false;
            }
            try {
                return new BigDecimal(t).signum() != 0;
            } catch (NumberFormatException e) {
                throw cannotConvert(v, column, "boolean");
            }
        }
        throw cannotConvert(v, column, "boolean");
    }

    static LocalDateTime localDateTime(Object v, ColumnDescriptor column) throws SQLException {
        if (column.jdbcType() == Types.TIME) {
            // A TIME read as a date or timestamp is on 1970-01-01, as in Connector/J.
            return EPOCH_DAY.atTime(localTime(v, column));
        }
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof Date d) {
            return d.toLocalDate().atStartOfDay();
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof String s) {
            try {
                return LocalDateTime.parse(s.trim().replace(' ', 'T'));
            } catch (java.time.format.DateTimeParseException e) {
                throw cannotConvert(v, column, "LocalDateTime");
            }
        }
        throw cannotConvert(v, column, "LocalDateTime");
    }

    static LocalDate localDate(Object v, ColumnDescriptor column) throws SQLException {
        if (column.jdbcType() == Types.TIME) {
            return EPOCH_DAY;
        }
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof Date d) {
            return d.toLocalDate();
        }
        if (v instanceof String s) {
            try {
                return LocalDate.parse(s.trim().length() > 10 ? s.trim().substring(0, 10) : s.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw cannotConvert(v, column, "LocalDate");
            }
        }
        return localDateTime(v, column).toLocalDate();
    }

    static LocalTime localTime(Object v, ColumnDescriptor column) throws SQLException {
        if (v instanceof LocalTime t) {
            return t;
        }
        if (v instanceof ServerTime t) {
            if (!t.isTimeOfDay()) {
                throw cannotConvert(v, column, "LocalTime");
            }
            return t.toLocalTime();
        }
        if (v instanceof Date || v instanceof LocalDate) {
            return LocalTime.MIDNIGHT;
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalTime();
        }
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime().toLocalTime();
        }
        if (v instanceof Time t) {
            return t.toLocalTime();
        }
        if (v instanceof String s) {
            try {
                return LocalTime.parse(s.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw cannotConvert(v, column, "LocalTime");
            }
        }
        throw cannotConvert(v, column, "LocalTime");
    }

    /** {@code getObject(column, type)} for the types JDBC 4.2 and ORMs ask for. */
    static <T> T object(Object v, ColumnDescriptor column, Class<T> type) throws SQLException {
        Object out;
        if (type.isInstance(v)) {
            out = v;
        } else if (type == String.class) {
            out = string(v, column);
        } else if (type == Integer.class) {
            out = (int) integral(v, column, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
        } else if (type == Long.class) {
            out = integral(v, column, Long.MIN_VALUE, Long.MAX_VALUE, "long");
        } else if (type == Short.class) {
            out = (short) integral(v, column, Short.MIN_VALUE, Short.MAX_VALUE, "short");
        } else if (type == Byte.class) {
            out = singleByte(v, column);
        } else if (type == BigDecimal.class) {
            out = decimal(v, column);
        } else if (type == BigInteger.class) {
            out = decimal(v, column).toBigInteger();
        } else if (type == Double.class) {
            out = floatingPoint(v, column);
        } else if (type == Float.class) {
            out = (float) floatingPoint(v, column);
        } else if (type == Boolean.class) {
            out = bool(v, column);
        } else if (type == LocalDateTime.class) {
            out = localDateTime(v, column);
        } else if (type == LocalDate.class) {
            out = localDate(v, column);
        } else if (type == LocalTime.class) {
            out = localTime(v, column);
        } else if (type == Timestamp.class) {
            out = Timestamp.valueOf(localDateTime(v, column));
        } else if (type == Date.class) {
            out = Date.valueOf(localDate(v, column));
        } else if (type == Time.class) {
            out = Time.valueOf(localTime(v, column));
        } else if (type == Instant.class) {
            out = localDateTime(v, column).atZone(ZoneId.systemDefault()).toInstant();
        } else if (type == OffsetDateTime.class) {
            out = localDateTime(v, column).atZone(ZoneId.systemDefault()).toOffsetDateTime();
        } else if (type == ZonedDateTime.class) {
            out = localDateTime(v, column).atZone(ZoneId.systemDefault());
        } else if (type == byte[].class) {
            out = bytes(v, column);
        } else {
            throw new SQLDataException("Conversion of column '" + column.label() + "' (" + column.typeName() + ") to "
                    + type.getName() + " is not supported", "22018");
        }
        return type.cast(out);
    }

    static SQLException cannotConvert(Object v, ColumnDescriptor column, String target) {
        return new SQLDataException("Cannot convert value '" + v + "' of column '" + column.label() + "' ("
                + column.typeName() + ") to " + target, "22018");
    }

    private static SQLException outOfRange(Object v, ColumnDescriptor column, String target) {
        return new SQLDataException("Value '" + v + "' of column '" + column.label() + "' is outside the range of "
                + target, "22003");
    }
}

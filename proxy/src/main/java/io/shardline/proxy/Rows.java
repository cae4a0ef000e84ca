package io.shardline.proxy;

import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Encodes the current row of a JDBC result in the text (COM_QUERY) or binary (COM_STMT_EXECUTE) row format.
 * Values are read with the JDBC getter that matches the column kind; temporal values are read as the server's text
 * and re-encoded, which keeps zero dates and TIME beyond 24 hours intact.
 */
final class Rows {

    private static final int NULL_VALUE = 0xFB;

    private Rows() {
    }

    /** Protocol::TextResultsetRow: every value as a length-encoded string, NULL as 0xFB. */
    static void writeText(ByteBuf out, ResultSet rs, ColumnDef[] columns) throws SQLException {
        for (int i = 0; i < columns.length; i++) {
            int c = i + 1;
            if (columns[i].kind() == ColumnDef.Kind.BYTES) {
                byte[] bytes = rs.getBytes(c);
                if (bytes == null) {
                    out.writeByte(NULL_VALUE);
                } else {
                    Wire.writeLenencBytes(out, bytes);
                }
                continue;
            }
            String s = rs.getString(c);
            if (s == null) {
                out.writeByte(NULL_VALUE);
            } else {
                Wire.writeLenencString(out, s);
            }
        }
    }

    /** ProtocolBinary::ResultsetRow: 0x00, the NULL bitmap (offset 2), then each non-NULL value in its layout. */
    static void writeBinary(ByteBuf out, ResultSet rs, ColumnDef[] columns) throws SQLException {
        out.writeByte(0);
        int bitmapAt = out.writerIndex();
        int bitmapBytes = (columns.length + 7 + 2) / 8;
        out.writeZero(bitmapBytes);
        for (int i = 0; i < columns.length; i++) {
            if (!writeBinaryValue(out, rs, i + 1, columns[i].kind())) {
                int bit = i + 2;
                int at = bitmapAt + bit / 8;
                out.setByte(at, out.getByte(at) | (1 << (bit % 8)));
            }
        }
    }

    /** Writes one value; false if it is NULL (nothing written). */
    private static boolean writeBinaryValue(ByteBuf out, ResultSet rs, int c, ColumnDef.Kind kind) throws SQLException {
        switch (kind) {
            case TINY -> {
                int v = rs.getInt(c);
                if (rs.wasNull()) {
                    return false;
                }
                out.writeByte(v);
            }
            case SHORT -> {
                int v = rs.getInt(c);
                if (rs.wasNull()) {
                    return false;
                }
                out.writeShortLE(v);
            }
            case LONG -> {
                long v = rs.getLong(c);
                if (rs.wasNull()) {
                    return false;
                }
                out.writeIntLE((int) v);
            }
            case LONGLONG -> {
                long v = rs.getLong(c);
                if (rs.wasNull()) {
                    return false;
                }
                out.writeLongLE(v);
            }
            case ULONGLONG -> {
                BigDecimal v = rs.getBigDecimal(c);
                if (v == null) {
                    return false;
                }
                out.writeLongLE(v.toBigInteger().longValue());
            }
            case FLOAT -> {
                float v = rs.getFloat(c);
                if (rs.wasNull()) {
                    return false;
                }
                out.writeFloatLE(v);
            }
            case DOUBLE -> {
                double v = rs.getDouble(c);
                if (rs.wasNull()) {
                    return false;
                }
                out.writeDoubleLE(v);
            }
            case DATE, DATETIME -> {
                String s = rs.getString(c);
                if (s == null) {
                    return false;
                }
                writeDateTime(out, s);
            }
            case TIME -> {
                String s = rs.getString(c);
                if (s == null) {
                    return false;
                }
                writeTime(out, s);
            }
            case BYTES -> {
                byte[] v = rs.getBytes(c);
                if (v == null) {
                    return false;
                }
                Wire.writeLenencBytes(out, v);
            }
            case NULL -> {
                return false;
            }
            default -> {
                String s = rs.getString(c);
                if (s == null) {
                    return false;
                }
                Wire.writeLenencString(out, s);
            }
        }
        return true;
    }

    /** "yyyy-MM-dd[ HH:mm:ss[.ffffff]]" (also with 'T') → length byte 0/4/7/11 and the fields. */
    static void writeDateTime(ByteBuf out, String s) {
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = 0;
        int minute = 0;
        int second = 0;
        int micros = 0;
        if (s.length() >= 19) {
            hour = digits(s, 11, 2);
            minute = digits(s, 14, 2);
            second = digits(s, 17, 2);
            micros = fraction(s, 19);
        }
        if (micros != 0) {
            out.writeByte(11);
        } else if (hour != 0 || minute != 0 || second != 0) {
            out.writeByte(7);
        } else if (year != 0 || month != 0 || day != 0) {
            out.writeByte(4);
        } else {
            out.writeByte(0);
            return;
        }
        out.writeShortLE(year);
        out.writeByte(month);
        out.writeByte(day);
        if (micros == 0 && hour == 0 && minute == 0 && second == 0) {
            return;
        }
        out.writeByte(hour);
        out.writeByte(minute);
        out.writeByte(second);
        if (micros != 0) {
            out.writeIntLE(micros);
        }
    }

    /** "[-]H+:mm:ss[.ffffff]" → length byte 0/8/12, sign, days, hours, minutes, seconds, microseconds. */
    static void writeTime(ByteBuf out, String s) {
        boolean negative = s.startsWith("-");
        int p = negative ? 1 : 0;
        int colon = s.indexOf(':', p);
        int hours = Integer.parseInt(s.substring(p, colon));
        int minutes = digits(s, colon + 1, 2);
        int seconds = digits(s, colon + 4, 2);
        int micros = fraction(s, colon + 6);
        if (hours == 0 && minutes == 0 && seconds == 0 && micros == 0) {
            out.writeByte(0);
            return;
        }
        out.writeByte(micros != 0 ? 12 : 8);
        out.writeByte(negative ? 1 : 0);
        out.writeIntLE(hours / 24);
        out.writeByte(hours % 24);
        out.writeByte(minutes);
        out.writeByte(seconds);
        if (micros != 0) {
            out.writeIntLE(micros);
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new IllegalArgumentException("not a temporal value: '" + s + "'");
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    /** Microseconds of a ".ffffff" suffix at {@code dot} (fewer digits are scaled), 0 if there is none. */
    private static int fraction(String s, int dot) {
        if (dot >= s.length() || s.charAt(dot) != '.') {
            return 0;
        }
        int v = 0;
        int n = 0;
        for (int i = dot + 1; i < s.length() && n < 6; i++, n++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        for (; n < 6; n++) {
            v *= 10;
        }
        return v;
    }
}

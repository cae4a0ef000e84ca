package io.shardline.proxy;

import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Decodes COM_STMT_EXECUTE parameter values (the binary protocol) into the Java values bound with
 * {@code setObject}: integers by width and sign, FLOAT/DOUBLE, DECIMAL as BigDecimal, strings as UTF-8, blobs as
 * bytes, DATE/DATETIME/TIMESTAMP as java.time, TIME as LocalTime (or its text beyond a day or negative).
 */
final class BinaryParameters {

    private BinaryParameters() {
    }

    /** Reads one value of type {@code type} (the low byte) with the unsigned flag {@code unsigned}. */
    static Object read(ByteBuf in, int type, boolean unsigned) throws ProxyException {
        switch (type) {
            case 1: // TINY
                Wire.need(in, 1, "a TINYINT parameter");
                return unsigned ? (Object) (int) in.readUnsignedByte() : (Object) (int) in.readByte();
            case 2: // SHORT
            case 13: // YEAR
                Wire.need(in, 2, "a SMALLINT parameter");
                return unsigned ? in.readUnsignedShortLE() : (int) in.readShortLE();
            case 3: // LONG
            case 9: // INT24
                Wire.need(in, 4, "an INT parameter");
                return unsigned ? (Object) in.readUnsignedIntLE() : (Object) in.readIntLE();
            case 8: // LONGLONG
                Wire.need(in, 8, "a BIGINT parameter");
                long v = in.readLongLE();
                if (unsigned && v < 0) {
                    return new BigDecimal(Long.toUnsignedString(v));
                }
                return v;
            case 4: // FLOAT
                Wire.need(in, 4, "a FLOAT parameter");
                return in.readFloatLE();
            case 5: // DOUBLE
                Wire.need(in, 8, "a DOUBLE parameter");
                return in.readDoubleLE();
            case 0: // DECIMAL
            case 246: // NEWDECIMAL
                String decimal = new String(Wire.readLenencBytes(in), StandardCharsets.US_ASCII);
                try {
                    return new BigDecimal(decimal);
                } catch (NumberFormatException e) {
                    throw ProxyError.MALFORMED_PACKET.exception("'" + decimal + "' is not a DECIMAL parameter");
                }
            case 10: // DATE
            case 7: // TIMESTAMP
            case 12: // DATETIME
                return dateTime(in, type == 10);
            case 11: // TIME
                return time(in);
            case 249: // TINY_BLOB
            case 250: // MEDIUM_BLOB
            case 251: // LONG_BLOB
            case 252: // BLOB
            case 255: // GEOMETRY
            case 16: // BIT
                return Wire.readLenencBytes(in);
            case 6: // NULL
                return null;
            default: // VARCHAR, VAR_STRING, STRING, ENUM, SET, JSON
                return new String(Wire.readLenencBytes(in), StandardCharsets.UTF_8);
        }
    }

    private static Object dateTime(ByteBuf in, boolean dateOnly) throws ProxyException {
        Wire.need(in, 1, "a DATETIME parameter");
        int length = in.readUnsignedByte();
        if (length != 0 && length != 4 && length != 7 && length != 11) {
            throw ProxyError.MALFORMED_PACKET.exception("a DATETIME parameter of " + length + " bytes");
        }
        Wire.need(in, length, "a DATETIME parameter");
        if (length == 0) {
            return "0000-00-00" + (dateOnly ? "" : " 00:00:00");
        }
        int year = in.readUnsignedShortLE();
        int month = in.readUnsignedByte();
        int day = in.readUnsignedByte();
        int hour = length >= 7 ? in.readUnsignedByte() : 0;
        int minute = length >= 7 ? in.readUnsignedByte() : 0;
        int second = length >= 7 ? in.readUnsignedByte() : 0;
        int micros = length == 11 ? (int) in.readUnsignedIntLE() : 0;
        try {
            if (dateOnly) {
                return LocalDate.of(year, month, day);
            }
            return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000);
        } catch (java.time.DateTimeException e) {
            // Zero dates and the like are valid to MariaDB (depending on sql_mode): pass them on as text.
            String date = String.format("%04d-%02d-%02d", year, month, day);
            return dateOnly ? date : String.format("%s %02d:%02d:%02d.%06d", date, hour, minute, second, micros);
        }
    }

    private static Object time(ByteBuf in) throws ProxyException {
        Wire.need(in, 1, "a TIME parameter");
        int length = in.readUnsignedByte();
        if (length != 0 && length != 8 && length != 12) {
            throw ProxyError.MALFORMED_PACKET.exception("a TIME parameter of " + length + " bytes");
        }
        Wire.need(in, length, "a TIME parameter");
        if (length == 0) {
            return LocalTime.MIDNIGHT;
        }
        boolean negative = in.readByte() != 0;
        long days = in.readUnsignedIntLE();
        int hour = in.readUnsignedByte();
        int minute = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        int micros = length == 12 ? (int) in.readUnsignedIntLE() : 0;
        if (!negative && days == 0) {
            return LocalTime.of(hour, minute, second, micros * 1000);
        }
        return String.format("%s%d:%02d:%02d.%06d", negative ? "-" : "", days * 24 + hour, minute, second, micros);
    }
}

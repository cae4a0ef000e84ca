package io.shardline.proxy;

import io.netty.buffer.ByteBuf;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * One column definition packet's contents, derived from JDBC metadata: the MySQL type byte, flags, character set
 * and how a value of the column is read from JDBC and written in the text and binary row formats.
 *
 * @param label the column label (the name clients show)
 * @param name the underlying column name
 * @param table the logical table, or empty
 * @param schema the schema clients see
 * @param type the MySQL type byte
 * @param flags the MySQL column flags
 * @param charset collation id: 63 (binary) for numbers, dates and binary strings, else 45 (utf8mb4_general_ci)
 * @param length the column length
 * @param decimals fractional digits
 * @param kind how values are read and encoded
 */
record ColumnDef(String label, String name, String table, String schema, int type, int flags, int charset,
        long length, int decimals, Kind kind) {

    /** How a value is read from JDBC and encoded; one constant per binary-protocol layout. */
    enum Kind {
        /** 1-byte integer. */
        TINY,
        /** 2-byte integer (SMALLINT, YEAR). */
        SHORT,
        /** 4-byte integer (INT, MEDIUMINT). */
        LONG,
        /** 8-byte integer. */
        LONGLONG,
        /** 8-byte unsigned integer: read as a decimal because it may exceed Long.MAX_VALUE. */
        ULONGLONG,
        /** 4-byte IEEE float. */
        FLOAT,
        /** 8-byte IEEE double. */
        DOUBLE,
        /** Text of a decimal number. */
        DECIMAL,
        /** DATE: length byte and year/month/day. */
        DATE,
        /** DATETIME / TIMESTAMP: length byte and date, time, microseconds. */
        DATETIME,
        /** TIME: length byte, sign, days, hours/minutes/seconds, microseconds. */
        TIME,
        /** Character data, UTF-8. */
        STRING,
        /** Bytes as stored (BINARY, VARBINARY, BLOB, BIT(n > 1), GEOMETRY). */
        BYTES,
        /** The NULL type (a bare {@code SELECT NULL}). */
        NULL
    }

    static final int BINARY_CHARSET = 63;
    static final int UTF8MB4_GENERAL_CI = 45;

    static final int NOT_NULL_FLAG = 1;
    static final int BLOB_FLAG = 16;
    static final int UNSIGNED_FLAG = 32;
    static final int BINARY_FLAG = 128;
    static final int ENUM_FLAG = 256;
    static final int AUTO_INCREMENT_FLAG = 512;
    static final int SET_FLAG = 2048;
    static final int NUM_FLAG = 32768;

    /** Describes column {@code i} (1-based) of a result. */
    static ColumnDef of(ResultSetMetaData md, int i, String schema) throws SQLException {
        String typeName = md.getColumnTypeName(i) == null ? "" : md.getColumnTypeName(i).toUpperCase(Locale.ROOT);
        boolean unsigned = typeName.endsWith(" UNSIGNED");
        String base = unsigned ? typeName.substring(0, typeName.length() - " UNSIGNED".length()) : typeName;
        int flags = (md.isNullable(i) == ResultSetMetaData.columnNoNulls ? NOT_NULL_FLAG : 0)
                | (unsigned ? UNSIGNED_FLAG : 0) | (md.isAutoIncrement(i) ? AUTO_INCREMENT_FLAG : 0);
        long length = Math.max(0, md.getPrecision(i));
        int decimals = Math.max(0, md.getScale(i));
        String table = md.getTableName(i) == null ? "" : md.getTableName(i);
        String label = md.getColumnLabel(i);
        String name = md.getColumnName(i) == null ? label : md.getColumnName(i);
        int number = flags | NUM_FLAG;
        int binary = flags | BINARY_FLAG;
        return switch (base) {
            // Connector/J reports TINYINT(1) as BIT (tinyInt1isBit): one bit is a 0/1 integer either way.
            case "TINYINT", "BOOLEAN", "BOOL" -> numeric(label, name, table, schema, 1, number, length, Kind.TINY);
            case "BIT" -> length <= 1
                    ? numeric(label, name, table, schema, 1, number, 1, Kind.TINY)
                    : new ColumnDef(label, name, table, schema, 16, binary | UNSIGNED_FLAG, BINARY_CHARSET, length, 0,
                            Kind.BYTES);
            case "SMALLINT" -> numeric(label, name, table, schema, 2, number, length, Kind.SHORT);
            case "YEAR" -> numeric(label, name, table, schema, 13, number | UNSIGNED_FLAG, 4, Kind.SHORT);
            case "MEDIUMINT" -> numeric(label, name, table, schema, 9, number, length, Kind.LONG);
            case "INT", "INTEGER" -> numeric(label, name, table, schema, 3, number, length, Kind.LONG);
            case "BIGINT" -> numeric(label, name, table, schema, 8, number, length,
                    unsigned ? Kind.ULONGLONG : Kind.LONGLONG);
            case "FLOAT" -> new ColumnDef(label, name, table, schema, 4, number, BINARY_CHARSET, length, decimals(md, i),
                    Kind.FLOAT);
            case "DOUBLE", "REAL", "DOUBLE PRECISION" -> new ColumnDef(label, name, table, schema, 5, number,
                    BINARY_CHARSET, length, decimals(md, i), Kind.DOUBLE);
            case "DECIMAL", "NUMERIC" -> new ColumnDef(label, name, table, schema, 246, number, BINARY_CHARSET,
                    length + 2, decimals, Kind.DECIMAL);
            case "DATE" -> new ColumnDef(label, name, table, schema, 10, binary, BINARY_CHARSET, 10, 0, Kind.DATE);
            case "DATETIME" -> new ColumnDef(label, name, table, schema, 12, binary, BINARY_CHARSET, length,
                    fractionalDigits(decimals, length, 19), Kind.DATETIME);
            case "TIMESTAMP" -> new ColumnDef(label, name, table, schema, 7, binary, BINARY_CHARSET, length,
                    fractionalDigits(decimals, length, 19), Kind.DATETIME);
            case "TIME" -> new ColumnDef(label, name, table, schema, 11, binary, BINARY_CHARSET, length,
                    fractionalDigits(decimals, length, 10), Kind.TIME);
            case "CHAR" -> text(label, name, table, schema, 254, flags, length);
            case "ENUM" -> text(label, name, table, schema, 254, flags | ENUM_FLAG, length);
            case "SET" -> text(label, name, table, schema, 254, flags | SET_FLAG, length);
            case "BINARY" -> new ColumnDef(label, name, table, schema, 254, binary, BINARY_CHARSET, length, 0,
                    Kind.BYTES);
            case "VARBINARY" -> new ColumnDef(label, name, table, schema, 253, binary, BINARY_CHARSET, length, 0,
                    Kind.BYTES);
            case "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB", "GEOMETRY" -> new ColumnDef(label, name, table, schema,
                    252, binary | BLOB_FLAG, BINARY_CHARSET, length, 0, Kind.BYTES);
            case "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "JSON" -> new ColumnDef(label, name, table, schema, 252,
                    flags | BLOB_FLAG, UTF8MB4_GENERAL_CI, length, 0, Kind.STRING);
            case "NULL" -> new ColumnDef(label, name, table, schema, 6, flags | BINARY_FLAG, BINARY_CHARSET, 0, 0,
                    Kind.NULL);
            default -> text(label, name, table, schema, 253, flags, length);
        };
    }

    /** A VARCHAR column made by the proxy itself (SHOW TABLES, PREVIEW). */
    static ColumnDef varchar(String label, String schema) {
        return new ColumnDef(label, label, "", schema, 253, 0, UTF8MB4_GENERAL_CI, 256 * 4, 0, Kind.STRING);
    }

    /**
     * Fractional-second digits of a temporal column. Connector/J reports them only in the precision (DATETIME(3) has
     * precision 23, scale 0), but clients decode text values by the column's decimals: with 0 they drop the fraction.
     */
    static int fractionalDigits(int scale, long precision, int wholeLength) {
        if (scale > 0) {
            return Math.min(scale, 6);
        }
        return precision > wholeLength + 1 ? (int) Math.min(6, precision - wholeLength - 1) : 0;
    }

    private static int decimals(ResultSetMetaData md, int i) throws SQLException {
        int scale = md.getScale(i);
        // 31 means "not fixed" for FLOAT/DOUBLE in the protocol; JDBC reports 0 there.
        return scale <= 0 ? 31 : scale;
    }

    private static ColumnDef numeric(String label, String name, String table, String schema, int type, int flags,
            long length, Kind kind) {
        return new ColumnDef(label, name, table, schema, type, flags, BINARY_CHARSET, length, 0, kind);
    }

    private static ColumnDef text(String label, String name, String table, String schema, int type, int flags,
            long length) {
        return new ColumnDef(label, name, table, schema, type, flags, UTF8MB4_GENERAL_CI, length * 4, 0, Kind.STRING);
    }

    /** Writes the column definition payload (Protocol::ColumnDefinition41). */
    void write(ByteBuf out, boolean withDefault) {
        Wire.writeLenencString(out, "def");
        Wire.writeLenencString(out, schema);
        Wire.writeLenencString(out, table);
        Wire.writeLenencString(out, table);
        Wire.writeLenencString(out, label);
        Wire.writeLenencString(out, name);
        out.writeByte(0x0c);
        out.writeShortLE(charset);
        out.writeIntLE((int) Math.min(length, 0xFFFFFFFFL));
        out.writeByte(type);
        out.writeShortLE(flags);
        out.writeByte(decimals);
        out.writeShortLE(0);
        if (withDefault) {
            out.writeByte(0xFB);
        }
    }
}

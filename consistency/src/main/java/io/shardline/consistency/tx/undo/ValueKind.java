package io.shardline.consistency.tx.undo;

import java.util.Locale;

/**
 * How undo images read, store and write back the values of one column type, chosen so that every value round-trips
 * exactly (no float, precision or time-zone loss).
 */
enum ValueKind {
    /** Integer types, signed or unsigned: exact decimal digits. */
    INTEGER,
    /** DECIMAL/NUMERIC: the exact decimal with its scale. */
    DECIMAL,
    /** FLOAT/DOUBLE: the server's shortest round-trip text, parsed as a double. */
    FLOATING,
    /** Character types, ENUM, SET, JSON, UUID, INET: the text. */
    TEXT,
    /** Binary strings, BLOBs, BIT and geometry: the bytes (hex in the JSON image). */
    BINARY,
    /** DATE, DATETIME, TIME, YEAR: the server's own text ({@code CAST(col AS CHAR)}), which has no time zone. */
    TEMPORAL,
    /**
     * TIMESTAMP: the instant as {@code UNIX_TIMESTAMP(col)}, independent of the session time zone (the image shows it
     * as a UTC date-time); written back with {@code FROM_UNIXTIME(?)} in a UTC session.
     */
    TIMESTAMP;

    /** The kind for an {@code information_schema.COLUMNS.DATA_TYPE}. */
    static ValueKind of(String dataType) {
        switch (dataType.toLowerCase(Locale.ROOT)) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint":
                return INTEGER;
            case "decimal", "numeric", "dec", "fixed":
                return DECIMAL;
            case "float", "double", "real", "double precision":
                return FLOATING;
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "bit", "geometry", "point",
                    "linestring", "polygon", "multipoint", "multilinestring", "multipolygon", "geometrycollection":
                return BINARY;
            case "date", "datetime", "time", "year":
                return TEMPORAL;
            case "timestamp":
                return TIMESTAMP;
            default:
                return TEXT;
        }
    }

    /** The select-list expression that reads {@code quotedColumn} exactly. */
    String readExpression(String quotedColumn) {
        switch (this) {
            case TEMPORAL:
                return "CAST(" + quotedColumn + " AS CHAR)";
            case TIMESTAMP:
                return "UNIX_TIMESTAMP(" + quotedColumn + ")";
            default:
                return quotedColumn;
        }
    }

    /** The placeholder expression that writes a bound value of this kind into a column. */
    String writeExpression() {
        return this == TIMESTAMP ? "FROM_UNIXTIME(?)" : "?";
    }

    /** The condition that matches {@code quotedColumn} against one bound value of this kind. */
    String matchCondition(String quotedColumn) {
        return this == TIMESTAMP ? "UNIX_TIMESTAMP(" + quotedColumn + ") = ?" : quotedColumn + " = ?";
    }
}

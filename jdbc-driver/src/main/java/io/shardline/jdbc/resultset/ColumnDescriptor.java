package io.shardline.jdbc.resultset;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * What a result column looks like to the application, as the one database would describe it.
 *
 * @param label         column label ({@code AS} alias or expression text)
 * @param name          underlying column name
 * @param table         the logical table (never a shard's actual table name)
 * @param catalog       database name
 * @param jdbcType      {@link java.sql.Types} code
 * @param typeName      database type name, e.g. {@code DECIMAL}
 * @param precision     precision / length
 * @param scale         scale (fractional digits; also DATETIME/TIMESTAMP fractional seconds)
 * @param nullable      {@link ResultSetMetaData#columnNullable} and friends
 * @param signed        numeric and signed
 * @param displaySize   display size
 * @param className     class {@code getObject} returns
 * @param autoIncrement AUTO_INCREMENT column
 * @param caseSensitive comparisons are case-sensitive (binary collation)
 */
public record ColumnDescriptor(String label, String name, String table, String catalog, int jdbcType,
        String typeName, int precision, int scale, int nullable, boolean signed, int displaySize, String className,
        boolean autoIncrement, boolean caseSensitive) {

    /** Copies column {@code column} (1-based) of a shard's metadata, naming the logical table instead. */
    public static ColumnDescriptor of(ResultSetMetaData md, int column, String logicalTable) throws SQLException {
        return new ColumnDescriptor(md.getColumnLabel(column), md.getColumnName(column), logicalTable,
                md.getCatalogName(column), md.getColumnType(column), md.getColumnTypeName(column),
                md.getPrecision(column), md.getScale(column), md.isNullable(column), md.isSigned(column),
                md.getColumnDisplaySize(column), md.getColumnClassName(column), md.isAutoIncrement(column),
                md.isCaseSensitive(column));
    }

    /** A computed column (e.g. a merged aggregate) described by type only. */
    public static ColumnDescriptor computed(String label, int jdbcType, String typeName, int precision, int scale,
            String className) {
        return new ColumnDescriptor(label, label, "", "", jdbcType, typeName, precision, scale,
                ResultSetMetaData.columnNullable, true, Math.max(precision, label.length()), className, false, false);
    }
}

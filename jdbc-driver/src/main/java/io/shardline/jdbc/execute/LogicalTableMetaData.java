package io.shardline.jdbc.execute;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/** A shard's result metadata with actual table names ({@code t_order_3}) reported as logical ones ({@code t_order}). */
final class LogicalTableMetaData implements ResultSetMetaData {
    private final ResultSetMetaData shard;
    private final Map<String, String> logicalTables;

    LogicalTableMetaData(ResultSetMetaData shard, Map<String, String> logicalTables) {
        this.shard = shard;
        this.logicalTables = logicalTables;
    }

    static String logical(Map<String, String> logicalTables, String table) {
        if (table == null || table.isEmpty()) {
            return table;
        }
        String logical = logicalTables.get(table);
        if (logical == null) {
            logical = logicalTables.get(table.toLowerCase(Locale.ROOT));
        }
        return logical == null ? table : logical;
    }

    @Override
    public String getTableName(int column) throws SQLException {
        return logical(logicalTables, shard.getTableName(column));
    }

    @Override
    public int getColumnCount() throws SQLException {
        return shard.getColumnCount();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        return shard.isAutoIncrement(column);
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return shard.isCaseSensitive(column);
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        return shard.isSearchable(column);
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        return shard.isCurrency(column);
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return shard.isNullable(column);
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return shard.isSigned(column);
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return shard.getColumnDisplaySize(column);
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return shard.getColumnLabel(column);
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return shard.getColumnName(column);
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        return shard.getSchemaName(column);
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return shard.getPrecision(column);
    }

    @Override
    public int getScale(int column) throws SQLException {
        return shard.getScale(column);
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        return shard.getCatalogName(column);
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return shard.getColumnType(column);
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return shard.getColumnTypeName(column);
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        return shard.isReadOnly(column);
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        return shard.isWritable(column);
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        return shard.isDefinitelyWritable(column);
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return shard.getColumnClassName(column);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : shard.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || shard.isWrapperFor(iface);
    }
}

package io.shardline.jdbc.resultset;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/** {@link ResultSetMetaData} over descriptors: what a merged result reports. */
public final class ShardlineResultSetMetaData implements ResultSetMetaData {
    private final List<ColumnDescriptor> columns;

    public ShardlineResultSetMetaData(List<ColumnDescriptor> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Describes the first {@code visibleColumns} of a shard's metadata, with table names mapped to logical ones. */
    public static ShardlineResultSetMetaData copyOf(ResultSetMetaData shard, int visibleColumns,
            java.util.function.UnaryOperator<String> logicalTable) throws SQLException {
        ColumnDescriptor[] out = new ColumnDescriptor[visibleColumns];
        for (int i = 1; i <= visibleColumns; i++) {
            out[i - 1] = ColumnDescriptor.of(shard, i, logicalTable.apply(shard.getTableName(i)));
        }
        return new ShardlineResultSetMetaData(List.of(out));
    }

    public ColumnDescriptor column(int column) throws SQLException {
        if (column < 1 || column > columns.size()) {
            throw new SQLException("Column index " + column + " is out of range 1.." + columns.size(), "S1002");
        }
        return columns.get(column - 1);
    }

    public List<ColumnDescriptor> columns() {
        return columns;
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        return column(column).autoIncrement();
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return column(column).caseSensitive();
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return column(column).nullable();
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return column(column).signed();
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return column(column).displaySize();
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return column(column).label();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return column(column).name();
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return column(column).precision();
    }

    @Override
    public int getScale(int column) throws SQLException {
        return column(column).scale();
    }

    @Override
    public String getTableName(int column) throws SQLException {
        return column(column).table();
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        return column(column).catalog();
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return column(column).jdbcType();
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return column(column).typeName();
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return column(column).className();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}

package io.shardline.jdbc.execute;

import io.shardline.jdbc.resultset.ShardValues;
import io.shardline.router.merge.RowCursor;
import io.shardline.router.merge.ShardCursorException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * One shard's result set as a merge input. Values are read once per row and column as the merged result set
 * expects them ({@link ShardValues}); failures name the shard.
 */
final class JdbcRowCursor implements RowCursor {
    private final ResultSet rs;
    private final int[] jdbcTypes;
    private final String dataSource;
    private final String address;
    private boolean closed;

    JdbcRowCursor(ResultSet rs, String dataSource, String address) throws SQLException {
        this.rs = rs;
        this.dataSource = dataSource;
        this.address = address;
        ResultSetMetaData md = rs.getMetaData();
        jdbcTypes = new int[md.getColumnCount()];
        for (int i = 0; i < jdbcTypes.length; i++) {
            jdbcTypes[i] = md.getColumnType(i + 1);
        }
    }

    @Override
    public boolean next() {
        try {
            return rs.next();
        } catch (SQLException e) {
            throw failure("reading the next row", e);
        }
    }

    @Override
    public Object value(int column) {
        try {
            return ShardValues.read(rs, column + 1, jdbcTypes[column]);
        } catch (SQLException e) {
            throw failure("reading column " + (column + 1), e);
        }
    }

    @Override
    public int columnCount() {
        return jdbcTypes.length;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rs.close();
        } catch (SQLException ignored) {
            // closing after a failure; the failure is what matters
        }
    }

    private ShardCursorException failure(String what, SQLException e) {
        return new ShardCursorException("Shard " + dataSource + " (" + address + ") failed " + what + ": "
                + e.getMessage(), e);
    }
}

package io.shardline.jdbc.resultset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Reads a shard column into the object a merge holds: {@code getObject}, except for TIME values outside a
 * wall-clock day (negative, or 24 hours and more), which Connector/J cannot turn into {@code java.sql.Time}
 * and which are kept as their text.
 */
public final class ShardValues {

    private ShardValues() {
    }

    /** The value of {@code column} (1-based) in the result set's current row, or {@code null}. */
    public static Object read(ResultSet rs, int column, int jdbcType) throws SQLException {
        switch (jdbcType) {
            case Types.TIME -> {
                try {
                    return rs.getObject(column);
                } catch (SQLException outsideADay) {
                    return rs.getString(column);
                }
            }
            default -> {
                return rs.getObject(column);
            }
        }
    }
}

package io.shardline.jdbc.resultset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Reads a shard column into the object a merge holds: {@code getObject}, except for TIME, which is read as the
 * server's text into a {@link ServerTime} (a signed duration that also exceeds a day; one comparable class for the
 * whole column), and BIT wider than one bit, read as its bytes.
 */
public final class ShardValues {

    private ShardValues() {
    }

    /** The value of {@code column} (1-based) in the result set's current row, or {@code null}. */
    public static Object read(ResultSet rs, int column, int jdbcType) throws SQLException {
        if (jdbcType == Types.TIME) {
            String text = rs.getString(column);
            return text == null ? null : ServerTime.parse(text);
        }
        return rs.getObject(column);
    }
}

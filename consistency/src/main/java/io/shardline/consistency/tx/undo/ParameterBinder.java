package io.shardline.consistency.tx.undo;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Binds a value into a prepared statement. The JDBC driver passes its own binder (which knows Connector/J's quirks), so
 * undo capture binds the application's parameters exactly as the statement itself was bound.
 */
@FunctionalInterface
public interface ParameterBinder {

    /**
     * Binds {@code value} (possibly {@code null}) as parameter {@code index} (1-based) of {@code ps}.
     *
     * @throws SQLException if the driver refuses the value
     */
    void bind(PreparedStatement ps, int index, Object value) throws SQLException;
}

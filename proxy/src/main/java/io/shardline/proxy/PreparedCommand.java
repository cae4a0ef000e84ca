package io.shardline.proxy;

import java.io.ByteArrayOutputStream;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A statement prepared by one client (COM_STMT_PREPARE): the driver's prepared statement, the parameter count
 * Shardline's parser found, the parameter types the client last bound (a client sends them only when they change)
 * and data sent with COM_STMT_SEND_LONG_DATA.
 */
final class PreparedCommand implements AutoCloseable {

    final int id;
    final String sql;
    final PreparedStatement statement;
    final int parameterCount;
    final int[] parameterTypes;
    final ByteArrayOutputStream[] longData;

    PreparedCommand(int id, String sql, PreparedStatement statement, int parameterCount) {
        this.id = id;
        this.sql = sql;
        this.statement = statement;
        this.parameterCount = parameterCount;
        this.parameterTypes = new int[parameterCount];
        this.longData = new ByteArrayOutputStream[parameterCount];
    }

    /** Forgets long data (COM_STMT_RESET, and after each execution). */
    void resetLongData() {
        java.util.Arrays.fill(longData, null);
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}

package io.shardline.proxy;

import java.io.ByteArrayOutputStream;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A statement prepared by one client (COM_STMT_PREPARE): its SQL, the parameter count Shardline's parser found, the
 * parameter types the client last bound (a client sends them only when they change) and data sent with
 * COM_STMT_SEND_LONG_DATA. The driver's prepared statement belongs to the session's Shardline connection and lives
 * as long as it does (the session gives only the shard connections back between commands).
 */
final class PreparedCommand implements AutoCloseable {

    final int id;
    final String sql;
    final int parameterCount;
    /** A SELECT without a locking clause: with {@code inlineReads} it may run on the network thread. */
    final boolean lockFreeRead;
    /** For SET/USE/BEGIN/COMMIT/ROLLBACK: the parsed statement, answered by the session itself at execute. */
    final java.util.Optional<io.shardline.sql.ParsedStatement> session;
    private PreparedStatement statement;
    private java.sql.Connection owner;
    final int[] parameterTypes;
    final ByteArrayOutputStream[] longData;

    PreparedCommand(int id, String sql, int parameterCount,
            java.util.Optional<io.shardline.sql.ParsedStatement> session, boolean lockFreeRead) {
        this.id = id;
        this.lockFreeRead = lockFreeRead;
        this.session = session;
        this.sql = sql;
        this.parameterCount = parameterCount;
        this.parameterTypes = new int[parameterCount];
        this.longData = new ByteArrayOutputStream[parameterCount];
    }

    /** Forgets long data (COM_STMT_RESET, and after each execution). */
    void resetLongData() {
        java.util.Arrays.fill(longData, null);
    }

    /** The driver's statement on {@code connection}, prepared there on first use. */
    PreparedStatement on(java.sql.Connection connection) throws SQLException {
        if (owner != connection || statement == null || statement.isClosed()) {
            close();
            statement = connection.prepareStatement(sql);
            owner = connection;
        }
        return statement;
    }

    @Override
    public void close() throws SQLException {
        PreparedStatement s = statement;
        statement = null;
        owner = null;
        if (s != null) {
            s.close();
        }
    }
}

package io.shardline.proxy;

import io.shardline.jdbc.ShardlineConnection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's {@link ShardlineConnection} and the settings that outlive it. The connection is opened on first use
 * and closed when something goes wrong with it, so the session's settings (autocommit, isolation, read-only) and its
 * read-your-writes position (the causal token) are kept here and applied to the next one: the client sees one
 * session. Between commands outside a transaction only the shard connections behind it go back to their pools
 * (the driver keeps what it borrowed until the logical connection closes: 500 idle clients must not hold 500 shard
 * connections). Used by one thread at a time, the one running the session's current command (see
 * {@link ClientSession}).
 */
final class SessionConnection {

    private static final Logger LOG = LoggerFactory.getLogger(SessionConnection.class);

    private final ProxyServer server;
    private final int connectionId;
    private ShardlineConnection connection;
    private Statement textStatement;
    private boolean autocommit = true;
    private int isolation = -1;
    private boolean readOnly;
    private String causalToken = "";

    SessionConnection(ProxyServer server, int connectionId) {
        this.server = server;
        this.connectionId = connectionId;
    }

    /** The session's Shardline connection, opened with the session's settings when there is none. */
    ShardlineConnection get() throws SQLException {
        if (connection == null) {
            ShardlineConnection c = server.dataSource().getConnection().unwrap(ShardlineConnection.class);
            try {
                if (!autocommit) {
                    c.setAutoCommit(false);
                }
                if (isolation != -1) {
                    c.setTransactionIsolation(isolation);
                }
                if (readOnly) {
                    c.setReadOnly(true);
                }
                if (!causalToken.isEmpty()) {
                    c.importCausalToken(causalToken);
                }
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    /** The statement COM_QUERY runs on, created on first use and kept as long as the connection. */
    Statement textStatement() throws SQLException {
        if (textStatement == null) {
            textStatement = get().createStatement();
        }
        return textStatement;
    }

    /** The session's autocommit setting (what {@code SET autocommit} said last). */
    boolean autocommit() {
        return autocommit;
    }

    /** Whether a Shardline transaction is open (BEGIN, or a statement under autocommit=0). */
    boolean inTransaction() throws SQLException {
        return connection != null && !connection.getAutoCommit();
    }

    void setAutocommit(boolean on) throws SQLException {
        autocommit = on;
        if (connection != null || !on) {
            get().setAutoCommit(on);
        }
    }

    void setIsolation(int level) throws SQLException {
        isolation = level;
        if (connection != null) {
            connection.setTransactionIsolation(level);
        }
    }

    void setReadOnly(boolean value) throws SQLException {
        readOnly = value;
        if (connection != null) {
            connection.setReadOnly(value);
        }
    }

    void begin() throws SQLException {
        ShardlineConnection c = get();
        if (!c.getAutoCommit()) {
            c.commit(); // BEGIN commits an open transaction, as in MySQL
        }
        c.setAutoCommit(false);
    }

    /** COMMIT or ROLLBACK of the open transaction; nothing without one. */
    void endTransaction(boolean commit) throws SQLException {
        if (!inTransaction()) {
            return;
        }
        if (commit) {
            connection.commit();
        } else {
            connection.rollback();
        }
        // A BEGIN under autocommit=1 ends here; under autocommit=0 the next statement opens a new one.
        connection.setAutoCommit(autocommit);
    }

    /** COM_RESET_CONNECTION: rolls back an open transaction and goes back to the default settings. */
    void resetSettings() throws SQLException {
        if (inTransaction()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        autocommit = true;
        isolation = -1;
        readOnly = false;
    }

    /**
     * Outside a transaction, gives the shard connections back to their pools after each command, so that an idle
     * client holds none; the Shardline connection, its prepared statements and its read-your-writes state stay for
     * the next command.
     */
    void releaseShardConnections() throws SQLException {
        if (connection != null) {
            connection.releaseShardConnections();
        }
    }

    /** The client is gone: an open transaction rolls back (it committed nothing), then the connection closes. */
    void closeRollingBack() {
        if (connection == null) {
            return;
        }
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.debug("connection {}: rollback on close failed: {}", connectionId, e.getMessage());
        }
        close();
    }

    /**
     * Closes the Shardline connection, keeping its read-your-writes position for the next one. The session's
     * prepared statements on it are the caller's to close first ({@link PreparedCommands#closeDriverStatements()}).
     */
    void close() {
        if (connection == null) {
            return;
        }
        if (server.tracksReads()) {
            try {
                causalToken = connection.exportCausalToken();
            } catch (RuntimeException e) {
                LOG.debug("connection {}: {}", connectionId, e.toString());
            }
        }
        try {
            if (textStatement != null) {
                textStatement.close();
            }
        } catch (SQLException e) {
            LOG.debug("connection {}: closing a statement failed: {}", connectionId, e.getMessage());
        }
        textStatement = null;
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("connection {}: closing its Shardline connection failed: {}", connectionId, e.getMessage());
        }
        connection = null;
    }
}

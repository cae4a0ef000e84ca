package io.shardline.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Routing hints for the statements of one connection, scoped to a try-with-resources block. They live on the
 * {@link ShardlineConnection} (no ThreadLocal), so they apply to every statement that connection plans while
 * the block is open, from any thread, and to nothing else; closing the handle restores the hints that applied
 * before, so blocks nest.
 *
 * <pre>{@code
 * try (ShardlineHints hint = ShardlineHints.forceDataSource(connection, "ds_1")) {
 *     // every unit of every statement planned here runs on ds_1 (the planner reads PlanningContext.forcedDataSource)
 * }
 * try (ShardlineHints hint = ShardlineHints.forceMaster(connection)) {
 *     // reads go to masters even when read/write splitting (issue #7) would pick a replica
 * }
 * }</pre>
 *
 * The connection may be any wrapper whose {@code unwrap(ShardlineConnection.class)} reaches Shardline's, such
 * as a pool's proxy.
 */
public final class ShardlineHints implements AutoCloseable {

    private final ShardlineConnection connection;
    private final boolean previousForceMaster;
    private final String previousDataSource;
    private boolean closed;

    private ShardlineHints(ShardlineConnection connection) {
        this.connection = connection;
        this.previousForceMaster = connection.hintForceMaster();
        this.previousDataSource = connection.hintForcedDataSource();
    }

    /**
     * Forces every unit onto {@code dataSource} until the handle closes.
     *
     * @throws SQLException when {@code dataSource} is not configured, or the connection is not Shardline's
     */
    public static ShardlineHints forceDataSource(Connection connection, String dataSource) throws SQLException {
        ShardlineHints hints = new ShardlineHints(connection.unwrap(ShardlineConnection.class));
        hints.connection.setHints(hints.previousForceMaster, dataSource);
        return hints;
    }

    /** Sends every statement to masters until the handle closes. */
    public static ShardlineHints forceMaster(Connection connection) throws SQLException {
        ShardlineHints hints = new ShardlineHints(connection.unwrap(ShardlineConnection.class));
        hints.connection.setHints(true, hints.previousDataSource);
        return hints;
    }

    /** Restores the hints that applied before this block. Idempotent. */
    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        connection.setHints(previousForceMaster, previousDataSource);
    }
}

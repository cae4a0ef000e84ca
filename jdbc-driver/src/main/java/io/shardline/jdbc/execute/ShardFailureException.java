package io.shardline.jdbc.execute;

import java.sql.SQLException;
import java.util.List;

/**
 * A statement failed on a shard. The message names the data source, the node ({@code host:port}) and the SQL
 * that ran there, and ends with the shard's own message; SQLState and vendor code are the shard's, so
 * applications that branch on them (duplicate key 23000/1062, deadlock 40001/1213) keep working.
 * When several shards failed, the message lists each of them and the others are attached as suppressed.
 */
public final class ShardFailureException extends SQLException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_SQL_CHARS = 1000;

    private final String dataSource;
    private final String node;

    public ShardFailureException(String dataSource, String node, String sql, Throwable cause) {
        super(describe(dataSource, node, sql, cause), sqlState(cause), vendorCode(cause), cause);
        this.dataSource = dataSource;
        this.node = node;
    }

    private ShardFailureException(String message, ShardFailureException first) {
        super(message, first.getSQLState(), first.getErrorCode(), first.getCause());
        this.dataSource = first.dataSource;
        this.node = first.node;
    }

    /** One exception for several failed shards (at least one): the first one's codes, every shard named. */
    public static ShardFailureException combine(List<ShardFailureException> failures) {
        if (failures.size() == 1) {
            return failures.get(0);
        }
        StringBuilder message = new StringBuilder().append(failures.size()).append(" shards failed:");
        for (ShardFailureException failure : failures) {
            message.append("\n  ").append(failure.getMessage());
        }
        ShardFailureException combined = new ShardFailureException(message.toString(), failures.get(0));
        for (int i = 1; i < failures.size(); i++) {
            combined.addSuppressed(failures.get(i));
        }
        return combined;
    }

    /** The data source (group) name, e.g. {@code ds_1}. */
    public String dataSource() {
        return dataSource;
    }

    /** The node, {@code host:port}. */
    public String node() {
        return node;
    }

    private static String describe(String dataSource, String node, String sql, Throwable cause) {
        String text = sql == null ? "" : sql.length() > MAX_SQL_CHARS ? sql.substring(0, MAX_SQL_CHARS) + "..." : sql;
        return "Shard " + dataSource + " (" + node + ") failed: " + cause.getMessage() + " [SQL: " + text + "]";
    }

    private static String sqlState(Throwable cause) {
        return cause instanceof SQLException s ? s.getSQLState() : null;
    }

    private static int vendorCode(Throwable cause) {
        return cause instanceof SQLException s ? s.getErrorCode() : 0;
    }
}

package io.shardline.jdbc.execute;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A single shard's result passed through: every row and value comes straight from the shard's result set
 * (no copy); only {@link #getStatement()} (the application's statement) and {@link #getMetaData()} (actual table
 * names mapped back to logical ones) differ.
 */
public final class ShardResultSet extends DelegatingResultSet {
    private final Statement owner;
    private final Map<String, String> logicalTables;
    private ResultSetMetaData metaData;

    public ShardResultSet(ResultSet shard, Statement owner, Map<String, String> logicalTables) {
        super(shard);
        this.owner = owner;
        this.logicalTables = logicalTables;
    }

    @Override
    public Statement getStatement() throws SQLException {
        if (delegate.isClosed()) {
            throw new SQLException("Operation not allowed after ResultSet closed", "S1000");
        }
        return owner;
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        ResultSetMetaData md = metaData;
        if (md == null) {
            ResultSetMetaData shard = delegate.getMetaData();
            md = logicalTables.isEmpty() ? shard : new LogicalTableMetaData(shard, logicalTables);
            metaData = md;
        }
        return md;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }
}

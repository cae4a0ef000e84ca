package io.shardline.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * Metadata of a logical connection. Server facts (keywords, functions, limits, catalog queries) are answered by
 * the first configured data source's master, through this connection's physical connection to it; what
 * Shardline decides itself (product and driver identity, URL, result set types, savepoints, generated keys) is
 * answered here. Catalog queries ({@code getTables}, {@code getColumns}...) describe that one database as it is:
 * they name actual tables ({@code t_order_0}), not logical ones.
 */
public final class ShardlineDatabaseMetaData extends DelegatingDatabaseMetaData {

    /** This driver's version. */
    static final int DRIVER_MAJOR = 0;
    static final int DRIVER_MINOR = 1;
    static final String DRIVER_VERSION = "0.1.0-SNAPSHOT";

    private final ShardlineConnection connection;
    private DatabaseMetaData shard;

    ShardlineDatabaseMetaData(ShardlineConnection connection) {
        this.connection = connection;
    }

    @Override
    DatabaseMetaData delegate() throws SQLException {
        if (shard == null) {
            shard = connection.firstMasterConnection().getMetaData();
        }
        return shard;
    }

    /**
     * The server's version without the {@code 5.5.5-} prefix MariaDB 10.x puts in its handshake for old clients
     * (Connector/J reports it as is), e.g. {@code 10.11.19-MariaDB-0+deb12u1-log}.
     */
    String serverVersion() throws SQLException {
        String version = delegate().getDatabaseProductVersion();
        return version.startsWith("5.5.5-") && version.contains("MariaDB") ? version.substring(6) : version;
    }

    private int versionPart(int index) throws SQLException {
        String v = serverVersion();
        int start = 0;
        for (int i = 0; i < index; i++) {
            start = v.indexOf('.', start) + 1;
            if (start == 0) {
                return 0;
            }
        }
        int end = start;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == start ? 0 : Integer.parseInt(v, start, end, 10);
    }

    private String serverName() throws SQLException {
        return serverVersion().contains("MariaDB") ? "MariaDB" : delegate().getDatabaseProductName();
    }

    /**
     * The server's own product name ({@code MariaDB}, or what the shard driver says for other servers), as a
     * direct connection would report it: ORMs pick their SQL dialect from this name and the version (Hibernate
     * resolves {@code MariaDB} 10.x to its MariaDB dialect), so a drop-in DataSource must not rename the database.
     * Shardline identifies itself in {@link #getDriverName()}.
     */
    @Override
    public String getDatabaseProductName() throws SQLException {
        return serverName();
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        return serverVersion();
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        return versionPart(0);
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        return versionPart(1);
    }

    @Override
    public String getDriverName() {
        return "Shardline JDBC";
    }

    @Override
    public String getDriverVersion() {
        return DRIVER_VERSION;
    }

    @Override
    public int getDriverMajorVersion() {
        return DRIVER_MAJOR;
    }

    @Override
    public int getDriverMinorVersion() {
        return DRIVER_MINOR;
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 2;
    }

    @Override
    public String getURL() {
        return connection.dataSource().url();
    }

    /** The first data source's master user. */
    @Override
    public String getUserName() {
        return connection.dataSource().pools().first().master().username();
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    @Override
    public boolean supportsSavepoints() {
        return false;
    }

    @Override
    public boolean supportsNamedParameters() {
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults() {
        return false;
    }

    @Override
    public boolean supportsMultipleResultSets() {
        return false;
    }

    @Override
    public boolean supportsGetGeneratedKeys() {
        return true;
    }

    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }

    @Override
    public boolean supportsStoredProcedures() {
        return false;
    }

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public boolean supportsMultipleTransactions() {
        return true;
    }

    /** Connections opened later get the session's settings, but a running transaction does not span a DDL. */
    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() {
        return true;
    }

    @Override
    public boolean supportsStatementPooling() {
        return false;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() {
        return false;
    }

    @Override
    public boolean generatedKeyAlwaysReturned() {
        return true;
    }

    @Override
    public boolean supportsSelectForUpdate() {
        return true;
    }

    @Override
    public boolean locatorsUpdateCopy() {
        return true;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate().isWrapperFor(iface);
    }
}

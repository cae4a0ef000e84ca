package io.shardline.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * {@code java.sql.Driver} for {@code jdbc:shardline:<path to a YAML file>} and
 * {@code jdbc:shardline:classpath:<resource>}. Each URL gets one {@link ShardlineDataSource} (its pools), opened
 * on the first {@code connect} and shared by every later one; {@link #closeDataSources()} closes them.
 * Registered through {@code META-INF/services/java.sql.Driver} and when this class loads.
 */
public final class ShardlineDriver implements Driver {

    /** The URL prefix this driver accepts. */
    public static final String PREFIX = "jdbc:shardline:";
    private static final String CLASSPATH = "classpath:";
    private static final Map<String, ShardlineDataSource> DATA_SOURCES = new ConcurrentHashMap<>();

    static {
        try {
            DriverManager.registerDriver(new ShardlineDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Connections for Shardline URLs; {@code null} for other URLs (JDBC's contract). Properties are ignored. */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        ShardlineDataSource ds;
        try {
            ds = DATA_SOURCES.computeIfAbsent(url, ShardlineDriver::open);
        } catch (RuntimeException e) {
            throw new SQLException("Cannot start Shardline for " + url + ": " + e.getMessage(), "08001", e);
        }
        return ds.getConnection();
    }

    /** The DataSource behind a URL, opening it on first use. */
    public static ShardlineDataSource dataSource(String url) throws SQLException {
        if (url == null || !url.startsWith(PREFIX) || url.length() == PREFIX.length()) {
            throw new SQLException("Not a Shardline URL: " + url, "08001");
        }
        try {
            return DATA_SOURCES.computeIfAbsent(url, ShardlineDriver::open);
        } catch (RuntimeException e) {
            throw new SQLException("Cannot start Shardline for " + url + ": " + e.getMessage(), "08001", e);
        }
    }

    private static ShardlineDataSource open(String url) {
        String location = url.substring(PREFIX.length());
        ShardlineDataSource.Builder builder = ShardlineDataSource.builder().url(url);
        if (location.startsWith(CLASSPATH)) {
            builder.config(io.shardline.jdbc.config.ShardlineConfig.loadClasspath(location.substring(CLASSPATH.length())));
        } else {
            builder.config(io.shardline.jdbc.config.ShardlineConfig.load(Path.of(location)));
        }
        return builder.build();
    }

    /** Closes every DataSource this driver opened (their pools), e.g. at application shutdown. */
    public static void closeDataSources() {
        for (String url : DATA_SOURCES.keySet()) {
            ShardlineDataSource ds = DATA_SOURCES.remove(url);
            if (ds != null) {
                ds.close();
            }
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX) && url.length() > PREFIX.length();
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return ShardlineDatabaseMetaData.DRIVER_MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return ShardlineDatabaseMetaData.DRIVER_MINOR;
    }

    /** Not JDBC compliant in the strict sense: no scrollable results, savepoints or stored procedures. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("Driver.getParentLogger is not supported: Shardline logs through "
                + "SLF4J", "0A000");
    }
}

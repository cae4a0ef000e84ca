package io.shardline.compat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * A {@link SqlPath} over any JDBC {@link DataSource} (Shardline's, or one for the plain database). One
 * connection is borrowed lazily and reused for every statement, and reopened if a statement broke it.
 * Statements without parameters run as plain {@link Statement}s, the others as prepared statements, the way
 * applications send them.
 */
public final class JdbcSqlPath implements SqlPath {

    private final String name;
    private final DataSource dataSource;
    private Connection connection;

    public JdbcSqlPath(String name, DataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public QueryResult query(String sql, List<Object> params) throws SQLException {
        Connection c = connection();
        if (params.isEmpty()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return QueryResult.read(rs);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return QueryResult.read(rs);
            }
        }
    }

    @Override
    public long update(String sql, List<Object> params) throws SQLException {
        Connection c = connection();
        if (params.isEmpty()) {
            try (Statement s = c.createStatement()) {
                return s.executeLargeUpdate(sql);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeLargeUpdate();
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = dataSource.getConnection();
        }
        return connection;
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

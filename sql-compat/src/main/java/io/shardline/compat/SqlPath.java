package io.shardline.compat;

import java.sql.SQLException;
import java.util.List;

/**
 * One way to execute SQL: the plain oracle database, Shardline's JDBC driver, later the proxy. The runner
 * sends every corpus statement to two paths and compares what they answer; a path only has to execute.
 */
public interface SqlPath extends AutoCloseable {

    /** A short name for reports ("oracle", "jdbc", "proxy"). */
    String name();

    /** Runs a query and reads its whole result. */
    QueryResult query(String sql, List<Object> params) throws SQLException;

    /** Runs DML, DDL or anything else without a result set; returns the update count (0 for DDL). */
    long update(String sql, List<Object> params) throws SQLException;

    @Override
    void close() throws SQLException;
}

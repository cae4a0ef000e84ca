package io.shardline.consistency.tx;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Fresh connections to a data source group's master, outside any application transaction: compensation, fencing,
 * clean-up and recovery run on them. The JDBC driver implements it over its pools.
 */
@FunctionalInterface
public interface MasterConnections {

    /**
     * A connection in autocommit mode; the caller closes it.
     *
     * @throws SQLException when the master cannot be reached, or {@code dataSource} is not configured
     */
    Connection open(String dataSource) throws SQLException;
}

package io.shardline.jdbc.execute;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One database server of a data source group and its pool.
 *
 * @param dataSource the group name, e.g. {@code ds_0}
 * @param role       {@code master} or {@code replica-N}
 * @param address    {@code host:port} from the node's URL, for messages
 * @param username   the user the pool connects as
 * @param pool       the node's HikariCP pool
 */
public record ShardNode(String dataSource, String role, String address, String username, HikariDataSource pool) {

    @Override
    public String toString() {
        return dataSource + "/" + role + "@" + address;
    }
}

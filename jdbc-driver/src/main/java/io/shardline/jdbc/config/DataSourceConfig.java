package io.shardline.jdbc.config;

import java.util.List;

/**
 * One data source group: a master, its replicas, and the pool settings of every node.
 *
 * @param name     the data source name used in data nodes, e.g. {@code ds_0}
 * @param master   the master, which takes every write
 * @param replicas the replicas, possibly none, in configuration order
 * @param pool     pool settings for every node of the group
 * @param flavor   which server family the nodes are ({@code flavor:}); decides how read-your-writes reads commit
 *                 GTIDs, replica positions and bounded waits
 */
public record DataSourceConfig(String name, NodeConfig master, List<NodeConfig> replicas, PoolConfig pool,
        Flavor flavor) {

    /** Server families ({@code flavor: mariadb | mysql | auto}). */
    public enum Flavor {
        /** From the master's version string at start (MariaDB names itself; anything else is MySQL). */
        AUTO,
        /** MariaDB: {@code last_gtid}, {@code @@gtid_slave_pos}, {@code MASTER_GTID_WAIT}. */
        MARIADB,
        /** MySQL 5.7/8: {@code session_track_gtids}, {@code @@global.gtid_executed}, {@code WAIT_FOR_EXECUTED_GTID_SET}. */
        MYSQL
    }

    /** Copies the replica list. */
    public DataSourceConfig {
        replicas = List.copyOf(replicas);
    }

    /** A group whose flavour is detected at start. */
    public DataSourceConfig(String name, NodeConfig master, List<NodeConfig> replicas, PoolConfig pool) {
        this(name, master, replicas, pool, Flavor.AUTO);
    }
}

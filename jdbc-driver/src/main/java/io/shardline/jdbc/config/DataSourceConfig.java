package io.shardline.jdbc.config;

import java.util.List;

/**
 * One data source group: a master, its replicas, and the pool settings of every node.
 *
 * @param name     the data source name used in data nodes, e.g. {@code ds_0}
 * @param master   the master, which takes every write
 * @param replicas the replicas, possibly none, in configuration order
 * @param pool     pool settings for every node of the group
 */
public record DataSourceConfig(String name, NodeConfig master, List<NodeConfig> replicas, PoolConfig pool) {

    /** Copies the replica list. */
    public DataSourceConfig {
        replicas = List.copyOf(replicas);
    }
}

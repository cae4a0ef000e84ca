package io.shardline.bench.cache;

import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.config.ShardlineConfig;
import io.shardline.testkit.Topology;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A real topology with {@code kv (k, v)} sharded by k over its groups, and DataSources with and without cache. */
final class CacheBenchTopology {

    private CacheBenchTopology() {
    }

    static Topology start(int groups, int replicas, int keys) throws SQLException {
        Topology topology = Topology.start(groups, replicas);
        topology.createDatabase("bench");
        for (int g = 0; g < groups; g++) {
            try (Connection c = topology.master(g).connect("bench"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kv (k BIGINT PRIMARY KEY, v BIGINT NOT NULL, note VARCHAR(40))");
                s.execute("INSERT INTO kv SELECT seq, seq * 10, CONCAT('n', seq) FROM seq_0_to_" + (keys - 1)
                        + " WHERE seq % " + groups + " = " + g);
            }
        }
        topology.waitForCatchUp();
        return topology;
    }

    /**
     * @param cache     whether the {@code cache} section is present
     * @param splitting whether reads go to replicas (round robin, read-your-writes off)
     */
    static ShardlineDataSource dataSource(Topology topology, boolean cache, boolean splitting) {
        StringBuilder yaml = new StringBuilder("dataSources:\n");
        for (int g = 0; g < topology.groups(); g++) {
            yaml.append("  ds_").append(g).append(":\n    master: {url: \"").append(topology.master(g).jdbcUrl("bench"))
                    .append("\", username: root}\n");
            if (topology.replicasPerGroup() > 0) {
                yaml.append("    replicas:\n");
                for (int r = 0; r < topology.replicasPerGroup(); r++) {
                    yaml.append("      - {url: \"").append(topology.replica(g, r).jdbcUrl("bench"))
                            .append("\", username: root}\n");
                }
            }
            yaml.append("    pool: {maximumPoolSize: 8}\n");
        }
        yaml.append("rules:\n  tables:\n    kv:\n      dataNodes: ds_${0..").append(topology.groups() - 1)
                .append("}.kv\n      databaseStrategy: {column: k, algorithm: by_k}\n"
                        + "  algorithms:\n    by_k: {type: MOD, props: {shardingCount: ").append(topology.groups())
                .append("}}\n");
        if (splitting) {
            yaml.append("readWriteSplitting:\n  loadBalancer: ROUND_ROBIN\n  readYourWrites: {mode: OFF}\n");
        }
        if (cache) {
            yaml.append("cache:\n  tables:\n    kv: {keyColumns: [k], ttlMs: 60000, maximumSize: 200000}\n");
        }
        return ShardlineDataSource.builder().config(ShardlineConfig.parse(yaml.toString(), "bench-cache-" + cache))
                .build();
    }
}

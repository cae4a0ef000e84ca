package io.shardline.jdbc.ryw;

import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.config.ShardlineConfig;
import io.shardline.testkit.MariaDbNode;
import io.shardline.testkit.junit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** YAML and tables for the read/write splitting tests: {@code kv} sharded by {@code k} over two groups. */
final class RywFixture {

    private RywFixture() {
    }

    /**
     * @param splitting the {@code readWriteSplitting} section (indented by two spaces per level, without the key),
     *                  or null for none
     * @param perDataSource a {@code readWriteSplitting} line for ds_0, or null
     */
    static String yaml(TestDatabase db, String splitting, String perDataSource) {
        StringBuilder out = new StringBuilder("dataSources:\n");
        for (int g = 0; g < 2; g++) {
            out.append("  ds_").append(g).append(":\n");
            out.append("    master: {url: \"").append(db.jdbcUrl(db.topology().master(g))).append("\", username: ")
                    .append(MariaDbNode.USER).append("}\n");
            out.append("    replicas:\n");
            for (MariaDbNode replica : db.topology().replicas(g)) {
                out.append("      - {url: \"").append(db.jdbcUrl(replica)).append("\", username: ")
                        .append(MariaDbNode.USER).append("}\n");
            }
            out.append("    pool: {maximumPoolSize: 12, minimumIdle: 1}\n");
            if (g == 0 && perDataSource != null) {
                out.append("    readWriteSplitting: ").append(perDataSource).append('\n');
            }
        }
        out.append("rules:\n"
                + "  tables:\n"
                + "    kv:\n"
                + "      dataNodes: ds_${0..1}.kv\n"
                + "      databaseStrategy: {column: k, algorithm: by_k}\n"
                + "  algorithms:\n"
                + "    by_k: {type: MOD, props: {shardingCount: 2}}\n");
        if (splitting != null) {
            out.append("readWriteSplitting:\n").append(splitting);
        }
        return out.toString();
    }

    static ShardlineDataSource dataSource(TestDatabase db, String splitting, String perDataSource) {
        ShardlineConfig config = ShardlineConfig.parse(yaml(db, splitting, perDataSource), "test:" + db.name());
        return ShardlineDataSource.builder().config(config).executorThreads(4).build();
    }

    /** Creates {@code kv} on both masters (replicated to their replicas). */
    static void createTable(TestDatabase db) throws SQLException {
        for (int g = 0; g < 2; g++) {
            try (Connection c = db.connectMaster(g); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS kv (k BIGINT PRIMARY KEY, v BIGINT NOT NULL)");
            }
        }
    }

    /** The node (master or replica) of {@code group} whose server id this is, for messages and counts. */
    static String nodeName(TestDatabase db, int serverId) {
        for (MariaDbNode node : db.topology().nodes()) {
            if (node.serverId() == serverId) {
                return node.name();
            }
        }
        return "server " + serverId;
    }

    static boolean isMaster(TestDatabase db, int serverId) {
        for (int g = 0; g < db.topology().groups(); g++) {
            if (db.topology().master(g).serverId() == serverId) {
                return true;
            }
        }
        return false;
    }
}

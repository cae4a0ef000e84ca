package io.shardline.jdbc;

import io.shardline.jdbc.config.ShardlineConfig;
import io.shardline.testkit.MariaDbNode;
import io.shardline.testkit.junit.TestDatabase;

/** Configurations for the driver's tests: two data sources over a test topology's masters. */
final class TestShardline {

    private TestShardline() {
    }

    /** YAML for ds_0/ds_1 on masters 0 and 1 (or both on master 0 when the topology has one group). */
    static String yaml(TestDatabase db, int maximumPoolSize) {
        MariaDbNode m0 = db.topology().master(0);
        MariaDbNode m1 = db.topology().groups() > 1 ? db.topology().master(1) : m0;
        return "dataSources:\n"
                + "  ds_0:\n"
                + "    master: {url: \"" + db.jdbcUrl(m0) + "\", username: " + MariaDbNode.USER + "}\n"
                + replicas(db, 0)
                + "    pool: {maximumPoolSize: " + maximumPoolSize + ", minimumIdle: 1}\n"
                + "  ds_1:\n"
                + "    master: {url: \"" + db.jdbcUrl(m1) + "\", username: " + MariaDbNode.USER + "}\n"
                + replicas(db, db.topology().groups() > 1 ? 1 : 0)
                + "    pool: {maximumPoolSize: " + maximumPoolSize + ", minimumIdle: 1}\n"
                + "rules:\n"
                + "  tables:\n"
                + "    t_item:\n"
                + "      dataNodes: ds_${0..1}.t_item_${0..1}\n"
                + "      databaseStrategy: {column: id, algorithm: by_id}\n"
                + "  algorithms:\n"
                + "    by_id: {type: MOD, props: {shardingCount: 2}}\n";
    }

    private static String replicas(TestDatabase db, int group) {
        if (db.topology().replicasPerGroup() == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder("    replicas:\n");
        for (MariaDbNode replica : db.topology().replicas(group)) {
            out.append("      - {url: \"").append(db.jdbcUrl(replica)).append("\", username: ").append(MariaDbNode.USER)
                    .append("}\n");
        }
        return out.toString();
    }

    static ShardlineConfig config(TestDatabase db) {
        return ShardlineConfig.parse(yaml(db, 4), "test:" + db.name());
    }

    static ShardlineDataSource dataSource(TestDatabase db, TestPlanner planner) {
        return ShardlineDataSource.builder().config(config(db)).planner(rule -> planner).executorThreads(4).build();
    }
}

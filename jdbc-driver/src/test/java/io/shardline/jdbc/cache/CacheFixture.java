package io.shardline.jdbc.cache;

import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.config.ShardlineConfig;
import io.shardline.testkit.MariaDbNode;
import io.shardline.testkit.junit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * YAML and tables for the cache tests: {@code kv (k BIGINT PK, v BIGINT, note VARCHAR NULL)} sharded by {@code k}
 * over two groups, into actual table {@code kv_<k % 2>} (so row events carry shard table names, not {@code kv}).
 */
final class CacheFixture {

    private CacheFixture() {
    }

    /**
     * @param splitting the {@code readWriteSplitting} section body (two-space indented), or null
     * @param cache     the {@code cache} section body (two-space indented), or null for none
     */
    static String yaml(TestDatabase db, String splitting, String cache) {
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
        }
        out.append("rules:\n"
                + "  tables:\n"
                + "    kv:\n"
                + "      dataNodes: ds_${0..1}.kv_${0..1}\n"
                + "      databaseStrategy: {column: k, algorithm: by_k}\n"
                + "      tableStrategy: {column: k, algorithm: table_by_k}\n"
                + "  algorithms:\n"
                + "    by_k: {type: MOD, props: {shardingCount: 2}}\n"
                + "    table_by_k: {type: MOD, props: {shardingCount: 2}}\n");
        if (splitting != null) {
            out.append("readWriteSplitting:\n").append(splitting);
        }
        if (cache != null) {
            out.append("cache:\n").append(cache);
        }
        return out.toString();
    }

    static ShardlineDataSource dataSource(TestDatabase db, String splitting, String cache) {
        ShardlineConfig config = ShardlineConfig.parse(yaml(db, splitting, cache), "test:" + db.name());
        return ShardlineDataSource.builder().config(config).executorThreads(4).build();
    }

    /** The actual table of key {@code k} (as the rule above places it) on its group's master. */
    static String actualTable(long k) {
        return "kv_" + (k % 2);
    }

    static int group(long k) {
        return (int) (k % 2);
    }

    static void createTables(TestDatabase db) throws SQLException {
        for (int g = 0; g < 2; g++) {
            try (Connection c = db.connectMaster(g); Statement s = c.createStatement()) {
                for (int t = 0; t < 2; t++) {
                    s.execute("CREATE TABLE IF NOT EXISTS kv_" + t + " (k BIGINT PRIMARY KEY, v BIGINT NOT NULL, "
                            + "note VARCHAR(40) NULL)");
                }
            }
        }
        db.topology().waitForCatchUp();
    }

    /** The master's value of {@code v} for key {@code k}, or null when the row does not exist. */
    static Long masterValue(TestDatabase db, long k) throws SQLException {
        try (Connection c = db.connectMaster(group(k)); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT v FROM " + actualTable(k) + " WHERE k = " + k)) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    /** Polls until the condition holds (true) or the timeout passes (false). */
    static boolean eventually(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}

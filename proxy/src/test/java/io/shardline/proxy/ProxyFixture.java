package io.shardline.proxy;

import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.config.ShardlineConfig;
import io.shardline.jdbc.execute.DataSourceGroup;
import io.shardline.testkit.MariaDbNode;
import io.shardline.testkit.junit.TestDatabase;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A proxy over a test topology's two masters: {@code sbtest1} (sysbench's table) sharded by {@code id} MOD 2 onto
 * ds_0/ds_1, {@code t_types} a single table on ds_0 holding one column of every common type. User {@code app} with
 * password {@code secret}; the schema clients see is {@code shardline}.
 */
final class ProxyFixture implements AutoCloseable {

    static final String USER = "app";
    static final String PASSWORD = "secret";
    static final String SCHEMA = "shardline";

    static final String SBTEST_DDL = "CREATE TABLE IF NOT EXISTS sbtest1 (id INT NOT NULL, k INT NOT NULL DEFAULT 0,"
            + " c CHAR(120) NOT NULL DEFAULT '', pad CHAR(60) NOT NULL DEFAULT '', PRIMARY KEY (id), KEY k_1 (k))";
    static final String TYPES_DDL = "CREATE TABLE IF NOT EXISTS t_types (id INT PRIMARY KEY, ti TINYINT, si SMALLINT,"
            + " mi MEDIUMINT, i INT, iu INT UNSIGNED, bi BIGINT, bu BIGINT UNSIGNED, de DECIMAL(20,6), f FLOAT,"
            + " d DOUBLE, dt DATE, dtm DATETIME(6), ts TIMESTAMP(3) NULL, tm TIME(6), y YEAR, ch CHAR(10),"
            + " vc VARCHAR(100), tx TEXT, bn VARBINARY(20), bl BLOB, b1 TINYINT(1), en ENUM('a','b','c'))";

    final TestDatabase db;
    final ShardlineDataSource dataSource;
    final ProxyServer proxy;

    private ProxyFixture(TestDatabase db, ShardlineDataSource dataSource, ProxyServer proxy) {
        this.db = db;
        this.dataSource = dataSource;
        this.proxy = proxy;
    }

    static ProxyFixture start(TestDatabase db) throws Exception {
        return start(db, ProxyConfig.of(Map.of(USER, PASSWORD), SCHEMA));
    }

    static ProxyFixture start(TestDatabase db, ProxyConfig config) throws Exception {
        for (int g = 0; g < 2; g++) {
            try (Connection c = db.connectMaster(g); Statement s = c.createStatement()) {
                s.execute(SBTEST_DDL);
                if (g == 0) {
                    s.execute(TYPES_DDL);
                }
            }
        }
        ShardlineDataSource ds = ShardlineDataSource.builder()
                .config(ShardlineConfig.parse(yaml(db, 8), "proxy-test:" + db.name())).build();
        try {
            return new ProxyFixture(db, ds, ProxyServer.start(ds, config, new InetSocketAddress("127.0.0.1", 0)));
        } catch (RuntimeException | InterruptedException e) {
            ds.close();
            throw e;
        }
    }

    static String yaml(TestDatabase db, int poolSize) {
        MariaDbNode m0 = db.topology().master(0);
        MariaDbNode m1 = db.topology().master(1);
        return "dataSources:\n"
                + "  ds_0:\n"
                + "    master: {url: \"" + db.jdbcUrl(m0) + "\", username: " + MariaDbNode.USER + "}\n"
                + "    pool: {maximumPoolSize: " + poolSize + ", minimumIdle: 1}\n"
                + "  ds_1:\n"
                + "    master: {url: \"" + db.jdbcUrl(m1) + "\", username: " + MariaDbNode.USER + "}\n"
                + "    pool: {maximumPoolSize: " + poolSize + ", minimumIdle: 1}\n"
                + "rules:\n"
                + "  tables:\n"
                + "    sbtest1:\n"
                + "      dataNodes: ds_${0..1}.sbtest1\n"
                + "      databaseStrategy: {column: id, algorithm: by_id}\n"
                + "  singleTables: [t_types]\n"
                + "  defaultDataSource: ds_0\n"
                + "  algorithms:\n"
                + "    by_id: {type: MOD, props: {shardingCount: 2}}\n";
    }

    int port() {
        return proxy.port();
    }

    String url(String options) {
        return "jdbc:mysql://127.0.0.1:" + port() + "/" + SCHEMA + "?" + options;
    }

    Connection connect(String options) throws SQLException {
        return DriverManager.getConnection(url(options), USER, PASSWORD);
    }

    /** Shard connections borrowed from the pools right now, over every node. */
    int activeShardConnections() {
        int active = 0;
        for (DataSourceGroup group : dataSource.pools().groups()) {
            active += group.master().pool().getHikariPoolMXBean().getActiveConnections();
            for (var replica : group.replicas()) {
                active += replica.pool().getHikariPoolMXBean().getActiveConnections();
            }
        }
        return active;
    }

    /**
     * Waits (up to 10 s) until every client session the proxy had is closed and no shard connection is borrowed,
     * and fails naming what is left. Sessions close asynchronously after the client's COM_QUIT, hence the wait.
     */
    /** Waits up to 10 s for the shard connections borrowed to drop to {@code expected}; returns the last count. */
    int awaitActiveShardConnections(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (activeShardConnections() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return activeShardConnections();
    }

    void awaitNoActiveShardConnections() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((proxy.openSessions() > 0 || activeShardConnections() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (proxy.openSessions() > 0 || activeShardConnections() > 0) {
            throw new AssertionError("after 10 s: " + proxy.openSessions() + " proxy sessions open, "
                    + activeShardConnections() + " shard connections borrowed");
        }
    }

    /**
     * Reads a result of sbtest1 rows ({@code id, c, ...}) to its end, checking each row's {@code c}; a reader that
     * stops for half a second after {@code pauseAfter} rows (0: never) lets the proxy's socket fill. Returns the row
     * count and the sum of the ids.
     */
    static long[] readSbtestRows(ResultSet rs, int pauseAfter) throws SQLException, InterruptedException {
        long rows = 0;
        long sum = 0;
        while (rs.next()) {
            rows++;
            sum += rs.getInt(1);
            org.assertj.core.api.Assertions.assertThat(rs.getString(2)).isEqualTo("c-" + rs.getInt(1));
            if (rows == pauseAfter) {
                Thread.sleep(500);
            }
        }
        return new long[] {rows, sum};
    }

    /** Rows {@code 1..rows} of sbtest1, each written straight to the shard MOD 2 puts it on. */
    void loadSbtest(int rows) throws SQLException {
        for (int g = 0; g < 2; g++) {
            try (Connection c = db.connectMaster(g); Statement s = c.createStatement()) {
                s.execute("DELETE FROM sbtest1");
                StringBuilder insert = new StringBuilder();
                for (int id = 1; id <= rows; id++) {
                    if (id % 2 != g) {
                        continue;
                    }
                    insert.append(insert.length() == 0 ? "INSERT INTO sbtest1 (id, k, c, pad) VALUES " : ",");
                    insert.append('(').append(id).append(',').append(id * 7 % rows).append(",'c-").append(id)
                            .append("','pad-").append(id).append("')");
                    if (insert.length() > 200_000) {
                        s.execute(insert.toString());
                        insert.setLength(0);
                    }
                }
                if (insert.length() > 0) {
                    s.execute(insert.toString());
                }
            }
        }
    }

    @Override
    public void close() {
        proxy.close();
        dataSource.close();
    }
}

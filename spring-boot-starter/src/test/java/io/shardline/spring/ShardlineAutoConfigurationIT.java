package io.shardline.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.testkit.Topology;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The starter in a Spring context over a real topology (2 groups x 1 replica): which DataSource it makes from which
 * property, that Spring's transaction manager commits and rolls back across shards through it, and what the health
 * indicator and meters report.
 */
@TestTopology(groups = 2, replicas = 1)
class ShardlineAutoConfigurationIT {

    private static final AutoConfigurations SPRING = AutoConfigurations.of(ShardlineAutoConfiguration.class,
            ShardlineHealthAutoConfiguration.class, ShardlineMetricsAutoConfiguration.class,
            DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, TransactionAutoConfiguration.class);

    @TempDir
    static Path dir;
    static Path yaml;

    @BeforeAll
    static void schema(Topology topology, TestDatabase db) throws IOException, SQLException {
        yaml = dir.resolve("shardline.yaml");
        Files.writeString(yaml, config(topology, db.name()));
        for (int g = 0; g < 2; g++) {
            try (Connection c = db.connectMaster(g); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t_item_0 (item_id BIGINT PRIMARY KEY, user_id INT NOT NULL, name VARCHAR(40))");
                s.execute("CREATE TABLE t_item_1 (item_id BIGINT PRIMARY KEY, user_id INT NOT NULL, name VARCHAR(40))");
            }
        }
        topology.waitForCatchUp();
    }

    static String config(Topology topology, String database) {
        StringBuilder out = new StringBuilder("dataSources:\n");
        for (int g = 0; g < 2; g++) {
            out.append("  ds_").append(g).append(":\n")
                    .append("    master: {url: \"").append(topology.master(g).jdbcUrl(database))
                    .append("\", username: root, password: \"\"}\n")
                    .append("    replicas:\n      - {url: \"").append(topology.replica(g, 0).jdbcUrl(database))
                    .append("\", username: root, password: \"\"}\n")
                    .append("    pool: {maximumPoolSize: 4, minimumIdle: 1}\n");
        }
        return out.append("""
                rules:
                  tables:
                    t_item:
                      dataNodes: ds_${0..1}.t_item_${0..1}
                      databaseStrategy: {column: user_id, algorithm: db_mod}
                      tableStrategy: {column: item_id, algorithm: item_table}
                  defaultDataSource: ds_0
                  algorithms:
                    db_mod: {type: MOD, props: {shardingCount: 2}}
                    item_table: {type: INLINE, props: {expression: "t_item_${item_id % 2}"}}
                readWriteSplitting:
                  readYourWrites: {mode: GTID}
                """).toString();
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withConfiguration(SPRING);
    }

    @Test
    void urlPropertyMakesTheDataSourceAndSpringTransactionsSpanShards(TestDatabase db) throws SQLException {
        runner().withPropertyValues("spring.datasource.url=jdbc:shardline:" + yaml).run(context -> {
            assertThat(context).hasNotFailed();
            DataSource ds = context.getBean(DataSource.class);
            assertThat(ds).isInstanceOf(ShardlineDataSource.class);
            assertThat(((ShardlineDataSource) ds).url()).isEqualTo("jdbc:shardline:" + yaml);
            assertThat(context.getBean(PlatformTransactionManager.class)).isInstanceOf(JdbcTransactionManager.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(ShardlineMetrics.class).bindTo(registry);

            // Committed: users 1 and 2 live on different data sources; both rows are there afterwards.
            tx.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO t_item (item_id, user_id, name) VALUES (?, ?, ?)", 10, 1, "committed-1");
                jdbc.update("INSERT INTO t_item (item_id, user_id, name) VALUES (?, ?, ?)", 11, 2, "committed-2");
            });
            // Rolled back by an exception in the callback, after writes on both data sources.
            assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO t_item (item_id, user_id, name) VALUES (?, ?, ?)", 20, 1, "rolled-back-1");
                jdbc.update("INSERT INTO t_item (item_id, user_id, name) VALUES (?, ?, ?)", 21, 2, "rolled-back-2");
                throw new IllegalStateException("boom");
            })).hasMessage("boom");

            assertThat(jdbc.queryForList("SELECT name FROM t_item ORDER BY item_id", String.class))
                    .containsExactly("committed-1", "committed-2");
            // The committed transaction wrote on both data sources: one global commit for the coordinator's meter.
            assertThat(registry.get("shardline.transactions.commits").tag("kind", "global").functionCounter().count())
                    .isEqualTo(1);
        });
        // What each master really holds: the rows went to the data source of user_id % 2, none rolled back.
        assertThat(namesOn(db, 0)).containsExactly("committed-2");
        assertThat(namesOn(db, 1)).containsExactly("committed-1");
    }

    @Test
    void healthAndMetricsDescribeEveryNode() {
        runner().withPropertyValues("shardline.config=file:" + yaml).run(context -> {
            assertThat(context).hasNotFailed();
            Health health = context.getBean(ShardlineHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails().get("dataSources").toString()).contains("ds_0", "ds_1", "replica-0");

            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(ShardlineMetrics.class).bindTo(registry);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.queryForList("SELECT name FROM t_item WHERE user_id = 1 AND item_id = 10", String.class);
            jdbc.queryForList("SELECT name FROM t_item", String.class);
            assertThat(registry.get("shardline.statements").tag("opcode", "SINGLE").functionCounter().count())
                    .isGreaterThanOrEqualTo(1);
            assertThat(registry.get("shardline.statements").tag("opcode", "SCATTER").functionCounter().count())
                    .isGreaterThanOrEqualTo(1);
            double reads = registry.get("shardline.reads").functionCounters().stream()
                    .mapToDouble(c -> c.count()).sum();
            // one unit for the single-shard read, four for the scatter read
            assertThat(reads).isGreaterThanOrEqualTo(5);
            assertThat(registry.get("hikaricp.connections").tag("pool", "shardline-ds_1-replica-0").gauge())
                    .isNotNull();
        });
    }

    @Test
    void unreachableMasterAtStartFailsTheContextNamingTheDataSource(Topology topology, TestDatabase db)
            throws IOException {
        String broken = config(topology, db.name()).replace(topology.master(1).jdbcUrl(db.name()),
                "jdbc:mysql://127.0.0.1:1/" + db.name() + "?connectTimeout=500");
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, broken);
        runner().withPropertyValues("spring.datasource.url=jdbc:shardline:" + file).run(context ->
                assertThat(context.getStartupFailure()).hasStackTraceContaining("ds_1")
                        .hasStackTraceContaining("127.0.0.1:1"));
    }

    @Test
    void healthIsDownNamingEachMasterOnceThePoolsAreGone() {
        runner().withPropertyValues("spring.datasource.url=jdbc:shardline:" + yaml).run(context -> {
            ShardlineHealthIndicator indicator = context.getBean(ShardlineHealthIndicator.class);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            context.getBean(ShardlineDataSource.class).close();
            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("dataSources").toString())
                    .contains("ds_0={master=127.0.0.1:" + topologyPort(context, 0) + " DOWN")
                    .contains("ds_1={master=127.0.0.1:" + topologyPort(context, 1) + " DOWN");
        });
    }

    private static int topologyPort(org.springframework.context.ApplicationContext context, int group) {
        String address = context.getBean(ShardlineDataSource.class).pools().group("ds_" + group).orElseThrow().master()
                .address();
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    @Test
    void otherUrlsLeaveSpringBootsDataSourceAlone(Topology topology, TestDatabase db) {
        runner().withPropertyValues("spring.datasource.url=" + topology.master(0).jdbcUrl(db.name()),
                "spring.datasource.username=root").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
                    assertThat(context).doesNotHaveBean(ShardlineMetrics.class);
                    assertThat(context).doesNotHaveBean(ShardlineHealthIndicator.class);
                });
    }

    @Test
    void missingConfigurationNamesTheLocation() {
        runner().withPropertyValues("spring.datasource.url=jdbc:shardline:classpath:nope.yaml").run(context ->
                assertThat(context.getStartupFailure()).hasStackTraceContaining("classpath:nope.yaml"));
    }

    private static java.util.List<String> namesOn(TestDatabase db, int group) throws SQLException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Connection c = db.connectMaster(group); Statement s = c.createStatement()) {
            for (String t : new String[] {"t_item_0", "t_item_1"}) {
                try (ResultSet rs = s.executeQuery("SELECT name FROM " + t)) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
            }
        }
        return names;
    }
}

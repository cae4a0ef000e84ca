package io.shardline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.jdbc.config.ConfigException;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code jdbc:shardline:} URL forms and YAML loading, against real servers. */
@TestTopology(groups = 2, replicas = 0)
class ShardlineDriverIT {

    @AfterAll
    static void closeDriverDataSources() {
        ShardlineDriver.closeDataSources();
    }

    @Test
    void driverUrlWithAYamlFile(TestDatabase db, @TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("shardline.yaml");
        Files.writeString(yaml, TestShardline.yaml(db, 2), StandardCharsets.UTF_8);
        String url = "jdbc:shardline:" + yaml;
        assertThat(DriverManager.getDriver(url)).isInstanceOf(ShardlineDriver.class);
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(c).isInstanceOf(ShardlineConnection.class);
            assertThat(c.getMetaData().getURL()).isEqualTo(url);
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("MariaDB");
            assertThat(c.getMetaData().getDriverName()).isEqualTo("Shardline JDBC");
        }
        // A URL gets the default planner, io.shardline.router.ShardingPlanner, over the file's rules.
        assertThat(ShardlineDriver.dataSource(url).planner()).isInstanceOf(io.shardline.router.ShardingPlanner.class);
        try (ShardlineDataSource fromFile = ShardlineDataSource.fromYaml(yaml); Connection c = fromFile.getConnection()) {
            assertThat(fromFile.config().source()).isEqualTo(yaml.toString());
            assertThat(c.getMetaData().getURL()).isEqualTo("jdbc:shardline:" + yaml);
            assertThat(fromFile).isNotSameAs(ShardlineDriver.dataSource(url));
        }
        // one DataSource per URL
        assertThat(ShardlineDriver.dataSource(url)).isSameAs(ShardlineDriver.dataSource(url));
        assertThat(new ShardlineDriver().acceptsURL("jdbc:mysql://localhost/x")).isFalse();
        assertThat(new ShardlineDriver().connect("jdbc:mysql://localhost/x", null)).isNull();
        assertThat(new ShardlineDriver().acceptsURL("jdbc:shardline:")).isFalse();
    }

    @Test
    void aMissingFileIsReportedWithItsName(@TempDir Path dir) {
        String url = "jdbc:shardline:" + dir.resolve("nope.yaml");
        assertThatThrownBy(() -> DriverManager.getConnection(url)).isInstanceOf(SQLException.class)
                .hasMessageContaining("nope.yaml");
    }

    @Test
    void dataSourceFromAClasspathResource(TestDatabase db, @TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/shardline-test.yaml"), TestShardline.yaml(db, 2), StandardCharsets.UTF_8);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            try (ShardlineDataSource ds = ShardlineDataSource.fromClasspath("config/shardline-test.yaml");
                    Connection c = ds.getConnection()) {
                assertThat(ds.config().dataSources()).containsOnlyKeys("ds_0", "ds_1");
                assertThat(c.getMetaData().getUserName()).isEqualTo("root");
                assertThat(ds.pools().group("ds_1").orElseThrow().master().pool().getPoolName())
                        .isEqualTo("shardline-ds_1-master");
            }
            assertThatThrownBy(() -> ShardlineDataSource.fromClasspath("config/missing.yaml"))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("classpath:config/missing.yaml");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void aNodeThatCannotBeReachedIsNamed() {
        String yaml = "dataSources:\n"
                + "  ds_0:\n"
                + "    master: {url: \"jdbc:mysql://127.0.0.1:1/none?connectTimeout=500\", username: root}\n"
                + "    pool: {maximumPoolSize: 1, connectionTimeoutMs: 250}\n"
                + "rules:\n"
                + "  singleTables: [t_config]\n"
                + "  defaultDataSource: ds_0\n";
        assertThatThrownBy(() -> ShardlineDataSource.builder()
                .config(io.shardline.jdbc.config.ShardlineConfig.parse(yaml, "unreachable.yaml")).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("data source ds_0 master (127.0.0.1:1)");
    }

    @Test
    void closingTheDataSourceClosesItsPools(TestDatabase db) throws SQLException {
        ShardlineDataSource ds = TestShardline.dataSource(db, new TestPlanner());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 /*ds:0*/")) {
            assertThat(rs.next()).isTrue();
        }
        ds.close();
        assertThat(ds.pools().first().master().pool().isClosed()).isTrue();
        assertThatThrownBy(ds::getConnection).isInstanceOf(SQLException.class).hasMessageContaining("closed");
    }
}

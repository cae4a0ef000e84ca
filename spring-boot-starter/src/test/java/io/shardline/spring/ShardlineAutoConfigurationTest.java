package io.shardline.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.jdbc.ShardlineDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/** Which configuration the starter reads, and that it stays out of the way unless asked; no server needed. */
class ShardlineAutoConfigurationTest {

    @Test
    void urlLocationsReadLikeTheDriver() {
        assertThat(location(null, "jdbc:shardline:classpath:shardline.yaml"))
                .isEqualTo(new ShardlineAutoConfiguration.Location("classpath:shardline.yaml",
                        "jdbc:shardline:classpath:shardline.yaml"));
        // The driver reads anything else as a file path, relative ones included.
        assertThat(location(null, "jdbc:shardline:/etc/app/shardline.yaml").springLocation())
                .isEqualTo("file:/etc/app/shardline.yaml");
        assertThat(location(null, "jdbc:shardline:conf/shardline.yaml").springLocation())
                .isEqualTo("file:conf/shardline.yaml");
    }

    @Test
    void shardlineConfigWinsOverTheUrl() {
        ShardlineAutoConfiguration.Location l = location("file:/srv/s.yaml", "jdbc:shardline:classpath:other.yaml");
        assertThat(l.springLocation()).isEqualTo("file:/srv/s.yaml");
        assertThat(l.url()).isEqualTo("jdbc:shardline:file:/srv/s.yaml");
    }

    @Test
    void neitherSetIsAnErrorNamingBothProperties() {
        assertThatThrownBy(() -> location(null, "jdbc:mysql://h/db")).hasMessageContaining("spring.datasource.url")
                .hasMessageContaining("shardline.config").hasMessageContaining("jdbc:mysql://h/db");
    }

    @Test
    void starterOnTheClassPathAloneChangesNothing() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ShardlineAutoConfiguration.class,
                ShardlineHealthAutoConfiguration.class, ShardlineMetricsAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:mysql://h/db")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(ShardlineDataSource.class);
                    assertThat(context).doesNotHaveBean(ShardlineMetrics.class);
                });
    }

    private static ShardlineAutoConfiguration.Location location(String config, String url) {
        ShardlineProperties properties = new ShardlineProperties();
        properties.setConfig(config);
        MockEnvironment env = new MockEnvironment();
        if (url != null) {
            env.setProperty("spring.datasource.url", url);
        }
        return ShardlineAutoConfiguration.location(properties, env);
    }
}

package io.shardline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.jdbc.config.ShardlineConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The documented MySQL 8 example is a valid configuration (its servers are only started by users with Docker). */
class Mysql8ConfigTest {

    @Test
    void mysql8ExampleLoads() {
        ShardlineConfig config = ShardlineConfig.load(Path.of("mysql8", "shardline-mysql8.yaml"));
        assertThat(config.dataSources()).containsOnlyKeys("ds_0", "ds_1");
        assertThat(config.dataSources().get("ds_1").replicas()).hasSize(1);
        assertThat(config.readWriteSplitting("ds_0")).isPresent();
    }
}

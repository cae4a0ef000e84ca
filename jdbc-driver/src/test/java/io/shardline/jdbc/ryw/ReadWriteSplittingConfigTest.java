package io.shardline.jdbc.ryw;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.jdbc.config.DataSourceConfig;
import io.shardline.jdbc.config.ReadWriteSplittingConfig;
import io.shardline.jdbc.config.ReadWriteSplittingConfig.LoadBalancer;
import io.shardline.jdbc.config.ReadWriteSplittingConfig.Mode;
import io.shardline.jdbc.config.ReadWriteSplittingConfig.TransactionReads;
import io.shardline.jdbc.config.ShardlineConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadWriteSplittingConfigTest {

    @Test
    void theFullExampleConfiguresSplittingGloballyAndPerDataSource() {
        ShardlineConfig config = ShardlineConfig.loadClasspath("config/full-example.yaml");
        ReadWriteSplittingConfig ds0 = config.readWriteSplitting("ds_0").orElseThrow();
        assertThat(ds0.loadBalancer()).isEqualTo(LoadBalancer.ROUND_ROBIN);
        assertThat(ds0.maxReplicaLagMs()).isEqualTo(10_000);
        assertThat(ds0.transactionReads()).isEqualTo(TransactionReads.MASTER_AFTER_WRITE);
        assertThat(ds0.pollIntervalMs()).isEqualTo(20);
        assertThat(ds0.readYourWrites().mode()).isEqualTo(Mode.GTID);
        assertThat(ds0.readYourWrites().trackingMillis()).isEqualTo(30_000);
        assertThat(ds0.readYourWrites().keyColumns()).isEqualTo(Map.of("t_config", List.of("config_key")));
        ReadWriteSplittingConfig ds1 = config.readWriteSplitting("ds_1").orElseThrow();
        assertThat(ds1.loadBalancer()).isEqualTo(LoadBalancer.WEIGHTED);
        assertThat(ds1.weights()).containsExactly(3, 1);
        assertThat(ds1.maxReplicaLagMs()).isEqualTo(5_000);
        assertThat(ds1.readYourWrites()).isEqualTo(ds0.readYourWrites());
    }

    @Test
    void withoutASectionEveryStatementStaysOnMasters() {
        ShardlineConfig config = ShardlineConfig.parse("dataSources:\n  ds_0: {master: {url: \"jdbc:mysql://h/d\"}, "
                + "replicas: [{url: \"jdbc:mysql://r/d\"}]}\n", "t.yaml");
        assertThat(config.readWriteSplitting("ds_0")).isEmpty();
        ShardlineConfig perDataSource = ShardlineConfig.parse("dataSources:\n  ds_0: {master: {url: \"jdbc:mysql://h/d\"},"
                + " replicas: [{url: \"jdbc:mysql://r/d\"}], readWriteSplitting: {loadBalancer: RANDOM}}\n"
                + "  ds_1: {master: {url: \"jdbc:mysql://h/e\"}}\n", "t.yaml");
        assertThat(perDataSource.readWriteSplitting("ds_0").orElseThrow().loadBalancer()).isEqualTo(LoadBalancer.RANDOM);
        assertThat(perDataSource.readWriteSplitting("ds_0").orElseThrow().readYourWrites())
                .isEqualTo(ReadWriteSplittingConfig.ReadYourWrites.DEFAULTS);
        assertThat(perDataSource.readWriteSplitting("ds_1")).isEmpty();
    }

    @Test
    void aTableCanLeaveReadYourWrites() {
        ShardlineConfig config = ShardlineConfig.parse("dataSources:\n  ds_0: {master: {url: \"jdbc:mysql://h/d\"}, "
                + "replicas: [{url: \"jdbc:mysql://r/d\"}]}\n"
                + "readWriteSplitting:\n  readYourWrites: {mode: GTID, tableModes: {T_Audit: OFF, t_order: GTID}}\n",
                "t.yaml");
        ReadWriteSplittingConfig.ReadYourWrites ryw = config.readWriteSplitting("ds_0").orElseThrow().readYourWrites();
        assertThat(ryw.modeOf("t_audit")).as("names are case-insensitive").isEqualTo(Mode.OFF);
        assertThat(ryw.modeOf("t_order")).isEqualTo(Mode.GTID);
        assertThat(ryw.modeOf("t_user")).as("not listed: the global mode").isEqualTo(Mode.GTID);
    }

    @Test
    void theServerFlavorIsPerDataSourceAndAutoByDefault() {
        ShardlineConfig config = ShardlineConfig.parse("dataSources:\n"
                + "  ds_0: {master: {url: \"jdbc:mysql://h/d\"}}\n"
                + "  ds_1: {master: {url: \"jdbc:mysql://h/e\"}, flavor: mysql}\n"
                + "  ds_2: {master: {url: \"jdbc:mysql://h/f\"}, flavor: MariaDB}\n", "t.yaml");
        assertThat(config.dataSources().get("ds_0").flavor()).isEqualTo(DataSourceConfig.Flavor.AUTO);
        assertThat(config.dataSources().get("ds_1").flavor()).isEqualTo(DataSourceConfig.Flavor.MYSQL);
        assertThat(config.dataSources().get("ds_2").flavor()).isEqualTo(DataSourceConfig.Flavor.MARIADB);
    }

    @Test
    void gtidModeTurnsOnSessionTrackingUnlessTheUrlSaysOtherwise() {
        assertThat(io.shardline.jdbc.execute.ShardPools.withProperty("jdbc:mysql://h/d", "trackSessionState", "true"))
                .isEqualTo("jdbc:mysql://h/d?trackSessionState=true");
        assertThat(io.shardline.jdbc.execute.ShardPools.withProperty("jdbc:mysql://h/d?a=1", "trackSessionState",
                "true")).isEqualTo("jdbc:mysql://h/d?a=1&trackSessionState=true");
        assertThat(io.shardline.jdbc.execute.ShardPools.withProperty("jdbc:mysql://h/d?TRACKSESSIONSTATE=false",
                "trackSessionState", "true")).isEqualTo("jdbc:mysql://h/d?TRACKSESSIONSTATE=false");
        assertThat(io.shardline.jdbc.execute.ShardPools.withProperty("jdbc:mariadb://h/d", "trackSessionState", "true"))
                .isEqualTo("jdbc:mariadb://h/d");
    }

    @Test
    void timeWindowModeTracksForTheWindow() {
        ShardlineConfig config = ShardlineConfig.parse("dataSources:\n  ds_0: {master: {url: \"jdbc:mysql://h/d\"}}\n"
                + "readWriteSplitting: {readYourWrites: {mode: TIME_WINDOW, windowMs: 1500}}\n", "t.yaml");
        assertThat(config.readWriteSplitting("ds_0").orElseThrow().readYourWrites().trackingMillis()).isEqualTo(1500);
    }

    @Test
    void adaptiveWindowReadsTheHeartbeatSettings() {
        ShardlineConfig config = ShardlineConfig.parse("dataSources:\n  ds_0: {master: {url: \"jdbc:mysql://h/d\"}}\n"
                + "readWriteSplitting:\n  maxReplicaLagMs: 4000\n  readYourWrites: {mode: TIME_WINDOW, window: ADAPTIVE, "
                + "heartbeatTable: hb, createHeartbeatTable: false, heartbeatIntervalMs: 200, minWindowMs: 300, "
                + "maxWindowMs: 5000, safetyFactor: 2.5}\n", "t.yaml");
        ReadWriteSplittingConfig.ReadYourWrites ryw = config.readWriteSplitting("ds_0").orElseThrow().readYourWrites();
        assertThat(ryw.adaptive()).isTrue();
        assertThat(ryw.heartbeat()).isEqualTo(new io.shardline.consistency.ryw.Heartbeat("hb", false, 200, 300, 5000,
                2.5));
        assertThat(ryw.trackingMillis()).as("until lag is measured: the maximum").isEqualTo(5000);
        ShardlineConfig defaults = ShardlineConfig.parse("dataSources:\n  ds_0: {master: {url: \"jdbc:mysql://h/d\"}}\n"
                + "readWriteSplitting: {readYourWrites: {mode: TIME_WINDOW, window: ADAPTIVE}}\n", "t.yaml");
        assertThat(defaults.readWriteSplitting("ds_0").orElseThrow().readYourWrites().heartbeat())
                .isEqualTo(ReadWriteSplittingConfig.ReadYourWrites.HEARTBEAT_DEFAULTS);
    }
}

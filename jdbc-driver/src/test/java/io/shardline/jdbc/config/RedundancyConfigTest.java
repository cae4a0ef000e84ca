package io.shardline.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.consistency.redundancy.RedundantTable;
import io.shardline.consistency.redundancy.RepairPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedundancyConfigTest {

    @Test
    void fullExampleDeclaresTheDriverCopy() {
        RedundancyConfig r = ShardlineConfig.loadClasspath("config/full-example.yaml").redundancy();
        RedundantTable t = r.copy("T_ORDER_BY_DRIVER").orElseThrow();
        assertThat(t.sourceTable()).isEqualTo("t_order");
        assertThat(t.secondKey()).isEqualTo("driver_id");
        assertThat(t.sourceShardingColumns()).containsExactlyInAnyOrder("user_id", "order_id");
        assertThat(t.fullCopy()).isTrue();
        assertThat(t.policy()).isEqualTo(RepairPolicy.SOURCE_WINS);
        assertThat(r.copiesOf("t_order")).containsExactly(t);
        assertThat(r.reconcile()).isEqualTo(new RedundancyConfig.Reconcile(1000, 0, 2000,
                Optional.of("/var/lib/shardline/reconcile")));
    }

    @Test
    void keysOnlyResolvesToTheKeyColumnsAndAbsentSectionIsNone() {
        String base = """
                dataSources:
                  ds_0: {master: {url: "jdbc:mysql://h/db0", username: u, password: pw}}
                  ds_1: {master: {url: "jdbc:mysql://h/db1", username: u, password: pw}}
                rules:
                  tables:
                    t_order: {dataNodes: "ds_${0..1}.t_order", databaseStrategy: {column: user_id, algorithm: m}}
                    t_copy: {dataNodes: "ds_${0..1}.t_copy", databaseStrategy: {column: driver_id, algorithm: m}}
                  algorithms:
                    m: {type: MOD, props: {shardingCount: 2}}
                """;
        assertThat(ShardlineConfig.parse(base, "t.yaml").redundancy()).isEqualTo(RedundancyConfig.NONE);
        RedundantTable t = ShardlineConfig.parse(base + "redundancy:\n  tables:\n    t_copy: {source: t_order, "
                + "key: order_id, columns: keys, repair: reportOnly}\n", "t.yaml").redundancy().copy("t_copy")
                .orElseThrow();
        assertThat(t.columns()).contains(List.of("order_id", "user_id", "driver_id"));
        assertThat(t.policy()).isEqualTo(RepairPolicy.REPORT_ONLY);
    }

    @Test
    void readmeRedundancySnippetParses() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Redundant copies");
        assertThat(section).as("README has a redundant copies section").isPositive();
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        RedundancyConfig r = ShardlineConfig.parse(yaml, "README.md").redundancy();
        assertThat(r.copy("t_order_by_driver").orElseThrow().secondKey()).isEqualTo("driver_id");
    }
}

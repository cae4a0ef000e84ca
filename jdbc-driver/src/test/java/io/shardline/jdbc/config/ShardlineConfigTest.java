package io.shardline.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.router.algorithm.ShardingAlgorithm;
import io.shardline.router.algorithm.ValueRange;
import io.shardline.router.keygen.SnowflakeKeyGenerator;
import io.shardline.router.rule.KeyGeneration;
import io.shardline.router.rule.ShardingRule;
import io.shardline.router.rule.ShardingStrategy;
import io.shardline.router.rule.TableRule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardlineConfigTest {

    final ShardlineConfig config = ShardlineConfig.loadClasspath("config/full-example.yaml");
    final ShardingRule rule = config.toRule();

    @Test
    void readsDataSourcesWithPoolDefaults() {
        assertThat(config.source()).isEqualTo("classpath:config/full-example.yaml");
        assertThat(config.dataSources()).containsOnlyKeys("ds_0", "ds_1");
        DataSourceConfig ds0 = config.dataSources().get("ds_0");
        assertThat(ds0.master().url()).isEqualTo("jdbc:mysql://127.0.0.1:3306/shop_0");
        assertThat(ds0.master().username()).isEqualTo("root");
        assertThat(ds0.master().password()).isEqualTo("s3cret-0");
        assertThat(ds0.replicas()).extracting(NodeConfig::url).containsExactly("jdbc:mysql://127.0.0.1:3307/shop_0");
        assertThat(ds0.pool()).isEqualTo(new PoolConfig(10, 1, 3000, 600_000, 1_800_000));
        DataSourceConfig ds1 = config.dataSources().get("ds_1");
        assertThat(ds1.replicas()).hasSize(2);
        assertThat(ds1.pool()).isEqualTo(PoolConfig.DEFAULTS);
    }

    @Test
    void readsTransactions() {
        assertThat(config.transactions()).isEqualTo(new TransactionsConfig(TransactionsConfig.Mode.DELAYED,
                java.util.Optional.of(java.nio.file.Path.of("/var/lib/shardline/txlog")), 16_777_216,
                "shardline_undo_log", 5000));
        ShardlineConfig minimal = ShardlineConfig.parse("transactions: {mode: XA}\ndataSources:\n  ds_0: {master: "
                + "{url: 'jdbc:mysql://h/db0'}}\n", "t.yaml");
        assertThat(minimal.transactions().mode()).isEqualTo(TransactionsConfig.Mode.XA);
        assertThat(minimal.transactions().logDirectory()).isEmpty();
        assertThat(ShardlineConfig.parse("dataSources:\n  ds_0: {master: {url: 'jdbc:mysql://h/db0'}}\n", "t.yaml")
                .transactions()).isEqualTo(TransactionsConfig.DEFAULTS);
    }

    @Test
    void buildsTheRule() {
        assertThat(rule.dataSourceNames()).containsExactly("ds_0", "ds_1");
        assertThat(rule.tableRules()).extracting(TableRule::logicTable)
                .containsExactly("t_order", "t_order_item", "t_order_log", "t_event", "t_account");
        assertThat(rule.areBound("t_order", "t_order_item")).isTrue();
        assertThat(rule.isBroadcast("t_dict")).isTrue();
        assertThat(rule.findSingleTableDataSource("t_config")).contains("ds_0");
        TableRule log = rule.findTableRule("t_order_log").orElseThrow();
        assertThat(log.actualTables("ds_1")).containsExactly("t_order_log_0", "t_order_log_1");
        assertThat(log.tableStrategy().kind()).isEqualTo(ShardingStrategy.Kind.COMPLEX);
        assertThat(log.tableStrategy().columns()).containsExactly("user_id", "order_id");
    }

    @Test
    void algorithmsAreWiredToTheirTables() {
        TableRule order = rule.findTableRule("t_order").orElseThrow();
        // user 5 → 5 % 2 = 1 → ds_1; order 7 → 7 % 4 = 3 → t_order_3
        assertThat(standard(order.databaseStrategy()).shard(order.dataSourceNames(), "user_id", 5L)).isEqualTo("ds_1");
        assertThat(standard(order.tableStrategy()).shard(order.actualTables("ds_1"), "order_id", 7L))
                .isEqualTo("t_order_3");

        TableRule account = rule.findTableRule("t_account").orElseThrow();
        // boundaries 1000000, 2000000: 1500000 is in the middle shard
        assertThat(standard(account.tableStrategy()).shard(account.actualTables("ds_0"), "account_id", 1_500_000L))
                .isEqualTo("t_account_1");
        assertThat(standard(account.tableStrategy()).shardRange(account.actualTables("ds_0"), "account_id",
                ValueRange.atLeast(2_500_000L))).containsExactly("t_account_2");

        TableRule event = rule.findTableRule("t_event").orElseThrow();
        assertThat(standard(event.tableStrategy()).shard(event.actualTables("ds_0"), "created_at",
                LocalDate.of(2024, 2, 15))).isEqualTo("t_event_202402");

        TableRule log = rule.findTableRule("t_order_log").orElseThrow();
        ShardingStrategy.Complex complex = (ShardingStrategy.Complex) log.tableStrategy();
        // (1 + 2) % 2 = 1
        assertThat(complex.algorithm().shard(log.actualTables("ds_0"),
                Map.of("user_id", List.of(1), "order_id", List.of(2)), Map.of())).containsExactly("t_order_log_1");
    }

    @Test
    void keyGeneratorsAreSharedByName() {
        KeyGeneration order = rule.findTableRule("t_order").orElseThrow().keyGeneration().orElseThrow();
        KeyGeneration item = rule.findTableRule("t_order_item").orElseThrow().keyGeneration().orElseThrow();
        assertThat(order.column()).isEqualTo("order_id");
        assertThat(item.column()).isEqualTo("item_id");
        assertThat(order.generator()).isSameAs(item.generator()).isInstanceOf(SnowflakeKeyGenerator.class);
        long id = (Long) order.generator().nextKey();
        assertThat(SnowflakeKeyGenerator.workerIdOf(id)).isEqualTo(1);
        assertThat(rule.findTableRule("t_account").orElseThrow().keyGeneration().orElseThrow().generator().nextKey())
                .asString().hasSize(32);
        assertThat(rule.findTableRule("t_event").orElseThrow().keyGeneration()).isEmpty();
    }

    @Test
    void passwordsNeverAppearInToString() {
        assertThat(config.toString()).doesNotContain("s3cret");
        assertThat(config.dataSources().get("ds_0").toString()).doesNotContain("s3cret").contains("password=****");
        assertThat(new NodeConfig("jdbc:mysql://h/db?user=a&password=hunter2&ssl=true", "a", "x").toString())
                .doesNotContain("hunter2").contains("password=****&ssl=true");
    }

    @Test
    void loadsFromAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shardline.yaml");
        Files.writeString(file, "dataSources:\n  ds_0: {master: {url: \"jdbc:mysql://h/db\"}}\n", StandardCharsets.UTF_8);
        assertThat(ShardlineConfig.load(file).toRule().dataSourceNames()).containsExactly("ds_0");

        Files.writeString(file, "dataSources:\n  ds_0: {master: {url: \"jdbc:mysql://h/db\"}}\nrule: {}\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ShardlineConfig.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":3: rule: unknown key; did you mean 'rules'? (allowed: cache, dataSources, readWriteSplitting, rules, transactions)");

        assertThatThrownBy(() -> ShardlineConfig.load(dir.resolve("missing.yaml")))
                .hasMessageStartingWith(dir.resolve("missing.yaml") + ":1: cannot read the file");
    }

    @Test
    void missingClasspathResourceIsAConfigError() {
        assertThatThrownBy(() -> ShardlineConfig.loadClasspath("config/nope.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("classpath:config/nope.yaml:1: resource not found on the class path");
    }

    @Test
    void severalProblemsAreListedInOneMessage() {
        String yaml = "dataSources:\n  ds_0: {master: {url: \"jdbc:mysql://h/db\"}}\nfoo: 1\nbar: 2\n";
        assertThatThrownBy(() -> ShardlineConfig.parse(yaml, "x.yaml"))
                .hasMessage("2 configuration problems:\n"
                        + "  x.yaml:3: foo: unknown key (allowed: cache, dataSources, readWriteSplitting, rules, transactions)\n"
                        + "  x.yaml:4: bar: unknown key (allowed: cache, dataSources, readWriteSplitting, rules, transactions)");
    }

    @Test
    void anchorsAndAliasesWorkAndDataNodesMayBeAList() {
        String yaml = String.join("\n",
                "dataSources:",
                "  ds_0:",
                "    master: &primary {url: \"jdbc:mysql://h/db0\", username: u, password: p}",
                "    replicas: [*primary]",
                "rules:",
                "  tables:",
                "    t_a:",
                "      dataNodes: [ds_0.t_a_0, 'ds_0.t_a_${[1, 2]}']",
                "");
        ShardlineConfig parsed = ShardlineConfig.parse(yaml, "a.yaml");
        assertThat(parsed.dataSources().get("ds_0").replicas().get(0).url()).isEqualTo("jdbc:mysql://h/db0");
        assertThat(parsed.toRule().findTableRule("t_a").orElseThrow().actualTables("ds_0"))
                .containsExactly("t_a_0", "t_a_1", "t_a_2");
    }

    @Test
    void rootMustBeAMappingAndASingleDocument() {
        assertThatThrownBy(() -> ShardlineConfig.parse("just text", "r.yaml"))
                .hasMessage("r.yaml:1: expected a mapping (key: value) but found a string 'just text'");
        assertThatThrownBy(() -> ShardlineConfig.parse("a: 1\n---\nb: 2\n", "r.yaml"))
                .hasMessageStartingWith("r.yaml:2: invalid YAML: ");
    }

    private static ShardingAlgorithm standard(ShardingStrategy strategy) {
        return ((ShardingStrategy.Standard) strategy).algorithm();
    }
}

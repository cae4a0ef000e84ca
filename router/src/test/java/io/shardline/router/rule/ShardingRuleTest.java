package io.shardline.router.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.router.algorithm.ShardingAlgorithm;
import io.shardline.router.algorithm.ShardingAlgorithms;
import io.shardline.router.keygen.KeyGenerators;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ShardingRuleTest {

    static ShardingAlgorithm algorithm(String type, String... keyValues) {
        Properties props = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return ShardingAlgorithms.create(type, props).standard().orElseThrow();
    }

    static TableRule order(String table, String nodes) {
        return TableRule.builder(table)
                .dataNodes(nodes)
                .databaseStrategy(ShardingStrategy.standard("user_id", "db_mod", algorithm("MOD", "shardingCount", "2")))
                .tableStrategy(ShardingStrategy.standard("order_id", table + "_inline",
                        algorithm("INLINE", "expression", table + "_${order_id % 4}")))
                .build();
    }

    @Test
    void buildsAndLooksUpCaseInsensitively() {
        Properties snowflake = new Properties();
        snowflake.setProperty("workerId", "1");
        TableRule order = TableRule.builder("t_order")
                .dataNodes("ds_${0..1}.t_order_${0..3}")
                .databaseStrategy(ShardingStrategy.standard("user_id", "db_mod", algorithm("MOD", "shardingCount", "2")))
                .tableStrategy(ShardingStrategy.standard("order_id", "t_order_mod", algorithm("MOD", "shardingCount", "4")))
                .keyGeneration(new KeyGeneration("order_id", "snowflake", KeyGenerators.create("SNOWFLAKE", snowflake)))
                .build();
        ShardingRule rule = ShardingRule.builder()
                .dataSources("ds_0", "ds_1")
                .table(order)
                .table(TableRule.builder("t_order_item").dataNodes("ds_${0..1}.t_order_item_${0..3}")
                        .databaseStrategy(order.databaseStrategy()).tableStrategy(order.tableStrategy()).build())
                .bindingGroup("t_order", "t_order_item")
                .broadcastTables(List.of("t_dict"))
                .singleTables(List.of("t_config"))
                .defaultDataSource("ds_0")
                .build();

        assertThat(rule.findTableRule("T_ORDER")).containsSame(order);
        assertThat(rule.findTableRule("t_missing")).isEmpty();
        assertThat(order.dataSourceNames()).containsExactly("ds_0", "ds_1");
        assertThat(order.actualTables("ds_1")).containsExactly("t_order_0", "t_order_1", "t_order_2", "t_order_3");
        assertThat(order.actualTables("ds_9")).isEmpty();
        assertThat(order.keyGeneration()).map(KeyGeneration::column).contains("order_id");
        assertThat(order.tableStrategy().kind()).isEqualTo(ShardingStrategy.Kind.STANDARD);
        assertThat(rule.areBound("t_order", "T_Order_Item")).isTrue();
        assertThat(rule.areBound("t_order", "t_dict")).isFalse();
        assertThat(rule.findBindingGroup("t_order_item")).map(BindingGroup::tables)
                .contains(List.of("t_order", "t_order_item"));
        assertThat(rule.isBroadcast("T_DICT")).isTrue();
        assertThat(rule.isBroadcast("t_order")).isFalse();
        assertThat(rule.findSingleTableDataSource("t_config")).contains("ds_0");
        assertThat(rule.findSingleTableDataSource("t_dict")).isEmpty();
    }

    @Test
    void bindingGroupOfInlineTablesWithDifferentPrefixesIsCompatible() {
        ShardingRule rule = ShardingRule.builder().dataSources("ds_0", "ds_1")
                .table(order("t_order", "ds_${0..1}.t_order_${0..3}"))
                .table(order("t_order_item", "ds_${0..1}.t_order_item_${0..3}"))
                .bindingGroup("t_order", "t_order_item")
                .build();
        assertThat(rule.bindingGroups()).hasSize(1);
    }

    @Test
    void bindingGroupWithDifferentLayoutsIsRejected() {
        ShardingRule.Builder builder = ShardingRule.builder().dataSources("ds_0", "ds_1")
                .table(order("t_order", "ds_${0..1}.t_order_${0..3}"))
                .table(order("t_order_item", "ds_${0..1}.t_order_item_${0..1}"))
                .bindingGroup("t_order", "t_order_item");
        assertThatThrownBy(builder::build).isInstanceOf(RuleException.class)
                .hasMessage("'t_order_item' cannot be bound to 't_order': data source 'ds_0' holds 4 actual tables"
                        + " of 't_order' but 2 of 't_order_item'");
    }

    @Test
    void bindingGroupWithDifferentAlgorithmsIsRejected() {
        TableRule other = TableRule.builder("t_pay")
                .dataNodes("ds_${0..1}.t_pay_${0..3}")
                .databaseStrategy(ShardingStrategy.standard("user_id", "db_hash",
                        algorithm("HASH_MOD", "shardingCount", "2")))
                .tableStrategy(ShardingStrategy.standard("order_id", "t_pay_inline",
                        algorithm("INLINE", "expression", "t_pay_${order_id % 4}")))
                .build();
        ShardingRule.Builder builder = ShardingRule.builder().dataSources("ds_0", "ds_1")
                .table(order("t_order", "ds_${0..1}.t_order_${0..3}")).table(other)
                .bindingGroup("t_order", "t_pay");
        assertThatThrownBy(builder::build)
                .hasMessageContaining("database strategies differ: algorithms 'db_mod' vs 'db_hash'");
    }

    @Test
    void collectsEveryProblem() {
        ShardingRule.Builder builder = ShardingRule.builder().dataSources("ds_0")
                .table(order("t_order", "ds_${0..1}.t_order_${0..3}"))
                .bindingGroup("t_order", "t_nope")
                .broadcastTables(List.of("t_order", "t_dict"))
                .singleTables(List.of("t_dict", "t_config"))
                .defaultDataSource("ds_9");
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(RuleException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "table 't_order': data source 'ds_1' of its data nodes is not declared (declared: ds_0)",
                        "binding group [t_order, t_nope]: 't_nope' is not a sharded table",
                        "table 't_order' is both broadcast and sharded",
                        "table 't_dict' is both single and broadcast",
                        "default data source 'ds_9' is not declared (declared: ds_0)"));
    }

    @Test
    void singleTablesNeedADefaultDataSource() {
        assertThatThrownBy(() -> ShardingRule.builder().dataSources("ds_0").singleTables(List.of("t_config")).build())
                .hasMessage("single tables [t_config] need a default data source");
    }

    @Test
    void inlineExpressionMustUseTheStrategyColumn() {
        TableRule.Builder builder = TableRule.builder("t_order").dataNodes("ds_0.t_order_${0..3}")
                .tableStrategy(ShardingStrategy.standard("user_id", "t_order_inline",
                        algorithm("INLINE", "expression", "t_order_${order_id % 4}")));
        assertThatThrownBy(builder::build).hasMessage("table 't_order': tableStrategy: algorithm 't_order_inline'"
                + " uses column 'order_id' but the strategy shards on [user_id]");
    }

    @Test
    void duplicateDataNodesAreRejected() {
        TableRule.Builder builder = TableRule.builder("t").dataNodes(List.of(DataNode.parse("ds_0.t_0"),
                DataNode.parse("ds_0.t_0")));
        assertThatThrownBy(builder::build).hasMessage("table 't': data node ds_0.t_0 appears twice");
    }
}

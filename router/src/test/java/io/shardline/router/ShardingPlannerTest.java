package io.shardline.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.router.algorithm.ShardingAlgorithm;
import io.shardline.router.algorithm.ShardingAlgorithms;
import io.shardline.router.plan.ExecutionUnit;
import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.PlanningException;
import io.shardline.router.plan.RouteOpcode;
import io.shardline.router.plan.RoutePlan;
import io.shardline.router.rule.ShardingRule;
import io.shardline.router.rule.ShardingStrategy;
import io.shardline.router.rule.TableRule;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The planner's own decisions: hints, session statements, empty routes, master routing, the JSON preview. */
class ShardingPlannerTest {

    private final ShardingPlanner planner = new ShardingPlanner(TestRules.orders());

    @Test
    void pointSelectIsOneUnitOnTheComputedShard() {
        RoutePlan plan = planner.plan("SELECT * FROM t_order WHERE user_id = ? AND order_id = ?", List.of(3, 6),
                PlanningContext.DEFAULT);
        assertThat(plan.opcode()).isEqualTo(RouteOpcode.SINGLE);
        assertThat(plan.units()).containsExactly(
                new ExecutionUnit("ds_1", "SELECT * FROM t_order_0 WHERE user_id = ? AND order_id = ?", List.of(3, 6)));
        assertThat(plan.needsMaster()).isFalse();
        assertThat(plan.merge()).isEmpty();
    }

    @Test
    void inListsAreSplitSoEachShardGetsOnlyItsOwnValues() {
        // user 3 lives on ds_1; order ids 4 and 6 in t_order_0, 5 in t_order_1
        RoutePlan plan = planner.plan("SELECT * FROM t_order WHERE user_id = ? AND order_id IN (?, ?, ?)",
                List.of(3, 4, 5, 6), PlanningContext.DEFAULT);
        assertThat(plan.units()).containsExactly(
                new ExecutionUnit("ds_1", "SELECT * FROM t_order_0 WHERE user_id = ? AND order_id IN (?, ?)",
                        List.of(3, 4, 6)),
                new ExecutionUnit("ds_1", "SELECT * FROM t_order_1 WHERE user_id = ? AND order_id IN (?)",
                        List.of(3, 5)));
        RoutePlan delete = planner.plan("DELETE FROM t_order WHERE order_id IN (1, /* two */ 2, 3) AND status = ?",
                List.of("X"), PlanningContext.DEFAULT);
        assertThat(delete.units()).extracting(ExecutionUnit::sql).containsExactly(
                "DELETE FROM t_order_0 WHERE order_id IN (2) AND status = ?",
                "DELETE FROM t_order_1 WHERE order_id IN (1, 3) AND status = ?",
                "DELETE FROM t_order_0 WHERE order_id IN (2) AND status = ?",
                "DELETE FROM t_order_1 WHERE order_id IN (1, 3) AND status = ?");
        assertThat(delete.units()).extracting(ExecutionUnit::parameters).containsOnly(List.of("X"));
        // inside an OR the list is left whole: other branches may reach the unit
        RoutePlan or = planner.plan("SELECT * FROM t_order WHERE order_id IN (1, 2) OR user_id = 1", List.of(),
                PlanningContext.DEFAULT);
        assertThat(or.units()).extracting(ExecutionUnit::sql).allMatch(sql -> sql.contains("IN (1, 2)"));
    }

    @Test
    void ddlIsMarkedAsASchemaChangeAndNothingElseIs() {
        assertThat(planner.plan("ALTER TABLE t_order ADD COLUMN note VARCHAR(20)", List.of(), PlanningContext.DEFAULT)
                .schemaChange()).isTrue();
        assertThat(planner.plan("TRUNCATE TABLE t_order", List.of(), PlanningContext.DEFAULT).schemaChange()).isTrue();
        assertThat(planner.plan("UPDATE t_order SET status = 'X' WHERE user_id = 1 AND order_id = 1", List.of(),
                PlanningContext.DEFAULT).schemaChange()).isFalse();
        assertThat(planner.plan("SELECT * FROM t_order WHERE user_id = 1", List.of(), PlanningContext.DEFAULT)
                .schemaChange()).isFalse();
    }

    @Test
    void writesAndLockingReadsNeedTheMaster() {
        assertThat(planner.plan("UPDATE t_order SET status = 'X' WHERE user_id = 1 AND order_id = 1", List.of(),
                PlanningContext.DEFAULT).needsMaster()).isTrue();
        assertThat(planner.plan("SELECT * FROM t_order WHERE user_id = 1 AND order_id = 1 FOR UPDATE", List.of(),
                PlanningContext.DEFAULT).needsMaster()).isTrue();
        assertThat(planner.plan("SELECT * FROM t_order WHERE user_id = 1 AND order_id = 1", List.of(),
                new PlanningContext(false, true, Optional.empty())).needsMaster()).isTrue();
    }

    @Test
    void commentHintForcesDataSourceAndMaster() {
        RoutePlan plan = planner.plan("/*shardline: dataSource=ds_1, master*/ SELECT * FROM t_order", List.of(),
                PlanningContext.DEFAULT);
        assertThat(plan.units()).extracting(ExecutionUnit::dataSource).containsOnly("ds_1");
        assertThat(plan.units()).hasSize(2);
        assertThat(plan.needsMaster()).isTrue();
        assertThat(plan.units().get(0).sql()).startsWith("/*shardline: dataSource=ds_1, master*/ SELECT");
    }

    @Test
    void unknownHintIsNamed() {
        assertThatThrownBy(() -> planner.plan("/*shardline: shard=3*/ SELECT 1", List.of(), PlanningContext.DEFAULT))
                .isInstanceOf(PlanningException.class).hasMessageContaining("unknown hint 'shard=3'");
    }

    @Test
    void emptyRouteOfAQueryStillRunsOnceSoAggregatesAnswer() {
        // user_id = 1 AND user_id = 2 matches nothing; COUNT(*) must still return one row with 0.
        RoutePlan plan = planner.plan("SELECT COUNT(*) FROM t_order WHERE user_id = 1 AND user_id = 2", List.of(),
                PlanningContext.DEFAULT);
        assertThat(plan.opcode()).isEqualTo(RouteOpcode.SINGLE);
        assertThat(plan.units()).hasSize(1);
        assertThat(plan.units().get(0).sql()).isEqualTo(
                "SELECT COUNT(*) FROM t_order_0 WHERE user_id = 1 AND user_id = 2");
    }

    @Test
    void emptyRouteOfAnUpdateRunsNothing() {
        RoutePlan plan = planner.plan("DELETE FROM t_order WHERE user_id = 1 AND user_id = 2", List.of(),
                PlanningContext.DEFAULT);
        assertThat(plan.opcode()).isEqualTo(RouteOpcode.NONE);
        assertThat(plan.units()).isEmpty();
    }

    @Test
    void sessionStatementsAreRefusedWithAdvice() {
        for (String sql : List.of("BEGIN", "COMMIT", "SET autocommit = 0", "USE other", "LOCK TABLES t_order READ")) {
            assertThatThrownBy(() -> planner.plan(sql, List.of(), PlanningContext.DEFAULT))
                    .as(sql).isInstanceOf(PlanningException.class).hasMessageContaining("not supported through Shardline");
        }
    }

    @Test
    void parseErrorsBecomePlanningErrorsWithTheLocation() {
        assertThatThrownBy(() -> planner.plan("SELECT * FROM t_order WHERE", List.of(), PlanningContext.DEFAULT))
                .isInstanceOf(PlanningException.class).hasMessageContaining("line 1");
    }

    @Test
    void previewIsJson() {
        String json = planner.preview("SELECT order_id FROM t_order WHERE user_id IN (?, ?) ORDER BY order_id LIMIT 5",
                Arrays.asList(1, 2), PlanningContext.DEFAULT);
        assertThat(json).startsWith("{\"sql\": \"SELECT order_id FROM t_order WHERE user_id IN (?, ?) ORDER BY")
                .contains("\"opcode\": \"SCATTER\"", "\"dataSource\": \"ds_0\"", "\"dataSource\": \"ds_1\"",
                        "\"merge\": {", "\"limit\": 5")
                .endsWith("}");
        assertThat(RoutePreview.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    /** ds_0, ds_1; t_order in ds_${0..1}.t_order_${0..1} by user_id % 2 and order_id % 2. */
    static final class TestRules {
        static ShardingRule orders() {
            return ShardingRule.builder().dataSources("ds_0", "ds_1")
                    .table(TableRule.builder("t_order").dataNodes("ds_${0..1}.t_order_${0..1}")
                            .databaseStrategy(ShardingStrategy.standard("user_id", "db_mod", mod(2)))
                            .tableStrategy(ShardingStrategy.standard("order_id", "table_mod", mod(2))).build())
                    .defaultDataSource("ds_0").build();
        }

        private static ShardingAlgorithm mod(int n) {
            Properties props = new Properties();
            props.setProperty("shardingCount", Integer.toString(n));
            return ShardingAlgorithms.create("MOD", props).standard().orElseThrow();
        }
    }
}

package io.shardline.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.router.merge.UnionPlan;
import io.shardline.router.plan.ExecutionUnit;
import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.PlanningException;
import io.shardline.router.plan.RouteOpcode;
import io.shardline.router.plan.RoutePlan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A UNION over sharded tables: pushed down whole when its SELECTs meet on one data source, united by the executor
 * otherwise, refused by name where the united rows could not be the one database's answer. (The answers themselves
 * are checked against a plain database in sql-compat's 12-union.sql.)
 */
class UnionPlannerTest {

    // t_order: ds_{user_id % 2}.t_order_{order_id % 2}
    private final ShardingPlanner planner = new ShardingPlanner(ShardingPlannerTest.TestRules.orders());

    private RoutePlan plan(String sql, Object... parameters) {
        return planner.plan(sql, List.of(parameters), PlanningContext.DEFAULT);
    }

    @Test
    void selectsThatMeetOnOneDataSourceRunThereAsOneUnionWithTheirOwnTables() {
        RoutePlan plan = plan("SELECT order_id FROM t_order WHERE user_id = ? AND order_id = ? UNION /* both on ds_0 */"
                + " SELECT order_id FROM t_order WHERE user_id = 2 AND order_id = ? ORDER BY order_id LIMIT ?", 4, 5, 2,
                10);
        assertThat(plan.opcode()).isEqualTo(RouteOpcode.SINGLE);
        assertThat(plan.union()).isEmpty();
        assertThat(plan.units()).containsExactly(new ExecutionUnit("ds_0", "SELECT order_id FROM t_order_1 WHERE"
                + " user_id = ? AND order_id = ? UNION /* both on ds_0 */ SELECT order_id FROM t_order_0 WHERE user_id"
                + " = 2 AND order_id = ? ORDER BY order_id LIMIT ?", List.of(4, 5, 2, 10)));
    }

    @Test
    void selectsOnSeveralUnitsRunApartAndTheExecutorUnitesThem() {
        RoutePlan plan = plan("SELECT order_id FROM t_order WHERE user_id = 1 AND order_id = ? UNION ALL"
                + " SELECT order_id FROM t_order WHERE user_id = ? UNION SELECT order_id FROM t_order WHERE order_id = 7"
                + " ORDER BY 1 DESC LIMIT 2, ?", 1, 2, 3);
        assertThat(plan.units()).containsExactly(
                new ExecutionUnit("ds_1", "SELECT order_id FROM t_order_1 WHERE user_id = 1 AND order_id = ?",
                        List.of(1)),
                new ExecutionUnit("ds_0", "SELECT order_id FROM t_order_0 WHERE user_id = ?", List.of(2)),
                new ExecutionUnit("ds_0", "SELECT order_id FROM t_order_1 WHERE user_id = ?", List.of(2)),
                new ExecutionUnit("ds_0", "SELECT order_id FROM t_order_1 WHERE order_id = 7", List.of()),
                new ExecutionUnit("ds_1", "SELECT order_id FROM t_order_1 WHERE order_id = 7", List.of()));
        UnionPlan union = plan.union().orElseThrow();
        assertThat(union.branches()).extracting(UnionPlan.Branch::units).containsExactly(1, 2, 2);
        assertThat(union.branches().get(0).merge()).isEmpty();
        assertThat(union.branches().get(1).merge()).isPresent();
        assertThat(union.distinctBranches()).isEqualTo(3);
        assertThat(union.orderBy()).containsExactly(new UnionPlan.Order(1, null, true));
        assertThat(union.offset()).isEqualTo(2);
        assertThat(union.limit()).isEqualTo(3);
        assertThat(plan.merge()).isEmpty();
        assertThat(plan.needsMaster()).isFalse();
    }

    @Test
    void eachSelectIsMergedAsItWouldBeAlone() {
        RoutePlan plan = plan("(SELECT user_id, COUNT(*) AS n FROM t_order GROUP BY user_id ORDER BY n DESC LIMIT 3)"
                + " UNION ALL (SELECT user_id, 0 FROM t_order WHERE user_id = 9 AND order_id = 9) ORDER BY n");
        UnionPlan union = plan.union().orElseThrow();
        assertThat(plan.opcode()).isEqualTo(RouteOpcode.SCATTER);
        assertThat(union.branches().get(0).units()).isEqualTo(4);
        assertThat(union.branches().get(0).merge().orElseThrow().limit()).isEqualTo(3);
        assertThat(union.branches().get(0).merge().orElseThrow().groupBy()).isNotEmpty();
        assertThat(union.orderBy()).containsExactly(new UnionPlan.Order(0, "n", false));
    }

    @Test
    void whatTheUnitedRowsCouldNotAnswerIsRefusedByName() {
        assertThatThrownBy(() -> plan("SELECT order_id FROM t_order UNION SELECT order_id FROM t_order ORDER BY"
                + " order_id + 1")).isInstanceOf(PlanningException.class).hasMessageContaining("ORDER BY order_id + 1");
        assertThatThrownBy(() -> plan("SELECT order_id FROM t_order UNION SELECT order_id FROM t_order ORDER BY"
                + " t_order.order_id")).isInstanceOf(PlanningException.class).hasMessageContaining("table-qualified");
        assertThatThrownBy(() -> plan("SELECT order_id FROM t_order WHERE user_id = 1 UNION SELECT order_id FROM"
                + " t_order WHERE user_id = 2 FOR UPDATE")).isInstanceOf(PlanningException.class)
                .hasMessageContaining("locking read");
        assertThatThrownBy(() -> plan("SELECT order_id FROM t_order UNION SELECT SUM(amount) / COUNT(*) FROM t_order"))
                .isInstanceOf(PlanningException.class).hasMessageStartingWith("SELECT 2 of the UNION: ")
                .hasMessageContaining("an expression over aggregates");
        assertThatThrownBy(() -> plan("SELECT user_id FROM t_order INTERSECT SELECT user_id FROM t_order"))
                .isInstanceOf(PlanningException.class).hasMessageContaining("INTERSECT");
        assertThatThrownBy(() -> plan("SELECT order_id FROM t_order WHERE user_id = ? UNION SELECT order_id FROM"
                + " t_order WHERE user_id = ?", 1)).isInstanceOf(PlanningException.class)
                .hasMessage("the statement has 2 placeholders and 1 parameters");
    }

    @Test
    void hintsAndLockFreeReadsDecideTheMasterForEveryUnit() {
        RoutePlan plan = planner.plan("SELECT order_id FROM t_order WHERE user_id = 1 UNION SELECT order_id FROM"
                + " t_order WHERE user_id = 2", List.of(), new PlanningContext(false, true, Optional.empty()));
        assertThat(plan.needsMaster()).isTrue();
    }

    @Test
    void thePreviewShowsEachSelectsShareAndTheUnitingSteps() {
        String json = planner.preview("SELECT order_id FROM t_order WHERE user_id = 1 AND order_id = 1 UNION ALL"
                + " SELECT order_id FROM t_order WHERE user_id = 2 ORDER BY order_id DESC LIMIT 4", List.of(),
                PlanningContext.DEFAULT);
        assertThat(json).contains("\"union\": {\"branches\": [{\"units\": 1}, {\"units\": 2, \"merge\": {\"columns\": 1, ")
                .contains("\"distinctBranches\": 0, \"orderBy\": [\"order_id DESC\"], \"offset\": 0, \"limit\": 4}}");
    }

    @Test
    void aUnionWithoutShardedTablesTakesThePlainPath() {
        RoutePlan plan = plan("SELECT 1 UNION SELECT 2");
        assertThat(plan.union()).isEmpty();
        assertThat(plan.units()).hasSize(1);
    }
}

package io.shardline.jdbc.execute;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.router.plan.ExecutionUnit;
import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.RouteOpcode;
import io.shardline.router.plan.RoutePlan;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which batches {@link ShardExecutor#executeBatch} groups into shard batches; the rest run entry by entry. */
class ShardExecutorBatchTest {

    private static RoutePlan onOneUnit(String sql, boolean schemaChange) {
        return new RoutePlan(RouteOpcode.SINGLE, false, List.of(new ExecutionUnit("ds_0", sql, List.of())),
                Optional.empty(), true, Optional.empty(), schemaChange);
    }

    @Test
    void ddlIsNeverGroupedSoThatEachStatementMeetsTheTransactionGuard() throws SQLException {
        // Nothing is touched before the decision: no connections are needed to see the batch declined.
        try (ShardExecutor executor = new ShardExecutor(1, Map.of())) {
            RoutePlan ddl = onOneUnit("ALTER TABLE t_config COMMENT = 'x'", true);
            assertThat(executor.executeBatch(List.of(ddl, ddl), null, PlanningContext.DEFAULT,
                    new ExecutionOptions())).isNull();
        }
    }
}

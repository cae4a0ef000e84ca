package io.shardline.router.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.router.algorithm.ShardingAlgorithm;
import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.PlanningException;
import io.shardline.router.plan.RouteOpcode;
import io.shardline.router.rule.ShardingRule;
import io.shardline.router.rule.ShardingStrategy;
import io.shardline.router.rule.TableRule;
import io.shardline.sql.ParsedStatement;
import io.shardline.sql.SqlParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** API edges of {@link ShardRouter}; routing behaviour itself is in the golden files (RouteGoldenTest). */
class ShardRouterTest {

    private static final SqlParser PARSER = new SqlParser();

    private final ShardRouter router = new ShardRouter(RouteTestRule.create());

    private static ParsedStatement parse(String sql) {
        return PARSER.parse(sql);
    }

    @Test
    void nullParametersAndContextMeanNoneAndDefault() {
        RouteResult result = router.route(parse("SELECT * FROM t_order WHERE user_id = 2 AND order_id = 3"), null, null);
        assertEquals(RouteOpcode.SINGLE, result.opcode());
        assertEquals(List.of(new RouteUnit("ds_0", Map.of("t_order", "t_order_1"))), result.units());
        assertTrue(result.generatedKeys().isEmpty());
    }

    @Test
    void nullParameterElementsAreSqlNull() {
        RouteResult result = router.route(parse("SELECT * FROM t_order WHERE user_id = ?"),
                Arrays.asList((Object) null), PlanningContext.DEFAULT);
        assertEquals(RouteOpcode.NONE, result.opcode());
        assertTrue(result.units().isEmpty());
    }

    @Test
    void missingParametersAreRefused() {
        PlanningException e = assertThrows(PlanningException.class, () -> router.route(
                parse("SELECT * FROM t_order WHERE user_id = ? AND order_id = ?"), List.of(1), PlanningContext.DEFAULT));
        assertTrue(e.getMessage().contains("2 parameter placeholders but 1"), e.getMessage());
    }

    @Test
    void nullStatementIsAProgrammingError() {
        assertThrows(NullPointerException.class, () -> router.route(null, List.of(), PlanningContext.DEFAULT));
    }

    @Test
    void forcedDataSourceThatIsNotConfiguredIsNamed() {
        PlanningContext hint = new PlanningContext(false, false, Optional.of("nope"));
        PlanningException e = assertThrows(PlanningException.class,
                () -> router.route(parse("SELECT * FROM t_config"), List.of(), hint));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        assertTrue(e.getMessage().contains("ds_0, ds_1, ds_2"), e.getMessage());
    }

    @Test
    void forceMasterDoesNotChangeTheRoute() {
        ParsedStatement s = parse("SELECT * FROM t_order WHERE user_id = 1 AND order_id = 1");
        RouteResult plain = router.route(s, List.of(), PlanningContext.DEFAULT);
        RouteResult master = router.route(s, List.of(), new PlanningContext(true, true, Optional.empty()));
        assertEquals(plain, master);
    }

    @Test
    void cachedFactsRouteByEachStatementsParameters() {
        String sql = "SELECT * FROM t_order WHERE user_id = ? AND order_id = ?";
        RouteResult first = router.route(parse(sql), List.of(1, 1), PlanningContext.DEFAULT);
        RouteResult second = router.route(parse(sql), List.of(2, 2), PlanningContext.DEFAULT);
        assertEquals("ds_1", first.units().get(0).dataSource());
        assertEquals("t_order_1", first.units().get(0).actualTable("t_order"));
        assertEquals("ds_0", second.units().get(0).dataSource());
        assertEquals("t_order_0", second.units().get(0).actualTable("T_ORDER"));
    }

    @Test
    void routesAreDeterministicAcrossCallsAndThreads() throws Exception {
        ParsedStatement s = parse("SELECT * FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id"
                + " WHERE o.user_id IN (3, 2, 1) OR i.order_id = 7");
        RouteResult expected = router.route(s, List.of(), PlanningContext.DEFAULT);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RouteResult>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                futures.add(pool.submit(() -> router.route(s, List.of(), PlanningContext.DEFAULT)));
            }
            for (Future<RouteResult> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> order = new ArrayList<>();
        for (RouteUnit unit : expected.units()) {
            order.add(unit.dataSource() + "." + unit.actualTable("t_order"));
        }
        assertEquals(List.of("ds_0.t_order_0", "ds_0.t_order_1", "ds_1.t_order_0", "ds_1.t_order_1"), order);
    }

    @Test
    void unitsFollowTheRulesDataSourceOrderNotTheNodeOrder() {
        // Nodes listed ds_1 first; units still come in the rule's data source order.
        TableRule t = TableRule.builder("t").dataNodes("ds_1.t_${0..1}, ds_0.t_${0..1}")
                .tableStrategy(ShardingStrategy.standard("id", "m", RouteTestRule.mod(2))).build();
        ShardingRule rule = ShardingRule.builder().dataSources("ds_0", "ds_1").table(t).build();
        RouteResult result = new ShardRouter(rule).route(parse("SELECT * FROM t WHERE id = 1"), List.of(), null);
        assertEquals(List.of(new RouteUnit("ds_0", Map.of("t", "t_1")), new RouteUnit("ds_1", Map.of("t", "t_1"))),
                result.units());
        assertEquals(RouteOpcode.MULTI, result.opcode());
    }

    @Test
    void unknownTableWithoutDefaultDataSourceIsNamed() {
        ShardingRule rule = ShardingRule.builder().dataSources("ds_a", "ds_b").build();
        ShardRouter bare = new ShardRouter(rule);
        PlanningException e = assertThrows(PlanningException.class,
                () -> bare.route(parse("SELECT * FROM t_orphan"), List.of(), null));
        assertTrue(e.getMessage().contains("'t_orphan'"), e.getMessage());
        assertTrue(e.getMessage().contains("no default data source"), e.getMessage());
        // No table at all: any data source answers; the first in rule order is chosen.
        assertEquals(List.of(new RouteUnit("ds_a", Map.of())),
                bare.route(parse("SELECT 1"), List.of(), null).units());
    }

    @Test
    void algorithmAnswerOutsideItsTargetsIsRefused() {
        ShardingAlgorithm bogus = (targets, column, value) -> "t_9";
        TableRule t = TableRule.builder("t").dataNodes("ds_0.t_${0..1}")
                .tableStrategy(ShardingStrategy.standard("id", "bogus", bogus)).build();
        ShardingRule rule = ShardingRule.builder().dataSources("ds_0").table(t).build();
        PlanningException e = assertThrows(PlanningException.class,
                () -> new ShardRouter(rule).route(parse("SELECT * FROM t WHERE id = 1"), List.of(), null));
        assertTrue(e.getMessage().contains("'t_9'"), e.getMessage());
    }

    @Test
    void userAlgorithmWithoutRangeSupportGetsEveryTargetForRanges() {
        ShardingAlgorithm exactOnly = (targets, column, value) -> targets.get(0);
        TableRule t = TableRule.builder("t").dataNodes("ds_0.t_${0..2}")
                .tableStrategy(ShardingStrategy.standard("id", "first", exactOnly)).build();
        ShardingRule rule = ShardingRule.builder().dataSources("ds_0").table(t).build();
        RouteResult result = new ShardRouter(rule).route(parse("SELECT * FROM t WHERE id > 5"), List.of(), null);
        assertEquals(RouteOpcode.SCATTER, result.opcode());
        assertEquals(3, result.units().size());
    }

    @Test
    void userAlgorithmsReceiveValuesAsBoundAndStringsAreNotCollapsed() {
        List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ShardingAlgorithm recording = (targets, column, value) -> {
            seen.add(value);
            return targets.get(String.valueOf(value).length() % 2);
        };
        TableRule t = TableRule.builder("t_r").dataNodes("ds_0.t_r_${0..1}")
                .tableStrategy(ShardingStrategy.standard("region", "by_region", recording)).build();
        ShardRouter byRegion = new ShardRouter(ShardingRule.builder().dataSources("ds_0").table(t).build());
        RouteResult result = byRegion.route(parse("SELECT * FROM t_r WHERE region IN ('007', '07', '7.0')"),
                List.of(), null);
        // Different strings on a text column are different values even when they read as equal numbers. Each is
        // seen twice: once to route, once to split the IN list per unit.
        assertEquals(List.of("007", "07", "7.0", "007", "07", "7.0"), seen);
        assertEquals(RouteOpcode.SCATTER, result.opcode());
        assertEquals(List.of(1), result.units().get(0).inLists().get(0).keptValues());      // t_r_0: '07'
        assertEquals(List.of(0, 2), result.units().get(1).inLists().get(0).keptValues());   // t_r_1: '007', '7.0' 
        seen.clear();
        byRegion.route(parse("SELECT * FROM t_r WHERE region = ?"), List.of(new java.math.BigDecimal("7.00")), null);
        assertEquals(List.of(new java.math.BigDecimal("7.00")), seen);
    }

    @Test
    void resultsAreImmutable() {
        RouteResult result = router.route(parse("INSERT INTO t_order (user_id) VALUES (1), (2)"), List.of(), null);
        assertThrows(UnsupportedOperationException.class, () -> result.units().clear());
        assertThrows(UnsupportedOperationException.class, () -> result.units().get(0).insertRows().clear());
        assertThrows(UnsupportedOperationException.class,
                () -> result.generatedKeys().orElseThrow().values().clear());
    }

    @Test
    void everyRowGetsOneFreshKeyFromTheGenerator() {
        ShardRouter fresh = new ShardRouter(RouteTestRule.create());
        ParsedStatement s = parse("INSERT INTO t_order (user_id) VALUES (?)");
        assertEquals(List.of(1000L), fresh.route(s, List.of(1), null).generatedKeys().orElseThrow().values());
        assertEquals(List.of(1001L), fresh.route(s, List.of(1), null).generatedKeys().orElseThrow().values());
    }
}

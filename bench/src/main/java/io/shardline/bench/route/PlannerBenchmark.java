package io.shardline.bench.route;

import io.shardline.jdbc.config.ShardlineConfig;
import io.shardline.router.ShardingPlanner;
import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.RoutePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * In-process planning cost per statement: parse (cache hit) + route + rewrite, no JDBC. Target for a point
 * select: under 3 µs. Parameters vary per call (1,024 key pairs), as in an application.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar PlannerBenchmark -f 1 -wi 5 -w 1s -i 5 -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlannerBenchmark {

    static final String RULES = """
            dataSources:
              ds_0: {master: {url: "jdbc:mysql://127.0.0.1:1/shop", username: root}}
              ds_1: {master: {url: "jdbc:mysql://127.0.0.1:2/shop", username: root}}
            rules:
              tables:
                t_order:
                  dataNodes: ds_${0..1}.t_order_${0..3}
                  databaseStrategy: {column: user_id, algorithm: db_mod}
                  tableStrategy: {column: order_id, algorithm: t_order_inline}
              algorithms:
                db_mod: {type: MOD, props: {shardingCount: 2}}
                t_order_inline: {type: INLINE, props: {expression: "t_order_${order_id % 4}"}}
            """;
    private static final int VARIANTS = 1024;

    private ShardingPlanner planner;
    private List<List<Object>> keys;
    private int next;

    @Setup
    public void setUp() {
        planner = new ShardingPlanner(ShardlineConfig.parse(RULES, "PlannerBenchmark").toRule());
        keys = new ArrayList<>();
        for (int i = 0; i < VARIANTS; i++) {
            keys.add(List.of((long) i * 7919, i % 97));
        }
    }

    private List<Object> nextKeys() {
        return keys.get(next++ & (VARIANTS - 1));
    }

    @Benchmark
    public RoutePlan pointSelect() {
        return planner.plan("SELECT order_id, user_id, status, amount FROM t_order WHERE order_id = ? AND user_id = ?",
                nextKeys(), PlanningContext.DEFAULT);
    }

    @Benchmark
    public RoutePlan insertOneRow() {
        List<Object> k = nextKeys();
        return planner.plan("INSERT INTO t_order (order_id, user_id, status, amount) VALUES (?, ?, 'NEW', 10.5)", k,
                PlanningContext.DEFAULT);
    }

    @Benchmark
    public RoutePlan scatterOrderByLimit() {
        return planner.plan("SELECT order_id, amount FROM t_order ORDER BY amount DESC, order_id LIMIT 100, 20",
                List.of(), PlanningContext.DEFAULT);
    }
}

package io.shardline.bench.ryw;

import io.shardline.consistency.ryw.KeyExtractor;
import io.shardline.consistency.ryw.ReadYourWritesTracker;
import io.shardline.consistency.ryw.StatementKeys;
import io.shardline.router.algorithm.ShardingAlgorithm;
import io.shardline.router.algorithm.ShardingAlgorithms;
import io.shardline.router.rule.ShardingRule;
import io.shardline.router.rule.ShardingStrategy;
import io.shardline.router.rule.TableRule;
import io.shardline.sql.SqlParser;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What read-your-writes adds to a read: key extraction from the (cached) parse and the tracker lookup. Target:
 * under 1 µs per statement.
 *
 * <ul>
 * <li>{@code idleGroup}: nothing written recently on the group (one volatile read, no extraction);</li>
 * <li>{@code untouchedKey}: 100,000 live tracked keys, a read of a key nobody wrote (the statement's compiled key
 * plan, bound to its parameters, then the lookups) — the common case the proof measures;</li>
 * <li>{@code trackedKey}: the same, the key was written;</li>
 * <li>{@code recordWrite}: the write side, per committed single-key statement.</li>
 * </ul>
 *
 * {@code mvn -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar TrackerBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class TrackerBenchmark {

    private static final String READ = "SELECT order_id, status FROM t_order WHERE user_id = ? AND status <> 'X'";
    private static final String WRITE = "UPDATE t_order SET status = ? WHERE user_id = ?";
    private static final int KEYS = 100_000;

    private SqlParser parser;
    private KeyExtractor extractor;
    private ReadYourWritesTracker tracker;
    private ReadYourWritesTracker idle;
    private List<Object> untouched;
    private List<Object> tracked;
    private long seq = KEYS + 1;
    private long writeKey = 10_000_000;

    @Setup
    public void setup() {
        Properties props = new Properties();
        props.setProperty("shardingCount", "2");
        ShardingAlgorithm mod = ShardingAlgorithms.create("MOD", props).standard().orElseThrow();
        TableRule order = TableRule.builder("t_order").dataNodes("ds_${0..1}.t_order")
                .databaseStrategy(ShardingStrategy.standard("user_id", "mod", mod)).build();
        ShardingRule rule = ShardingRule.builder().dataSources("ds_0", "ds_1").table(order).build();
        parser = new SqlParser();
        extractor = new KeyExtractor(rule, Map.of("t_order", List.of("order_id")));
        tracker = new ReadYourWritesTracker(2, 3_600_000, 10_000_000);
        idle = new ReadYourWritesTracker(2, 3_600_000, 10_000_000);
        long now = System.nanoTime();
        for (long k = 0; k < KEYS; k++) {
            tracker.recordWrite(0, extractor.extract(parser.parse(WRITE), List.of("S", k), null), 1, k + 1, now);
        }
        untouched = List.of(5_000_000L);
        tracked = List.of(4_242L);
    }

    private long required(ReadYourWritesTracker t, List<Object> parameters) {
        long now = System.nanoTime();
        if (!t.hasLive(0, now)) {
            return ReadYourWritesTracker.NONE;
        }
        StatementKeys keys = extractor.extract(READ, parser, parameters, null);
        return t.required(0, keys, now);
    }

    /** The parse-cache hit alone, which the read path pays anyway for planning: the baseline, not an extra. */
    @Benchmark
    public Object parseCacheHit() {
        return parser.parse(READ);
    }

    /** Key extraction alone: the compiled plan of this SQL text, bound to this execution's parameters. */
    @Benchmark
    public Object extractOnly() {
        return extractor.extract(READ, parser, untouched, null);
    }

    @Benchmark
    public long idleGroup() {
        return required(idle, untouched);
    }

    @Benchmark
    public long untouchedKey() {
        return required(tracker, untouched);
    }

    @Benchmark
    public long trackedKey() {
        return required(tracker, tracked);
    }

    @Benchmark
    public long recordWrite() {
        long k = writeKey++;
        if (writeKey > 10_000_000 + KEYS) {
            writeKey = 10_000_000;
        }
        tracker.recordWrite(1, extractor.extract(WRITE, parser, List.of("S", k), null), 2, ++seq,
                System.nanoTime());
        return seq;
    }
}

package io.shardline.router.algorithm;

import static io.shardline.router.algorithm.AlgorithmFixtures.standard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exact-value routing of integral values must not allocate: counts the bytes this thread allocates
 * over many calls (allocation, not time, so the result does not depend on machine load). Speed
 * itself belongs in the JMH benchmarks.
 */
class ExactRoutingAllocationTest {

    static final List<String> TABLES = List.of("t_order_0", "t_order_1", "t_order_2", "t_order_3");
    static final int CALLS = 100_000;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "MOD      | shardingCount | 4",
        "HASH_MOD | shardingCount | 4",
        "RANGE    | boundaries    | 100,200,300",
        "INLINE   | expression    | t_order_${order_id % 4}",
    })
    void integralExactValuesRouteWithoutAllocating(String type, String property, String value) {
        com.sun.management.ThreadMXBean threads = threadBean();
        ShardingAlgorithm algorithm = standard(type, property, value);
        Long[] values = new Long[1024];
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) i * 7919 % 400; // boxed up front: the caller owns its values
        }
        String sink = route(algorithm, values); // warm up, and load every class involved
        long before = threads.getCurrentThreadAllocatedBytes();
        sink = route(algorithm, values);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(sink).startsWith("t_order_");
        // Any per-call object would cost at least 16 bytes x 100,000 calls.
        assertThat(allocated).as("bytes allocated by %d %s routings", CALLS, type).isLessThan(CALLS);
    }

    private static String route(ShardingAlgorithm algorithm, Long[] values) {
        String last = null;
        for (int i = 0; i < CALLS; i++) {
            last = algorithm.shard(TABLES, "order_id", values[i & 1023]);
        }
        return last;
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counting unavailable");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "per-thread allocation counting unsupported");
        threads.setThreadAllocatedMemoryEnabled(true);
        return threads;
    }
}

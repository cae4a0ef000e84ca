package io.shardline.bench.jdbc;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Shardline and raw HikariCP measured at the same time: each JMH group runs raw threads and Shardline threads
 * concurrently against one topology, so both see the same machine load, table size and server state at every
 * instant (on a noisy shared machine, sequential runs drift more than the difference we look for). The ratio
 * is Shardline's group score over raw's.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar PointQueryPairBenchmark -f 1 -wi 3 -w 3s -i 5 -r 3s -tg 1,1}
 * (one thread each) and {@code -tg 8,8} (eight each).
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PointQueryPairBenchmark {

    private final PointQueryBenchmark delegate = new PointQueryBenchmark();

    @Setup(Level.Trial)
    public void start() throws SQLException {
        delegate.start();
    }

    @TearDown(Level.Trial)
    public void stop() {
        delegate.stop();
    }

    @Benchmark
    @Group("select")
    @GroupThreads(1)
    public BigDecimal rawPointSelect() throws SQLException {
        return delegate.rawPointSelect();
    }

    @Benchmark
    @Group("select")
    @GroupThreads(1)
    public BigDecimal shardlinePointSelect() throws SQLException {
        return delegate.shardlinePointSelect();
    }

    @Benchmark
    @Group("insert")
    @GroupThreads(1)
    public int rawInsert() throws SQLException {
        return delegate.rawInsert();
    }

    @Benchmark
    @Group("insert")
    @GroupThreads(1)
    public int shardlineInsert() throws SQLException {
        return delegate.shardlineInsert();
    }
}

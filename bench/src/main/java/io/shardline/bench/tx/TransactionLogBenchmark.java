package io.shardline.bench.tx;

import io.shardline.consistency.tx.log.TransactionLog;
import io.shardline.consistency.tx.log.TransactionLogOptions;
import io.shardline.consistency.tx.log.TxMode;
import io.shardline.consistency.tx.log.TxOutcome;
import io.shardline.consistency.tx.log.TxRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the transaction log costs a multi-shard commit: one operation appends a COMMITTING record (3 branches) and
 * the next a FINISHED record for it, alternating per thread, so the log's bookkeeping stays at a steady size and
 * segments roll over and get truncated as in production. {@code sync=true} waits for the fsync (shared between
 * threads by group commit); {@code sync=false} only writes. The log lives in {@code java.io.tmpdir}: the numbers are
 * this disk's fsync latency.
 *
 * {@code mvn -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar TransactionLogBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class TransactionLogBenchmark {

    @Param({"true", "false"})
    public boolean sync;

    private Path directory;
    private TransactionLog log;
    private final AtomicInteger threadIds = new AtomicInteger();

    @Setup(Level.Trial)
    public void open() throws IOException {
        directory = Files.createTempDirectory("shardline-txlog-bench");
        log = TransactionLog.open(directory, TransactionLogOptions.defaults());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        log.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Per thread: its records built once, so the benchmark measures the log, not record construction. */
    @State(Scope.Thread)
    public static class Writer {
        TxRecord committing;
        TxRecord finished;
        boolean next;

        @Setup(Level.Trial)
        public void build(TransactionLogBenchmark bench) {
            String xid = "bench-" + bench.threadIds.incrementAndGet() + "-0000000042";
            committing = TxRecord.committing(xid, TxMode.DELAYED, List.of("ds_0", "ds_1", "ds_2"));
            finished = TxRecord.finished(xid, TxOutcome.COMMITTED, "");
        }

        TxRecord nextRecord() {
            next = !next;
            return next ? committing : finished;
        }
    }

    @Benchmark
    @Threads(1)
    public void append1Thread(Writer writer) throws IOException {
        log.append(writer.nextRecord(), sync);
    }

    @Benchmark
    @Threads(4)
    public void append4Threads(Writer writer) throws IOException {
        log.append(writer.nextRecord(), sync);
    }
}

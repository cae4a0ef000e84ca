package io.shardline.bench.tx;

import io.shardline.consistency.tx.undo.BranchRecorder;
import io.shardline.consistency.tx.undo.ParameterBinder;
import io.shardline.consistency.tx.undo.PendingUndo;
import io.shardline.consistency.tx.undo.UndoLog;
import io.shardline.testkit.Topology;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of undo capture (issue #9): one transaction of one UPDATE by primary key on a real MariaDB node (testkit,
 * one master), plain vs with the branch marker and undo capture ({@code markBranch}, {@code beforeWrite}: SELECT ...
 * FOR UPDATE, {@code afterWrite}: read after-image + insert the undo record), and with {@code forget} of the settled
 * transaction afterwards. Plain JDBC on one connection, so the numbers are the capture's own round trips and CPU.
 *
 * {@code java -jar bench/target/benchmarks.jar UndoCaptureBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class UndoCaptureBenchmark {

    private static final int KEYS = 100_000;
    private static final int STATEMENTS_PER_TRANSACTION = 64;
    private static final String UPDATE = "UPDATE account SET balance = balance + ?, note = ? WHERE id = ?";
    private static final ParameterBinder BINDER = (ps, i, v) -> ps.setObject(i, v);

    /** {@code plain}: no capture; {@code undo}: marker + capture; {@code undoForget}: also forget after commit. */
    @Param({"plain", "undo", "undoForget"})
    public String capture;

    private Topology topology;
    private Connection connection;
    private PreparedStatement update;
    private UndoLog log;
    private long xid;
    private long statements;
    private BranchRecorder open;

    @Setup(Level.Trial)
    public void start() throws SQLException {
        topology = Topology.start(1, 0);
        topology.createDatabase("bench");
        connection = topology.master(0).connect("bench");
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE account (id BIGINT PRIMARY KEY, balance DECIMAL(14,2) NOT NULL, note VARCHAR(64),"
                    + " updated DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6))");
            s.execute("INSERT INTO account (id, balance, note) SELECT seq, 1000, 'opening' FROM seq_0_to_" + (KEYS - 1));
        }
        log = new UndoLog(UndoLog.DEFAULT_TABLE, BINDER);
        log.createTable(connection);
        connection.setAutoCommit(false);
        update = connection.prepareStatement(UPDATE);
    }

    @TearDown(Level.Trial)
    public void stop() throws SQLException {
        connection.close();
        topology.close();
    }

    @Benchmark
    public long updateByKeyInATransaction() throws SQLException {
        long key = ThreadLocalRandom.current().nextInt(KEYS);
        List<Object> params = List.of(1, "transfer", key);
        if (capture.equals("plain")) {
            long n = execute(params);
            connection.commit();
            return n;
        }
        String x = "bench-" + (xid++);
        BranchRecorder branch = log.branch(x, "ds_0");
        branch.markBranch(connection);
        PendingUndo pending = branch.beforeWrite(connection, UPDATE, params);
        long n = execute(params);
        pending.afterWrite(connection, n);
        connection.commit();
        if (capture.equals("undoForget")) {
            log.forget(connection, x);
        }
        return n;
    }

    /**
     * The capture's cost per write statement without the commit's fsync: the same UPDATE inside a long transaction
     * (rolled back, and a new branch marked, every {@value #STATEMENTS_PER_TRANSACTION} statements).
     * {@code undoForget} runs the same as {@code undo} here.
     */
    @Benchmark
    public long updateByKeyStatement() throws SQLException {
        long key = ThreadLocalRandom.current().nextInt(KEYS);
        List<Object> params = List.of(1, "transfer", key);
        if (statements++ % STATEMENTS_PER_TRANSACTION == 0) {
            connection.rollback();
            if (!capture.equals("plain")) {
                open = log.branch("bench-s-" + (xid++), "ds_0");
                open.markBranch(connection);
            }
        }
        if (capture.equals("plain")) {
            return execute(params);
        }
        PendingUndo pending = open.beforeWrite(connection, UPDATE, params);
        long n = execute(params);
        pending.afterWrite(connection, n);
        return n;
    }

    private long execute(List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            BINDER.bind(update, i + 1, params.get(i));
        }
        return update.executeUpdate();
    }
}

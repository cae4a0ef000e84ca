package io.shardline.jdbc.execute;

import io.shardline.consistency.tx.GlobalTransaction;
import io.shardline.consistency.tx.undo.PendingUndo;
import io.shardline.jdbc.resultset.ColumnDescriptor;
import io.shardline.jdbc.resultset.MergedResultSet;
import io.shardline.jdbc.resultset.ShardlineResultSetMetaData;
import io.shardline.router.merge.Collation;
import io.shardline.router.merge.MergeEngine;
import io.shardline.router.merge.MergePlan;
import io.shardline.router.merge.MergeSpec;
import io.shardline.router.merge.RowCursor;
import io.shardline.router.merge.SortKey;
import io.shardline.router.merge.UnionPlan;
import io.shardline.router.plan.ExecutionUnit;
import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.RouteOpcode;
import io.shardline.router.plan.RoutePlan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link RoutePlan}'s units on their data sources and turns the shard results into the application's
 * result. One unit runs inline on the caller's thread and its result set is passed through
 * ({@link ShardResultSet}); several units run one task per data source — units of the same data source one
 * after the other on its connection, data sources in parallel on a bounded executor shared by every connection
 * of the {@code ShardlineDataSource} — and their rows are merged ({@link MergeEngine}). On any failure every
 * shard statement and result opened for the plan is closed and the failures are reported together, naming
 * each shard.
 */
public final class ShardExecutor implements AutoCloseable {

    private final ThreadPoolExecutor executor;
    private final Map<String, String> logicalTables;

    /**
     * @param threads       parallel shard statements across the data source at most (then the caller runs them)
     * @param logicalTables actual table name (as written and lower case) → logical table, for result metadata
     */
    public ShardExecutor(int threads, Map<String, String> logicalTables) {
        if (threads < 1) {
            throw new IllegalArgumentException("executor threads must be >= 1, was " + threads);
        }
        this.logicalTables = Map.copyOf(logicalTables);
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "shardline-shard-exec-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // Saturated: the caller runs the task itself rather than queueing without bound or failing.
        executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 4),
                factory, new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    /** Twice the processors: shard statements mostly wait on the network. */
    public static int defaultThreads() {
        return 2 * Runtime.getRuntime().availableProcessors();
    }

    public Map<String, String> logicalTables() {
        return logicalTables;
    }

    /**
     * Executes a plan.
     *
     * @param owner the application's statement, which result sets report as theirs
     * @return the outcome; the caller closes it (it holds the shard statements)
     */
    public Outcome execute(RoutePlan plan, ShardConnections connections, PlanningContext session,
            ExecutionOptions options, Statement owner) throws SQLException {
        return execute(plan, connections, session, options, owner, null, null);
    }

    /**
     * Executes a plan with read/write splitting: {@code routing} picks each read unit's node (a replica when
     * allowed and safe) and records writes for read-your-writes; units of a read (one or a scatter's many) whose
     * replica fails with a connection error outside a transaction run again on another eligible node (another
     * replica or the master) before the results are merged.
     *
     * @param routing the DataSource's read routing, or null (every unit on its master)
     * @param rw      the logical connection's read/write state, or null
     */
    public Outcome execute(RoutePlan plan, ShardConnections connections, PlanningContext session,
            ExecutionOptions options, Statement owner, ReadRouting routing, ReadWriteSession rw) throws SQLException {
        List<ExecutionUnit> units = plan.units();
        int n = units.size();
        Outcome outcome = new Outcome(plan, n, logicalTables);
        if (n == 0) {
            // NONE: nothing runs. A query answers with no rows (and, knowing no shard, no columns).
            if (plan.query()) {
                outcome.resultSet = new MergedResultSet(new io.shardline.router.merge.ListCursor(List.of(), 0),
                        new ShardlineResultSetMetaData(List.of()), owner);
            } else {
                outcome.updateCount = 0;
            }
            return outcome;
        }
        ShardPools pools = connections.pools();
        // Resolve nodes and connections on this thread: ShardConnections is single-threaded.
        for (int i = 0; i < n; i++) {
            ExecutionUnit unit = units.get(i);
            DataSourceGroup group = pools.groupOrNull(unit.dataSource());
            if (group == null) {
                throw DataSourceGroup.unknown(unit.dataSource());
            }
            outcome.groups[i] = group;
            resolve(outcome, i, plan, session, connections, routing, rw);
        }
        if (!plan.query()) {
            joinTransaction(outcome, connections);
        }
        run(outcome, options, plan, session, connections, routing, rw);
        try {
            finish(outcome, options, owner);
        } catch (SQLException | RuntimeException e) {
            outcome.close();
            throw e;
        }
        if (routing != null && rw != null) {
            routing.afterWrite(outcome, connections, rw);
        }
        return outcome;
    }

    /**
     * Inside a DELAYED-mode transaction: registers the data sources this write changes (on this thread, before
     * the units run) so the transaction knows when it spans several and which writes capture undo records.
     */
    private static void joinTransaction(Outcome outcome, ShardConnections connections) throws SQLException {
        java.util.Optional<GlobalTransaction> global = connections.globalTransaction();
        if (global.isEmpty()) {
            return;
        }
        List<String> dataSources = new ArrayList<>(2);
        for (DataSourceGroup group : outcome.groups) {
            if (!dataSources.contains(group.name())) {
                dataSources.add(group.name());
            }
        }
        global.get().beforeWrite(dataSources, connections::masterConnection);
        outcome.global = global.get();
    }

    /** Picks unit {@code i}'s node and connection; a replica whose connection cannot be borrowed is taken out. */
    private static void resolve(Outcome outcome, int i, RoutePlan plan, PlanningContext session,
            ShardConnections connections, ReadRouting routing, ReadWriteSession rw) throws SQLException {
        DataSourceGroup group = outcome.groups[i];
        ShardNode node = routing == null || rw == null ? group.nodeFor(outcome.units.get(i), plan, session)
                : routing.choose(group, plan, session, connections, rw);
        Connection c;
        try {
            c = connections.connection(group, node);
        } catch (SQLException e) {
            if (node == group.master() || routing == null) {
                throw e;
            }
            routing.replicaFailed(group, node, connections, e);
            node = routing.choose(group, plan, session, connections, rw);
            c = connections.connection(group, node);
        }
        outcome.nodes[i] = node;
        outcome.connections[i] = c;
        if (plan.query()) {
            group.countRead(node);
        }
    }

    /**
     * Runs every unit; units whose replica failed with a connection error are re-run on another node. Outside a
     * transaction each failed replica is taken out of rotation and every unit that ran on it (the connection is
     * gone, with any result it held) is resolved again — another healthy replica, or the master — and run again,
     * before anything is merged. Each round takes at least one replica out, so this ends on the master at the
     * latest. Inside a transaction nothing is re-run (its snapshot lives on that replica): the replica is still
     * taken out, and the failure names the shard and says why it was not retried.
     */
    private void run(Outcome outcome, ExecutionOptions options, RoutePlan plan, PlanningContext session,
            ShardConnections connections, ReadRouting routing, ReadWriteSession rw) throws SQLException {
        int n = outcome.units.size();
        Throwable[] failures = new Throwable[n];
        boolean[] pending = new boolean[n];
        java.util.Arrays.fill(pending, true);
        int maxRounds = 1;
        for (DataSourceGroup g : outcome.groups) {
            maxRounds = Math.max(maxRounds, g.replicas().size() + 1);
        }
        for (int round = 0; ; round++) {
            if (n == 1) {
                try {
                    runUnit(outcome, 0, options);
                } catch (SQLException | RuntimeException e) {
                    failures[0] = e;
                }
            } else {
                runAll(outcome, options, pending, failures);
            }
            boolean[] retry = retryable(outcome, plan, connections, routing, rw, failures);
            if (retry == null || round + 1 >= maxRounds) {
                break;
            }
            for (int i = 0; i < n; i++) {
                pending[i] = retry[i];
                if (retry[i]) {
                    failures[i] = null;
                    closeUnit(outcome, i);
                    try {
                        resolve(outcome, i, plan, session, connections, routing, rw);
                    } catch (SQLException | RuntimeException e) {
                        outcome.close();
                        throw e;
                    }
                }
            }
        }
        List<ShardFailureException> failed = null;
        for (int i = 0; i < n; i++) {
            if (failures[i] != null) {
                if (failed == null) {
                    failed = new ArrayList<>(2);
                }
                failed.add(failure(outcome, i, failures[i], connections));
            }
        }
        if (failed != null) {
            outcome.close();
            throw ShardFailureException.combine(failed);
        }
    }

    /**
     * Which units to run again after a round: every unit on a replica node where some unit failed with a connection
     * error, when the statement is a read outside a transaction and every failure of the round is such a one (a
     * statement error elsewhere fails the plan anyway). The failed replicas are taken out in any case. Null when
     * there is nothing to retry.
     */
    private static boolean[] retryable(Outcome outcome, RoutePlan plan, ShardConnections connections,
            ReadRouting routing, ReadWriteSession rw, Throwable[] failures) {
        if (routing == null || rw == null || !plan.query()) {
            return null;
        }
        int n = failures.length;
        List<ShardNode> failedNodes = new ArrayList<>(1);
        boolean allRetryable = true;
        boolean any = false;
        for (int i = 0; i < n; i++) {
            Throwable e = failures[i];
            if (e == null) {
                continue;
            }
            any = true;
            ShardNode node = outcome.nodes[i];
            if (node != outcome.groups[i].master() && e instanceof SQLException s && ReadRouting.isConnectionFailure(s)) {
                if (!failedNodes.contains(node)) {
                    failedNodes.add(node);
                    routing.replicaFailed(outcome.groups[i], node, connections, s);
                }
            } else {
                allRetryable = false;
            }
        }
        if (!any || !allRetryable || !connections.autoCommit()) {
            return null;
        }
        boolean[] retry = new boolean[n];
        for (int i = 0; i < n; i++) {
            retry[i] = failedNodes.contains(outcome.nodes[i]);
        }
        return retry;
    }

    /** Closes what unit {@code i} left open (before it runs again elsewhere). */
    private static void closeUnit(Outcome outcome, int i) {
        Statement s = outcome.statements[i];
        outcome.statements[i] = null;
        outcome.results[i] = null;
        outcome.counts[i] = 0;
        if (s != null) {
            try {
                s.close();
            } catch (SQLException ignored) {
                // its connection is broken already
            }
        }
    }

    /**
     * Runs a prepared statement's batch as one shard batch per data source, when that keeps every data source's
     * statements in their order: every entry is a one-unit write, and all entries of a data source have the
     * same shard SQL (one shard table). Returns null when the batch does not qualify; the caller then runs the
     * entries one by one. Counts are what the shard driver reports per entry (Connector/J with
     * {@code rewriteBatchedStatements=true} reports {@link Statement#SUCCESS_NO_INFO} for rewritten INSERTs).
     * On a failure, the exception carries a count per entry: the data sources that finished report theirs, the
     * rest {@link Statement#EXECUTE_FAILED}.
     */
    public long[] executeBatch(List<RoutePlan> plans, ShardConnections connections, PlanningContext session,
            ExecutionOptions options) throws SQLException {
        if (options.wantsKeys() || plans.size() < 2) {
            return null;
        }
        List<String> dataSources = new ArrayList<>(2);
        List<String> sqls = new ArrayList<>(2);
        int[] groupOf = new int[plans.size()];
        for (int i = 0; i < plans.size(); i++) {
            RoutePlan plan = plans.get(i);
            // DDL runs one by one, through the connection's guard (MariaDB commits an open transaction before it).
            if (plan.query() || plan.schemaChange() || plan.units().size() != 1 || plan.generatedKeys().isPresent()) {
                return null;
            }
            ExecutionUnit unit = plan.units().get(0);
            int g = dataSources.indexOf(unit.dataSource());
            if (g < 0) {
                g = dataSources.size();
                dataSources.add(unit.dataSource());
                sqls.add(unit.sql());
            } else if (!sqls.get(g).equals(unit.sql())) {
                return null;
            }
            groupOf[i] = g;
        }
        java.util.Optional<GlobalTransaction> global = connections.globalTransaction();
        if (global.isPresent()) {
            // Writes that capture undo records run one by one (each needs its before- and after-images).
            global.get().beforeWrite(dataSources, connections::masterConnection);
            for (String ds : dataSources) {
                if (global.get().captures(ds)) {
                    return null;
                }
            }
        }
        long[] counts = new long[plans.size()];
        java.util.Arrays.fill(counts, Statement.EXECUTE_FAILED);
        ShardPools pools = connections.pools();
        for (int g = 0; g < dataSources.size(); g++) {
            DataSourceGroup group = pools.groupOrNull(dataSources.get(g));
            if (group == null) {
                throw DataSourceGroup.unknown(dataSources.get(g));
            }
            int first = -1;
            for (int i = 0; i < groupOf.length && first < 0; i++) {
                first = groupOf[i] == g ? i : -1;
            }
            ShardNode node = group.nodeFor(plans.get(first).units().get(0), plans.get(first), session);
            Connection c = connections.connection(group, node);
            try (PreparedStatement ps = c.prepareStatement(sqls.get(g))) {
                applyOptions(ps, options);
                for (int i = 0; i < groupOf.length; i++) {
                    if (groupOf[i] != g) {
                        continue;
                    }
                    List<Object> parameters = plans.get(i).units().get(0).parameters();
                    for (int p = 0, n = parameters.size(); p < n; p++) {
                        Parameters.bind(ps, p + 1, parameters.get(p));
                    }
                    ps.addBatch();
                }
                long[] shardCounts = ps.executeLargeBatch();
                for (int i = 0, k = 0; i < groupOf.length; i++) {
                    if (groupOf[i] == g) {
                        counts[i] = k < shardCounts.length ? shardCounts[k++] : Statement.SUCCESS_NO_INFO;
                    }
                }
            } catch (SQLException e) {
                ShardFailureException failure = new ShardFailureException(group.name(), node.address(), sqls.get(g), e);
                throw new java.sql.BatchUpdateException(failure.getMessage(), failure.getSQLState(),
                        failure.getErrorCode(), counts, failure);
            }
        }
        return counts;
    }

    /** Runs the {@code pending} units, one task per distinct connection; records each unit's failure. */
    private void runAll(Outcome outcome, ExecutionOptions options, boolean[] pending, Throwable[] failures)
            throws SQLException {
        int n = outcome.units.size();
        // One task per distinct connection (data source), its units in plan order.
        Connection[] distinct = new Connection[n];
        int tasks = 0;
        int[] taskOf = new int[n];
        for (int i = 0; i < n; i++) {
            if (!pending[i]) {
                taskOf[i] = -1;
                continue;
            }
            int t = 0;
            while (t < tasks && distinct[t] != outcome.connections[i]) {
                t++;
            }
            if (t == tasks) {
                distinct[tasks++] = outcome.connections[i];
            }
            taskOf[i] = t;
        }
        List<Future<?>> futures = new ArrayList<>(tasks);
        for (int t = 1; t < tasks; t++) {
            int task = t;
            futures.add(executor.submit(() -> runTask(outcome, options, taskOf, task, failures)));
        }
        if (tasks > 0) {
            runTask(outcome, options, taskOf, 0, failures);
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                for (Future<?> other : futures) {
                    other.cancel(true);
                }
                outcome.close();
                throw new SQLException("Interrupted while waiting for shard statements", "70100", e);
            } catch (ExecutionException e) {
                // runTask records its failures itself; this is an executor failure
                int first = 0;
                while (first < n - 1 && !pending[first]) {
                    first++;
                }
                failures[first] = failures[first] == null ? e.getCause() : failures[first];
            }
        }
    }

    private static void runTask(Outcome outcome, ExecutionOptions options, int[] taskOf, int task,
            Throwable[] failures) {
        for (int i = 0; i < taskOf.length; i++) {
            if (taskOf[i] != task) {
                continue;
            }
            try {
                runUnit(outcome, i, options);
            } catch (SQLException | RuntimeException e) {
                failures[i] = e;
                return; // later units of this data source are not run after a failure on it
            }
        }
    }

    private static void runUnit(Outcome outcome, int i, ExecutionOptions options) throws SQLException {
        GlobalTransaction global = outcome.global;
        if (global == null || !global.captures(outcome.groups[i].name())) {
            runStatement(outcome, i, options);
            return;
        }
        // Undo capture: before-images under lock, the write, after-images and undo records, in the branch's
        // local transaction.
        ExecutionUnit unit = outcome.units.get(i);
        String dataSource = outcome.groups[i].name();
        java.util.Optional<PendingUndo> pending = global.beforeUnit(dataSource, outcome.connections[i], unit.sql(),
                unit.parameters());
        runStatement(outcome, i, options);
        if (pending.isPresent()) {
            global.afterUnit(dataSource, pending.get(), outcome.connections[i], outcome.counts[i]);
        }
    }

    private static void runStatement(Outcome outcome, int i, ExecutionOptions options) throws SQLException {
        ExecutionUnit unit = outcome.units.get(i);
        Connection c = outcome.connections[i];
        List<Object> parameters = unit.parameters();
        boolean keys = options.wantsKeys();
        boolean hasResultSet;
        if (parameters.isEmpty()) {
            Statement s = c.createStatement();
            outcome.statements[i] = s;
            applyOptions(s, options, outcome.plan);
            hasResultSet = keys ? s.execute(unit.sql(), Statement.RETURN_GENERATED_KEYS) : s.execute(unit.sql());
        } else {
            PreparedStatement ps = keys ? c.prepareStatement(unit.sql(), Statement.RETURN_GENERATED_KEYS)
                    : c.prepareStatement(unit.sql());
            outcome.statements[i] = ps;
            applyOptions(ps, options, outcome.plan);
            for (int p = 0, count = parameters.size(); p < count; p++) {
                Parameters.bind(ps, p + 1, parameters.get(p));
            }
            hasResultSet = ps.execute();
        }
        Statement executed = outcome.statements[i];
        if (hasResultSet) {
            outcome.results[i] = executed.getResultSet();
        } else {
            outcome.counts[i] = executed.getLargeUpdateCount();
        }
    }

    private static void applyOptions(Statement s, ExecutionOptions options) throws SQLException {
        applyOptions(s, options, null);
    }

    private static void applyOptions(Statement s, ExecutionOptions options, RoutePlan plan) throws SQLException {
        if (options.fetchSize != 0) {
            s.setFetchSize(options.fetchSize);
        }
        // A UNION's SELECTs are cut to maxRows only after they are united: a shorter SELECT could lose a row that
        // DISTINCT or ORDER BY would have kept.
        if (options.maxRows > 0 && (plan == null || plan.union().isEmpty())) {
            s.setLargeMaxRows(options.maxRows);
        }
        if (options.queryTimeoutSeconds > 0) {
            s.setQueryTimeout(options.queryTimeoutSeconds);
        }
    }

    private void finish(Outcome outcome, ExecutionOptions options, Statement owner) throws SQLException {
        int n = outcome.units.size();
        if (outcome.results[0] == null) {
            long total = 0;
            for (int i = 0; i < n; i++) {
                if (outcome.results[i] != null) {
                    throw new SQLException("Shard " + outcome.units.get(i).dataSource() + " returned rows for a "
                            + "statement the others answered with an update count [SQL: " + outcome.units.get(i).sql()
                            + "]", "HY000");
                }
                total += Math.max(0, outcome.counts[i]);
            }
            // A broadcast write changes the same rows in every copy; the application asked about one table.
            outcome.updateCount = outcome.plan.opcode() == RouteOpcode.BROADCAST ? outcome.counts[0] : total;
            return;
        }
        if (n == 1) {
            outcome.resultSet = new ShardResultSet(outcome.results[0], owner, logicalTables);
            return;
        }
        if (outcome.plan.union().isPresent()) {
            finishUnion(outcome, outcome.plan.union().get(), options, owner);
            return;
        }
        List<RowCursor> cursors = cursors(outcome, 0, n);
        ResultSetMetaData first = outcome.results[0].getMetaData();
        int columns = first.getColumnCount();
        MergePlan mergePlan = outcome.plan.merge().orElseGet(() -> MergePlan.concat(columns));
        MergeSpec spec = bind(mergePlan, outcome.groups[0].collations().collations(first), first);
        RowCursor merged = merge(cursors, spec);
        if (options.maxRows > 0) {
            merged = MergeEngine.limit(merged, 0, options.maxRows);
        }
        ShardlineResultSetMetaData metaData = ShardlineResultSetMetaData.copyOf(first, spec.visibleColumns(),
                table -> LogicalTableMetaData.logical(logicalTables, table));
        outcome.resultSet = new MergedResultSet(merged, metaData, owner);
    }

    /**
     * A UNION whose SELECTs ran apart: each SELECT's units merge as that SELECT alone would, then the SELECTs' rows
     * unite. The SELECTs must return the same column types: one database would convert them to a common type
     * (INT and BIGINT to BIGINT, DECIMAL(5,2) and DECIMAL(6,3) to DECIMAL(7,3)), which rows from several servers
     * cannot reproduce, so a difference is refused, naming the column.
     */
    private void finishUnion(Outcome outcome, UnionPlan union, ExecutionOptions options, Statement owner)
            throws SQLException {
        // On a failure the caller closes the outcome's statements, and with them every cursor made here.
        List<RowCursor> branches = new ArrayList<>(union.branches().size());
        List<ColumnDescriptor> columns = null;
        List<List<Collation>> collations = new ArrayList<>();
        int unit = 0;
        for (int b = 0; b < union.branches().size(); b++) {
            UnionPlan.Branch branch = union.branches().get(b);
            List<RowCursor> cursors = cursors(outcome, unit, unit + branch.units());
            ResultSetMetaData md = outcome.results[unit].getMetaData();
            List<Collation> branchCollations = outcome.groups[unit].collations().collations(md);
            int visible;
            if (branch.merge().isEmpty()) {
                branches.add(cursors.get(0));
                visible = md.getColumnCount();
            } else {
                MergeSpec spec = bind(branch.merge().get(), branchCollations, md);
                branches.add(merge(cursors, spec));
                visible = spec.visibleColumns();
            }
            if (columns == null) {
                columns = new ArrayList<>(ShardlineResultSetMetaData.copyOf(md, visible,
                        table -> LogicalTableMetaData.logical(logicalTables, table)).columns());
            } else {
                widen(columns, md, visible, b, outcome.units.get(unit));
            }
            collations.add(branchCollations.subList(0, visible));
            unit += branch.units();
        }
        List<String> labels = columns.stream().map(ColumnDescriptor::label).toList();
        List<Collation> compared = sameCollations(collations, labels);
        List<SortKey> order;
        try {
            order = union.sortKeys(labels, compared);
        } catch (IllegalArgumentException e) {
            throw new SQLException(e.getMessage(), "0A000", e);
        }
        RowCursor merged = MergeEngine.union(branches, union.distinctBranches(), compared, order, union.offset(),
                union.limit());
        if (options.maxRows > 0) {
            merged = MergeEngine.limit(merged, 0, options.maxRows);
        }
        outcome.resultSet = new MergedResultSet(merged, new ShardlineResultSetMetaData(columns), owner);
    }

    /** Cursors over the results of units {@code [from, to)}, which must all be queries. */
    private static List<RowCursor> cursors(Outcome outcome, int from, int to) throws SQLException {
        List<RowCursor> cursors = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            if (outcome.results[i] == null) {
                throw new SQLException("Shard " + outcome.units.get(i).dataSource() + " returned an update count for"
                        + " a query the others answered with rows [SQL: " + outcome.units.get(i).sql() + "]", "HY000");
            }
            cursors.add(new JdbcRowCursor(outcome.results[i], outcome.groups[i].name(), outcome.nodes[i].address()));
        }
        return cursors;
    }

    private static MergeSpec bind(MergePlan plan, List<Collation> collations, ResultSetMetaData md)
            throws SQLException {
        try {
            return plan.bind(collations, labels(md));
        } catch (IllegalArgumentException e) {
            throw new SQLException(e.getMessage(), "0A000", e);
        }
    }

    private static RowCursor merge(List<RowCursor> cursors, MergeSpec spec) throws SQLException {
        try {
            return MergeEngine.merge(cursors, spec);
        } catch (IllegalArgumentException e) {
            throw new SQLException(e.getMessage(), "HY000", e);
        } catch (RuntimeException e) {
            throw new SQLException(e.getMessage(), e.getCause() instanceof SQLException s ? s.getSQLState() : "HY000",
                    e.getCause() == null ? e : e.getCause());
        }
    }

    private static List<String> labels(ResultSetMetaData md) throws SQLException {
        int columns = md.getColumnCount();
        List<String> labels = new ArrayList<>(columns);
        for (int c = 1; c <= columns; c++) {
            labels.add(md.getColumnLabel(c));
        }
        return labels;
    }

    /**
     * Checks SELECT {@code b} of a UNION against the first one's columns and widens them: a longer string or
     * number, or a nullable column, is described as the one database describes the united column.
     */
    private static void widen(List<ColumnDescriptor> columns, ResultSetMetaData md, int visible, int b,
            ExecutionUnit unit) throws SQLException {
        if (visible != columns.size()) {
            // MariaDB's own error: ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT
            throw new SQLException("The used SELECT statements have a different number of columns (" + columns.size()
                    + " in the first, " + visible + " in SELECT " + (b + 1) + ")", "21000", 1222);
        }
        for (int c = 0; c < visible; c++) {
            ColumnDescriptor mine = columns.get(c);
            int type = md.getColumnType(c + 1);
            boolean signed = md.isSigned(c + 1);
            int scale = md.getScale(c + 1);
            if (type != mine.jdbcType() || signed != mine.signed() || scale != mine.scale()) {
                throw new SQLException("UNION over sharded tables: column " + (c + 1) + " ('" + mine.label()
                        + "') is " + describe(mine.typeName(), mine.signed(), mine.scale()) + " in the first SELECT and "
                        + describe(md.getColumnTypeName(c + 1), signed, scale) + " in SELECT " + (b + 1) + " [SQL: "
                        + unit.sql() + "]; the database would convert both to a common type, which Shardline cannot"
                        + " reproduce from rows of several servers: CAST them to one type", "0A000");
            }
            columns.set(c, new ColumnDescriptor(mine.label(), mine.name(), mine.table(), mine.catalog(),
                    mine.jdbcType(), mine.typeName(), Math.max(mine.precision(), md.getPrecision(c + 1)), mine.scale(),
                    mine.nullable() == ResultSetMetaData.columnNoNulls ? md.isNullable(c + 1) : mine.nullable(),
                    mine.signed(), Math.max(mine.displaySize(), md.getColumnDisplaySize(c + 1)), mine.className(),
                    false, mine.caseSensitive()));
        }
    }

    private static String describe(String typeName, boolean signed, int scale) {
        return typeName + (signed ? "" : " UNSIGNED") + (scale > 0 ? " (scale " + scale + ")" : "");
    }

    /**
     * Per column, the collation every SELECT agrees on, or null when they differ or one is not reproducible: such a
     * column may be united but not compared (DISTINCT, ORDER BY), which {@link UnionPlan#sortKeys} refuses.
     */
    private static List<Collation> sameCollations(List<List<Collation>> branches, List<String> labels) {
        List<Collation> out = new ArrayList<>(labels.size());
        for (int c = 0; c < labels.size(); c++) {
            Collation collation = branches.get(0).get(c);
            for (List<Collation> branch : branches) {
                if (branch.get(c) != collation) {
                    collation = null;
                    break;
                }
            }
            out.add(collation);
        }
        return out;
    }

    private static ShardFailureException failure(Outcome outcome, int i, Throwable e, ShardConnections connections) {
        if (e instanceof ShardFailureException f) {
            return f;
        }
        String sql = outcome.units.get(i).sql();
        if (outcome.plan.query() && !connections.autoCommit() && outcome.nodes[i] != outcome.groups[i].master()
                && e instanceof SQLException s && ReadRouting.isConnectionFailure(s)) {
            // Say why this one was not retried: the transaction's reads were on that replica.
            e = new SQLException("replica " + outcome.nodes[i].role() + " failed a read inside a transaction; not "
                    + "retried elsewhere (the transaction's snapshot was on it; it is out of rotation until its next "
                    + "good poll): " + e.getMessage(), s.getSQLState(), s.getErrorCode(), s);
        }
        return new ShardFailureException(outcome.units.get(i).dataSource(), outcome.nodes[i].address(), sql, e);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /**
     * What a plan's execution produced: the application's result set or update count, and the shard statements
     * (kept open for {@code getGeneratedKeys} until the application's statement moves on or closes).
     */
    public static final class Outcome implements AutoCloseable {
        final RoutePlan plan;
        final List<ExecutionUnit> units;
        final DataSourceGroup[] groups;
        final ShardNode[] nodes;
        final Connection[] connections;
        final Statement[] statements;
        final ResultSet[] results;
        final long[] counts;
        final Map<String, String> logicalTables;
        /** DELAYED-mode transaction whose writes capture undo records, or null. */
        GlobalTransaction global;
        ResultSet resultSet;
        long updateCount = -1;

        Outcome(RoutePlan plan, int n, Map<String, String> logicalTables) {
            this.plan = plan;
            this.units = plan.units();
            this.logicalTables = logicalTables;
            groups = new DataSourceGroup[n];
            nodes = new ShardNode[n];
            connections = new Connection[n];
            statements = new Statement[n];
            results = new ResultSet[n];
            counts = new long[n];
        }

        /** The application's result set, or null for an update. */
        public ResultSet resultSet() {
            return resultSet;
        }

        /** The update count (summed over shards; one copy's for broadcast writes), or -1 for a query. */
        public long updateCount() {
            return updateCount;
        }

        public RoutePlan plan() {
            return plan;
        }

        /**
         * The generated keys: Shardline's own when the plan generated them (one row per INSERT row, labelled
         * {@code GENERATED_KEY} as Connector/J labels them, named after the key column); otherwise the shards'
         * AUTO_INCREMENT keys, in unit order.
         */
        public ResultSet generatedKeys(Statement owner) throws SQLException {
            return GeneratedKeyResults.of(this, owner);
        }

        /** Cancels every shard statement still held (best effort). */
        public void cancel() {
            for (Statement s : statements) {
                if (s != null) {
                    try {
                        s.cancel();
                    } catch (SQLException ignored) {
                        // finished or closed meanwhile
                    }
                }
            }
        }

        @Override
        public void close() {
            if (resultSet != null) {
                try {
                    resultSet.close();
                } catch (SQLException ignored) {
                    // the shard statements below close it anyway
                }
            }
            for (int i = 0; i < statements.length; i++) {
                Statement s = statements[i];
                if (s != null) {
                    statements[i] = null;
                    try {
                        s.close();
                    } catch (SQLException ignored) {
                        // closing is best effort; the connection goes back to its pool regardless
                    }
                }
            }
        }
    }
}

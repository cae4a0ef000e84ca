package io.shardline.jdbc.execute;

import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.protocol.ServerSessionStateController;
import com.zaxxer.hikari.HikariDataSource;
import io.shardline.consistency.ryw.Gtid;
import io.shardline.consistency.ryw.KeyExtractor;
import io.shardline.consistency.ryw.MySqlGtidSet;
import io.shardline.consistency.ryw.ReadYourWritesTracker;
import io.shardline.consistency.ryw.ReplicaPoller;
import io.shardline.consistency.ryw.ReplicaState;
import io.shardline.consistency.ryw.ServerFlavor;
import io.shardline.consistency.ryw.StatementKeys;
import io.shardline.consistency.ryw.TableAccess;
import io.shardline.jdbc.config.ReadWriteSplittingConfig;
import io.shardline.jdbc.config.ReadWriteSplittingConfig.Mode;
import io.shardline.jdbc.config.ReadWriteSplittingConfig.ReadYourWrites;
import io.shardline.jdbc.config.ReadWriteSplittingConfig.TransactionReads;
import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.RoutePlan;
import io.shardline.router.rule.ShardingRule;
import io.shardline.sql.SqlParser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read/write splitting and read-your-writes for one {@code ShardlineDataSource}: decides, per unit of a read, the
 * position it must see (tracked keys, imported causal tokens) and lets {@link DataSourceGroup#nodeFor} pick the
 * node; records committed writes with their GTIDs (from the OK packet's session tracking) in the
 * {@link ReadYourWritesTracker}; runs the {@link ReplicaPoller}. Shared by every connection; thread-safe.
 */
public final class ReadRouting implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadRouting.class);

    private final ShardPools pools;
    private final ReadYourWrites ryw;
    private final TransactionReads transactionReads;
    private final ReadYourWritesTracker tracker;
    private final KeyExtractor extractor;
    private final SqlParser parser;
    private final ReplicaPoller poller;
    private final long[] serverIds;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    /** MySQL: tracker domain → the source ({@code uuid}) it stands for, learnt from commits; for bounded waits. */
    private final Map<Long, String> mysqlSources = new ConcurrentHashMap<>();

    private ReadRouting(ShardPools pools, ReadWriteSplittingConfig settings, ShardingRule rule, SqlParser parser) {
        this.pools = pools;
        this.ryw = settings.readYourWrites();
        this.transactionReads = settings.transactionReads();
        this.parser = parser;
        int n = pools.groups().size();
        this.serverIds = new long[n];
        this.tracker = new ReadYourWritesTracker(n, ryw.trackingMillis(), ryw.maxTrackedKeys());
        this.extractor = new KeyExtractor(rule, ryw.keyColumns());
        List<ReplicaPoller.PolledGroup> polled = new ArrayList<>();
        for (DataSourceGroup g : pools.groups()) {
            if (!g.splitsReads()) {
                continue;
            }
            List<ReplicaPoller.NodeProbe> replicas = new ArrayList<>();
            for (ShardNode replica : g.replicas()) {
                replicas.add(probe(replica));
            }
            polled.add(new ReplicaPoller.PolledGroup(g.index(), g.name(), probe(g.master()), replicas,
                    g.replicaStates(), g.flavor()));
        }
        // Adaptive TIME_WINDOW: the poller measures lag through the heartbeat table (no GTIDs) and sets each
        // group's window; otherwise it polls GTID positions.
        this.poller = new ReplicaPoller(tracker, polled, settings.pollIntervalMs(), LOG::warn,
                ryw.adaptive() ? ryw.heartbeat() : null);
    }

    /**
     * Starts read routing when any data source configures {@code readWriteSplitting}; empty otherwise (every
     * statement then runs on masters, and nothing is tracked or polled).
     */
    public static Optional<ReadRouting> start(ShardPools pools, ShardingRule rule, SqlParser parser) {
        for (DataSourceGroup g : pools.groups()) {
            if (g.splitting().isPresent()) {
                return Optional.of(new ReadRouting(pools, g.splitting().get(), rule, parser));
            }
        }
        return Optional.empty();
    }

    /** The tracker (for tests, metrics and benchmarks). */
    public ReadYourWritesTracker tracker() {
        return tracker;
    }

    /** The poller (for tests: {@link ReplicaPoller#tick()} forces a fresh view). */
    public ReplicaPoller poller() {
        return poller;
    }

    public KeyExtractor extractor() {
        return extractor;
    }

    // ---- reads ------------------------------------------------------------------------------------

    /**
     * The node for one unit: the master for writes, locking reads, force-master hints and transactions that must
     * stay there; otherwise a replica that has applied what the read must see, or (with {@code waitMs}) one that
     * applies it within the bound, or the master. May borrow the replica's connection (to wait on it).
     */
    ShardNode choose(DataSourceGroup group, RoutePlan plan, PlanningContext context, ShardConnections connections,
            ReadWriteSession session) {
        if (!group.splitsReads() || !plan.query() || plan.needsMaster() || context.forceMaster()) {
            return group.master();
        }
        if (!connections.autoCommit()
                && (transactionReads == TransactionReads.MASTER || session.transactionWritten)) {
            return group.master();
        }
        long domain = -1;
        long required = ReadYourWritesTracker.NONE;
        if (ryw.mode() != Mode.OFF) {
            long now = System.nanoTime();
            if (tracker.hasLive(group.index(), now)) {
                // Something is live on this group: only now is the statement's key set worth extracting.
                required = tracker.required(group.index(), keys(session, plan), now);
            }
            if (required == ReadYourWritesTracker.UNKNOWN) {
                return group.master();
            }
            domain = tracker.domain(group.index());
        }
        Gtid token = session.required[group.index()];
        if (token != null) {
            if (required == ReadYourWritesTracker.NONE || token.domain() == domain) {
                domain = token.domain();
                required = Math.max(required, token.seq());
            } else {
                return group.master(); // positions of two domains: no replica can be proven to have both
            }
        }
        ShardNode node = group.nodeFor(null, plan, context, domain, required);
        if (node != group.master() || required == ReadYourWritesTracker.NONE || ryw.mode() != Mode.GTID
                || ryw.waitMs() == 0) {
            return node;
        }
        return waitOnReplica(group, connections, domain, required);
    }

    /**
     * No replica has applied the position yet: wait for it on one, up to {@code waitMs}; else the master. MariaDB
     * waits for {@code domain-server-seq} with {@code MASTER_GTID_WAIT}; MySQL for every transaction of the source up
     * to the sequence number ({@code uuid:1-seq}, the same low-water sense as the poller's) with
     * {@code WAIT_FOR_EXECUTED_GTID_SET}. Their results mean opposite things on timeout ({@link ServerFlavor#applied}).
     */
    private ShardNode waitOnReplica(DataSourceGroup group, ShardConnections connections, long domain, long required) {
        ServerFlavor flavor = group.flavor();
        String target;
        if (flavor == ServerFlavor.MYSQL) {
            String source = mysqlSources.get(domain);
            if (source == null) {
                return group.master(); // a position imported from another instance: its source is not known here
            }
            target = MySqlGtidSet.prefix(source, required);
        } else {
            target = domain + "-" + serverIds[group.index()] + "-" + required;
        }
        ShardNode replica = group.pickReplica(-1, ReadYourWritesTracker.NONE);
        if (replica == null) {
            return group.master();
        }
        try {
            Connection c = connections.connection(group, replica);
            try (PreparedStatement ps = c.prepareStatement(flavor.waitSql())) {
                ps.setString(1, target);
                double seconds = flavor.waitSeconds(ryw.waitMs());
                if (flavor == ServerFlavor.MYSQL) {
                    ps.setLong(2, (long) seconds); // whole seconds, as MySQL 5.7 reads them
                } else {
                    ps.setDouble(2, seconds);
                }
                // A guard in case the server ignores the bound (MySQL rounds it up to whole seconds).
                ps.setQueryTimeout((int) Math.ceil(seconds) + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        int value = rs.getInt(1);
                        if (flavor.applied(rs.wasNull() ? null : value)) {
                            return replica;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            replicaFailed(group, replica, connections, e);
        }
        return group.master();
    }

    private StatementKeys keys(ReadWriteSession session, RoutePlan plan) {
        if (session.keys == null) {
            session.keys = extract(session.sql, session.parameters, plan);
        }
        return session.keys;
    }

    private StatementKeys extract(String sql, List<Object> parameters, RoutePlan plan) {
        if (sql == null) {
            return StatementKeys.NONE;
        }
        StatementKeys keys = extractor.extract(sql, parser, parameters, plan.generatedKeys().orElse(null));
        return ryw.tableModes().isEmpty() ? keys : withoutUntrackedTables(keys);
    }

    /**
     * Drops the tables whose {@code tableModes} entry is OFF: their writes leave no mark, and reading them needs no
     * position (a read joining such a table with a tracked one still waits for the tracked one).
     */
    private StatementKeys withoutUntrackedTables(StatementKeys keys) {
        List<TableAccess> tables = keys.tables();
        List<TableAccess> kept = null;
        for (int i = 0; i < tables.size(); i++) {
            boolean off = ryw.modeOf(tables.get(i).table()) == Mode.OFF;
            if (off && kept == null) {
                kept = new ArrayList<>(tables.subList(0, i));
            } else if (!off && kept != null) {
                kept.add(tables.get(i));
            }
        }
        return kept == null ? keys : new StatementKeys(keys.write(), kept);
    }

    /** A read on a replica failed with a connection error: take it out and drop its connection. */
    void replicaFailed(DataSourceGroup group, ShardNode replica, ShardConnections connections, SQLException e) {
        ReplicaState state = group.stateOf(replica);
        if (state != null && isConnectionFailure(e)) {
            boolean was = state.healthy();
            state.failed(String.valueOf(e.getMessage()));
            if (was) {
                LOG.warn("{} is out of rotation after a failed read: {}", replica, e.getMessage());
            }
            connections.discard(group, replica, Runnable::run);
        }
    }

    /** Connection-level failures (the node, not the statement, is at fault): retried elsewhere. */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t.getClass().getSimpleName().startsWith("Communications")) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    // ---- writes -----------------------------------------------------------------------------------

    /**
     * After a write ran: in autocommit, records its keys at each group's commit GTID; in a transaction, keeps
     * them until {@link #afterCommit}.
     */
    void afterWrite(ShardExecutor.Outcome outcome, ShardConnections connections, ReadWriteSession session) {
        RoutePlan plan = outcome.plan;
        if (plan.query() && !plan.needsMaster()) {
            return;
        }
        if (plan.query()) {
            // A locking read is not a write, but it holds the transaction on the master like one.
            if (!connections.autoCommit()) {
                session.transactionWritten = true;
            }
            return;
        }
        StatementKeys keys = ryw.mode() == Mode.OFF ? StatementKeys.NONE : keys(session, plan);
        if (!connections.autoCommit()) {
            session.transactionWritten = true;
            if (ryw.mode() != Mode.OFF) {
                for (int i = 0; i < outcome.groups.length; i++) {
                    if (firstOf(outcome.groups, i)) {
                        session.pending.add(new ReadWriteSession.Pending(outcome.groups[i], keys));
                    }
                }
            }
            return;
        }
        if (ryw.mode() == Mode.OFF) {
            return;
        }
        for (int i = 0; i < outcome.groups.length; i++) {
            if (firstOf(outcome.groups, i)) {
                record(outcome.groups[i], outcome.connections[i], keys, session);
            }
        }
    }

    /** Batches: every entry's keys, at the GTID of each group's last commit. */
    public void afterBatch(List<RoutePlan> plans, String sql, List<List<Object>> parameters, ShardConnections connections,
            ReadWriteSession session) {
        if (!connections.autoCommit()) {
            session.transactionWritten = true;
        }
        if (ryw.mode() == Mode.OFF) {
            return;
        }
        for (int p = 0; p < plans.size(); p++) {
            RoutePlan plan = plans.get(p);
            StatementKeys keys = extract(sql, parameters.get(p), plan);
            for (int u = 0; u < plan.units().size(); u++) {
                DataSourceGroup g = pools.groupOrNull(plan.units().get(u).dataSource());
                if (g == null) {
                    continue;
                }
                if (!connections.autoCommit()) {
                    session.pending.add(new ReadWriteSession.Pending(g, keys));
                } else {
                    // A shard batch commits per statement; its last GTID covers the entries before it.
                    record(g, connections.openConnection(g, g.master()), keys, session);
                }
            }
        }
    }

    /** After a successful commit: the transaction's writes, at each group's COMMIT GTID. */
    public void afterCommit(ShardConnections connections, ReadWriteSession session) {
        List<ReadWriteSession.Pending> pending = session.pending;
        for (int i = 0; i < pending.size(); i++) {
            DataSourceGroup g = pending.get(i).group();
            record(g, connections.openConnection(g, g.master()), pending.get(i).keys(), session);
        }
        pending.clear();
        session.transactionWritten = false;
    }

    /**
     * A commit failed on some shard: which ones committed is not certain (a dropped connection may have
     * committed), and a stale {@code last_gtid} must never stand for a new commit, so every pending write reads
     * from the master until its deadline.
     */
    public void afterFailedCommit(ReadWriteSession session) {
        long now = System.nanoTime();
        List<ReadWriteSession.Pending> pending = session.pending;
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).group().splitsReads()) {
                tracker.recordWrite(pending.get(i).group().index(), pending.get(i).keys(), -1,
                        ReadYourWritesTracker.UNKNOWN, now);
            }
        }
        pending.clear();
        session.transactionWritten = false;
    }

    private void record(DataSourceGroup group, Connection connection, StatementKeys keys, ReadWriteSession session) {
        long now = System.nanoTime();
        // A group whose reads never leave its master needs no tracking (and must not use up maxTrackedKeys);
        // its GTIDs still go into this connection's causal token, for instances that do split its reads.
        boolean track = group.splitsReads();
        if (ryw.mode() == Mode.TIME_WINDOW || connection == null) {
            if (track) {
                tracker.recordWrite(group.index(), keys, -1, ReadYourWritesTracker.UNKNOWN, now);
            }
            return;
        }
        Gtid gtid = lastGtid(group, connection);
        if (gtid == null) {
            if (track) {
                tracker.recordWrite(group.index(), keys, -1, ReadYourWritesTracker.UNKNOWN, now);
            }
            return;
        }
        serverIds[group.index()] = gtid.server();
        if (track) {
            tracker.recordWrite(group.index(), keys, gtid.domain(), gtid.seq(), now);
        }
        session.wrote(group, gtid);
    }

    /**
     * The commit's GTID from the OK packet ({@code last_gtid} session tracking, Connector/J's session state): no
     * round trip. Without it, {@code SELECT @@last_gtid} when {@code queryLastGtid} is set; else null (the write
     * then reads from the master until its deadline) and a warning, once per data source, saying what to enable.
     */
    private Gtid lastGtid(DataSourceGroup group, Connection connection) {
        if (group.flavor() == ServerFlavor.MYSQL) {
            return mysqlCommitGtid(group, connection);
        }
        String text = null;
        try {
            ServerSessionStateController.ServerSessionStateChanges changes = connection.unwrap(JdbcConnection.class)
                    .getServerSessionStateController().getSessionStateChanges();
            if (changes != null) {
                for (ServerSessionStateController.SessionStateChange change : changes.getSessionStateChangesList()) {
                    if (change.getType() == ServerSessionStateController.SESSION_TRACK_SYSTEM_VARIABLES
                            && change.getValues().size() > 1 && "last_gtid".equals(change.getValues().get(0))) {
                        text = change.getValues().get(1);
                    }
                }
            }
            if ((text == null || text.isEmpty()) && ryw.queryLastGtid()) {
                try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT @@last_gtid")) {
                    text = rs.next() ? rs.getString(1) : null;
                }
            }
        } catch (SQLException | RuntimeException e) {
            warnOnce(group, "cannot read the commit GTID (" + e + ")");
            return null;
        }
        if (text == null || text.isEmpty()) {
            warnOnce(group, "the OK packet reports no last_gtid: add last_gtid to the server's "
                    + "session_track_system_variables and trackSessionState=true to the URL, or set "
                    + "readYourWrites.queryLastGtid: true; until then its writes read from the master until their "
                    + "deadline");
            return null;
        }
        try {
            return Gtid.parse(text);
        } catch (IllegalArgumentException e) {
            warnOnce(group, e.getMessage());
            return null;
        }
    }

    /**
     * MySQL: the commit's GTID from the OK packet's GTID tracker ({@code session_track_gtids=OWN_GTID}, which the
     * master's pool sets on each connection; Connector/J's session state of type {@code SESSION_TRACK_GTIDS}), as
     * the tracker's number in the domain of its source. MySQL has no {@code @@last_gtid} to ask instead.
     */
    private Gtid mysqlCommitGtid(DataSourceGroup group, Connection connection) {
        String text = null;
        try {
            ServerSessionStateController.ServerSessionStateChanges changes = connection.unwrap(JdbcConnection.class)
                    .getServerSessionStateController().getSessionStateChanges();
            if (changes != null) {
                for (ServerSessionStateController.SessionStateChange change : changes.getSessionStateChangesList()) {
                    if (change.getType() == ServerSessionStateController.SESSION_TRACK_GTIDS
                            && !change.getValues().isEmpty()) {
                        text = change.getValues().get(0);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            warnOnce(group, "cannot read the commit GTID (" + e + ")");
            return null;
        }
        if (text == null || text.isBlank()) {
            warnOnce(group, "the OK packet reports no GTID: the server needs gtid_mode=ON and the connection "
                    + "session_track_gtids=OWN_GTID (set by Shardline on master connections) with trackSessionState=true;"
                    + " until then its writes read from the master until their deadline");
            return null;
        }
        try {
            Optional<Gtid> gtid = MySqlGtidSet.commitGtid(text);
            if (gtid.isEmpty()) {
                warnOnce(group, "the OK packet reports GTIDs of several sources (" + text + "); such commits read "
                        + "from the master until their deadline");
                return null;
            }
            mysqlSources.putIfAbsent(gtid.get().domain(), MySqlGtidSet.commitSource(text).orElseThrow());
            return gtid.get();
        } catch (IllegalArgumentException e) {
            warnOnce(group, e.getMessage());
            return null;
        }
    }

    private void warnOnce(DataSourceGroup group, String message) {
        if (warned.add(group.name() + message)) {
            LOG.warn("Read-your-writes on data source {} ({}): {}", group.name(), group.master().address(), message);
        }
    }

    private static boolean firstOf(DataSourceGroup[] groups, int i) {
        for (int k = 0; k < i; k++) {
            if (groups[k] == groups[i]) {
                return false;
            }
        }
        return true;
    }

    private static ReplicaPoller.NodeProbe probe(ShardNode node) {
        HikariDataSource pool = node.pool();
        return new ReplicaPoller.NodeProbe() {
            @Override
            public Connection open() throws SQLException {
                return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
            }

            @Override
            public String describe() {
                return node.toString();
            }
        };
    }

    @Override
    public void close() {
        poller.close();
    }
}

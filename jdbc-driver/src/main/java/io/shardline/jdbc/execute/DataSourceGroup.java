package io.shardline.jdbc.execute;

import io.shardline.consistency.ryw.ReplicaState;
import io.shardline.consistency.ryw.ServerFlavor;
import io.shardline.jdbc.config.ReadWriteSplittingConfig;
import io.shardline.jdbc.resultset.ShardCollations;
import io.shardline.router.plan.ExecutionUnit;
import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.RoutePlan;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * One configured data source: a master and its replicas, each with its own pool.
 */
public final class DataSourceGroup {

    private final String name;
    private final int index;
    private final ShardNode master;
    private final List<ShardNode> replicas;
    private final ReadWriteSplittingConfig splitting;
    private final List<ReplicaState> states;
    private final ReplicaBalancer balancer;
    private final ServerFlavor flavor;
    private final LongAdder masterReads = new LongAdder();
    private final LongAdder[] replicaReads;
    private volatile ShardCollations collations = ShardCollations.connectorJ();

    DataSourceGroup(String name, int index, ShardNode master, List<ShardNode> replicas,
            ReadWriteSplittingConfig splitting, ServerFlavor flavor) {
        this.flavor = flavor;
        this.name = name;
        this.index = index;
        this.master = master;
        this.replicas = List.copyOf(replicas);
        this.splitting = splitting;
        List<ReplicaState> s = new ArrayList<>(replicas.size());
        replicaReads = new LongAdder[replicas.size()];
        for (int i = 0; i < replicas.size(); i++) {
            s.add(new ReplicaState(replicas.get(i).toString(), splitting == null ? 0 : splitting.maxReplicaLagMs()));
            replicaReads[i] = new LongAdder();
        }
        this.states = List.copyOf(s);
        this.balancer = splitting == null ? null : ReplicaBalancer.of(splitting.loadBalancer(), splitting.weights());
    }

    public String name() {
        return name;
    }

    /** The servers' family (configured, or detected from the master at start). */
    public ServerFlavor flavor() {
        return flavor;
    }

    public ShardNode master() {
        return master;
    }

    public List<ShardNode> replicas() {
        return replicas;
    }

    /** Position of the group in the configuration (its index in the read-your-writes tracker). */
    public int index() {
        return index;
    }

    /** The group's read/write splitting, or empty when every statement runs on the master. */
    public Optional<ReadWriteSplittingConfig> splitting() {
        return Optional.ofNullable(splitting);
    }

    /** True when reads may go to replicas: splitting is configured and there is a replica. */
    public boolean splitsReads() {
        return splitting != null && !replicas.isEmpty();
    }

    /** What is known about each replica (position, lag, health), in replica order. */
    public List<ReplicaState> replicaStates() {
        return states;
    }

    /**
     * The node a unit runs on: THE read/write split point. The {@link ReadRouting} decides for reads that may leave
     * the master (splitting configured, not a write, lock or force-master hint, not in a transaction that must stay
     * on the master) which position the read must see; this picks the node.
     *
     * @param required {@code domain}'s sequence number the node must have applied; 0 = any healthy replica; negative
     *                 = the master
     */
    public ShardNode nodeFor(ExecutionUnit unit, RoutePlan plan, PlanningContext session, long domain, long required) {
        if (required < 0 || !splitsReads()) {
            return master;
        }
        ShardNode replica = pickReplica(domain, required);
        return replica == null ? master : replica;
    }

    /** Always the master: for callers that have no read decision (writes, batches, metadata). */
    public ShardNode nodeFor(ExecutionUnit unit, RoutePlan plan, PlanningContext session) {
        return master;
    }

    /** A healthy replica that has applied {@code required} of {@code domain} (any, when 0), or null. */
    ShardNode pickReplica(long domain, long required) {
        int n = replicas.size();
        int[] eligible = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            ReplicaState state = states.get(i);
            if (state.healthy() && (required == 0 || (domain >= 0 && state.hasApplied(domain, required)))) {
                eligible[count++] = i;
            }
        }
        return count == 0 ? null : replicas.get(balancer.pick(eligible, count));
    }

    /** The state of a replica node, or null for the master. */
    ReplicaState stateOf(ShardNode node) {
        for (int i = 0; i < replicas.size(); i++) {
            if (replicas.get(i) == node) {
                return states.get(i);
            }
        }
        return null;
    }

    /** Counts a read the executor sent to {@code node}. */
    void countRead(ShardNode node) {
        if (node == master) {
            masterReads.increment();
            return;
        }
        for (int i = 0; i < replicas.size(); i++) {
            if (replicas.get(i) == node) {
                replicaReads[i].increment();
                return;
            }
        }
    }

    /** Reads the executor sent to {@code node} since start (queries only). */
    public long reads(ShardNode node) {
        if (node == master) {
            return masterReads.sum();
        }
        for (int i = 0; i < replicas.size(); i++) {
            if (replicas.get(i) == node) {
                return replicaReads[i].sum();
            }
        }
        return 0;
    }

    /** The server's collation ids (read when the pools start), for binding merge plans. */
    public ShardCollations collations() {
        return collations;
    }

    /**
     * Reads the master's collation table once, at start, on a connection of its own: reading it later on a
     * statement's connection would fail while that connection streams a result.
     */
    void loadCollations() {
        try (Connection c = master.pool().getConnection()) {
            collations = ShardCollations.load(c);
        } catch (SQLException e) {
            collations = ShardCollations.connectorJ();
        }
    }

    @Override
    public String toString() {
        return name + "{master=" + master.address() + ", replicas=" + replicas.size() + "}";
    }

    static SQLException unknown(String name) {
        return new SQLException("The plan names data source '" + name + "', which is not configured", "08003");
    }
}

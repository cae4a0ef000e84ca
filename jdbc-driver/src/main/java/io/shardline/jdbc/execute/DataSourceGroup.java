package io.shardline.jdbc.execute;

import io.shardline.jdbc.resultset.ShardCollations;
import io.shardline.router.plan.ExecutionUnit;
import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.RoutePlan;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One configured data source: a master and its replicas, each with its own pool.
 */
public final class DataSourceGroup {

    private final String name;
    private final ShardNode master;
    private final List<ShardNode> replicas;
    private volatile ShardCollations collations = ShardCollations.connectorJ();

    DataSourceGroup(String name, ShardNode master, List<ShardNode> replicas) {
        this.name = name;
        this.master = master;
        this.replicas = List.copyOf(replicas);
    }

    public String name() {
        return name;
    }

    public ShardNode master() {
        return master;
    }

    public List<ShardNode> replicas() {
        return replicas;
    }

    /**
     * The node a unit runs on: THE read/write split point. For now always the master; read/write splitting
     * (replicas for reads outside transactions, read-your-writes per key) arrives with issue #7 and decides
     * here from {@code plan.needsMaster()}, the session's transaction and hints, and the tracker.
     */
    public ShardNode nodeFor(ExecutionUnit unit, RoutePlan plan, PlanningContext session) {
        return master;
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

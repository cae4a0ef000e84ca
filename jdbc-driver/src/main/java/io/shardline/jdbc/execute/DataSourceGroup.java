package io.shardline.jdbc.execute;

import io.shardline.router.plan.ExecutionUnit;
import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.RoutePlan;
import io.shardline.jdbc.resultset.ShardCollations;
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
    private volatile ShardCollations collations;

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

    /**
     * The server's collation ids, read from {@code information_schema.COLLATIONS} once per group on first need
     * (through {@code connection}, a connection of this group) and cached.
     */
    ShardCollations collations(Connection connection) {
        ShardCollations table = collations;
        if (table == null) {
            table = ShardCollations.load(connection);
            collations = table;
        }
        return table;
    }

    @Override
    public String toString() {
        return name + "{master=" + master.address() + ", replicas=" + replicas.size() + "}";
    }

    static SQLException unknown(String name) {
        return new SQLException("The plan names data source '" + name + "', which is not configured", "08003");
    }
}

package io.shardline.spring;

import io.shardline.consistency.ryw.ReplicaState;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.execute.DataSourceGroup;
import io.shardline.jdbc.execute.ShardNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * UP when every data source's master answers a validity check on a connection of its pool; DOWN, naming each
 * unreachable master (data source, address, error), otherwise. Replicas are reported in the details but do not
 * make the application DOWN: reads fall back to the master when no replica is healthy.
 */
public final class ShardlineHealthIndicator extends AbstractHealthIndicator {

    private static final int VALID_TIMEOUT_SECONDS = 2;

    private final ShardlineDataSource dataSource;

    public ShardlineHealthIndicator(ShardlineDataSource dataSource) {
        super("Shardline health check failed");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = !dataSource.isClosed();
        Map<String, Object> dataSources = new LinkedHashMap<>();
        for (DataSourceGroup group : dataSource.pools().groups()) {
            Map<String, Object> details = new LinkedHashMap<>();
            String master = check(group.master());
            details.put("master", group.master().address() + " " + master);
            up &= "UP".equals(master);
            for (int i = 0; i < group.replicas().size(); i++) {
                ShardNode replica = group.replicas().get(i);
                ReplicaState state = i < group.replicaStates().size() ? group.replicaStates().get(i) : null;
                details.put(replica.role(), replica.address() + (state == null ? ""
                        : state.healthy() ? " in rotation, lag " + state.lagMillis() + " ms"
                        : " out of rotation: " + state.reason()));
            }
            dataSources.put(group.name(), details);
        }
        builder.status(up ? "UP" : "DOWN").withDetail("url", dataSource.url()).withDetail("dataSources", dataSources);
    }

    /** "UP" or why the node's pool could not give a valid connection. */
    private static String check(ShardNode node) {
        try (Connection c = node.pool().getConnection()) {
            return c.isValid(VALID_TIMEOUT_SECONDS) ? "UP" : "DOWN: connection not valid within "
                    + VALID_TIMEOUT_SECONDS + " s";
        } catch (SQLException | RuntimeException e) {
            return "DOWN: " + e.getMessage();
        }
    }
}

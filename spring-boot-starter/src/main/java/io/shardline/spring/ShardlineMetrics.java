package io.shardline.spring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.shardline.consistency.cache.CacheMetrics;
import io.shardline.consistency.cache.EvictionCause;
import io.shardline.consistency.tx.TransactionCoordinator;
import io.shardline.consistency.tx.TransactionMetrics;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.execute.DataSourceGroup;
import io.shardline.jdbc.execute.ShardNode;
import io.shardline.router.plan.RouteOpcode;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Shardline's meters:
 * <ul>
 * <li>{@code shardline.statements{opcode}}: statements planned, by route opcode (SINGLE, MULTI, SCATTER, BROADCAST,
 * NONE), and {@code opcode=UNROUTABLE} for those refused; only when the starter built the DataSource (it wraps the
 * planner, see {@link StatementCounter}).</li>
 * <li>{@code shardline.reads{datasource,node,role}}: reads sent to each master and replica; replica vs master reads
 * per data source are the sums by {@code role}.</li>
 * <li>{@code shardline.replica.healthy{datasource,node}}: 1 while a replica is in rotation.</li>
 * <li>HikariCP's own meters ({@code hikaricp.connections*{pool=shardline-<ds>-<role>}}) for every node's pool.</li>
 * <li>{@code shardline.transactions.commits{kind=local|global|xa}}, {@code shardline.transactions.compensations},
 * {@code .compensated.rows}, {@code .manual.resolutions}, {@code .in.doubt}, {@code .recovered}: the transaction
 * coordinator's counters, unless transactions are in mode LOCAL.</li>
 * <li>{@code shardline.cache.*}: hits, misses, fills, refused fills, evictions by cause, binlog events; only with
 * a {@code cache} section.</li>
 * </ul>
 */
public final class ShardlineMetrics implements MeterBinder {

    private final ShardlineDataSource dataSource;
    private final Optional<StatementCounter> statements;

    /** {@code statements} may be null when the DataSource was built without the starter's counting planner. */
    public ShardlineMetrics(ShardlineDataSource dataSource, StatementCounter statements) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.statements = Optional.ofNullable(statements);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        statements.ifPresent(counter -> bindStatements(registry, counter));
        for (DataSourceGroup group : dataSource.pools().groups()) {
            bindNode(registry, group, group.master(), "master");
            for (int i = 0; i < group.replicas().size(); i++) {
                ShardNode replica = group.replicas().get(i);
                bindNode(registry, group, replica, "replica");
                if (i < group.replicaStates().size()) {
                    var state = group.replicaStates().get(i);
                    Gauge.builder("shardline.replica.healthy", state, s -> s.healthy() ? 1 : 0)
                            .description("1 while the replica is in read rotation")
                            .tags("datasource", group.name(), "node", replica.role()).register(registry);
                }
            }
        }
        bindTransactions(registry);
        bindCache(registry);
    }

    private static void bindStatements(MeterRegistry registry, StatementCounter counter) {
        for (RouteOpcode opcode : RouteOpcode.values()) {
            FunctionCounter.builder("shardline.statements", counter, c -> c.count(opcode))
                    .description("Statements planned, by route opcode").tag("opcode", opcode.name())
                    .register(registry);
        }
        FunctionCounter.builder("shardline.statements", counter, StatementCounter::unroutable)
                .description("Statements planned, by route opcode").tag("opcode", "UNROUTABLE").register(registry);
    }

    private static void bindNode(MeterRegistry registry, DataSourceGroup group, ShardNode node, String role) {
        FunctionCounter.builder("shardline.reads", group, g -> g.reads(node))
                .description("Queries sent to this node").tags("datasource", group.name(), "node", node.role(),
                        "role", role)
                .register(registry);
        // HikariCP's own Micrometer tracker, as Spring Boot sets it for HikariDataSource beans; only once per pool.
        if (node.pool().getMetricRegistry() == null && node.pool().getMetricsTrackerFactory() == null) {
            node.pool().setMetricRegistry(registry);
        }
    }

    private void bindTransactions(MeterRegistry registry) {
        Optional<TransactionCoordinator> coordinator = dataSource.transactions();
        if (coordinator.isEmpty()) {
            return; // transactions mode LOCAL: no coordinator, nothing beyond plain local commits to count
        }
        TransactionMetrics m = coordinator.get().metrics();
        txCounter(registry, "shardline.transactions.commits", "Commits, by kind", m, TransactionMetrics::localCommits,
                "kind", "local");
        txCounter(registry, "shardline.transactions.commits", "Commits, by kind", m, TransactionMetrics::globalCommits,
                "kind", "global");
        txCounter(registry, "shardline.transactions.commits", "Commits, by kind", m, TransactionMetrics::xaCommits,
                "kind", "xa");
        txCounter(registry, "shardline.transactions.compensations", "Global transactions compensated from undo "
                + "records", m, TransactionMetrics::compensations);
        txCounter(registry, "shardline.transactions.compensated.rows", "Rows restored by compensation", m,
                TransactionMetrics::compensatedRows);
        txCounter(registry, "shardline.transactions.manual.resolutions", "Global transactions left for manual "
                + "resolution", m, TransactionMetrics::manualResolutions);
        txCounter(registry, "shardline.transactions.in.doubt", "Commits whose outcome was unknown to the "
                + "application", m, TransactionMetrics::inDoubt);
        txCounter(registry, "shardline.transactions.recovered", "Unfinished global transactions settled by recovery",
                m, TransactionMetrics::recovered);
    }

    private static void txCounter(MeterRegistry registry, String name, String description, TransactionMetrics m,
            ToLongFunction<TransactionMetrics> f, String... tags) {
        FunctionCounter.builder(name, m, f::applyAsLong).description(description).tags(tags).register(registry);
    }

    private void bindCache(MeterRegistry registry) {
        // CACHE METRICS: the cache's counters as of ShardlineDataSource.cacheMetrics(); the cache helper may add
        // more (per table, entries) here.
        if (dataSource.cacheMetrics().isEmpty()) {
            return;
        }
        cacheCounter(registry, "shardline.cache.hits", "Lookups answered from the cache", CacheMetrics::hits);
        cacheCounter(registry, "shardline.cache.misses", "Cacheable lookups that went to the database",
                CacheMetrics::misses);
        cacheCounter(registry, "shardline.cache.fills", "Misses whose rows were cached", CacheMetrics::fills);
        cacheCounter(registry, "shardline.cache.refused.fills", "Fills dropped because of a concurrent eviction",
                CacheMetrics::refusedFills);
        cacheCounter(registry, "shardline.cache.binlog.events", "Row events delivered by binlog followers",
                CacheMetrics::binlogEvents);
        for (EvictionCause cause : EvictionCause.values()) {
            FunctionCounter.builder("shardline.cache.evictions", dataSource,
                    ds -> ds.cacheMetrics().map(m -> m.evictions(cause)).orElse(0L))
                    .description("Cache entries removed, by cause").tag("cause", cause.name()).register(registry);
        }
    }

    private void cacheCounter(MeterRegistry registry, String name, String description, ToLongFunction<CacheMetrics> f) {
        FunctionCounter.builder(name, dataSource, ds -> ds.cacheMetrics().map(f::applyAsLong).orElse(0L))
                .description(description).register(registry);
    }
}

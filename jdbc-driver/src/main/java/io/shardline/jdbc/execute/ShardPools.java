package io.shardline.jdbc.execute;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shardline.consistency.ryw.ServerFlavor;
import io.shardline.jdbc.config.DataSourceConfig;
import io.shardline.jdbc.config.NodeConfig;
import io.shardline.jdbc.config.PoolConfig;
import io.shardline.jdbc.config.ReadWriteSplittingConfig;
import io.shardline.jdbc.config.ShardlineConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HikariCP pool per configured node (every master and replica), named after the node
 * ({@code shardline-ds_0-master}, {@code shardline-ds_0-replica-0}) so that pool metrics and thread names say
 * which server they are about. Closed with the {@code ShardlineDataSource}.
 *
 * <p>Connector/J URLs get defaults that are correct and fast for MariaDB and MySQL behind a sharding layer;
 * a property already present in the configured URL always wins. See {@link #CONNECTOR_J_DEFAULTS}.
 */
public final class ShardPools implements AutoCloseable {

    /**
     * Added to {@code jdbc:mysql:} URLs unless the URL sets them:
     * <ul>
     * <li>{@code cachePrepStmts}, {@code prepStmtCacheSize}, {@code prepStmtCacheSqlLimit}: the shard SQL of a
     * prepared statement is the same text on every execution, so its client-side parse is cached per connection
     * (HikariCP's recommendation for Connector/J).</li>
     * <li>{@code useServerPrepStmts=false} (Connector/J's default, stated): one round trip per execution and the
     * text protocol. With {@code true} (and {@code cachePrepStmts}) a statement costs one PREPARE per physical
     * connection, then the server skips its parse: the proxy benchmark measured about 20 % less MariaDB CPU per point
     * select. Set it in the URL where that matters; making it the default waits for a measurement of every
     * workload (a statement whose text keeps changing, such as an IN list, would cost a PREPARE and a CLOSE each
     * time).</li>
     * <li>{@code useLocalSessionState=true}: autocommit, isolation and read-only are answered and compared from
     * the driver's state instead of a round trip; Shardline changes them only through the JDBC API.</li>
     * <li>{@code cacheServerConfiguration=true}: the server variables are read once per pool, not per physical
     * connection.</li>
     * <li>{@code rewriteBatchedStatements=true}: a shard batch of INSERTs becomes multi-row INSERTs.</li>
     * </ul>
     * What no property can fix: Connector/J 9.x reads MariaDB 10.x's version as 5.5.5 (its handshake prefix),
     * so it drops fractional seconds from temporal parameters whatever {@code sendFractionalSeconds} says, and
     * never sends {@code setReadOnly} to the server. Shardline binds temporal values with fractions as text and
     * sends {@code SET SESSION TRANSACTION READ ONLY} itself (see {@link ShardConnections}).
     */
    public static final Map<String, String> CONNECTOR_J_DEFAULTS = defaults();

    private static final Logger LOG = LoggerFactory.getLogger(ShardPools.class);

    private final Map<String, DataSourceGroup> groups;
    private final List<HikariDataSource> pools;

    private ShardPools(Map<String, DataSourceGroup> groups, List<HikariDataSource> pools) {
        this.groups = groups;
        this.pools = pools;
    }

    /** Starts a pool per node; on failure closes the pools already started. */
    public static ShardPools open(ShardlineConfig config) {
        Map<String, DataSourceGroup> groups = new LinkedHashMap<>();
        List<HikariDataSource> pools = new ArrayList<>();
        try {
            for (DataSourceConfig ds : config.dataSources().values()) {
                // GTID read-your-writes reads each commit's GTID from the OK packet: Connector/J must track session
                // state on the master (the server must also list last_gtid in session_track_system_variables).
                boolean trackGtids = config.readWriteSplitting(ds.name())
                        .map(s -> s.readYourWrites().mode() == ReadWriteSplittingConfig.Mode.GTID).orElse(false);
                // Splitting polls replica positions in every mode but the adaptive window: it must speak the family.
                ServerFlavor flavor = flavor(ds, config.readWriteSplitting(ds.name()).isPresent());
                ShardNode master = node(ds, "master", ds.master(), pools, trackGtids, flavor);
                List<ShardNode> replicas = new ArrayList<>();
                for (int i = 0; i < ds.replicas().size(); i++) {
                    replicas.add(node(ds, "replica-" + i, ds.replicas().get(i), pools, false, flavor));
                }
                DataSourceGroup group = new DataSourceGroup(ds.name(), groups.size(), master, replicas,
                        config.readWriteSplitting(ds.name()).orElse(null), flavor);
                group.loadCollations();
                groups.put(ds.name(), group);
            }
        } catch (RuntimeException e) {
            for (HikariDataSource pool : pools) {
                pool.close();
            }
            throw e;
        }
        return new ShardPools(groups, List.copyOf(pools));
    }

    /**
     * The data source's server family: as configured, or (auto) from its master's version string when read/write
     * splitting needs to know (positions, commit GTIDs, waits), read on a connection of its own before the pool
     * starts (the master pool's connections are set up per family). Auto without splitting, or a master that cannot
     * be reached (its pool then reports why), is MariaDB.
     */
    static ServerFlavor flavor(DataSourceConfig ds, boolean splitting) {
        switch (ds.flavor()) {
            case MARIADB:
                return ServerFlavor.MARIADB;
            case MYSQL:
                return ServerFlavor.MYSQL;
            default:
                break;
        }
        if (!splitting) {
            return ServerFlavor.MARIADB;
        }
        NodeConfig m = ds.master();
        try (Connection c = DriverManager.getConnection(withDefaults(m.url()), m.username(), m.password())) {
            ServerFlavor detected = ServerFlavor.fromVersion(c.getMetaData().getDatabaseProductVersion());
            LOG.info("Data source {} ({}): server flavor {} (from version {})", ds.name(), address(m.url()), detected,
                    c.getMetaData().getDatabaseProductVersion());
            return detected;
        } catch (SQLException e) {
            LOG.warn("Data source {} ({}): cannot read the server version to detect its flavor ({}); assuming "
                    + "MariaDB (set flavor: mysql to say otherwise)", ds.name(), address(m.url()), e.getMessage());
            return ServerFlavor.MARIADB;
        }
    }

    private static ShardNode node(DataSourceConfig ds, String role, NodeConfig node, List<HikariDataSource> pools,
            boolean trackSessionState, ServerFlavor flavor) {
        PoolConfig settings = ds.pool() == null ? PoolConfig.DEFAULTS : ds.pool();
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("shardline-" + ds.name() + "-" + role);
        String url = withDefaults(node.url());
        if (trackSessionState) {
            url = withProperty(url, "trackSessionState", "true");
            if (flavor == ServerFlavor.MYSQL) {
                // MySQL reports a commit's GTID in the OK packet only with session_track_gtids=OWN_GTID (off by
                // default); it is a session variable, so each master connection sets it once.
                hikari.setConnectionInitSql("SET SESSION session_track_gtids = OWN_GTID");
            }
        }
        hikari.setJdbcUrl(url);
        if (node.username() != null && !node.username().isEmpty()) {
            hikari.setUsername(node.username());
        }
        if (node.password() != null && !node.password().isEmpty()) {
            hikari.setPassword(node.password());
        }
        hikari.setMaximumPoolSize(settings.maximumPoolSize());
        hikari.setMinimumIdle(settings.minimumIdle());
        hikari.setConnectionTimeout(settings.connectionTimeoutMs());
        hikari.setIdleTimeout(settings.idleTimeoutMs());
        hikari.setMaxLifetime(settings.maxLifetimeMs());
        hikari.setRegisterMbeans(false);
        String address = address(node.url());
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot start the pool of data source " + ds.name() + " " + role + " ("
                    + address + "): " + e.getMessage(), e);
        }
        pools.add(pool);
        return new ShardNode(ds.name(), role, address, node.username(), pool);
    }

    /** The URL with {@link #CONNECTOR_J_DEFAULTS} appended for properties it does not set (Connector/J only). */
    public static String withDefaults(String url) {
        if (!url.startsWith("jdbc:mysql:")) {
            return url;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        int query = url.indexOf('?');
        StringBuilder out = new StringBuilder(url);
        char separator = query < 0 ? '?' : '&';
        if (query >= 0 && (url.endsWith("?") || url.endsWith("&"))) {
            separator = 0;
        }
        for (Map.Entry<String, String> e : CONNECTOR_J_DEFAULTS.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (query >= 0 && (lower.indexOf("?" + key + "=", query) >= 0 || lower.indexOf("&" + key + "=", query) >= 0)) {
                continue;
            }
            if (separator != 0) {
                out.append(separator);
            }
            out.append(e.getKey()).append('=').append(e.getValue());
            separator = '&';
        }
        return out.toString();
    }

    /** The URL with {@code key=value} appended unless it sets {@code key} (Connector/J URLs only). */
    public static String withProperty(String url, String key, String value) {
        if (!url.startsWith("jdbc:mysql:")) {
            return url;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        String k = key.toLowerCase(Locale.ROOT);
        int query = url.indexOf('?');
        if (query >= 0 && (lower.indexOf("?" + k + "=", query) >= 0 || lower.indexOf("&" + k + "=", query) >= 0)) {
            return url;
        }
        String separator = query < 0 ? "?" : url.endsWith("?") || url.endsWith("&") ? "" : "&";
        return url + separator + key + "=" + value;
    }

    /** {@code host:port} of a {@code jdbc:mysql://host:port/db?...} URL (first host), for messages. */
    static String address(String url) {
        int start = url.indexOf("//");
        if (start < 0) {
            return url;
        }
        start += 2;
        int end = start;
        while (end < url.length() && "/?,;".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String hostPort = url.substring(start, end);
        int at = hostPort.lastIndexOf('@');
        if (at >= 0) {
            hostPort = hostPort.substring(at + 1);
        }
        return hostPort.indexOf(':') >= 0 || hostPort.startsWith("[") ? hostPort : hostPort + ":3306";
    }

    /** A group by name. */
    public Optional<DataSourceGroup> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    /** A group by name, on the hot path: no Optional. */
    DataSourceGroup groupOrNull(String name) {
        return groups.get(name);
    }

    /** The first configured group: where connection-level metadata is answered from. */
    public DataSourceGroup first() {
        return groups.values().iterator().next();
    }

    /** Every group, in configuration order. */
    public Collection<DataSourceGroup> groups() {
        return groups.values();
    }

    @Override
    public void close() {
        for (HikariDataSource pool : pools) {
            pool.close();
        }
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("cachePrepStmts", "true");
        d.put("prepStmtCacheSize", "250");
        d.put("prepStmtCacheSqlLimit", "2048");
        d.put("useServerPrepStmts", "false");
        d.put("useLocalSessionState", "true");
        d.put("cacheServerConfiguration", "true");
        d.put("rewriteBatchedStatements", "true");
        return java.util.Collections.unmodifiableMap(d);
    }
}

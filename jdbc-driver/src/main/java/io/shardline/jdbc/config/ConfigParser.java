package io.shardline.jdbc.config;

import io.shardline.consistency.ryw.Heartbeat;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Structure pass: composes the YAML into nodes (so every value keeps its line) and maps them onto the
 * typed model, reporting unknown keys, wrong types and missing required keys. References between
 * sections are checked afterwards by {@link RuleAssembler}.
 */
final class ConfigParser {

    static final List<String> ROOT_KEYS = List.of("dataSources", "rules", "readWriteSplitting", "transactions", "cache");
    static final List<String> TRANSACTIONS_KEYS = List.of("mode", "log", "undoTable", "resolveIntervalMs");
    static final List<String> TRANSACTION_LOG_KEYS = List.of("directory", "segmentBytes");
    static final List<String> DATA_SOURCE_KEYS = List.of("master", "replicas", "pool", "flavor", "readWriteSplitting");
    static final List<String> SPLITTING_KEYS = List.of("loadBalancer", "maxReplicaLagMs", "transactionReads",
            "pollIntervalMs", "readYourWrites");
    static final List<String> SPLITTING_DATA_SOURCE_KEYS = List.of("loadBalancer", "weights", "maxReplicaLagMs");
    static final List<String> READ_YOUR_WRITES_KEYS = List.of("mode", "window", "windowMs", "heartbeatTable",
            "createHeartbeatTable", "heartbeatIntervalMs", "minWindowMs", "maxWindowMs", "safetyFactor", "deadlineMs",
            "waitMs", "maxTrackedKeys", "queryLastGtid", "keyColumns", "tableModes");
    static final List<String> HEARTBEAT_KEYS = List.of("heartbeatTable", "createHeartbeatTable",
            "heartbeatIntervalMs", "minWindowMs", "maxWindowMs", "safetyFactor");
    static final List<String> NODE_KEYS = List.of("url", "username", "password");
    static final List<String> POOL_KEYS = List.of("maximumPoolSize", "minimumIdle", "connectionTimeoutMs",
            "idleTimeoutMs", "maxLifetimeMs");
    static final List<String> RULES_KEYS = List.of("tables", "bindingGroups", "broadcastTables", "singleTables",
            "defaultDataSource", "algorithms", "keyGenerators");
    static final List<String> TABLE_KEYS = List.of("dataNodes", "databaseStrategy", "tableStrategy", "keyGenerator");
    static final List<String> STRATEGY_KEYS = List.of("column", "columns", "algorithm");
    static final List<String> KEY_GENERATE_KEYS = List.of("column", "generator");
    static final List<String> ALGORITHM_KEYS = List.of("type", "props");

    /** The model of a parsed document, with the reader that knows its lines and problems. */
    record Parsed(Map<String, DataSourceConfig> dataSources, RulesConfig rules, YamlNodeReader reader,
            Set<String> brokenNames, Map<String, ReadWriteSplittingConfig> splitting, TransactionsConfig transactions,
            CacheConfig cache) {

        Parsed(Map<String, DataSourceConfig> dataSources, RulesConfig rules, YamlNodeReader reader,
                Set<String> brokenNames) {
            this(dataSources, rules, reader, brokenNames, Map.of(), TransactionsConfig.DEFAULTS, CacheConfig.NONE);
        }

        /**
         * Whether a name was declared in a section but its entry had structural problems (already
         * reported): references to it must not be reported again as missing.
         */
        boolean isBroken(String section, String name) {
            return brokenNames.contains(section + "." + name);
        }
    }

    private final YamlNodeReader r;
    private final Set<String> broken = new HashSet<>();
    private ReadWriteSplittingConfig globalSplitting;
    private final Map<String, ReadWriteSplittingConfig> splitting = new LinkedHashMap<>();

    private ConfigParser(String source) {
        this.r = new YamlNodeReader(source);
    }

    static Parsed parse(String yaml, String source) {
        return new ConfigParser(source).parseDocument(yaml);
    }

    private Parsed parseDocument(String yaml) {
        Node root = compose(yaml);
        if (root == null) {
            return new Parsed(Map.of(), RulesConfig.EMPTY, r, broken);
        }
        r.remember("", root);
        Map<String, Node> top = r.mapping(root, "", ROOT_KEYS);
        if (top == null) {
            return new Parsed(Map.of(), RulesConfig.EMPTY, r, broken);
        }
        if (top.containsKey("readWriteSplitting")) {
            globalSplitting = splitting(top.get("readWriteSplitting"), "readWriteSplitting");
        }
        Map<String, DataSourceConfig> dataSources = Map.of();
        Node dataSourcesNode = top.get("dataSources");
        if (dataSourcesNode == null) {
            r.problem(root, "dataSources", "required: declare at least one data source");
        } else {
            dataSources = dataSources(dataSourcesNode);
        }
        RulesConfig rules = top.containsKey("rules") ? rules(top.get("rules")) : RulesConfig.EMPTY;
        TransactionsConfig transactions = top.containsKey("transactions")
                ? transactions(top.get("transactions"), "transactions") : TransactionsConfig.DEFAULTS;
        CacheConfig cache = top.containsKey("cache") ? CacheConfigReader.read(r, top.get("cache")) : CacheConfig.NONE;
        return new Parsed(dataSources, rules, r, broken, Collections.unmodifiableMap(splitting), transactions, cache);
    }

    private Node compose(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            r.problem(1, "", "the configuration is empty");
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        try {
            Node node = new Yaml(options).compose(new StringReader(yaml));
            if (node == null || (node instanceof ScalarNode s && s.getValue().isEmpty())) {
                r.problem(1, "", "the configuration is empty");
                return null;
            }
            return node;
        } catch (MarkedYAMLException e) {
            // Never e.getMessage(): SnakeYAML quotes the offending line, which may hold a password.
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() == null ? "malformed YAML" : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            r.problem(mark == null ? 1 : mark.getLine() + 1, "", "invalid YAML: " + what + context);
            return null;
        } catch (YAMLException e) {
            r.problem(1, "", "invalid YAML: " + e.getClass().getSimpleName());
            return null;
        }
    }

    // ---- dataSources ------------------------------------------------------------------------------

    private Map<String, DataSourceConfig> dataSources(Node node) {
        Map<String, Node> entries = r.mapping(node, "dataSources", null);
        Map<String, DataSourceConfig> result = new LinkedHashMap<>();
        if (entries == null) {
            return result;
        }
        if (entries.isEmpty()) {
            r.problem(node, "dataSources", "declare at least one data source");
        }
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            String path = "dataSources." + e.getKey();
            Map<String, Node> fields = r.mapping(e.getValue(), path, DATA_SOURCE_KEYS);
            if (fields == null) {
                broken.add("dataSources." + e.getKey());
                continue;
            }
            NodeConfig master = null;
            if (fields.get("master") == null) {
                r.problem(e.getValue(), path + ".master", "required");
            } else {
                master = nodeConfig(fields.get("master"), path + ".master");
            }
            List<NodeConfig> replicas = new ArrayList<>();
            if (fields.containsKey("replicas")) {
                List<Node> items = r.sequence(fields.get("replicas"), path + ".replicas");
                for (int i = 0; items != null && i < items.size(); i++) {
                    String itemPath = path + ".replicas[" + i + "]";
                    r.remember(itemPath, items.get(i));
                    NodeConfig replica = nodeConfig(items.get(i), itemPath);
                    if (replica != null) {
                        replicas.add(replica);
                    }
                }
            }
            PoolConfig pool = fields.containsKey("pool") ? pool(fields.get("pool"), path + ".pool") : PoolConfig.DEFAULTS;
            if (fields.containsKey("readWriteSplitting") || globalSplitting != null) {
                ReadWriteSplittingConfig effective = dataSourceSplitting(fields.get("readWriteSplitting"),
                        path + ".readWriteSplitting", e.getValue(), replicas.size());
                if (effective != null) {
                    splitting.put(e.getKey(), effective);
                }
            }
            DataSourceConfig.Flavor flavor = flavor(fields.get("flavor"), path + ".flavor");
            if (master != null && pool != null && flavor != null) {
                result.put(e.getKey(), new DataSourceConfig(e.getKey(), master, replicas, pool, flavor));
            } else {
                broken.add("dataSources." + e.getKey());
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /** {@code flavor: mariadb | mysql | auto} (any case); absent = auto; null after reporting a bad value. */
    private DataSourceConfig.Flavor flavor(Node node, String path) {
        if (node == null) {
            return DataSourceConfig.Flavor.AUTO;
        }
        String text = r.requiredString(node, path);
        if (text == null) {
            return null;
        }
        for (DataSourceConfig.Flavor f : DataSourceConfig.Flavor.values()) {
            if (f.name().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        r.problem(node, path, "'" + text + "' is not a server flavor; use mariadb, mysql or auto");
        return null;
    }

    private NodeConfig nodeConfig(Node node, String path) {
        Map<String, Node> fields = r.mapping(node, path, NODE_KEYS);
        if (fields == null) {
            return null;
        }
        String url = null;
        if (!fields.containsKey("url")) {
            r.problem(node, path + ".url", "required");
        } else {
            url = r.requiredString(fields.get("url"), path + ".url");
            if (url != null && !url.startsWith("jdbc:")) {
                r.problem(fields.get("url"), path + ".url", "must be a JDBC URL starting with 'jdbc:'");
                url = null;
            }
        }
        String username = fields.containsKey("username") ? r.string(fields.get("username"), path + ".username") : "";
        String password = fields.containsKey("password") ? r.string(fields.get("password"), path + ".password") : "";
        if (url == null) {
            return null;
        }
        return new NodeConfig(url, username == null ? "" : username, password == null ? "" : password);
    }

    private PoolConfig pool(Node node, String path) {
        Map<String, Node> fields = r.mapping(node, path, POOL_KEYS);
        if (fields == null) {
            return null;
        }
        int before = r.problemCount();
        PoolConfig d = PoolConfig.DEFAULTS;
        long maximumPoolSize = poolNumber(fields, path, "maximumPoolSize", 1, 10_000, d.maximumPoolSize());
        long minimumIdle = poolNumber(fields, path, "minimumIdle", 0, maximumPoolSize, maximumPoolSize);
        long connectionTimeout = poolNumber(fields, path, "connectionTimeoutMs", 250, Integer.MAX_VALUE,
                d.connectionTimeoutMs());
        long idleTimeout = poolNumber(fields, path, "idleTimeoutMs", 0, Integer.MAX_VALUE, d.idleTimeoutMs());
        long maxLifetime = poolNumber(fields, path, "maxLifetimeMs", 0, Integer.MAX_VALUE, d.maxLifetimeMs());
        if (idleTimeout != 0 && idleTimeout < 10_000) {
            r.problem(fields.get("idleTimeoutMs"), path + ".idleTimeoutMs", idleTimeout + " must be 0 or at least 10000");
        }
        if (maxLifetime != 0 && maxLifetime < 30_000) {
            r.problem(fields.get("maxLifetimeMs"), path + ".maxLifetimeMs", maxLifetime + " must be 0 or at least 30000");
        }
        if (r.problemCount() > before) {
            return null;
        }
        return new PoolConfig((int) maximumPoolSize, (int) minimumIdle, connectionTimeout, idleTimeout, maxLifetime);
    }

    private long poolNumber(Map<String, Node> fields, String path, String key, long min, long max, long absent) {
        Node node = fields.get(key);
        if (node == null) {
            return absent;
        }
        Long value = r.integer(node, path + "." + key);
        if (value == null) {
            return absent;
        }
        if (value < min || value > max) {
            r.problem(node, path + "." + key, value + " is out of range [" + min + ", " + max + "]");
            return absent;
        }
        return value;
    }

    // ---- transactions ------------------------------------------------------------------------------

    private TransactionsConfig transactions(Node node, String path) {
        TransactionsConfig d = TransactionsConfig.DEFAULTS;
        Map<String, Node> fields = r.mapping(node, path, TRANSACTIONS_KEYS);
        if (fields == null) {
            return d;
        }
        TransactionsConfig.Mode mode = enumValue(fields.get("mode"), path + ".mode", TransactionsConfig.Mode.class,
                d.mode());
        java.util.Optional<java.nio.file.Path> directory = d.logDirectory();
        long segmentBytes = d.segmentBytes();
        if (fields.containsKey("log")) {
            Map<String, Node> log = r.mapping(fields.get("log"), path + ".log", TRANSACTION_LOG_KEYS);
            if (log != null && log.containsKey("directory")) {
                String dir = r.requiredString(log.get("directory"), path + ".log.directory");
                if (dir != null) {
                    try {
                        directory = java.util.Optional.of(java.nio.file.Path.of(dir));
                    } catch (java.nio.file.InvalidPathException e) {
                        r.problem(log.get("directory"), path + ".log.directory", "not a valid path: " + e.getMessage());
                    }
                }
            }
            if (log != null) {
                segmentBytes = number(log, path + ".log", "segmentBytes", 64 * 1024, 1L << 30, d.segmentBytes());
            }
        }
        String undoTable = d.undoTable();
        if (fields.containsKey("undoTable")) {
            String t = r.requiredString(fields.get("undoTable"), path + ".undoTable");
            if (t != null && !t.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
                r.problem(fields.get("undoTable"), path + ".undoTable", "'" + t + "' is not a plain table name "
                        + "(letters, digits and _, at most 64 characters)");
            } else if (t != null) {
                undoTable = t;
            }
        }
        long resolve = number(fields, path, "resolveIntervalMs", 100, 3_600_000, d.resolveIntervalMs());
        if (mode == TransactionsConfig.Mode.LOCAL) {
            for (String key : List.of("log", "undoTable", "resolveIntervalMs")) {
                if (fields.containsKey(key)) {
                    r.problem(fields.get(key), path + "." + key, "does not apply to mode LOCAL (no log, no undo)");
                }
            }
        }
        if (mode == TransactionsConfig.Mode.XA && fields.containsKey("undoTable")) {
            r.problem(fields.get("undoTable"), path + ".undoTable", "does not apply to mode XA (the servers keep "
                    + "prepared branches; nothing is compensated)");
        }
        return new TransactionsConfig(mode, directory, segmentBytes, undoTable, resolve);
    }

    // ---- readWriteSplitting -----------------------------------------------------------------------

    private ReadWriteSplittingConfig splitting(Node node, String path) {
        Map<String, Node> fields = r.mapping(node, path, SPLITTING_KEYS);
        ReadWriteSplittingConfig d = ReadWriteSplittingConfig.DEFAULTS;
        if (fields == null) {
            return d;
        }
        ReadWriteSplittingConfig.LoadBalancer balancer = enumValue(fields.get("loadBalancer"), path + ".loadBalancer",
                ReadWriteSplittingConfig.LoadBalancer.class, d.loadBalancer());
        long maxLag = number(fields, path, "maxReplicaLagMs", 0, 86_400_000, d.maxReplicaLagMs());
        ReadWriteSplittingConfig.TransactionReads transactionReads = enumValue(fields.get("transactionReads"),
                path + ".transactionReads", ReadWriteSplittingConfig.TransactionReads.class, d.transactionReads());
        long poll = number(fields, path, "pollIntervalMs", 1, 60_000, d.pollIntervalMs());
        ReadWriteSplittingConfig.ReadYourWrites ryw = fields.containsKey("readYourWrites")
                ? readYourWrites(fields.get("readYourWrites"), path + ".readYourWrites") : d.readYourWrites();
        checkLagBelowDeadline(maxLag, ryw, fields.containsKey("maxReplicaLagMs") ? fields.get("maxReplicaLagMs")
                : node, path + ".maxReplicaLagMs");
        return new ReadWriteSplittingConfig(balancer, List.of(), maxLag, transactionReads, poll, ryw);
    }

    private ReadWriteSplittingConfig.ReadYourWrites readYourWrites(Node node, String path) {
        ReadWriteSplittingConfig.ReadYourWrites d = ReadWriteSplittingConfig.ReadYourWrites.DEFAULTS;
        Map<String, Node> fields = r.mapping(node, path, READ_YOUR_WRITES_KEYS);
        if (fields == null) {
            return d;
        }
        ReadWriteSplittingConfig.Mode mode = enumValue(fields.get("mode"), path + ".mode",
                ReadWriteSplittingConfig.Mode.class, d.mode());
        long window = number(fields, path, "windowMs", 1, 3_600_000, d.windowMs());
        long deadline = number(fields, path, "deadlineMs", 1, 3_600_000, d.deadlineMs());
        long waitMs = number(fields, path, "waitMs", 0, 10_000, d.waitMs());
        long maxKeys = number(fields, path, "maxTrackedKeys", 1_000, 100_000_000, d.maxTrackedKeys());
        boolean queryLastGtid = bool(fields, path, "queryLastGtid", d.queryLastGtid());
        ReadWriteSplittingConfig.Window windowKind = enumValue(fields.get("window"), path + ".window",
                ReadWriteSplittingConfig.Window.class, ReadWriteSplittingConfig.Window.FIXED);
        Heartbeat heartbeat = null;
        if (windowKind == ReadWriteSplittingConfig.Window.ADAPTIVE) {
            heartbeat = heartbeat(fields, path);
        }
        // Contradictions: settings that the chosen mode would silently ignore.
        if (mode != ReadWriteSplittingConfig.Mode.TIME_WINDOW && fields.containsKey("windowMs")) {
            r.problem(fields.get("windowMs"), path + ".windowMs", "applies only to mode TIME_WINDOW (mode is " + mode
                    + "; GTID mode bounds tracking with deadlineMs)");
        }
        if (mode != ReadWriteSplittingConfig.Mode.TIME_WINDOW && fields.containsKey("window")) {
            r.problem(fields.get("window"), path + ".window", "applies only to mode TIME_WINDOW (mode is " + mode + ")");
        }
        if (mode == ReadWriteSplittingConfig.Mode.TIME_WINDOW && windowKind == ReadWriteSplittingConfig.Window.ADAPTIVE
                && fields.containsKey("windowMs")) {
            r.problem(fields.get("windowMs"), path + ".windowMs", "applies only to window FIXED (window is ADAPTIVE: "
                    + "minWindowMs and maxWindowMs bound it)");
        }
        if (windowKind != ReadWriteSplittingConfig.Window.ADAPTIVE || mode != ReadWriteSplittingConfig.Mode.TIME_WINDOW) {
            for (String key : HEARTBEAT_KEYS) {
                if (fields.containsKey(key)) {
                    r.problem(fields.get(key), path + "." + key, "applies only to mode TIME_WINDOW with window: ADAPTIVE");
                }
            }
            heartbeat = null;
        }
        if (mode != ReadWriteSplittingConfig.Mode.GTID) {
            for (String key : List.of("deadlineMs", "waitMs", "queryLastGtid")) {
                if (fields.containsKey(key)) {
                    r.problem(fields.get(key), path + "." + key, "applies only to mode GTID (mode is " + mode + ")");
                }
            }
        }
        Map<String, List<String>> keyColumns = new LinkedHashMap<>();
        if (fields.containsKey("keyColumns")) {
            Map<String, Node> tables = r.mapping(fields.get("keyColumns"), path + ".keyColumns", null);
            for (Map.Entry<String, Node> t : tables == null ? Map.<String, Node>of().entrySet() : tables.entrySet()) {
                String tablePath = path + ".keyColumns." + t.getKey();
                List<String> columns = r.stringList(t.getValue(), tablePath);
                if (columns != null && columns.isEmpty()) {
                    r.problem(t.getValue(), tablePath, "must list at least one column");
                } else if (columns != null) {
                    keyColumns.put(t.getKey(), List.copyOf(columns));
                }
            }
        }
        Map<String, ReadWriteSplittingConfig.Mode> tableModes = new LinkedHashMap<>();
        if (fields.containsKey("tableModes")) {
            Map<String, Node> tables = r.mapping(fields.get("tableModes"), path + ".tableModes", null);
            for (Map.Entry<String, Node> t : tables == null ? Map.<String, Node>of().entrySet() : tables.entrySet()) {
                String tablePath = path + ".tableModes." + t.getKey();
                ReadWriteSplittingConfig.Mode tableMode = enumValue(t.getValue(), tablePath,
                        ReadWriteSplittingConfig.Mode.class, null);
                if (tableMode == null) {
                    continue;
                }
                // One tracker per data source speaks one kind of position: a table can leave it, not switch it.
                if (tableMode != ReadWriteSplittingConfig.Mode.OFF && tableMode != mode) {
                    r.problem(t.getValue(), tablePath, mode == ReadWriteSplittingConfig.Mode.OFF
                            ? "readYourWrites is OFF: a table cannot turn it on (set mode: " + tableMode
                                    + " and list the tables that do not need it as OFF)"
                            : "a table can only be OFF or the global mode " + mode + " (not " + tableMode + ")");
                } else if (tables.keySet().stream().filter(k -> k.equalsIgnoreCase(t.getKey())).count() > 1) {
                    r.problem(t.getValue(), tablePath, "listed twice (table names are case-insensitive)");
                } else {
                    tableModes.put(t.getKey(), tableMode);
                }
            }
        }
        return new ReadWriteSplittingConfig.ReadYourWrites(mode, window, heartbeat, deadline, waitMs, (int) maxKeys,
                queryLastGtid, keyColumns, tableModes);
    }

    private boolean bool(Map<String, Node> fields, String path, String key, boolean absent) {
        if (!fields.containsKey(key)) {
            return absent;
        }
        String text = r.string(fields.get(key), path + "." + key);
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.parseBoolean(text);
        }
        if (text != null) {
            r.problem(fields.get(key), path + "." + key, "expected true or false but found '" + text + "'");
        }
        return absent;
    }

    /** {@code window: ADAPTIVE}: the heartbeat table and the window's bounds. */
    private Heartbeat heartbeat(Map<String, Node> fields, String path) {
        Heartbeat d = ReadWriteSplittingConfig.ReadYourWrites.HEARTBEAT_DEFAULTS;
        String table = d.table();
        if (fields.containsKey("heartbeatTable")) {
            String text = r.requiredString(fields.get("heartbeatTable"), path + ".heartbeatTable");
            if (text != null && !Heartbeat.isIdentifier(text)) {
                r.problem(fields.get("heartbeatTable"), path + ".heartbeatTable", "'" + text + "' is not a plain "
                        + "table name (letters, digits, _ and $, at most 64)");
            } else if (text != null) {
                table = text;
            }
        }
        boolean create = bool(fields, path, "createHeartbeatTable", d.create());
        long interval = number(fields, path, "heartbeatIntervalMs", 1, 60_000, d.intervalMillis());
        long min = number(fields, path, "minWindowMs", 1, 3_600_000, d.minWindowMillis());
        long max = number(fields, path, "maxWindowMs", 1, 3_600_000, d.maxWindowMillis());
        if (min > max) {
            r.problem(fields.containsKey("minWindowMs") ? fields.get("minWindowMs") : fields.get("maxWindowMs"),
                    path + ".minWindowMs", min + " is above maxWindowMs (" + max + ")");
            min = max;
        }
        double factor = d.safetyFactor();
        if (fields.containsKey("safetyFactor")) {
            String text = r.requiredString(fields.get("safetyFactor"), path + ".safetyFactor");
            Double value = null;
            try {
                value = text == null ? null : Double.valueOf(text);
            } catch (NumberFormatException e) {
                r.problem(fields.get("safetyFactor"), path + ".safetyFactor", "expected a number but found '" + text
                        + "'");
            }
            if (value != null && !(value >= 1 && value <= 10)) {
                r.problem(fields.get("safetyFactor"), path + ".safetyFactor", text + " is out of range [1, 10]");
            } else if (value != null) {
                factor = value;
            }
        }
        return new Heartbeat(table, create, interval, min, max, factor);
    }

    /** The global settings with this data source's overrides, checked against its replicas. */
    private ReadWriteSplittingConfig dataSourceSplitting(Node node, String path, Node dataSourceNode, int replicas) {
        ReadWriteSplittingConfig base = globalSplitting != null ? globalSplitting : ReadWriteSplittingConfig.DEFAULTS;
        Map<String, Node> fields = node == null ? Map.of() : r.mapping(node, path, SPLITTING_DATA_SOURCE_KEYS);
        if (fields == null) {
            return null;
        }
        int before = r.problemCount();
        ReadWriteSplittingConfig.LoadBalancer balancer = enumValue(fields.get("loadBalancer"), path + ".loadBalancer",
                ReadWriteSplittingConfig.LoadBalancer.class, base.loadBalancer());
        long maxLag = number(fields, path, "maxReplicaLagMs", 0, 86_400_000, base.maxReplicaLagMs());
        List<Integer> weights = new ArrayList<>();
        if (fields.containsKey("weights")) {
            List<Node> items = r.sequence(fields.get("weights"), path + ".weights");
            for (int i = 0; items != null && i < items.size(); i++) {
                String itemPath = path + ".weights[" + i + "]";
                Long w = r.integer(items.get(i), itemPath);
                if (w != null && (w < 1 || w > 1000)) {
                    r.problem(items.get(i), itemPath, w + " is out of range [1, 1000]");
                } else if (w != null) {
                    weights.add(w.intValue());
                }
            }
            if (balancer != ReadWriteSplittingConfig.LoadBalancer.WEIGHTED) {
                r.problem(fields.get("weights"), path + ".weights", "weights need loadBalancer: WEIGHTED (it is "
                        + balancer + ")");
            } else if (items != null && items.size() != replicas) {
                r.problem(fields.get("weights"), path + ".weights", "has " + items.size() + " weight(s) for " + replicas
                        + " replica(s); give one per replica, in replica order");
            }
        } else if (balancer == ReadWriteSplittingConfig.LoadBalancer.WEIGHTED && replicas > 0) {
            r.problem(node == null ? dataSourceNode : node, path + ".weights", "required: loadBalancer is WEIGHTED; give "
                    + "one weight per replica (" + replicas + ")");
        }
        if (fields.containsKey("maxReplicaLagMs")) {
            checkLagBelowDeadline(maxLag, base.readYourWrites(), fields.get("maxReplicaLagMs"), path + ".maxReplicaLagMs");
        }
        if (r.problemCount() > before) {
            return null;
        }
        return new ReadWriteSplittingConfig(balancer, weights, maxLag, base.transactionReads(), base.pollIntervalMs(),
                base.readYourWrites());
    }

    /**
     * GTID mode forgets a write at its deadline; only the lag limit keeps a replica that has still not applied it
     * from serving the key after that. So the limit must exist and be shorter than the deadline.
     */
    private void checkLagBelowDeadline(long maxLag, ReadWriteSplittingConfig.ReadYourWrites ryw, Node node,
            String path) {
        if (ryw.adaptive() && (maxLag == 0 || maxLag >= ryw.heartbeat().maxWindowMillis())) {
            r.problem(node, path, (maxLag == 0 ? "0 (no limit)" : String.valueOf(maxLag)) + " must be above 0 and "
                    + "below readYourWrites.maxWindowMs (" + ryw.heartbeat().maxWindowMillis() + "): a replica further "
                    + "behind than the largest window could serve a key whose window has passed");
        }
        if (ryw.mode() == ReadWriteSplittingConfig.Mode.GTID && (maxLag == 0 || maxLag >= ryw.deadlineMs())) {
            r.problem(node, path, (maxLag == 0 ? "0 (no limit)" : String.valueOf(maxLag)) + " must be above 0 and "
                    + "below readYourWrites.deadlineMs (" + ryw.deadlineMs() + "): a replica further behind than the "
                    + "deadline could serve a key whose write is no longer tracked");
        }
    }

    private <E extends Enum<E>> E enumValue(Node node, String path, Class<E> type, E absent) {
        if (node == null) {
            return absent;
        }
        String text = r.requiredString(node, path);
        if (text == null) {
            return absent;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        r.problem(node, path, "'" + text + "' is not one of " + String.join(", ", names));
        return absent;
    }

    private long number(Map<String, Node> fields, String path, String key, long min, long max, long absent) {
        return poolNumber(fields, path, key, min, max, absent);
    }

    // ---- rules ------------------------------------------------------------------------------------

    private RulesConfig rules(Node node) {
        Map<String, Node> fields = r.mapping(node, "rules", RULES_KEYS);
        if (fields == null) {
            return RulesConfig.EMPTY;
        }
        Map<String, TableConfig> tables = new LinkedHashMap<>();
        if (fields.containsKey("tables")) {
            Map<String, Node> entries = r.mapping(fields.get("tables"), "rules.tables", null);
            if (entries != null) {
                for (Map.Entry<String, Node> e : entries.entrySet()) {
                    TableConfig table = table(e.getKey(), e.getValue(), "rules.tables." + e.getKey());
                    if (table != null) {
                        tables.put(e.getKey(), table);
                    } else {
                        broken.add("tables." + e.getKey());
                    }
                }
            }
        }
        List<List<String>> bindingGroups = new ArrayList<>();
        if (fields.containsKey("bindingGroups")) {
            List<Node> groups = r.sequence(fields.get("bindingGroups"), "rules.bindingGroups");
            for (int i = 0; groups != null && i < groups.size(); i++) {
                String path = "rules.bindingGroups[" + i + "]";
                r.remember(path, groups.get(i));
                List<String> group = r.stringList(groups.get(i), path);
                if (group != null) {
                    bindingGroups.add(List.copyOf(group));
                }
            }
        }
        List<String> broadcast = optionalList(fields, "broadcastTables");
        List<String> single = optionalList(fields, "singleTables");
        Optional<String> defaultDataSource = Optional.empty();
        if (fields.containsKey("defaultDataSource")) {
            defaultDataSource = Optional.ofNullable(
                    r.requiredString(fields.get("defaultDataSource"), "rules.defaultDataSource"));
        }
        Map<String, AlgorithmConfig> algorithms = definitions(fields, "algorithms");
        Map<String, AlgorithmConfig> keyGenerators = definitions(fields, "keyGenerators");
        return new RulesConfig(Collections.unmodifiableMap(tables), List.copyOf(bindingGroups), broadcast, single,
                defaultDataSource, algorithms, keyGenerators);
    }

    private List<String> optionalList(Map<String, Node> fields, String key) {
        if (!fields.containsKey(key)) {
            return List.of();
        }
        List<String> list = r.stringList(fields.get(key), "rules." + key);
        return list == null ? List.of() : List.copyOf(list);
    }

    private TableConfig table(String name, Node node, String path) {
        Map<String, Node> fields = r.mapping(node, path, TABLE_KEYS);
        if (fields == null) {
            return null;
        }
        String dataNodes = null;
        Node nodesNode = fields.get("dataNodes");
        if (nodesNode == null) {
            r.problem(node, path + ".dataNodes", "required");
        } else if (nodesNode instanceof ScalarNode) {
            dataNodes = r.requiredString(nodesNode, path + ".dataNodes");
        } else {
            // A list of expressions is the same as one comma-separated expression.
            List<String> items = r.stringList(nodesNode, path + ".dataNodes");
            if (items != null && items.isEmpty()) {
                r.problem(nodesNode, path + ".dataNodes", "must not be empty");
            } else if (items != null) {
                dataNodes = String.join(", ", items);
            }
        }
        Optional<StrategyConfig> db = strategy(fields.get("databaseStrategy"), path + ".databaseStrategy");
        Optional<StrategyConfig> tb = strategy(fields.get("tableStrategy"), path + ".tableStrategy");
        Optional<KeyGenerateConfig> keyGenerator = Optional.empty();
        if (fields.containsKey("keyGenerator")) {
            String kgPath = path + ".keyGenerator";
            Map<String, Node> kg = r.mapping(fields.get("keyGenerator"), kgPath, KEY_GENERATE_KEYS);
            if (kg != null) {
                String column = requiredField(kg, fields.get("keyGenerator"), kgPath, "column");
                String generator = requiredField(kg, fields.get("keyGenerator"), kgPath, "generator");
                if (column != null && generator != null) {
                    keyGenerator = Optional.of(new KeyGenerateConfig(column, generator));
                }
            }
        }
        if (dataNodes == null) {
            return null;
        }
        return new TableConfig(name, dataNodes, db, tb, keyGenerator);
    }

    private Optional<StrategyConfig> strategy(Node node, String path) {
        if (node == null) {
            return Optional.empty();
        }
        Map<String, Node> fields = r.mapping(node, path, STRATEGY_KEYS);
        if (fields == null) {
            return Optional.empty();
        }
        String algorithm = requiredField(fields, node, path, "algorithm");
        List<String> columns = null;
        boolean complex = false;
        if (fields.containsKey("column") && fields.containsKey("columns")) {
            r.problem(fields.get("columns"), path + ".columns", "set either 'column' or 'columns', not both");
        } else if (fields.containsKey("columns")) {
            complex = true;
            columns = r.stringList(fields.get("columns"), path + ".columns");
            if (columns != null && columns.isEmpty()) {
                r.problem(fields.get("columns"), path + ".columns", "must not be empty");
                columns = null;
            } else if (columns != null && columns.stream().distinct().count() != columns.size()) {
                r.problem(fields.get("columns"), path + ".columns", "lists a column twice: " + columns);
                columns = null;
            }
        } else if (fields.containsKey("column")) {
            String column = r.requiredString(fields.get("column"), path + ".column");
            columns = column == null ? null : List.of(column);
        } else {
            r.problem(node, path + ".column", "required (or 'columns' for a multi-column strategy)");
        }
        if (algorithm == null || columns == null) {
            return Optional.empty();
        }
        return Optional.of(new StrategyConfig(columns, complex, algorithm));
    }

    private String requiredField(Map<String, Node> fields, Node parent, String path, String key) {
        Node node = fields.get(key);
        if (node == null) {
            r.problem(parent, path + "." + key, "required");
            return null;
        }
        return r.requiredString(node, path + "." + key);
    }

    private Map<String, AlgorithmConfig> definitions(Map<String, Node> rules, String section) {
        Map<String, AlgorithmConfig> result = new LinkedHashMap<>();
        if (!rules.containsKey(section)) {
            return result;
        }
        String sectionPath = "rules." + section;
        Map<String, Node> entries = r.mapping(rules.get(section), sectionPath, null);
        if (entries == null) {
            return result;
        }
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            String path = sectionPath + "." + e.getKey();
            Map<String, Node> fields = r.mapping(e.getValue(), path, ALGORITHM_KEYS);
            if (fields == null) {
                broken.add(section + "." + e.getKey());
                continue;
            }
            String type = requiredField(fields, e.getValue(), path, "type");
            Map<String, String> props = new LinkedHashMap<>();
            boolean propsOk = true;
            if (fields.containsKey("props")) {
                Map<String, Node> propNodes = r.mapping(fields.get("props"), path + ".props", null);
                propsOk = propNodes != null;
                for (Map.Entry<String, Node> p : propNodes == null ? Map.<String, Node>of().entrySet()
                        : propNodes.entrySet()) {
                    String value = propValue(p.getValue(), path + ".props." + p.getKey());
                    if (value == null) {
                        propsOk = false;
                    } else {
                        props.put(p.getKey(), value);
                    }
                }
            }
            if (type != null && propsOk) {
                result.put(e.getKey(), new AlgorithmConfig(e.getKey(), type, props));
            } else {
                broken.add(section + "." + e.getKey());
            }
        }
        return result;
    }

    /** A scalar as text, or a list of scalars joined with commas; null (with a problem) otherwise. */
    private String propValue(Node node, String path) {
        if (node instanceof ScalarNode) {
            String value = r.string(node, path);
            return value == null ? "" : value;
        }
        List<String> items = r.stringList(node, path);
        return items == null ? null : String.join(",", items);
    }
}

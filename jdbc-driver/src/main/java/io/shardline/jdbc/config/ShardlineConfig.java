package io.shardline.jdbc.config;

import io.shardline.router.rule.ShardingRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated Shardline configuration: the typed model of the YAML file and the immutable sharding
 * rules built from it. Loading runs every check (structure, references, algorithm properties, binding
 * layouts) and fails with one {@link ConfigException} listing all problems with file, line and key
 * path. The format is documented by {@code jdbc-driver/src/test/resources/config/full-example.yaml}.
 */
public final class ShardlineConfig {

    private final String source;
    private final Map<String, DataSourceConfig> dataSources;
    private final RulesConfig rules;
    private final ShardingRule rule;
    private final Map<String, ReadWriteSplittingConfig> splitting;
    private final TransactionsConfig transactions;
    // Set once by parse(), before the instance escapes (kept out of the constructor so that sections merge apart).
    private CacheConfig cache = CacheConfig.NONE;

    private ShardlineConfig(String source, Map<String, DataSourceConfig> dataSources, RulesConfig rules,
            ShardingRule rule, Map<String, ReadWriteSplittingConfig> splitting, TransactionsConfig transactions) {
        this.splitting = splitting;
        this.transactions = transactions;
        this.source = source;
        this.dataSources = dataSources;
        this.rules = rules;
        this.rule = rule;
    }

    /**
     * Reads and validates a file (UTF-8).
     *
     * @throws ConfigException when the file is unreadable or invalid
     */
    public static ShardlineConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.toString(), 1, "",
                    "cannot read the file: " + e)));
        }
        return parse(text, file.toString());
    }

    /**
     * Reads and validates a class path resource (UTF-8), found with the thread context class loader.
     *
     * @param resource e.g. {@code shardline.yaml} or {@code config/prod.yaml}, without a leading slash
     * @throws ConfigException when the resource is missing or invalid
     */
    public static ShardlineConfig loadClasspath(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ShardlineConfig.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new ConfigException(List.of(new ConfigProblem("classpath:" + name, 1, "",
                        "resource not found on the class path")));
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + name);
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem("classpath:" + name, 1, "",
                    "cannot read the resource: " + e)));
        }
    }

    /**
     * Parses and validates YAML text.
     *
     * @param sourceName how errors name the text, e.g. the file name
     * @throws ConfigException listing every problem found
     */
    public static ShardlineConfig parse(String yaml, String sourceName) {
        Objects.requireNonNull(sourceName, "sourceName");
        ConfigParser.Parsed parsed = ConfigParser.parse(yaml, sourceName);
        if (parsed.reader().hasProblems()) {
            // Structural problems first: reference checks on a half-read model would mostly add noise,
            // but run them anyway on what was read, so one round trip shows as much as possible.
            RuleAssembler.assemble(parsed);
            throw new ConfigException(parsed.reader().problems());
        }
        ShardingRule rule = RuleAssembler.assemble(parsed)
                .orElseThrow(() -> new ConfigException(parsed.reader().problems()));
        checkCachedTables(parsed, rule);
        ShardlineConfig config = new ShardlineConfig(sourceName, parsed.dataSources(), parsed.rules(), rule,
                parsed.splitting(), parsed.transactions());
        config.cache = parsed.cache();
        return config;
    }

    /** A cached table must be one the rules route: sharded, broadcast, single, or any table with a default. */
    private static void checkCachedTables(ConfigParser.Parsed parsed, ShardingRule rule) {
        for (String table : parsed.cache().tables().keySet()) {
            boolean known = rule.findTableRule(table).isPresent() || rule.isBroadcast(table)
                    || rule.findSingleTableDataSource(table).isPresent() || rule.defaultDataSource().isPresent()
                    || parsed.dataSources().size() == 1;
            if (!known) {
                parsed.reader().problem("cache.tables." + table, "is not a table of the rules (tables: "
                        + rule.tableRules().stream().map(t -> t.logicTable()).toList() + ") and there is no "
                        + "defaultDataSource");
            }
        }
        if (parsed.reader().hasProblems()) {
            throw new ConfigException(parsed.reader().problems());
        }
    }

    /** The {@code cache} section ({@link CacheConfig#NONE} when absent: nothing is cached). */
    public CacheConfig cache() {
        return cache;
    }

    /** Where the configuration came from (file path or {@code classpath:name}). */
    public String source() {
        return source;
    }

    /** Data source groups by name, in document order. */
    public Map<String, DataSourceConfig> dataSources() {
        return dataSources;
    }

    /** The rules section as written. */
    public RulesConfig rules() {
        return rules;
    }

    /**
     * Read/write splitting of a data source (the top-level {@code readWriteSplitting} with the data source's
     * overrides); empty when neither is configured, and then every statement of that data source runs on its master.
     */
    public java.util.Optional<ReadWriteSplittingConfig> readWriteSplitting(String dataSource) {
        return java.util.Optional.ofNullable(splitting.get(dataSource));
    }

    /** How transactions that write on several data source groups commit ({@code transactions}). */
    public TransactionsConfig transactions() {
        return transactions;
    }

    /** The immutable runtime rules, built and validated at load time. */
    public ShardingRule toRule() {
        return rule;
    }

    @Override
    public String toString() {
        return "ShardlineConfig{source=" + source + ", dataSources=" + dataSources + ", rules=" + rule + "}";
    }
}

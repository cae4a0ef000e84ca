package io.shardline.jdbc.config;

import io.shardline.router.algorithm.AlgorithmException;
import io.shardline.router.algorithm.AlgorithmInstance;
import io.shardline.router.algorithm.ShardingAlgorithms;
import io.shardline.router.keygen.KeyGenerator;
import io.shardline.router.keygen.KeyGenerators;
import io.shardline.router.rule.BindingGroup;
import io.shardline.router.rule.DataNode;
import io.shardline.router.rule.DataNodeExpression;
import io.shardline.router.rule.InlineExpressionException;
import io.shardline.router.rule.KeyGeneration;
import io.shardline.router.rule.RuleException;
import io.shardline.router.rule.ShardingRule;
import io.shardline.router.rule.ShardingStrategy;
import io.shardline.router.rule.TableRule;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Semantic pass: resolves references between sections (data sources, algorithms, key generators,
 * tables), instantiates algorithms, and builds the immutable {@link ShardingRule}, reporting every
 * problem at the line of the key that causes it.
 */
final class RuleAssembler {

    private final ConfigParser.Parsed parsed;
    private final YamlNodeReader r;
    private final RulesConfig rules;
    private final Map<String, AlgorithmInstance> algorithms = new LinkedHashMap<>();
    private final Map<String, KeyGenerator> keyGenerators = new LinkedHashMap<>();
    private final Map<String, TableRule> tables = new LinkedHashMap<>();

    private RuleAssembler(ConfigParser.Parsed parsed) {
        this.parsed = parsed;
        this.r = parsed.reader();
        this.rules = parsed.rules();
    }

    /** Builds the rule, or returns empty after recording problems in the parse's reader. */
    static Optional<ShardingRule> assemble(ConfigParser.Parsed parsed) {
        return new RuleAssembler(parsed).assemble();
    }

    private Optional<ShardingRule> assemble() {
        createAlgorithms();
        createKeyGenerators();
        for (TableConfig table : rules.tables().values()) {
            buildTable(table);
        }
        checkBindingGroups();
        checkBroadcastAndSingle();
        if (r.hasProblems()) {
            return Optional.empty();
        }
        ShardingRule.Builder builder = ShardingRule.builder()
                .dataSources(parsed.dataSources().keySet())
                .broadcastTables(rules.broadcastTables())
                .singleTables(rules.singleTables())
                .defaultDataSource(rules.defaultDataSource().orElse(null));
        tables.values().forEach(builder::table);
        rules.bindingGroups().forEach(builder::bindingGroup);
        try {
            return Optional.of(builder.build());
        } catch (RuleException e) {
            // The checks above should have caught these; still report them rather than lose them.
            for (String problem : e.problems()) {
                r.problem("rules", problem);
            }
            return Optional.empty();
        }
    }

    private void createAlgorithms() {
        for (AlgorithmConfig config : rules.algorithms().values()) {
            String path = "rules.algorithms." + config.name();
            if (!ShardingAlgorithms.TYPES.contains(config.type().toUpperCase(Locale.ROOT))) {
                r.problem(path + ".type", "unknown algorithm type '" + config.type() + "' (known: "
                        + String.join(", ", ShardingAlgorithms.TYPES) + ")");
                continue;
            }
            try {
                algorithms.put(config.name(), ShardingAlgorithms.create(config.type(), config.properties()));
            } catch (AlgorithmException e) {
                reportAlgorithmProblem(path, e);
            }
        }
    }

    private void createKeyGenerators() {
        for (AlgorithmConfig config : rules.keyGenerators().values()) {
            String path = "rules.keyGenerators." + config.name();
            if (!KeyGenerators.TYPES.contains(config.type().toUpperCase(Locale.ROOT))) {
                r.problem(path + ".type", "unknown key generator type '" + config.type() + "' (known: "
                        + String.join(", ", KeyGenerators.TYPES) + ")");
                continue;
            }
            try {
                keyGenerators.put(config.name(), KeyGenerators.create(config.type(), config.properties()));
            } catch (AlgorithmException e) {
                reportAlgorithmProblem(path, e);
            }
        }
    }

    private void reportAlgorithmProblem(String path, AlgorithmException e) {
        if (e.property().isPresent()) {
            r.problem(path + ".props." + e.property().get(), e.reason());
        } else {
            r.problem(path, e.getMessage());
        }
    }

    private void buildTable(TableConfig table) {
        String path = "rules.tables." + table.name();
        int before = r.problemCount();
        List<DataNode> nodes = List.of();
        try {
            nodes = DataNodeExpression.dataNodes(table.dataNodes());
        } catch (InlineExpressionException e) {
            r.problem(path + ".dataNodes", e.getMessage());
        }
        Set<String> undeclared = new LinkedHashSet<>();
        for (DataNode node : nodes) {
            if (!parsed.dataSources().containsKey(node.dataSource())
                    && !parsed.isBroken("dataSources", node.dataSource())) {
                undeclared.add(node.dataSource());
            }
        }
        for (String ds : undeclared) {
            r.problem(path + ".dataNodes", "data source '" + ds + "' is not declared ("
                    + YamlNodeReader.known(parsed.dataSources().keySet()) + ")");
        }
        ShardingStrategy db = strategy(table.databaseStrategy(), path + ".databaseStrategy");
        ShardingStrategy tb = strategy(table.tableStrategy(), path + ".tableStrategy");
        KeyGeneration keyGeneration = null;
        if (table.keyGenerator().isPresent()) {
            KeyGenerateConfig kg = table.keyGenerator().get();
            KeyGenerator generator = keyGenerators.get(kg.generator());
            if (generator != null) {
                keyGeneration = new KeyGeneration(kg.column(), kg.generator(), generator);
            } else if (!rules.keyGenerators().containsKey(kg.generator())
                    && !parsed.isBroken("keyGenerators", kg.generator())) {
                r.problem(path + ".keyGenerator.generator", "unknown key generator '" + kg.generator() + "' ("
                        + YamlNodeReader.known(rules.keyGenerators().keySet()) + ")");
            }
        }
        if (r.problemCount() > before || nodes.isEmpty()) {
            return;
        }
        try {
            tables.put(table.name(), TableRule.builder(table.name()).dataNodes(nodes).databaseStrategy(db)
                    .tableStrategy(tb).keyGeneration(keyGeneration).build());
        } catch (RuleException e) {
            for (String problem : e.problems()) {
                r.problem(path, problem);
            }
        }
    }

    /** The strategy, or NONE (after a problem, or when absent). */
    private ShardingStrategy strategy(Optional<StrategyConfig> config, String path) {
        if (config.isEmpty()) {
            return ShardingStrategy.none();
        }
        StrategyConfig s = config.get();
        String algorithmPath = path + ".algorithm";
        AlgorithmInstance instance = algorithms.get(s.algorithm());
        if (instance == null) {
            if (!rules.algorithms().containsKey(s.algorithm()) && !parsed.isBroken("algorithms", s.algorithm())) {
                r.problem(algorithmPath, "unknown algorithm '" + s.algorithm() + "' ("
                        + YamlNodeReader.known(rules.algorithms().keySet()) + ")");
            }
            // else: the definition itself is broken and already reported.
            return ShardingStrategy.none();
        }
        if (!s.complex()) {
            if (instance.standard().isEmpty()) {
                r.problem(algorithmPath, "algorithm '" + s.algorithm() + "' (" + instance.type()
                        + ") is multi-column; use 'columns: [...]' instead of 'column'");
                return ShardingStrategy.none();
            }
            return ShardingStrategy.standard(s.columns().get(0), s.algorithm(), instance.standard().get());
        }
        if (instance.complex().isPresent()) {
            return ShardingStrategy.complex(s.columns(), s.algorithm(), instance.complex().get());
        }
        if (s.columns().size() == 1) {
            return ShardingStrategy.standard(s.columns().get(0), s.algorithm(), instance.standard().orElseThrow());
        }
        r.problem(algorithmPath, "algorithm '" + s.algorithm() + "' (" + instance.type()
                + ") shards on one column but the strategy lists " + s.columns()
                + "; use 'column', or a multi-column algorithm such as COMPLEX_INLINE");
        return ShardingStrategy.none();
    }

    private void checkBindingGroups() {
        Map<String, Integer> groupOf = new HashMap<>();
        List<List<String>> groups = rules.bindingGroups();
        for (int g = 0; g < groups.size(); g++) {
            String path = "rules.bindingGroups[" + g + "]";
            List<String> group = groups.get(g);
            if (group.size() < 2) {
                r.problem(path, "a binding group needs at least two tables");
            }
            TableRule first = null;
            for (int i = 0; i < group.size(); i++) {
                String name = group.get(i);
                String itemPath = path + "[" + i + "]";
                if (parsed.isBroken("tables", name)) {
                    continue;
                }
                if (!rules.tables().containsKey(name)) {
                    r.problem(itemPath, "'" + name + "' is not a sharded table (" + YamlNodeReader.known(rules.tables().keySet()) + ")");
                    continue;
                }
                Integer previous = groupOf.putIfAbsent(name, g);
                if (previous != null) {
                    r.problem(itemPath, "'" + name + "' is already in rules.bindingGroups[" + previous + "]");
                    continue;
                }
                TableRule rule = tables.get(name);
                if (rule == null) {
                    continue; // the table itself is broken and already reported
                }
                if (first == null) {
                    first = rule;
                } else {
                    BindingGroup.incompatibility(first, rule).ifPresent(why -> r.problem(itemPath, why));
                }
            }
        }
    }

    private void checkBroadcastAndSingle() {
        Set<String> broadcast = new LinkedHashSet<>();
        List<String> broadcastTables = rules.broadcastTables();
        for (int i = 0; i < broadcastTables.size(); i++) {
            String name = broadcastTables.get(i);
            String path = "rules.broadcastTables[" + i + "]";
            if (!broadcast.add(name)) {
                r.problem(path, "'" + name + "' is listed twice");
            } else if (rules.tables().containsKey(name)) {
                r.problem(path, "'" + name + "' is both broadcast and sharded (rules.tables." + name + ")");
            }
        }
        Set<String> single = new LinkedHashSet<>();
        List<String> singleTables = rules.singleTables();
        for (int i = 0; i < singleTables.size(); i++) {
            String name = singleTables.get(i);
            String path = "rules.singleTables[" + i + "]";
            if (!single.add(name)) {
                r.problem(path, "'" + name + "' is listed twice");
            } else if (rules.tables().containsKey(name)) {
                r.problem(path, "'" + name + "' is both single and sharded (rules.tables." + name + ")");
            } else if (broadcast.contains(name)) {
                r.problem(path, "'" + name + "' is both single and broadcast");
            }
        }
        Optional<String> defaultDataSource = rules.defaultDataSource();
        if (defaultDataSource.isPresent() && !parsed.dataSources().containsKey(defaultDataSource.get())
                && !parsed.isBroken("dataSources", defaultDataSource.get())) {
            r.problem("rules.defaultDataSource", "data source '" + defaultDataSource.get() + "' is not declared ("
                    + YamlNodeReader.known(parsed.dataSources().keySet()) + ")");
        }
        if (!singleTables.isEmpty() && defaultDataSource.isEmpty()) {
            r.problem("rules.singleTables", "single tables need rules.defaultDataSource");
        }
    }
}

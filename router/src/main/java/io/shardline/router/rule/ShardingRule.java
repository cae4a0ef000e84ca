package io.shardline.router.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every sharding rule of one Shardline data source: the data source names, the sharded tables, binding
 * groups, broadcast tables (a full copy in every data source) and single tables (unsharded, on the
 * default data source). Immutable and validated as a whole at build time; the router reads it
 * concurrently.
 *
 * <p>Logical table lookups are case-insensitive, as SQL text is.
 */
public final class ShardingRule {

    private final List<String> dataSourceNames;
    private final Map<String, TableRule> tables;
    private final List<TableRule> tableList;
    private final List<BindingGroup> bindingGroups;
    private final Map<String, BindingGroup> bindingGroupByTable;
    private final List<String> broadcastTables;
    private final Set<String> broadcastKeys;
    private final List<String> singleTables;
    private final Set<String> singleKeys;
    private final String defaultDataSource;

    private ShardingRule(Builder b) {
        this.dataSourceNames = List.copyOf(b.dataSourceNames);
        Map<String, TableRule> byName = new LinkedHashMap<>();
        for (TableRule rule : b.tables) {
            byName.put(key(rule.logicTable()), rule);
        }
        this.tables = Collections.unmodifiableMap(byName);
        this.tableList = List.copyOf(b.tables);
        List<BindingGroup> groups = new ArrayList<>();
        Map<String, BindingGroup> groupByTable = new HashMap<>();
        for (List<String> names : b.bindingGroups) {
            BindingGroup group = new BindingGroup(names);
            groups.add(group);
            for (String name : names) {
                groupByTable.put(key(name), group);
            }
        }
        this.bindingGroups = List.copyOf(groups);
        this.bindingGroupByTable = Collections.unmodifiableMap(groupByTable);
        this.broadcastTables = List.copyOf(b.broadcastTables);
        this.broadcastKeys = keys(b.broadcastTables);
        this.singleTables = List.copyOf(b.singleTables);
        this.singleKeys = keys(b.singleTables);
        this.defaultDataSource = b.defaultDataSource;
    }

    /** Starts an empty rule set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every data source name, in configuration order. */
    public List<String> dataSourceNames() {
        return dataSourceNames;
    }

    /** Every sharded table, in configuration order. */
    public List<TableRule> tableRules() {
        return tableList;
    }

    /** The rule of a sharded logical table. */
    public Optional<TableRule> findTableRule(String logicTable) {
        return Optional.ofNullable(tables.get(key(logicTable)));
    }

    /** Whether the logical table is sharded. */
    public boolean isSharded(String logicTable) {
        return tables.containsKey(key(logicTable));
    }

    /** Every binding group, in configuration order. */
    public List<BindingGroup> bindingGroups() {
        return bindingGroups;
    }

    /** The binding group holding a table. */
    public Optional<BindingGroup> findBindingGroup(String logicTable) {
        return Optional.ofNullable(bindingGroupByTable.get(key(logicTable)));
    }

    /** Whether two sharded tables are in the same binding group. */
    public boolean areBound(String logicTable, String otherLogicTable) {
        BindingGroup group = bindingGroupByTable.get(key(logicTable));
        return group != null && group == bindingGroupByTable.get(key(otherLogicTable));
    }

    /** Broadcast tables, in configuration order. */
    public List<String> broadcastTables() {
        return broadcastTables;
    }

    /** Whether the table is a broadcast table. */
    public boolean isBroadcast(String logicTable) {
        return broadcastKeys.contains(key(logicTable));
    }

    /** Single (unsharded) tables, in configuration order. */
    public List<String> singleTables() {
        return singleTables;
    }

    /** The data source for unsharded tables, when configured. */
    public Optional<String> defaultDataSource() {
        return Optional.ofNullable(defaultDataSource);
    }

    /** The data source of a declared single table. */
    public Optional<String> findSingleTableDataSource(String logicTable) {
        return singleKeys.contains(key(logicTable)) ? Optional.ofNullable(defaultDataSource) : Optional.empty();
    }

    @Override
    public String toString() {
        return "ShardingRule{dataSources=" + dataSourceNames + ", tables=" + tables.keySet() + ", bindingGroups="
                + bindingGroups + ", broadcast=" + broadcastTables + ", single=" + singleTables
                + ", default=" + defaultDataSource + "}";
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Set<String> keys(Collection<String> names) {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : names) {
            keys.add(key(name));
        }
        return Collections.unmodifiableSet(keys);
    }

    /** Collects the rules; {@link #build()} validates them together. */
    public static final class Builder {
        private final List<String> dataSourceNames = new ArrayList<>();
        private final List<TableRule> tables = new ArrayList<>();
        private final List<List<String>> bindingGroups = new ArrayList<>();
        private final List<String> broadcastTables = new ArrayList<>();
        private final List<String> singleTables = new ArrayList<>();
        private String defaultDataSource;

        private Builder() {
        }

        /** Adds data source names. */
        public Builder dataSources(Collection<String> names) {
            dataSourceNames.addAll(names);
            return this;
        }

        /** Adds data source names. */
        public Builder dataSources(String... names) {
            return dataSources(List.of(names));
        }

        /** Adds a sharded table. */
        public Builder table(TableRule rule) {
            tables.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** Adds a binding group of logical table names. */
        public Builder bindingGroup(List<String> logicTables) {
            bindingGroups.add(List.copyOf(logicTables));
            return this;
        }

        /** Adds a binding group of logical table names. */
        public Builder bindingGroup(String... logicTables) {
            return bindingGroup(List.of(logicTables));
        }

        /** Adds broadcast tables. */
        public Builder broadcastTables(Collection<String> names) {
            broadcastTables.addAll(names);
            return this;
        }

        /** Adds single tables (on the default data source). */
        public Builder singleTables(Collection<String> names) {
            singleTables.addAll(names);
            return this;
        }

        /** The data source of single tables; may be null. */
        public Builder defaultDataSource(String name) {
            defaultDataSource = name;
            return this;
        }

        /**
         * Validates everything and builds.
         *
         * @throws RuleException listing every problem found
         */
        public ShardingRule build() {
            List<String> problems = new ArrayList<>();
            Set<String> dataSources = new LinkedHashSet<>();
            if (dataSourceNames.isEmpty()) {
                problems.add("no data sources");
            }
            for (String ds : dataSourceNames) {
                if (ds == null || ds.isBlank()) {
                    problems.add("blank data source name");
                } else if (!dataSources.add(ds)) {
                    problems.add("data source '" + ds + "' declared twice");
                }
            }
            Map<String, TableRule> byName = new HashMap<>();
            for (TableRule rule : tables) {
                if (byName.putIfAbsent(key(rule.logicTable()), rule) != null) {
                    problems.add("table '" + rule.logicTable() + "' declared twice");
                }
                for (String ds : rule.dataSourceNames()) {
                    if (!dataSources.contains(ds)) {
                        problems.add("table '" + rule.logicTable() + "': data source '" + ds
                                + "' of its data nodes is not declared (declared: " + String.join(", ", dataSources) + ")");
                    }
                }
            }
            checkBindingGroups(byName, problems);
            Set<String> broadcast = new HashSet<>();
            for (String table : broadcastTables) {
                if (!broadcast.add(key(table))) {
                    problems.add("broadcast table '" + table + "' listed twice");
                }
                if (byName.containsKey(key(table))) {
                    problems.add("table '" + table + "' is both broadcast and sharded");
                }
            }
            Set<String> single = new HashSet<>();
            for (String table : singleTables) {
                if (!single.add(key(table))) {
                    problems.add("single table '" + table + "' listed twice");
                }
                if (byName.containsKey(key(table))) {
                    problems.add("table '" + table + "' is both single and sharded");
                }
                if (broadcast.contains(key(table))) {
                    problems.add("table '" + table + "' is both single and broadcast");
                }
            }
            if (defaultDataSource != null && !dataSources.contains(defaultDataSource)) {
                problems.add("default data source '" + defaultDataSource + "' is not declared (declared: "
                        + String.join(", ", dataSources) + ")");
            }
            if (!singleTables.isEmpty() && defaultDataSource == null) {
                problems.add("single tables " + singleTables + " need a default data source");
            }
            if (!problems.isEmpty()) {
                throw new RuleException(problems);
            }
            return new ShardingRule(this);
        }

        private void checkBindingGroups(Map<String, TableRule> byName, List<String> problems) {
            Map<String, Integer> groupOf = new HashMap<>();
            for (int g = 0; g < bindingGroups.size(); g++) {
                List<String> names = bindingGroups.get(g);
                if (names.size() < 2) {
                    problems.add("binding group " + names + " needs at least two tables");
                }
                TableRule first = null;
                for (String name : names) {
                    TableRule rule = byName.get(key(name));
                    if (rule == null) {
                        problems.add("binding group " + names + ": '" + name + "' is not a sharded table");
                        continue;
                    }
                    Integer previous = groupOf.put(key(name), g);
                    if (previous != null) {
                        problems.add("binding group " + names + ": '" + name + "' is already in binding group "
                                + (previous == g ? names : bindingGroups.get(previous)));
                        continue;
                    }
                    if (first == null) {
                        first = rule;
                    } else {
                        BindingGroup.incompatibility(first, rule).ifPresent(problems::add);
                    }
                }
            }
        }
    }
}

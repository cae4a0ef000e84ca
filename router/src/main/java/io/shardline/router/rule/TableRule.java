package io.shardline.router.rule;

import io.shardline.router.algorithm.ComplexInlineShardingAlgorithm;
import io.shardline.router.algorithm.InlineShardingAlgorithm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A sharded logical table: where its rows live (ordered data nodes) and how a statement picks among
 * them (a database strategy over data source names, then a table strategy over the actual tables of
 * each chosen data source). Immutable.
 */
public final class TableRule {

    private final String logicTable;
    private final List<DataNode> dataNodes;
    private final Map<String, List<String>> tablesByDataSource;
    private final List<String> dataSourceNames;
    private final ShardingStrategy databaseStrategy;
    private final ShardingStrategy tableStrategy;
    private final KeyGeneration keyGeneration;
    private final Set<String> shardingColumns;

    private TableRule(Builder b, Map<String, List<String>> tablesByDataSource) {
        this.logicTable = b.logicTable;
        this.dataNodes = List.copyOf(b.dataNodes);
        this.tablesByDataSource = Collections.unmodifiableMap(tablesByDataSource);
        this.dataSourceNames = List.copyOf(tablesByDataSource.keySet());
        this.databaseStrategy = b.databaseStrategy;
        this.tableStrategy = b.tableStrategy;
        this.keyGeneration = b.keyGeneration;
        Set<String> columns = new HashSet<>();
        for (String c : databaseStrategy.columns()) {
            columns.add(c.toLowerCase(Locale.ROOT));
        }
        for (String c : tableStrategy.columns()) {
            columns.add(c.toLowerCase(Locale.ROOT));
        }
        this.shardingColumns = Collections.unmodifiableSet(columns);
    }

    /** Starts a rule for a logical table. */
    public static Builder builder(String logicTable) {
        return new Builder(logicTable);
    }

    /** The logical table name as configured. */
    public String logicTable() {
        return logicTable;
    }

    /** Every data node, in configuration (expansion) order. */
    public List<DataNode> dataNodes() {
        return dataNodes;
    }

    /** The data sources holding this table, in order of first appearance in {@link #dataNodes()}. */
    public List<String> dataSourceNames() {
        return dataSourceNames;
    }

    /** The actual tables in one data source, in configuration order; empty if it holds none. */
    public List<String> actualTables(String dataSource) {
        return tablesByDataSource.getOrDefault(dataSource, List.of());
    }

    /** Whether {@code dataSource.table} is one of this table's data nodes. */
    public boolean contains(String dataSource, String table) {
        return actualTables(dataSource).contains(table);
    }

    /** How the data source is chosen. */
    public ShardingStrategy databaseStrategy() {
        return databaseStrategy;
    }

    /** How the actual table is chosen within a data source. */
    public ShardingStrategy tableStrategy() {
        return tableStrategy;
    }

    /** Key generation for INSERTs that omit the key column. */
    public Optional<KeyGeneration> keyGeneration() {
        return Optional.ofNullable(keyGeneration);
    }

    /** Every column either strategy shards on (lower case), for route-time lookups. */
    public Set<String> shardingColumns() {
        return shardingColumns;
    }

    @Override
    public String toString() {
        return "TableRule{" + logicTable + ", " + dataNodes.size() + " nodes in " + dataSourceNames
                + ", db=" + databaseStrategy + ", table=" + tableStrategy
                + (keyGeneration == null ? "" : ", key=" + keyGeneration) + "}";
    }

    /** Collects a table rule's parts; {@link #build()} validates them. */
    public static final class Builder {
        private final String logicTable;
        private List<DataNode> dataNodes = List.of();
        private ShardingStrategy databaseStrategy = ShardingStrategy.none();
        private ShardingStrategy tableStrategy = ShardingStrategy.none();
        private KeyGeneration keyGeneration;

        private Builder(String logicTable) {
            this.logicTable = Objects.requireNonNull(logicTable, "logicTable");
        }

        /** The data nodes, in order. */
        public Builder dataNodes(List<DataNode> nodes) {
            this.dataNodes = List.copyOf(nodes);
            return this;
        }

        /** The data nodes from an expression like {@code ds_${0..1}.t_order_${0..3}}. */
        public Builder dataNodes(String expression) {
            return dataNodes(DataNodeExpression.dataNodes(expression));
        }

        /** The database-level strategy (default NONE). */
        public Builder databaseStrategy(ShardingStrategy strategy) {
            this.databaseStrategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** The table-level strategy (default NONE). */
        public Builder tableStrategy(ShardingStrategy strategy) {
            this.tableStrategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** Key generation, or null for none. */
        public Builder keyGeneration(KeyGeneration keyGeneration) {
            this.keyGeneration = keyGeneration;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws RuleException listing every problem of this table
         */
        public TableRule build() {
            List<String> problems = new ArrayList<>();
            String where = "table '" + logicTable + "': ";
            if (logicTable.isBlank()) {
                problems.add("table name is blank");
            }
            if (dataNodes.isEmpty()) {
                problems.add(where + "has no data nodes");
            }
            Map<String, List<String>> byDataSource = new LinkedHashMap<>();
            Set<DataNode> seen = new HashSet<>();
            for (DataNode node : dataNodes) {
                if (!seen.add(node)) {
                    problems.add(where + "data node " + node + " appears twice");
                }
                byDataSource.computeIfAbsent(node.dataSource(), k -> new ArrayList<>()).add(node.table());
            }
            byDataSource.replaceAll((k, v) -> List.copyOf(v));
            checkInlineColumns(where + "databaseStrategy", databaseStrategy, problems);
            checkInlineColumns(where + "tableStrategy", tableStrategy, problems);
            if (!problems.isEmpty()) {
                throw new RuleException(problems);
            }
            return new TableRule(this, byDataSource);
        }

        /** An inline expression must be written over the strategy's own columns. */
        private static void checkInlineColumns(String where, ShardingStrategy strategy, List<String> problems) {
            List<String> referenced;
            if (strategy instanceof ShardingStrategy.Standard s && s.algorithm() instanceof InlineShardingAlgorithm a) {
                referenced = a.referencedColumns();
            } else if (strategy instanceof ShardingStrategy.Complex c
                    && c.algorithm() instanceof ComplexInlineShardingAlgorithm a) {
                referenced = a.referencedColumns();
            } else {
                return;
            }
            for (String column : referenced) {
                boolean found = false;
                for (String own : strategy.columns()) {
                    found |= own.equalsIgnoreCase(column);
                }
                if (!found) {
                    problems.add(where + ": algorithm '" + strategy.algorithmName() + "' uses column '" + column
                            + "' but the strategy shards on " + strategy.columns());
                }
            }
        }
    }
}

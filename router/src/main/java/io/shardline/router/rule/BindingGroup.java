package io.shardline.router.rule;

import io.shardline.router.algorithm.ComplexInlineShardingAlgorithm;
import io.shardline.router.algorithm.InlineShardingAlgorithm;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sharded tables that are always co-located: for equal sharding values their rows sit in the same data
 * source and in actual tables at the same position, so a join among them on the sharding columns
 * runs shard by shard (t_order_1 joins t_order_item_1) instead of as a cartesian product.
 *
 * <p>What "compatible" means, checked at build time by {@link #incompatibility}: the same data sources
 * in the same order, the same number of actual tables in each, and for each level the same kind of
 * strategy on the same columns with the same algorithm (by name, or for INLINE / COMPLEX_INLINE,
 * expressions that differ only in their literal text).
 *
 * @param tables the logical tables, in configuration order
 */
public record BindingGroup(List<String> tables) {

    /** Copies the list. */
    public BindingGroup {
        tables = List.copyOf(tables);
    }

    /** Whether the group holds the logical table (case-insensitive). */
    public boolean contains(String logicTable) {
        for (String table : tables) {
            if (table.equalsIgnoreCase(logicTable)) {
                return true;
            }
        }
        return false;
    }

    /** Why {@code other} cannot be bound to {@code first}, if it cannot. */
    public static Optional<String> incompatibility(TableRule first, TableRule other) {
        String pair = "'" + other.logicTable() + "' cannot be bound to '" + first.logicTable() + "': ";
        if (!first.dataSourceNames().equals(other.dataSourceNames())) {
            return Optional.of(pair + "data sources differ (" + first.dataSourceNames() + " vs "
                    + other.dataSourceNames() + ")");
        }
        for (String ds : first.dataSourceNames()) {
            int a = first.actualTables(ds).size();
            int b = other.actualTables(ds).size();
            if (a != b) {
                return Optional.of(pair + "data source '" + ds + "' holds " + a + " actual tables of '"
                        + first.logicTable() + "' but " + b + " of '" + other.logicTable() + "'");
            }
        }
        Optional<String> db = strategyIncompatibility(first.databaseStrategy(), other.databaseStrategy());
        if (db.isPresent()) {
            return Optional.of(pair + "database strategies differ: " + db.get());
        }
        return strategyIncompatibility(first.tableStrategy(), other.tableStrategy())
                .map(why -> pair + "table strategies differ: " + why);
    }

    private static Optional<String> strategyIncompatibility(ShardingStrategy a, ShardingStrategy b) {
        if (a.kind() != b.kind()) {
            return Optional.of(a + " vs " + b);
        }
        if (a.kind() == ShardingStrategy.Kind.NONE) {
            return Optional.empty();
        }
        if (!lower(a.columns()).equals(lower(b.columns()))) {
            return Optional.of("columns " + a.columns() + " vs " + b.columns());
        }
        if (a.algorithmName().equals(b.algorithmName())) {
            return Optional.empty();
        }
        Optional<String> fa = fingerprint(a);
        Optional<String> fb = fingerprint(b);
        if (fa.isPresent() && fa.equals(fb)) {
            return Optional.empty();
        }
        return Optional.of("algorithms '" + a.algorithmName() + "' vs '" + b.algorithmName() + "'");
    }

    private static Optional<String> fingerprint(ShardingStrategy strategy) {
        if (strategy instanceof ShardingStrategy.Standard s && s.algorithm() instanceof InlineShardingAlgorithm a) {
            return Optional.of(a.fingerprint());
        }
        if (strategy instanceof ShardingStrategy.Complex c && c.algorithm() instanceof ComplexInlineShardingAlgorithm a) {
            return Optional.of(a.fingerprint());
        }
        return Optional.empty();
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
}

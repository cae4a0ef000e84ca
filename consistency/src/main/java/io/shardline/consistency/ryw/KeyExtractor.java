package io.shardline.consistency.ryw;

import io.shardline.router.plan.GeneratedKeys;
import io.shardline.router.rule.ShardingRule;
import io.shardline.router.rule.TableRule;
import io.shardline.sql.ParsedStatement;
import io.shardline.sql.facts.Analysis;
import io.shardline.sql.facts.Assignment;
import io.shardline.sql.facts.ComparisonOperator;
import io.shardline.sql.facts.InsertFacts;
import io.shardline.sql.facts.InsertRow;
import io.shardline.sql.facts.Predicate;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.StatementKind;
import io.shardline.sql.facts.TableRef;
import io.shardline.sql.facts.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which keys a statement reads or writes, from its parsed facts and its parameters.
 *
 * <p>Key columns of a table are its sharding columns, its generated key column and the columns configured for it
 * ({@code readYourWrites.keyColumns}, e.g. the primary key). A key is pinned by a top-level {@code =} or {@code IN}
 * conjunct of the WHERE clause, or by the values of an INSERT (generated keys included). Anything else — OR, ranges,
 * expressions, joins of unqualified columns, subqueries, REPLACE, ON DUPLICATE KEY UPDATE, INSERT ... SELECT, DDL —
 * leaves the table unpinned, which the tracker treats as "the whole table": more master reads, never a stale one.
 */
public final class KeyExtractor {

    private final ShardingRule rule;
    private final Map<String, List<String>> configuredKeys;
    private final ConcurrentHashMap<String, List<String>> keyColumns = new ConcurrentHashMap<>();

    /**
     * @param rule           the sharding rule (sharding and generated key columns)
     * @param configuredKeys logical table (any case) → further key columns, e.g. the primary key
     */
    public KeyExtractor(ShardingRule rule, Map<String, List<String>> configuredKeys) {
        this.rule = rule;
        Map<String, List<String>> lower = new java.util.HashMap<>();
        for (Map.Entry<String, List<String>> e : configuredKeys.entrySet()) {
            List<String> cols = new ArrayList<>();
            for (String c : e.getValue()) {
                cols.add(c.toLowerCase(Locale.ROOT));
            }
            lower.put(e.getKey().toLowerCase(Locale.ROOT), List.copyOf(cols));
        }
        this.configuredKeys = Map.copyOf(lower);
    }

    /** The key columns of a logical table, lower case (cached). */
    public List<String> keyColumns(String table) {
        String lower = table.toLowerCase(Locale.ROOT);
        List<String> cached = keyColumns.get(lower);
        if (cached != null) {
            return cached;
        }
        Set<String> cols = new LinkedHashSet<>();
        Optional<TableRule> tableRule = rule.findTableRule(table);
        if (tableRule.isEmpty() && !table.equals(lower)) {
            tableRule = rule.findTableRule(lower);
        }
        tableRule.ifPresent(t -> {
            for (String c : t.shardingColumns()) {
                cols.add(c.toLowerCase(Locale.ROOT));
            }
            t.keyGeneration().ifPresent(k -> cols.add(k.column().toLowerCase(Locale.ROOT)));
        });
        cols.addAll(configuredKeys.getOrDefault(lower, List.of()));
        List<String> out = List.copyOf(cols);
        // Bounded by the statements' table names; only names the application uses arrive here.
        if (keyColumns.size() < 10_000) {
            keyColumns.put(lower, out);
        }
        return out;
    }

    /**
     * The keys of one statement.
     *
     * @param statement     the parsed statement
     * @param parameters    its parameters (0-based)
     * @param generatedKeys keys Shardline generated for an INSERT, or null
     */
    public StatementKeys extract(ParsedStatement statement, List<?> parameters, GeneratedKeys generatedKeys) {
        StatementFacts facts = statement.facts();
        List<TableRef> refs = facts.tables();
        if (refs.isEmpty()) {
            return facts.kind() == StatementKind.SELECT || facts.kind() == StatementKind.SHOW
                    || facts.kind() == StatementKind.EXPLAIN ? StatementKeys.NONE
                    : new StatementKeys(true, List.of());
        }
        boolean read = facts.kind() == StatementKind.SELECT || facts.kind() == StatementKind.SHOW
                || facts.kind() == StatementKind.EXPLAIN;
        boolean analysed = facts.analysis() == Analysis.FULL && !facts.hasUnion();
        List<TableAccess> out = new ArrayList<>(refs.size());
        int outer = 0;
        for (TableRef ref : refs) {
            if (!ref.inSubquery()) {
                outer++;
            }
        }
        switch (facts.kind()) {
            case SELECT, UPDATE, DELETE -> {
                boolean keyed = analysed && (read || !facts.hasJoin());
                for (TableRef ref : refs) {
                    String table = ref.name().toLowerCase(Locale.ROOT);
                    List<String> keys = keyColumns(ref.name());
                    if (!keyed || ref.inSubquery() || keys.isEmpty() || facts.where().isEmpty()) {
                        add(out, TableAccess.wholeTable(table, keys));
                        continue;
                    }
                    List<String> pinnedColumns = new ArrayList<>(2);
                    List<List<Object>> pinnedValues = new ArrayList<>(2);
                    pins(facts.where().get(), ref, outer == 1, keys, statement, parameters, pinnedColumns, pinnedValues);
                    if (!read) {
                        unpinAssigned(facts.assignments(), statement, parameters, pinnedColumns, pinnedValues);
                    }
                    add(out, new TableAccess(table, keys, pinnedColumns, pinnedValues));
                }
            }
            case INSERT -> {
                TableRef target = refs.get(0);
                String table = target.name().toLowerCase(Locale.ROOT);
                List<String> keys = keyColumns(target.name());
                Optional<InsertFacts> insert = facts.insert();
                if (!analysed || insert.isEmpty() || insert.get().fromSelect()
                        || !insert.get().onDuplicateKeyUpdate().isEmpty() || keys.isEmpty()) {
                    // ON DUPLICATE KEY UPDATE may change a row found by another unique key: not the keys written.
                    add(out, TableAccess.wholeTable(table, keys));
                } else {
                    add(out, insertPins(table, keys, insert.get(), statement, parameters, generatedKeys));
                }
                for (int i = 1; i < refs.size(); i++) {
                    add(out, TableAccess.wholeTable(refs.get(i).name().toLowerCase(Locale.ROOT),
                            keyColumns(refs.get(i).name())));
                }
            }
            default -> {
                // REPLACE (deletes rows conflicting on any unique key), DDL and the rest: whole tables.
                for (TableRef ref : refs) {
                    add(out, TableAccess.wholeTable(ref.name().toLowerCase(Locale.ROOT), keyColumns(ref.name())));
                }
            }
        }
        return new StatementKeys(!read, out);
    }

    /** One entry per table: a second reference to the same table widens it to the whole table. */
    private static void add(List<TableAccess> out, TableAccess access) {
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).table().equals(access.table())) {
                if (!out.get(i).equals(access)) {
                    out.set(i, TableAccess.wholeTable(access.table(), access.keyColumns()));
                }
                return;
            }
        }
        out.add(access);
    }

    private static void pins(Predicate where, TableRef ref, boolean onlyTable, List<String> keys,
            ParsedStatement statement, List<?> parameters, List<String> columns, List<List<Object>> values) {
        if (where instanceof Predicate.And and) {
            for (Predicate child : and.children()) {
                pins(child, ref, onlyTable, keys, statement, parameters, columns, values);
            }
            return;
        }
        io.shardline.sql.facts.ColumnRef column;
        List<Value> raw;
        if (where instanceof Predicate.Comparison c && c.operator() == ComparisonOperator.EQ) {
            column = c.column();
            raw = List.of(c.value());
        } else if (where instanceof Predicate.In in) {
            column = in.column();
            raw = in.values();
        } else {
            return;
        }
        if (!belongs(column, ref, onlyTable)) {
            return;
        }
        String name = column.name().toLowerCase(Locale.ROOT);
        if (!keys.contains(name) || columns.contains(name)) {
            return;
        }
        List<Object> canonical = new ArrayList<>(raw.size());
        for (Value v : raw) {
            Optional<Object> resolved = resolve(statement, v, parameters);
            if (resolved == null) {
                return; // an expression: this conjunct pins nothing we can name
            }
            Object c = resolved.isEmpty() ? null : KeyValues.canonical(resolved.get());
            if (c != null) {
                canonical.add(c);
            }
        }
        columns.add(name);
        values.add(List.copyOf(canonical));
    }

    /** An UPDATE that assigns a pinned key column moves rows to the new value: add it, or unpin if unknown. */
    private static void unpinAssigned(List<Assignment> assignments, ParsedStatement statement, List<?> parameters,
            List<String> columns, List<List<Object>> values) {
        for (Assignment a : assignments) {
            int i = columns.indexOf(a.column().name().toLowerCase(Locale.ROOT));
            if (i < 0) {
                continue;
            }
            Optional<Object> resolved = resolve(statement, a.value(), parameters);
            if (resolved == null) {
                columns.remove(i);
                values.remove(i);
                continue;
            }
            List<Object> widened = new ArrayList<>(values.get(i));
            resolved.map(KeyValues::canonical).ifPresent(widened::add);
            values.set(i, List.copyOf(widened));
        }
    }

    private TableAccess insertPins(String table, List<String> keys, InsertFacts insert, ParsedStatement statement,
            List<?> parameters, GeneratedKeys generatedKeys) {
        List<String> pinnedColumns = new ArrayList<>(keys.size());
        List<List<Object>> pinnedValues = new ArrayList<>(keys.size());
        List<String> lowerColumns = new ArrayList<>(insert.columns().size());
        for (String c : insert.columns()) {
            lowerColumns.add(c.toLowerCase(Locale.ROOT));
        }
        for (String key : keys) {
            int index = lowerColumns.indexOf(key);
            if (index < 0) {
                if (generatedKeys != null && generatedKeys.column().equalsIgnoreCase(key)) {
                    List<Object> canonical = new ArrayList<>(generatedKeys.values().size());
                    for (Object v : generatedKeys.values()) {
                        Object c = KeyValues.canonical(v);
                        if (c != null) {
                            canonical.add(c);
                        }
                    }
                    pinnedColumns.add(key);
                    pinnedValues.add(canonical);
                }
                continue; // not written by the statement (AUTO_INCREMENT or default): that column stays unpinned
            }
            List<Object> canonical = new ArrayList<>(insert.rows().size());
            boolean known = true;
            for (InsertRow row : insert.rows()) {
                if (index >= row.values().size()) {
                    known = false;
                    break;
                }
                Optional<Object> resolved = resolve(statement, row.values().get(index), parameters);
                if (resolved == null) {
                    known = false;
                    break;
                }
                Object c = resolved.isEmpty() ? null : KeyValues.canonical(resolved.get());
                if (c != null) {
                    canonical.add(c);
                }
            }
            if (known) {
                pinnedColumns.add(key);
                pinnedValues.add(canonical);
            }
        }
        return new TableAccess(table, keys, pinnedColumns, pinnedValues);
    }

    /** The value, {@code Optional.empty()} for SQL NULL, or null when it is an expression. */
    private static Optional<Object> resolve(ParsedStatement statement, Value value, List<?> parameters) {
        if (value instanceof Value.Expression) {
            return null;
        }
        if (value instanceof Value.Parameter p && p.index() >= parameters.size()) {
            return null;
        }
        return statement.resolve(value, parameters);
    }

    private static boolean belongs(io.shardline.sql.facts.ColumnRef column, TableRef ref, boolean onlyTable) {
        if (column.qualifier().isEmpty()) {
            return onlyTable;
        }
        String q = column.qualifier().get();
        int dot = q.lastIndexOf('.');
        String last = dot < 0 ? q : q.substring(dot + 1);
        if (ref.alias().isPresent()) {
            return ref.alias().get().equalsIgnoreCase(last);
        }
        return ref.name().equalsIgnoreCase(last);
    }
}

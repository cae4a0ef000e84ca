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
     * The keys of one statement, from its text: the extraction plan is compiled once per distinct SQL text (bounded
     * cache) so that the read path pays neither a second parse nor a walk of the facts, only the binding of this
     * execution's parameters.
     *
     * @param sql           the statement as the application sent it
     * @param parser        parses {@code sql} on a cache miss
     * @param parameters    its parameters (0-based)
     * @param generatedKeys keys Shardline generated for an INSERT, or null
     */
    public StatementKeys extract(String sql, io.shardline.sql.SqlParser parser, List<?> parameters,
            GeneratedKeys generatedKeys) {
        KeyPlan plan = plans.get(sql);
        if (plan == null) {
            plan = compile(parser.parse(sql));
            if (plans.size() < MAX_PLANS) {
                plans.put(sql, plan);
            }
        }
        return plan.bind(parameters, generatedKeys);
    }

    /**
     * The keys of one parsed statement.
     *
     * @param statement     the parsed statement
     * @param parameters    its parameters (0-based)
     * @param generatedKeys keys Shardline generated for an INSERT, or null
     */
    public StatementKeys extract(ParsedStatement statement, List<?> parameters, GeneratedKeys generatedKeys) {
        return compile(statement).bind(parameters, generatedKeys);
    }

    private static final int MAX_PLANS = 10_000;
    private final ConcurrentHashMap<String, KeyPlan> plans = new ConcurrentHashMap<>();

    /** Where a key value comes from: a parameter (by index) or a constant of the text (already canonical). */
    private record ValueRef(int parameter, Object constant) {
        static final ValueRef NULL = new ValueRef(-1, null);
    }

    /** A pinned key column: its values, or the generated keys. */
    private record PinPlan(String column, List<ValueRef> values, boolean generated) {
    }

    private record TablePlan(String table, List<String> keys, List<PinPlan> pins) {
        TableAccess bind(List<?> parameters, GeneratedKeys generatedKeys) {
            if (pins.isEmpty()) {
                return TableAccess.wholeTable(table, keys);
            }
            List<String> columns = new ArrayList<>(pins.size());
            List<List<Object>> values = new ArrayList<>(pins.size());
            for (int p = 0; p < pins.size(); p++) {
                PinPlan pin = pins.get(p);
                List<Object> bound;
                if (pin.generated()) {
                    if (generatedKeys == null || !generatedKeys.column().equalsIgnoreCase(pin.column())) {
                        continue;
                    }
                    bound = new ArrayList<>(generatedKeys.values().size());
                    for (Object v : generatedKeys.values()) {
                        Object c = KeyValues.canonical(v);
                        if (c != null) {
                            bound.add(c);
                        }
                    }
                } else {
                    bound = new ArrayList<>(pin.values().size());
                    boolean known = true;
                    for (int i = 0; i < pin.values().size(); i++) {
                        ValueRef ref = pin.values().get(i);
                        if (ref.parameter() >= 0) {
                            if (ref.parameter() >= parameters.size()) {
                                known = false;
                                break;
                            }
                            Object c = KeyValues.canonical(parameters.get(ref.parameter()));
                            if (c != null) {
                                bound.add(c);
                            }
                        } else if (ref.constant() != null) {
                            bound.add(ref.constant());
                        }
                    }
                    if (!known) {
                        continue;
                    }
                }
                columns.add(pin.column());
                values.add(bound);
            }
            return new TableAccess(table, keys, columns, values);
        }
    }

    /** The extraction of one statement text, values still to bind. */
    private record KeyPlan(boolean write, List<TablePlan> tables) {
        StatementKeys bind(List<?> parameters, GeneratedKeys generatedKeys) {
            if (tables.isEmpty()) {
                return write ? new StatementKeys(true, List.of()) : StatementKeys.NONE;
            }
            if (tables.size() == 1) {
                return new StatementKeys(write, List.of(tables.get(0).bind(parameters, generatedKeys)));
            }
            List<TableAccess> out = new ArrayList<>(tables.size());
            for (TablePlan t : tables) {
                out.add(t.bind(parameters, generatedKeys));
            }
            return new StatementKeys(write, out);
        }
    }

    private KeyPlan compile(ParsedStatement statement) {
        StatementFacts facts = statement.facts();
        List<TableRef> refs = facts.tables();
        boolean read = facts.kind() == StatementKind.SELECT || facts.kind() == StatementKind.SHOW
                || facts.kind() == StatementKind.EXPLAIN;
        if (refs.isEmpty()) {
            return new KeyPlan(!read, List.of());
        }
        boolean analysed = facts.analysis() == Analysis.FULL && !facts.hasUnion();
        List<TablePlan> out = new ArrayList<>(refs.size());
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
                        add(out, new TablePlan(table, keys, List.of()));
                        continue;
                    }
                    List<PinPlan> pins = new ArrayList<>(2);
                    pins(facts.where().get(), ref, outer == 1, keys, statement, pins);
                    if (!read) {
                        assigned(facts.assignments(), statement, pins);
                    }
                    add(out, new TablePlan(table, keys, List.copyOf(pins)));
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
                    add(out, new TablePlan(table, keys, List.of()));
                } else {
                    add(out, new TablePlan(table, keys, insertPins(keys, insert.get(), statement)));
                }
                for (int i = 1; i < refs.size(); i++) {
                    add(out, new TablePlan(refs.get(i).name().toLowerCase(Locale.ROOT), keyColumns(refs.get(i).name()),
                            List.of()));
                }
            }
            default -> {
                // REPLACE (deletes rows conflicting on any unique key), DDL and the rest: whole tables.
                for (TableRef ref : refs) {
                    add(out, new TablePlan(ref.name().toLowerCase(Locale.ROOT), keyColumns(ref.name()), List.of()));
                }
            }
        }
        return new KeyPlan(!read, List.copyOf(out));
    }

    /** One entry per table: a second reference to the same table widens it to the whole table. */
    private static void add(List<TablePlan> out, TablePlan plan) {
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).table().equals(plan.table())) {
                if (!out.get(i).equals(plan)) {
                    out.set(i, new TablePlan(plan.table(), plan.keys(), List.of()));
                }
                return;
            }
        }
        out.add(plan);
    }

    private static void pins(Predicate where, TableRef ref, boolean onlyTable, List<String> keys,
            ParsedStatement statement, List<PinPlan> pins) {
        if (where instanceof Predicate.And and) {
            for (Predicate child : and.children()) {
                pins(child, ref, onlyTable, keys, statement, pins);
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
        if (!keys.contains(name) || indexOf(pins, name) >= 0) {
            return;
        }
        List<ValueRef> refs = new ArrayList<>(raw.size());
        for (Value v : raw) {
            ValueRef r = ref(statement, v);
            if (r == null) {
                return; // an expression: this conjunct pins nothing we can name
            }
            refs.add(r);
        }
        pins.add(new PinPlan(name, List.copyOf(refs), false));
    }

    private static int indexOf(List<PinPlan> pins, String column) {
        for (int i = 0; i < pins.size(); i++) {
            if (pins.get(i).column().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** An UPDATE that assigns a pinned key column moves rows to the new value: add it, or unpin if unknown. */
    private static void assigned(List<Assignment> assignments, ParsedStatement statement, List<PinPlan> pins) {
        for (Assignment a : assignments) {
            int i = indexOf(pins, a.column().name().toLowerCase(Locale.ROOT));
            if (i < 0) {
                continue;
            }
            ValueRef r = ref(statement, a.value());
            if (r == null) {
                pins.remove(i);
                continue;
            }
            List<ValueRef> widened = new ArrayList<>(pins.get(i).values());
            widened.add(r);
            pins.set(i, new PinPlan(pins.get(i).column(), List.copyOf(widened), false));
        }
    }

    private static List<PinPlan> insertPins(List<String> keys, InsertFacts insert, ParsedStatement statement) {
        List<PinPlan> pins = new ArrayList<>(keys.size());
        List<String> lowerColumns = new ArrayList<>(insert.columns().size());
        for (String c : insert.columns()) {
            lowerColumns.add(c.toLowerCase(Locale.ROOT));
        }
        for (String key : keys) {
            int index = lowerColumns.indexOf(key);
            if (index < 0) {
                // Not written by the text: Shardline's generated keys when bound, else (AUTO_INCREMENT, default)
                // the column stays unpinned.
                pins.add(new PinPlan(key, List.of(), true));
                continue;
            }
            List<ValueRef> refs = new ArrayList<>(insert.rows().size());
            boolean known = true;
            for (InsertRow row : insert.rows()) {
                ValueRef r = index < row.values().size() ? ref(statement, row.values().get(index)) : null;
                if (r == null) {
                    known = false;
                    break;
                }
                refs.add(r);
            }
            if (known) {
                pins.add(new PinPlan(key, List.copyOf(refs), false));
            }
        }
        return List.copyOf(pins);
    }

    /** A parameter or a literal of the text (canonical), {@link ValueRef#NULL} for NULL; null for an expression. */
    private static ValueRef ref(ParsedStatement statement, Value value) {
        if (value instanceof Value.Parameter p) {
            return new ValueRef(p.index(), null);
        }
        if (value instanceof Value.Literal) {
            Optional<Object> resolved = statement.resolve(value, List.of());
            Object c = resolved.isEmpty() ? null : KeyValues.canonical(resolved.get());
            return c == null ? ValueRef.NULL : new ValueRef(-1, c);
        }
        return null;
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

package io.shardline.consistency.cache;

import io.shardline.consistency.ryw.KeyExtractor;
import io.shardline.consistency.ryw.KeyValues;
import io.shardline.consistency.ryw.StatementKeys;
import io.shardline.consistency.ryw.TableAccess;
import io.shardline.router.plan.GeneratedKeys;
import io.shardline.router.rule.ShardingRule;
import io.shardline.sql.ParsedStatement;
import io.shardline.sql.SqlParser;
import io.shardline.sql.facts.Analysis;
import io.shardline.sql.facts.LockMode;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.StatementKind;
import io.shardline.sql.facts.TableRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The result cache of one {@code ShardlineDataSource}: point lookups of configured tables, cached per (table, key,
 * normalized statement, parameters), every entry with its table's TTL.
 *
 * <p>A statement is cacheable when it is a SELECT of one configured table, without join, subquery, UNION or locking
 * clause, fully analysed, whose WHERE pins every key column to one value ({@code =} in a top-level AND). Key
 * extraction is {@link KeyExtractor}'s, the same as read-your-writes uses; the shape check is compiled once per
 * distinct statement text.
 *
 * <p>Writes evict the keys they pin ({@link #evict(StatementKeys, EvictionCause)}), or their whole table when they
 * pin no key; the binlog followers evict again through {@link BinlogEvictor}. Thread-safe.
 */
public final class QueryCache {

    private static final Logger LOG = LoggerFactory.getLogger(QueryCache.class);
    private static final int MAX_SHAPES = 10_000;
    /** Past this many keys, a write's key set (a cross product of IN lists) evicts its whole table instead. */
    private static final int MAX_EVICTED_KEYS = 10_000;

    /** Where a cacheable statement's rows live. */
    private record Shape(TableCache table, String normalized) {
    }

    private static final Shape NOT_CACHEABLE = new Shape(null, "");

    private final Map<String, TableCache> tables;
    private final KeyExtractor extractor;
    private final SqlParser parser;
    private final ConcurrentHashMap<String, Shape> shapes = new ConcurrentHashMap<>();
    private final List<RowAppliedListener> listeners = new CopyOnWriteArrayList<>();
    final CacheCounters counters = new CacheCounters();

    /**
     * @param rule     the sharding rule (key extraction knows its sharding columns)
     * @param parser   the DataSource's parser (its parse cache is shared)
     * @param settings one entry per cached table
     */
    public QueryCache(ShardingRule rule, SqlParser parser, Collection<CacheTableSettings> settings) {
        this.parser = parser;
        Map<String, TableCache> byName = new LinkedHashMap<>();
        Map<String, List<String>> keyColumns = new LinkedHashMap<>();
        for (CacheTableSettings s : settings) {
            String name = s.table().toLowerCase(Locale.ROOT);
            byName.put(name, new TableCache(s, counters));
            keyColumns.put(name, s.keyColumns());
        }
        this.tables = Map.copyOf(byName);
        this.extractor = new KeyExtractor(rule, keyColumns);
    }

    /** A cacheable read, with the generation token taken before it reads the database. */
    public static final class Lookup {
        private final TableCache table;
        private final Object key;
        private final Variant variant;
        private final long token;

        private Lookup(TableCache table, Object key, Variant variant, long token) {
            this.table = table;
            this.key = key;
            this.variant = variant;
            this.token = token;
        }

        /** The logical table, lower case. */
        public String table() {
            return table.settings.table().toLowerCase(Locale.ROOT);
        }

        /** The canonical key (one value, or a list for several key columns). */
        public Object key() {
            return key;
        }
    }

    /**
     * The lookup for {@code sql} with these parameters when it is cacheable; empty otherwise. Call it before the
     * statement reads the database: the token it takes is what closes the race with evictions.
     */
    public Optional<Lookup> lookup(String sql, List<?> parameters) {
        Shape shape = shapes.get(sql);
        if (shape == null) {
            shape = compile(sql);
            if (shapes.size() < MAX_SHAPES) {
                shapes.put(sql, shape);
            }
        }
        if (shape == NOT_CACHEABLE) {
            return Optional.empty();
        }
        StatementKeys keys = extractor.extract(sql, parser, parameters, null);
        if (keys.tables().size() != 1) {
            return Optional.empty();
        }
        Object key = singleKey(shape.table().settings.keyColumns(), keys.tables().get(0));
        if (key == null) {
            return Optional.empty();
        }
        TableCache table = shape.table();
        return Optional.of(new Lookup(table, key, new Variant(shape.normalized(), variantParameters(parameters)),
                table.token(key)));
    }

    /** The cached rows of a lookup (a hit), or empty (a miss); counts either. */
    public Optional<CachedResult> get(Lookup lookup) {
        CachedResult result = lookup.table.get(lookup.key, lookup.variant, System.nanoTime());
        if (result == null) {
            counters.misses.increment();
            return Optional.empty();
        }
        counters.hits.increment();
        return Optional.of(result);
    }

    /**
     * Puts the rows a miss read, unless an eviction of its key happened since its {@link #lookup}: then they may be
     * older than the eviction and are dropped.
     *
     * @return whether the rows were stored
     */
    public boolean fill(Lookup lookup, CachedResult result) {
        boolean stored = lookup.table.put(lookup.key, lookup.variant, result, lookup.token, System.nanoTime());
        if (stored) {
            counters.fills.increment();
        } else {
            counters.refusedFills.increment();
        }
        return stored;
    }

    /** The tables and keys a write statement touches (extracted as read-your-writes extracts them). */
    public StatementKeys writeKeys(String sql, List<?> parameters, GeneratedKeys generatedKeys) {
        StatementKeys keys = extractor.extract(sql, parser, parameters, generatedKeys);
        if (keys.tables().isEmpty() && keys.write() && !changesRows(sql)) {
            return StatementKeys.NONE; // SET, USE, BEGIN, ...: no table, and no reason to flush every table
        }
        return keys;
    }

    /** Whether a statement that names no table may still change rows (DML or DDL the parser could not place). */
    private boolean changesRows(String sql) {
        try {
            return switch (parser.parse(sql).facts().kind()) {
                case SELECT, SET, USE, SHOW, EXPLAIN, BEGIN, COMMIT, ROLLBACK, SAVEPOINT, XA, LOCK_TABLES -> false;
                default -> true;
            };
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** True when the statement's keys touch a cached table, or name no table at all (then every table counts). */
    public boolean touchesCachedTable(StatementKeys keys) {
        if (keys.tables().isEmpty()) {
            return keys.write();
        }
        for (TableAccess a : keys.tables()) {
            if (tables.containsKey(a.table())) {
                return true;
            }
        }
        return false;
    }

    /** Evicts what a write touched: its keys, or its whole table when it pins no key. */
    public void evict(StatementKeys keys, EvictionCause cause) {
        if (keys.tables().isEmpty()) {
            if (keys.write()) {
                evictAll(cause);
            }
            return;
        }
        for (TableAccess a : keys.tables()) {
            TableCache t = tables.get(a.table());
            if (t != null) {
                evict(t, a, cause);
            }
        }
    }

    private static void evict(TableCache t, TableAccess a, EvictionCause cause) {
        List<String> keyColumns = t.settings.keyColumns();
        List<List<Object>> values = new ArrayList<>(keyColumns.size());
        long combinations = 1;
        for (String column : keyColumns) {
            int i = a.pinnedColumns().indexOf(column);
            if (i < 0) {
                t.evictAll(cause);
                return;
            }
            values.add(a.pinnedValues().get(i));
            combinations *= Math.max(1, a.pinnedValues().get(i).size());
            if (combinations > MAX_EVICTED_KEYS) {
                t.evictAll(cause);
                return;
            }
        }
        if (keyColumns.size() == 1) {
            for (Object v : values.get(0)) {
                t.evict(v, cause);
            }
            return;
        }
        List<List<Object>> keys = new ArrayList<>();
        keys.add(List.of());
        for (List<Object> column : values) {
            List<List<Object>> next = new ArrayList<>(keys.size() * column.size());
            for (List<Object> prefix : keys) {
                for (Object v : column) {
                    List<Object> k = new ArrayList<>(prefix);
                    k.add(v);
                    next.add(List.copyOf(k));
                }
            }
            keys = next;
        }
        for (List<Object> k : keys) {
            t.evict(k, cause);
        }
    }

    /**
     * Evicts one row's key, given its columns (lower case) and canonical values; the whole table when a key column
     * is missing or NULL.
     */
    void evictRow(TableCache t, Map<String, Object> row, EvictionCause cause) {
        List<String> keyColumns = t.settings.keyColumns();
        if (keyColumns.size() == 1) {
            Object v = row.get(keyColumns.get(0));
            if (v == null) {
                t.evictAll(cause);
            } else {
                t.evict(v, cause);
            }
            return;
        }
        List<Object> key = new ArrayList<>(keyColumns.size());
        for (String c : keyColumns) {
            Object v = row.get(c);
            if (v == null) {
                t.evictAll(cause);
                return;
            }
            key.add(v);
        }
        t.evict(List.copyOf(key), cause);
    }

    /** Evicts every entry of one table (unknown tables: nothing). */
    public void evictTable(String table, EvictionCause cause) {
        TableCache t = tables.get(table.toLowerCase(Locale.ROOT));
        if (t != null) {
            t.evictAll(cause);
        }
    }

    /** Evicts every entry. */
    public void evictAll(EvictionCause cause) {
        for (TableCache t : tables.values()) {
            t.evictAll(cause);
        }
    }

    /** The cache of a logical table (lower case), if it is cached. */
    Optional<TableCache> table(String table) {
        return Optional.ofNullable(tables.get(table));
    }

    /** The cached logical tables, lower case. */
    public Set<String> tables() {
        return tables.keySet();
    }

    /** The key columns a logical table's rows are identified by (cache key columns, else sharding/generated). */
    public List<String> keyColumns(String table) {
        TableCache t = tables.get(table);
        return t != null ? t.settings.keyColumns() : extractor.keyColumns(table);
    }

    // ---- listeners ----------------------------------------------------------------------------------

    /** Adds a listener told about every row the followed replicas apply. */
    public void addListener(RowAppliedListener listener) {
        listeners.add(listener);
    }

    public void removeListener(RowAppliedListener listener) {
        listeners.remove(listener);
    }

    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    void notifyListeners(String table, List<Map<String, Object>> keys, String gtid, String replica) {
        for (RowAppliedListener l : listeners) {
            try {
                l.onRowApplied(table, keys, gtid, replica);
            } catch (RuntimeException e) {
                LOG.warn("Cache listener {} failed on table {} (gtid {}, {}): {}", l, table, gtid, replica,
                        e.toString(), e);
            }
        }
    }

    // ---- metrics and inspection ---------------------------------------------------------------------

    /** Counters since start. Caffeine's TTL and size evictions are counted when its maintenance runs. */
    public CacheMetrics metrics() {
        for (TableCache t : tables.values()) {
            t.cleanUp();
        }
        return counters.snapshot();
    }

    /** One cached statement, for inspection (the proof compares every entry with the master). */
    public record Entry(String table, Object key, String sql, List<Object> parameters, CachedResult result) {
    }

    /** Every entry held now (entries past their TTL included until Caffeine removes them; they are not served). */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        long now = System.nanoTime();
        for (Map.Entry<String, TableCache> t : tables.entrySet()) {
            for (Map.Entry<Object, Slot> e : t.getValue().snapshot().entrySet()) {
                for (Slot.Entry s : e.getValue().entries()) {
                    if (now - s.filledAt() < t.getValue().ttlNanos) {
                        out.add(new Entry(t.getKey(), e.getKey(), s.variant().sql(), s.variant().parameters(),
                                s.result()));
                    }
                }
            }
        }
        return out;
    }

    /** Keys held by a table's cache (estimate). */
    public long size(String table) {
        TableCache t = tables.get(table.toLowerCase(Locale.ROOT));
        return t == null ? 0 : t.size();
    }

    // ---- compilation --------------------------------------------------------------------------------

    private Shape compile(String sql) {
        ParsedStatement parsed;
        try {
            parsed = parser.parse(sql);
        } catch (RuntimeException e) {
            return NOT_CACHEABLE;
        }
        StatementFacts f = parsed.facts();
        if (f.kind() != StatementKind.SELECT || f.analysis() != Analysis.FULL || f.hasUnion() || f.hasJoin()
                || f.hasSubquery() || f.lockMode() != LockMode.NONE || f.tables().size() != 1 || f.where().isEmpty()
                || !f.sessionVariables().isEmpty()) {
            return NOT_CACHEABLE;
        }
        TableRef ref = f.tables().get(0);
        TableCache table = tables.get(ref.name().toLowerCase(Locale.ROOT));
        if (table == null) {
            return NOT_CACHEABLE;
        }
        return new Shape(table, normalize(sql));
    }

    private static Object singleKey(List<String> keyColumns, TableAccess access) {
        if (keyColumns.size() == 1) {
            return single(access, keyColumns.get(0));
        }
        List<Object> key = new ArrayList<>(keyColumns.size());
        for (String c : keyColumns) {
            Object v = single(access, c);
            if (v == null) {
                return null;
            }
            key.add(v);
        }
        return List.copyOf(key);
    }

    private static Object single(TableAccess access, String column) {
        List<String> pinned = access.pinnedColumns();
        for (int i = 0; i < pinned.size(); i++) {
            if (pinned.get(i).equals(column)) {
                List<Object> values = access.pinnedValues().get(i);
                return values.size() == 1 ? values.get(0) : null;
            }
        }
        return null;
    }

    /** Parameters as a value list that compares by content (byte arrays by their bytes). */
    private static List<Object> variantParameters(List<?> parameters) {
        int n = parameters.size();
        if (n == 0) {
            return List.of();
        }
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            Object p = parameters.get(i);
            out[i] = p instanceof byte[] ? KeyValues.canonical(p) : p;
        }
        return java.util.Arrays.asList(out);
    }

    /** Whitespace runs outside quotes become one space; leading and trailing whitespace goes. */
    static String normalize(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        char quote = 0;
        boolean space = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < sql.length()) {
                    out.append(sql.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            }
            out.append(c);
        }
        return out.toString();
    }
}

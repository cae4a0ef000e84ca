package io.shardline.consistency.cache;

import io.shardline.consistency.binlog.BinlogEndpoint;
import io.shardline.consistency.binlog.BinlogSink;
import io.shardline.consistency.binlog.RowsEvent;
import io.shardline.consistency.ryw.KeyValues;
import io.shardline.router.rule.DataNode;
import io.shardline.router.rule.ShardingRule;
import io.shardline.router.rule.TableRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Turns what the binlog followers read into evictions and listener calls: the actual table of a row event is mapped
 * back to its logical table through the sharding rule (data source + actual table), each row image's key is
 * evicted, and listeners get the keys.
 *
 * <p>A server writes a transaction to its binlog just before the storage engine makes it visible, so a read on the
 * replica in that instant can still see the old row after the follower's eviction. Each eviction is therefore
 * repeated {@code settleMillis} later (the exact form of "delayed double delete": delayed from the moment the
 * replica applied the row, not from the write).
 */
public final class BinlogEvictor implements BinlogSink, AutoCloseable {

    private final QueryCache cache;
    private final Map<String, String> logicalNames;
    private final long settleMillis;
    private final ScheduledExecutorService settle;
    private final Consumer<Runnable> later;

    /**
     * @param cache        the cache to evict from and whose listeners to call
     * @param rule         maps actual tables of each data source to logical tables
     * @param settleMillis delay of the repeated eviction (0: none)
     */
    public BinlogEvictor(QueryCache cache, ShardingRule rule, long settleMillis) {
        this(cache, rule, settleMillis, null);
    }

    /** With {@code later} running the repeated evictions instead of a timer (tests run them when they choose). */
    BinlogEvictor(QueryCache cache, ShardingRule rule, long settleMillis, Consumer<Runnable> later) {
        this.cache = cache;
        this.logicalNames = logicalNames(rule);
        this.settleMillis = settleMillis;
        this.settle = settleMillis <= 0 || later != null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shardline-cache-settle");
            t.setDaemon(true);
            return t;
        });
        this.later = later;
    }

    /** {@code dataSource.actualTable} (lower case) → logical table (lower case). */
    static Map<String, String> logicalNames(ShardingRule rule) {
        Map<String, String> out = new HashMap<>();
        for (TableRule table : rule.tableRules()) {
            for (DataNode node : table.dataNodes()) {
                out.put(node.dataSource().toLowerCase(Locale.ROOT) + "." + node.table().toLowerCase(Locale.ROOT),
                        table.logicTable().toLowerCase(Locale.ROOT));
            }
        }
        return Map.copyOf(out);
    }

    /** The logical table of an actual table of a data source: the rule's, else its own name (single tables). */
    String logical(String dataSource, String actualTable) {
        String actual = actualTable.toLowerCase(Locale.ROOT);
        return logicalNames.getOrDefault(dataSource.toLowerCase(Locale.ROOT) + "." + actual, actual);
    }

    @Override
    public void rowsApplied(RowsEvent event) {
        cache.counters.binlogEvents.increment();
        String table = logical(event.source().dataSource(), event.table());
        Optional<TableCache> cached = cache.table(table);
        boolean listeners = cache.hasListeners();
        if (cached.isEmpty() && !listeners) {
            return;
        }
        List<String> keyColumns = cache.keyColumns(table);
        List<String> columns = event.columns();
        List<Map<String, Object>> keys = new ArrayList<>(event.rows().size());
        for (Object[] row : event.rows()) {
            keys.add(keyOf(columns, row, keyColumns));
        }
        cached.ifPresent(t -> evictRows(t, keys, columns.isEmpty()));
        if (listeners) {
            cache.notifyListeners(table, List.copyOf(keys), event.gtid(), event.source().describe());
        }
    }

    private void evictRows(TableCache t, List<Map<String, Object>> keys, boolean noColumnNames) {
        if (noColumnNames) {
            // binlog_row_metadata is not FULL: columns are unnamed, so keys are unknown; the table goes.
            t.evictAll(EvictionCause.BINLOG);
            schedule(() -> t.evictAll(EvictionCause.BINLOG));
            return;
        }
        for (Map<String, Object> k : keys) {
            cache.evictRow(t, k, EvictionCause.BINLOG);
        }
        schedule(() -> {
            for (Map<String, Object> k : keys) {
                cache.evictRow(t, k, EvictionCause.BINLOG);
            }
        });
    }

    @Override
    public void statementApplied(BinlogEndpoint follower, String database, String sql, String gtid) {
        // DDL (or DML logged as a statement): the rows are unknown; every cached table it names goes.
        String lower = sql.toLowerCase(Locale.ROOT);
        for (String table : cache.tables()) {
            boolean named = lower.contains(table);
            for (Map.Entry<String, String> e : logicalNames.entrySet()) {
                if (!named && e.getValue().equals(table) && lower.contains(e.getKey().substring(
                        e.getKey().indexOf('.') + 1))) {
                    named = true;
                }
            }
            if (named) {
                cache.evictTable(table, EvictionCause.BINLOG);
                schedule(() -> cache.evictTable(table, EvictionCause.BINLOG));
            }
        }
    }

    private void schedule(Runnable again) {
        if (later != null) {
            later.accept(again);
        } else if (settle != null) {
            settle.schedule(again, settleMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** The key columns' canonical values of one row image (all columns when no key column is known). */
    private static Map<String, Object> keyOf(List<String> columns, Object[] row, List<String> keyColumns) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (columns.isEmpty()) {
            for (int i = 0; i < row.length; i++) {
                out.put("@" + (i + 1), KeyValues.canonical(row[i]));
            }
            return out;
        }
        if (keyColumns.isEmpty()) {
            for (int i = 0; i < row.length && i < columns.size(); i++) {
                out.put(columns.get(i), KeyValues.canonical(row[i]));
            }
            return out;
        }
        for (String k : keyColumns) {
            int i = columns.indexOf(k);
            out.put(k, i < 0 || i >= row.length ? null : KeyValues.canonical(row[i]));
        }
        return out;
    }

    @Override
    public void close() {
        if (settle != null) {
            settle.shutdownNow();
        }
    }
}

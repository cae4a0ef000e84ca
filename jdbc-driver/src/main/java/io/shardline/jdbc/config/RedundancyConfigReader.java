package io.shardline.jdbc.config;

import io.shardline.consistency.redundancy.RedundantTable;
import io.shardline.consistency.redundancy.RepairPolicy;
import io.shardline.router.rule.ShardingRule;
import io.shardline.router.rule.TableRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the {@code redundancy} section (structure pass), and checks it against the sharding rules (reference pass):
 * the copy and its source must be sharded tables, the copy's sharding column is the second key, and a column list
 * must hold the key columns.
 */
final class RedundancyConfigReader {

    static final List<String> SECTION_KEYS = List.of("tables", "reconcile");
    static final List<String> TABLE_KEYS = List.of("source", "key", "columns", "repair");
    static final List<String> RECONCILE_KEYS = List.of("chunkSize", "maxRowsPerSecond", "windowMs",
            "checkpointDirectory");

    /** A table as written, before the rules say which columns shard it. */
    record Declared(String copy, String source, String key, Optional<List<String>> columns, RepairPolicy policy,
            String path) {
    }

    /** What the structure pass read. */
    record Read(List<Declared> tables, RedundancyConfig.Reconcile reconcile) {
        static final Read NONE = new Read(List.of(), RedundancyConfig.Reconcile.DEFAULTS);
    }

    private final YamlNodeReader r;

    private RedundancyConfigReader(YamlNodeReader r) {
        this.r = r;
    }

    static Read read(YamlNodeReader r, Node node) {
        return new RedundancyConfigReader(r).section(node);
    }

    private Read section(Node node) {
        Map<String, Node> fields = r.mapping(node, "redundancy", SECTION_KEYS);
        if (fields == null) {
            return Read.NONE;
        }
        List<Declared> tables = new ArrayList<>();
        if (!fields.containsKey("tables")) {
            r.problem(node, "redundancy.tables", "required: declare at least one copy table");
        } else {
            tables = tables(fields.get("tables"));
        }
        RedundancyConfig.Reconcile reconcile = fields.containsKey("reconcile") ? reconcile(fields.get("reconcile"))
                : RedundancyConfig.Reconcile.DEFAULTS;
        return new Read(tables, reconcile);
    }

    private List<Declared> tables(Node node) {
        List<Declared> out = new ArrayList<>();
        Map<String, Node> entries = r.mapping(node, "redundancy.tables", null);
        if (entries == null) {
            return out;
        }
        if (entries.isEmpty()) {
            r.problem(node, "redundancy.tables", "declare at least one copy table (or leave the section out)");
        }
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            String path = "redundancy.tables." + e.getKey();
            Map<String, Node> fields = r.mapping(e.getValue(), path, TABLE_KEYS);
            if (fields == null) {
                continue;
            }
            String source = required(fields, e.getValue(), path, "source", "the table this one copies");
            String key = required(fields, e.getValue(), path, "key", "the source's primary key column");
            Optional<List<String>> columns = Optional.empty();
            boolean columnsOk = true;
            if (fields.containsKey("columns")) {
                Node c = fields.get("columns");
                if (c instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
                    String text = r.string(c, path + ".columns");
                    if ("keys".equalsIgnoreCase(text)) {
                        columns = Optional.of(List.of()); // resolved to the key columns by the reference pass
                    } else if (!"all".equalsIgnoreCase(text)) {
                        r.problem(c, path + ".columns", "expected all, keys or a list of columns but found '"
                                + text + "'");
                        columnsOk = false;
                    }
                } else {
                    List<String> list = r.stringList(c, path + ".columns");
                    if (list == null) {
                        columnsOk = false;
                    } else if (list.isEmpty()) {
                        r.problem(c, path + ".columns", "must list at least one column (or say all or keys)");
                        columnsOk = false;
                    } else {
                        columns = Optional.of(list);
                    }
                }
            }
            RepairPolicy policy = RepairPolicy.SOURCE_WINS;
            if (fields.containsKey("repair")) {
                String text = r.string(fields.get("repair"), path + ".repair");
                if ("sourceWins".equalsIgnoreCase(text) || "SOURCE_WINS".equalsIgnoreCase(text)) {
                    policy = RepairPolicy.SOURCE_WINS;
                } else if ("reportOnly".equalsIgnoreCase(text) || "REPORT_ONLY".equalsIgnoreCase(text)) {
                    policy = RepairPolicy.REPORT_ONLY;
                } else if (text != null) {
                    r.problem(fields.get("repair"), path + ".repair", "expected sourceWins or reportOnly but found '"
                            + text + "'");
                }
            }
            if (source != null && key != null && columnsOk) {
                out.add(new Declared(e.getKey(), source, key, columns, policy, path));
            }
        }
        return out;
    }

    private String required(Map<String, Node> fields, Node parent, String path, String key, String what) {
        if (!fields.containsKey(key)) {
            r.problem(parent, path + "." + key, "required: " + what);
            return null;
        }
        return r.requiredString(fields.get(key), path + "." + key);
    }

    private RedundancyConfig.Reconcile reconcile(Node node) {
        Map<String, Node> fields = r.mapping(node, "redundancy.reconcile", RECONCILE_KEYS);
        RedundancyConfig.Reconcile d = RedundancyConfig.Reconcile.DEFAULTS;
        if (fields == null) {
            return d;
        }
        long chunk = number(fields, "chunkSize", d.chunkSize(), 1);
        long rate = number(fields, "maxRowsPerSecond", d.maxRowsPerSecond(), 0);
        long window = number(fields, "windowMs", d.windowMs(), 1);
        Optional<String> dir = Optional.empty();
        if (fields.containsKey("checkpointDirectory")) {
            dir = Optional.ofNullable(r.requiredString(fields.get("checkpointDirectory"),
                    "redundancy.reconcile.checkpointDirectory"));
        }
        return new RedundancyConfig.Reconcile(chunk, rate, window, dir);
    }

    private long number(Map<String, Node> fields, String key, long absent, long min) {
        if (!fields.containsKey(key)) {
            return absent;
        }
        Long v = r.integer(fields.get(key), "redundancy.reconcile." + key);
        if (v == null) {
            return absent;
        }
        if (v < min) {
            r.problem(fields.get(key), "redundancy.reconcile." + key, "must be >= " + min + ", was " + v);
            return absent;
        }
        return v;
    }

    // ---- reference pass ----

    /** Resolves the declarations against the rules; reports contradictions on the declaration's lines. */
    static RedundancyConfig resolve(Read read, ShardingRule rule, YamlNodeReader r) {
        Map<String, RedundantTable> out = new LinkedHashMap<>();
        Set<String> copies = new LinkedHashSet<>();
        for (Declared d : read.tables()) {
            copies.add(d.copy().toLowerCase(Locale.ROOT));
        }
        for (Declared d : read.tables()) {
            Optional<TableRule> copyRule = rule.findTableRule(d.copy());
            Optional<TableRule> sourceRule = rule.findTableRule(d.source());
            boolean ok = true;
            if (copyRule.isEmpty()) {
                r.problem(d.path(), "the copy must be a sharded table of rules.tables (sharded by its second key); "
                        + "tables: " + tableNames(rule));
                ok = false;
            }
            if (sourceRule.isEmpty()) {
                r.problem(d.path() + ".source", "'" + d.source() + "' is not a sharded table of rules.tables (tables: "
                        + tableNames(rule) + ")");
                ok = false;
            } else if (d.source().equalsIgnoreCase(d.copy())) {
                r.problem(d.path() + ".source", "a table cannot be its own copy");
                ok = false;
            } else if (copies.contains(d.source().toLowerCase(Locale.ROOT))) {
                r.problem(d.path() + ".source", "'" + d.source() + "' is itself a copy; copy its source instead");
                ok = false;
            }
            if (!ok) {
                continue;
            }
            Set<String> copyColumns = copyRule.get().shardingColumns();
            if (copyColumns.size() != 1) {
                r.problem(d.path(), "the copy must be sharded by exactly one column (its second key); rules.tables."
                        + d.copy() + " is sharded by " + copyColumns);
                continue;
            }
            String secondKey = copyColumns.iterator().next();
            List<String> sourceColumns = new ArrayList<>(sourceRule.get().shardingColumns());
            if (RedundantTable.indexOf(sourceColumns, secondKey) >= 0) {
                r.problem(d.path(), "the copy is sharded by '" + secondKey + "', which also shards the source '"
                        + d.source() + "': the copy would add nothing");
                continue;
            }
            if (d.key().equalsIgnoreCase(secondKey)) {
                r.problem(d.path() + ".key", "the key '" + d.key() + "' is the copy's sharding column; name the "
                        + "source's primary key");
                continue;
            }
            Optional<List<String>> columns = d.columns();
            RedundantTable keysOnly = new RedundantTable(d.copy(), d.source(), d.key(), sourceColumns, secondKey,
                    Optional.empty(), d.policy());
            if (columns.isPresent() && columns.get().isEmpty()) {
                columns = Optional.of(keysOnly.keyColumns());
            } else if (columns.isPresent()) {
                List<String> missing = new ArrayList<>();
                for (String k : keysOnly.keyColumns()) {
                    if (RedundantTable.indexOf(columns.get(), k) < 0) {
                        missing.add(k);
                    }
                }
                if (!missing.isEmpty()) {
                    r.problem(d.path() + ".columns", "must include the key columns " + keysOnly.keyColumns()
                            + "; missing " + missing);
                    continue;
                }
            }
            out.put(d.copy(), new RedundantTable(d.copy(), d.source(), d.key(), sourceColumns, secondKey, columns,
                    d.policy()));
        }
        return new RedundancyConfig(out, read.reconcile());
    }

    private static List<String> tableNames(ShardingRule rule) {
        return rule.tableRules().stream().map(TableRule::logicTable).toList();
    }
}

package io.shardline.jdbc.config;

import io.shardline.consistency.cache.CacheTableSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the {@code cache} section. Every table needs its key columns and a TTL (no entry lives forever);
 * contradictions (a key column twice, binlog settings given with the followers disabled) are errors on their line.
 */
final class CacheConfigReader {

    static final List<String> CACHE_KEYS = List.of("tables", "binlog");
    static final List<String> TABLE_KEYS = List.of("keyColumns", "ttlMs", "maximumSize");
    static final List<String> BINLOG_KEYS = List.of("enabled", "username", "password", "serverIdBase", "settleMs");
    static final long DEFAULT_MAXIMUM_SIZE = 10_000;

    private final YamlNodeReader r;

    private CacheConfigReader(YamlNodeReader r) {
        this.r = r;
    }

    static CacheConfig read(YamlNodeReader r, Node node) {
        return new CacheConfigReader(r).cache(node);
    }

    private CacheConfig cache(Node node) {
        Map<String, Node> fields = r.mapping(node, "cache", CACHE_KEYS);
        if (fields == null) {
            return CacheConfig.NONE;
        }
        Map<String, CacheTableSettings> tables = new LinkedHashMap<>();
        if (!fields.containsKey("tables")) {
            r.problem(node, "cache.tables", "required: name the tables to cache");
        } else {
            tables = tables(fields.get("tables"));
        }
        CacheConfig.Binlog binlog = fields.containsKey("binlog") ? binlog(fields.get("binlog"))
                : CacheConfig.Binlog.DEFAULTS;
        return new CacheConfig(tables, binlog);
    }

    private Map<String, CacheTableSettings> tables(Node node) {
        Map<String, CacheTableSettings> out = new LinkedHashMap<>();
        Map<String, Node> entries = r.mapping(node, "cache.tables", null);
        if (entries == null) {
            return out;
        }
        if (entries.isEmpty()) {
            r.problem(node, "cache.tables", "name at least one table (or leave the cache section out)");
        }
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            String path = "cache.tables." + e.getKey();
            Map<String, Node> fields = r.mapping(e.getValue(), path, TABLE_KEYS);
            if (fields == null) {
                continue;
            }
            List<String> keyColumns = null;
            if (!fields.containsKey("keyColumns")) {
                r.problem(e.getValue(), path + ".keyColumns", "required: the columns that identify a cached row");
            } else {
                keyColumns = keyColumns(fields.get("keyColumns"), path + ".keyColumns");
            }
            Long ttl = null;
            if (!fields.containsKey("ttlMs")) {
                r.problem(e.getValue(), path + ".ttlMs", "required: every cache entry needs a TTL");
            } else {
                ttl = r.integer(fields.get("ttlMs"), path + ".ttlMs");
                if (ttl != null && ttl <= 0) {
                    r.problem(fields.get("ttlMs"), path + ".ttlMs", "must be > 0 (entries without a TTL are not "
                            + "allowed), was " + ttl);
                    ttl = null;
                }
            }
            Long maximumSize = DEFAULT_MAXIMUM_SIZE;
            if (fields.containsKey("maximumSize")) {
                maximumSize = r.integer(fields.get("maximumSize"), path + ".maximumSize");
                if (maximumSize != null && maximumSize <= 0) {
                    r.problem(fields.get("maximumSize"), path + ".maximumSize", "must be > 0, was " + maximumSize);
                    maximumSize = null;
                }
            }
            if (keyColumns != null && ttl != null && maximumSize != null) {
                out.put(e.getKey(), new CacheTableSettings(e.getKey(), keyColumns, ttl, maximumSize));
            }
        }
        return out;
    }

    private List<String> keyColumns(Node node, String path) {
        List<String> columns = r.stringList(node, path);
        if (columns == null) {
            return null;
        }
        if (columns.isEmpty()) {
            r.problem(node, path, "must list at least one column");
            return null;
        }
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String lower = columns.get(i).toLowerCase(Locale.ROOT);
            if (seen.contains(lower)) {
                r.problem(path + "[" + i + "]", "column '" + columns.get(i) + "' is listed twice");
                return null;
            }
            seen.add(lower);
        }
        return columns;
    }

    private CacheConfig.Binlog binlog(Node node) {
        Map<String, Node> fields = r.mapping(node, "cache.binlog", BINLOG_KEYS);
        if (fields == null) {
            return CacheConfig.Binlog.DEFAULTS;
        }
        CacheConfig.Binlog d = CacheConfig.Binlog.DEFAULTS;
        boolean enabled = d.enabled();
        if (fields.containsKey("enabled")) {
            String text = r.string(fields.get("enabled"), "cache.binlog.enabled");
            if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
                enabled = Boolean.parseBoolean(text);
            } else if (text != null) {
                r.problem(fields.get("enabled"), "cache.binlog.enabled", "expected true or false but found '"
                        + text + "'");
            }
        }
        if (!enabled) {
            for (String key : BINLOG_KEYS) {
                if (!key.equals("enabled") && fields.containsKey(key)) {
                    r.problem(fields.get(key), "cache.binlog." + key, "contradicts enabled: false (no follower "
                            + "runs); remove it or enable the followers");
                }
            }
            return new CacheConfig.Binlog(false, "", "", 0, 0);
        }
        String username = fields.containsKey("username") ? r.string(fields.get("username"), "cache.binlog.username")
                : "";
        String password = fields.containsKey("password") ? r.string(fields.get("password"), "cache.binlog.password")
                : "";
        if (fields.containsKey("password") && (username == null || username.isEmpty())) {
            r.problem(fields.get("password"), "cache.binlog.password", "given without cache.binlog.username");
        }
        long serverIdBase = nonNegative(fields, "serverIdBase", d.serverIdBase());
        if (serverIdBase > 4_294_967_000L) {
            r.problem(fields.get("serverIdBase"), "cache.binlog.serverIdBase", "must leave room below 2^32 - 1, was "
                    + serverIdBase);
        }
        long settleMs = nonNegative(fields, "settleMs", d.settleMs());
        return new CacheConfig.Binlog(true, username == null ? "" : username, password == null ? "" : password,
                serverIdBase, settleMs);
    }

    private long nonNegative(Map<String, Node> fields, String key, long absent) {
        if (!fields.containsKey(key)) {
            return absent;
        }
        Long v = r.integer(fields.get(key), "cache.binlog." + key);
        if (v == null) {
            return absent;
        }
        if (v < 0) {
            r.problem(fields.get(key), "cache.binlog." + key, "must be >= 0, was " + v);
            return absent;
        }
        return v;
    }
}

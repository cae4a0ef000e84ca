package io.shardline.router.rewrite;

import io.shardline.router.algorithm.ShardingAlgorithms;
import io.shardline.router.keygen.KeyGenerators;
import io.shardline.router.merge.MergePlan;
import io.shardline.router.plan.ExecutionUnit;
import io.shardline.router.plan.GeneratedKeys;
import io.shardline.router.plan.RouteOpcode;
import io.shardline.router.route.RouteResult;
import io.shardline.router.route.RouteUnit;
import io.shardline.router.rule.KeyGeneration;
import io.shardline.router.rule.ShardingRule;
import io.shardline.router.rule.ShardingStrategy;
import io.shardline.router.rule.TableRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The rewrite golden cases ({@code src/test/resources/rewrite/*.yaml}) and the sharding rule they are written for. */
final class GoldenCases {

    private GoldenCases() {
    }

    /**
     * One case.
     *
     * @param file the YAML file name
     * @param comment what it shows
     * @param sql the application's SQL
     * @param params its parameters
     * @param route the route the case assumes
     * @param expectUnits expected units, empty for an error case
     * @param expectMerge expected merge rendering ("none" for no merge)
     * @param error expected error substring, or null
     * @param runs false when the rewritten SQL cannot run on the IT fixture (the reason is in the case)
     */
    record Case(String file, String comment, String sql, List<Object> params, RouteResult route,
            List<ExecutionUnit> expectUnits, String expectMerge, String error, boolean runs) {
    }

    /** t_order / t_order_item (bound; db by user_id % 2, table by order_id % 4), t_user (db by user_id), t_dict
     * broadcast, t_config single. */
    static ShardingRule rule() {
        ShardingStrategy db = ShardingStrategy.standard("user_id", "db_mod",
                ShardingAlgorithms.create("MOD", props("shardingCount", "2")).standard().orElseThrow());
        Properties snowflake = props("workerId", "1");
        TableRule order = TableRule.builder("t_order").dataNodes("ds_${0..1}.t_order_${0..3}").databaseStrategy(db)
                .tableStrategy(ShardingStrategy.standard("order_id", "t_order_inline", ShardingAlgorithms
                        .create("INLINE", props("expression", "t_order_${order_id % 4}")).standard().orElseThrow()))
                .keyGeneration(new KeyGeneration("order_id", "snowflake", KeyGenerators.create("SNOWFLAKE", snowflake)))
                .build();
        TableRule item = TableRule.builder("t_order_item").dataNodes("ds_${0..1}.t_order_item_${0..3}")
                .databaseStrategy(db)
                .tableStrategy(ShardingStrategy.standard("order_id", "t_order_item_inline", ShardingAlgorithms
                        .create("INLINE", props("expression", "t_order_item_${order_id % 4}")).standard()
                        .orElseThrow()))
                .build();
        TableRule user = TableRule.builder("t_user").dataNodes("ds_${0..1}.t_user").databaseStrategy(db).build();
        return ShardingRule.builder().dataSources("ds_0", "ds_1").table(order).table(item).table(user)
                .bindingGroup("t_order", "t_order_item").broadcastTables(List.of("t_dict"))
                .singleTables(List.of("t_config")).defaultDataSource("ds_0").build();
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    static List<Case> load() {
        List<Case> cases = new ArrayList<>();
        try {
            Path dir = Path.of(GoldenCases.class.getResource("/rewrite").toURI());
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            }
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    List<Map<String, Object>> docs = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                    for (Map<String, Object> doc : docs) {
                        cases.add(parse(file.getFileName().toString(), doc));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static Case parse(String file, Map<String, Object> doc) {
        String comment = (String) doc.get("comment");
        String sql = (String) doc.get("sql");
        List<Object> params = doc.containsKey("params") ? (List<Object>) doc.get("params") : List.of();
        List<RouteUnit> units = new ArrayList<>();
        for (Map<String, Object> u : (List<Map<String, Object>>) doc.getOrDefault("units", List.of())) {
            Map<String, String> tables = new LinkedHashMap<>();
            ((Map<String, Object>) u.getOrDefault("tables", Map.of())).forEach((k, v) -> tables.put(k, (String) v));
            List<Integer> rows = (List<Integer>) u.getOrDefault("rows", List.of());
            units.add(new RouteUnit((String) u.get("ds"), tables, rows));
        }
        Optional<GeneratedKeys> keys = Optional.empty();
        if (doc.containsKey("generatedKeys")) {
            Map<String, Object> g = (Map<String, Object>) doc.get("generatedKeys");
            List<Object> values = new ArrayList<>();
            for (Object v : (List<Object>) g.get("values")) {
                values.add(v instanceof Integer ? Long.valueOf((Integer) v) : v);
            }
            keys = Optional.of(new GeneratedKeys((String) g.get("column"), values));
        }
        RouteOpcode opcode = units.isEmpty() ? RouteOpcode.NONE
                : units.size() == 1 ? RouteOpcode.SINGLE : RouteOpcode.SCATTER;
        RouteResult route = new RouteResult(opcode, units, keys);
        List<ExecutionUnit> expectUnits = new ArrayList<>();
        String merge = null;
        if (doc.containsKey("expect")) {
            Map<String, Object> expect = (Map<String, Object>) doc.get("expect");
            for (Map<String, Object> u : (List<Map<String, Object>>) expect.getOrDefault("units", List.of())) {
                expectUnits.add(new ExecutionUnit((String) u.get("ds"), (String) u.get("sql"),
                        (List<Object>) u.getOrDefault("params", List.of())));
            }
            merge = (String) expect.getOrDefault("merge", "none");
        }
        boolean runs = !Boolean.FALSE.equals(doc.get("runs"));
        return new Case(file, comment, sql, params, route, expectUnits, merge, (String) doc.get("error"), runs);
    }

    /** A compact rendering of a merge plan, as the golden files write it. */
    static String render(Optional<MergePlan> merge) {
        if (merge.isEmpty()) {
            return "none";
        }
        MergePlan m = merge.get();
        StringBuilder b = new StringBuilder();
        if (m.widthUnknown()) {
            b.append("cols=*+").append(m.derivedColumns());
        } else {
            b.append("cols=").append(m.columnCount()).append(" visible=").append(m.visibleColumns());
        }
        keys(b, "shard", m.shardOrder());
        if (!m.groupBy().isEmpty()) {
            b.append(" group=").append(m.groupBy().toString().replace(" ", ""));
        }
        if (!m.aggregates().isEmpty()) {
            b.append(" aggs=[");
            for (int i = 0; i < m.aggregates().size(); i++) {
                MergePlan.AggregateRef a = m.aggregates().get(i);
                b.append(i == 0 ? "" : ", ").append(a.function()).append(' ').append(a.outputColumn()).append("<-")
                        .append(a.inputColumn());
                if (a.function() == io.shardline.router.merge.AggregateFunction.AVG) {
                    b.append('/').append(a.countColumn());
                }
            }
            b.append(']');
        }
        keys(b, "order", m.orderBy());
        if (m.distinct()) {
            b.append(" distinct");
        }
        if (m.offset() != 0) {
            b.append(" offset=").append(m.offset());
        }
        if (m.limit() >= 0) {
            b.append(" limit=").append(m.limit());
        }
        return b.toString();
    }

    private static void keys(StringBuilder b, String name, List<MergePlan.Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        b.append(' ').append(name).append("=[");
        for (int i = 0; i < keys.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(keys.get(i).column()).append(keys.get(i).descending() ? " DESC" : "");
        }
        b.append(']');
    }
}

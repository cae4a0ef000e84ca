package io.shardline.sql;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Loads the golden case files (src/test/resources/golden/*.yaml) plus generated huge statements. */
final class GoldenCorpus {

    /** One golden case. */
    record Case(String file, String comment, String sql, Map<String, String> expect, Map<String, Object> error,
            boolean invalid) {
        String name() {
            return file + ": " + comment;
        }
    }

    private GoldenCorpus() {
    }

    static List<Case> load() {
        List<Case> cases = new ArrayList<>();
        try {
            Path dir = Path.of(GoldenCorpus.class.getResource("/golden").toURI());
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            }
            for (Path f : files) {
                Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
                try (InputStream in = Files.newInputStream(f)) {
                    List<Map<String, Object>> docs = yaml.load(in);
                    for (Map<String, Object> d : docs) {
                        cases.add(toCase(f.getFileName().toString(), d));
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        cases.addAll(generated());
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static Case toCase(String file, Map<String, Object> d) {
        String comment = String.valueOf(d.get("comment"));
        String sql = String.valueOf(d.get("sql"));
        if (sql.endsWith("\n") && !Boolean.TRUE.equals(d.get("keepNewline"))) {
            sql = sql.substring(0, sql.length() - 1);
        }
        Map<String, String> expect = new LinkedHashMap<>();
        Object e = d.get("expect");
        if (e instanceof Map) {
            for (Map.Entry<String, Object> en : ((Map<String, Object>) e).entrySet()) {
                Object v = en.getValue();
                expect.put(en.getKey(), v == null ? "" : Boolean.TRUE.equals(v) ? "" : String.valueOf(v));
            }
        }
        Map<String, Object> error = (Map<String, Object>) d.get("error");
        if (expect.isEmpty() && error == null) {
            throw new IllegalStateException(file + ": case '" + comment + "' has neither expect nor error");
        }
        return new Case(file, comment, sql, expect, error, Boolean.TRUE.equals(d.get("invalid")));
    }

    /** Statements too big to keep in a file; their expectations are computed here from how they were built. */
    static List<Case> generated() {
        List<Case> out = new ArrayList<>();

        StringBuilder in = new StringBuilder("SELECT id, status FROM t_order WHERE user_id IN (");
        for (int i = 0; i < 5000; i++) {
            in.append(i == 0 ? "" : ", ").append(i * 7);
        }
        in.append(") AND status = ?");
        out.add(new Case("generated", "5,000-element IN list of literals", in.toString(),
                Map.of("kind", "SELECT", "where", "AND(user_id IN (5000 values, first #0:0), status = ?0)",
                        "params", "1/5000"), null, false));

        StringBuilder rows = new StringBuilder("INSERT INTO t_order (order_id, user_id, status) VALUES ");
        for (int i = 0; i < 1000; i++) {
            rows.append(i == 0 ? "" : ", ").append('(').append(i).append(", ").append(i % 10).append(", 'NEW')");
        }
        out.add(new Case("generated", "1,000-row insert with literals", rows.toString(),
                Map.of("kind", "INSERT", "tables", "[t_order]",
                        "insert", "(order_id, user_id, status) rows=1000 [[#0:0, #1:0, #2:'NEW']]",
                        "params", "0/3000"), null, false));

        StringBuilder many = new StringBuilder("SELECT * FROM t_order WHERE order_id IN (");
        for (int i = 0; i < 65535; i++) {
            many.append(i == 0 ? "?" : ",?");
        }
        many.append(')');
        out.add(new Case("generated", "65,535 application placeholders", many.toString(),
                Map.of("kind", "SELECT", "where", "order_id IN (65535 values, first ?0)", "params", "65535/0"), null, false));

        StringBuilder wide = new StringBuilder("INSERT INTO t_wide (");
        for (int c = 0; c < 20; c++) {
            wide.append(c == 0 ? "" : ", ").append("c").append(c);
        }
        wide.append(") VALUES (");
        for (int c = 0; c < 20; c++) {
            wide.append(c == 0 ? "?" : ", ?");
        }
        wide.append(')');
        out.add(new Case("generated", "20-column insert with placeholders", wide.toString(),
                Map.of("kind", "INSERT", "params", "20/0"), null, false));
        return out;
    }
}

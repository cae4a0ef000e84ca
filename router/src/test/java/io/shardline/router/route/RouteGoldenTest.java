package io.shardline.router.route;

import static org.junit.jupiter.api.Assertions.fail;

import io.shardline.router.plan.PlanningContext;
import io.shardline.router.plan.PlanningException;
import io.shardline.sql.ParsedStatement;
import io.shardline.sql.SqlParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs every case of {@code src/test/resources/route/*.yaml} against {@link RouteTestRule}, one dynamic test per
 * case named {@code file:comment}. A case is {@code {comment, sql, params?, hint?, expect: {opcode, units,
 * generatedKeys?}}} or {@code {comment, sql, params?, hint?, error: substring}}. Parameters are YAML scalars
 * (integers become Integer, strings String, null NULL) or one-key maps for other Java types: {@code {long: 5}},
 * {@code {decimal: "10.0"}}, {@code {date: "2024-02-03"}}, {@code {datetime: "2024-02-03T10:00:00"}},
 * {@code {double: 2.0}}.
 */
class RouteGoldenTest {

    private static final SqlParser PARSER = new SqlParser();

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException, URISyntaxException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : caseFiles()) {
            String fileName = file.getFileName().toString();
            for (Map<String, Object> c : load(file)) {
                String name = fileName + ":" + c.get("comment");
                tests.add(DynamicTest.dynamicTest(name, () -> run(name, c)));
            }
        }
        if (tests.size() < 180) {
            fail("expected at least 180 golden route cases, found " + tests.size());
        }
        return tests.stream();
    }

    static List<Path> caseFiles() throws IOException, URISyntaxException {
        Path dir = Paths.get(RouteGoldenTest.class.getResource("/route").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Object doc = new Yaml().load(in);
            return doc == null ? List.of() : (List<Map<String, Object>>) doc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void run(String name, Map<String, Object> c) {
        String sql = (String) c.get("sql");
        List<Object> params = params((List<Object>) c.get("params"));
        Object hint = c.get("hint");
        PlanningContext context = new PlanningContext(false, false, Optional.ofNullable((String) hint));
        ShardRouter router = new ShardRouter(RouteTestRule.create());
        String actual;
        try {
            ParsedStatement statement = PARSER.parse(sql);
            actual = render(router.route(statement, params, context));
        } catch (PlanningException e) {
            actual = "error: " + e.getMessage();
        }
        String expected;
        if (c.containsKey("error")) {
            expected = "error: ..." + c.get("error") + "...";
            if (actual.startsWith("error: ") && actual.contains((String) c.get("error"))) {
                return;
            }
        } else {
            Map<String, Object> expect = (Map<String, Object>) c.get("expect");
            expected = renderExpected(expect);
            if (expected.equals(actual)) {
                return;
            }
        }
        fail("\n case:     " + name + "\n sql:      " + sql + (params.isEmpty() ? "" : "\n params:   " + params)
                + (hint == null ? "" : "\n hint:     " + hint) + "\n expected: " + expected + "\n actual:   " + actual
                + "\n as YAML:\n" + asYaml(actual));
    }

    static String render(RouteResult result) {
        StringBuilder sb = new StringBuilder("opcode: ").append(result.opcode()).append("\nunits:");
        for (RouteUnit unit : result.units()) {
            sb.append("\n  ").append(renderUnit(unit));
        }
        result.generatedKeys().ifPresent(keys -> {
            sb.append("\ngeneratedKeys: ").append(keys.column()).append("=[");
            for (int i = 0; i < keys.values().size(); i++) {
                sb.append(i == 0 ? "" : ",").append(keys.values().get(i));
            }
            sb.append(']');
        });
        return sb.toString();
    }

    static String renderUnit(RouteUnit unit) {
        StringBuilder sb = new StringBuilder(unit.dataSource());
        boolean first = true;
        for (Map.Entry<String, String> e : unit.actualTables().entrySet()) {
            sb.append(first ? ": " : ", ").append(e.getKey()).append("->").append(e.getValue());
            first = false;
        }
        if (!unit.insertRows().isEmpty()) {
            sb.append(" rows=[");
            for (int i = 0; i < unit.insertRows().size(); i++) {
                sb.append(i == 0 ? "" : ",").append(unit.insertRows().get(i));
            }
            sb.append(']');
        }
        for (RouteUnit.InListCut cut : unit.inLists()) {
            // " in(user_id)=[0,2]": the IN list on user_id keeps its values 0 and 2 on this unit
            sb.append(" in(").append(cut.predicate().column()).append(")=").append(cut.keptValues().toString()
                    .replace(" ", ""));
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static String renderExpected(Map<String, Object> expect) {
        StringBuilder sb = new StringBuilder("opcode: ").append(expect.get("opcode")).append("\nunits:");
        List<Object> units = (List<Object>) expect.getOrDefault("units", List.of());
        for (Object unit : units) {
            sb.append("\n  ").append(unit);
        }
        if (expect.get("generatedKeys") != null) {
            sb.append("\ngeneratedKeys: ").append(expect.get("generatedKeys"));
        }
        return sb.toString();
    }

    private static String asYaml(String actual) {
        if (actual.startsWith("error: ")) {
            return "  error: \"" + actual.substring(7).replace("\"", "\\\"") + "\"";
        }
        StringBuilder sb = new StringBuilder("  expect:");
        String[] lines = actual.split("\n");
        List<String> units = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("opcode: ")) {
                sb.append("\n    opcode: ").append(line.substring(8));
            } else if (line.startsWith("  ")) {
                units.add("\"" + line.substring(2) + "\"");
            } else if (line.startsWith("generatedKeys: ")) {
                sb.append("\n    generatedKeys: \"").append(line.substring(15)).append('"');
            }
        }
        sb.append("\n    units: [").append(String.join(", ", units)).append(']');
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    static List<Object> params(List<Object> raw) {
        if (raw == null) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(raw.size());
        for (Object p : raw) {
            if (p instanceof Map<?, ?> m && m.size() == 1) {
                Map.Entry<String, Object> e = ((Map<String, Object>) m).entrySet().iterator().next();
                String text = String.valueOf(e.getValue());
                switch (e.getKey()) {
                    case "long" -> params.add(Long.parseLong(text));
                    case "decimal" -> params.add(new BigDecimal(text));
                    case "double" -> params.add(Double.parseDouble(text));
                    case "date" -> params.add(LocalDate.parse(text));
                    case "datetime" -> params.add(LocalDateTime.parse(text));
                    case "string" -> params.add(text);
                    default -> throw new IllegalArgumentException("unknown parameter type " + e.getKey());
                }
            } else {
                params.add(p);
            }
        }
        return params;
    }
}

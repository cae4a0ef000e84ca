package io.shardline.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/** Runs every case of {@code config/invalid-configs.yaml}. */
class InvalidConfigGoldenTest {

    @TestFactory
    List<DynamicTest> invalidConfigurations() throws IOException {
        List<Map<String, Object>> cases;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("config/invalid-configs.yaml")) {
            cases = new Yaml().load(in);
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(20);
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : cases) {
            String name = (String) c.get("name");
            tests.add(DynamicTest.dynamicTest(name, () -> run(c)));
        }
        return tests;
    }

    @SuppressWarnings("unchecked")
    private static void run(Map<String, Object> c) {
        String yaml = (String) c.get("yaml");
        List<String> expected = (List<String>) c.get("errors");
        List<String> absent = (List<String>) c.getOrDefault("absent", List.of());
        ConfigException error;
        try {
            ShardlineConfig config = ShardlineConfig.parse(yaml, "test.yaml");
            fail("expected a ConfigException, but the configuration loaded: " + config);
            return;
        } catch (ConfigException e) {
            error = e;
        }
        String actual = error.problems().stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
        String report = "\n--- expected (fragments, in order) ---\n" + String.join("\n", expected)
                + "\n--- actual problems ---\n" + actual + "\n";
        assertThat(error.problems()).as(report).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(error.problems().get(i).toString()).as(report).contains(expected.get(i));
        }
        for (String secret : absent) {
            assertThat(error.getMessage()).as(report).doesNotContain(secret);
            assertThat(String.valueOf(error.getCause())).doesNotContain(secret);
        }
    }
}

package io.shardline.compat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A suite: the sharding configuration, the schema, the rows and the corpus. On disk (the layout external
 * corpora use):
 *
 * <pre>
 * suite/
 *   shardline.yaml   sharding rules; ${PORT_0}, ${PORT_1}, ... and ${DATABASE} are filled in by the runner
 *   schema.sql       CREATE TABLE ... ; run on both sides (through the path under test on the sharded side)
 *   data.sql         INSERTs (optional; the built-in suite generates its rows with {@link CompatData})
 *   corpus/*.sql     the corpus files, one category per file
 * </pre>
 *
 * @param name      shown in the report title
 * @param config    the sharding configuration template (YAML)
 * @param schema    statements creating the logical tables
 * @param data      statements loading the rows
 * @param corpus    the entries, in file order
 */
public record CompatSuite(String name, String config, List<String> schema, List<String> data, List<CorpusEntry> corpus) {

    public CompatSuite {
        schema = List.copyOf(schema);
        data = List.copyOf(data);
        corpus = List.copyOf(corpus);
    }

    /** Reads a suite directory (see the class comment). */
    public static CompatSuite fromDirectory(Path dir) throws IOException {
        Path config = dir.resolve("shardline.yaml");
        Path schema = dir.resolve("schema.sql");
        Path corpus = dir.resolve("corpus");
        for (Path required : List.of(config, schema, corpus)) {
            if (!Files.exists(required)) {
                throw new IOException("suite " + dir + " has no " + dir.relativize(required)
                        + " (expected shardline.yaml, schema.sql, optional data.sql and corpus/*.sql)");
            }
        }
        Path data = dir.resolve("data.sql");
        return new CompatSuite(dir.getFileName().toString(), Files.readString(config, StandardCharsets.UTF_8),
                statements(schema), Files.exists(data) ? statements(data) : List.of(), CorpusReader.readDirectory(corpus));
    }

    /** The same suite with other rows (the built-in suite's are generated). */
    public CompatSuite withData(List<String> rows) {
        return new CompatSuite(name, config, schema, rows, corpus);
    }

    /** The configuration with placeholders replaced, e.g. {@code {PORT_0: 3310, DATABASE: shop}}. */
    public String config(Map<String, String> values) {
        String out = config;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("${" + e.getKey() + "}", e.getValue());
        }
        return out;
    }

    private static List<String> statements(Path file) throws IOException {
        return CorpusReader.read(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)).stream()
                .map(CorpusEntry::sql).toList();
    }

    /**
     * Runs the schema and the rows on both paths, the oracle first. Any failure or a different
     * update count stops the load: a corpus over different rows would prove nothing.
     */
    public void load(SqlPath oracle, SqlPath subject) throws SQLException {
        List<String> all = new ArrayList<>(schema);
        all.addAll(data);
        for (String sql : all) {
            long expected = oracle.update(sql, List.of());
            long actual;
            try {
                actual = subject.update(sql, List.of());
            } catch (SQLException e) {
                throw new SQLException("loading through " + subject.name() + " failed: " + abbreviate(sql), e);
            }
            if (expected != actual) {
                throw new SQLException("loading through " + subject.name() + " changed " + actual + " rows, "
                        + oracle.name() + " " + expected + ": " + abbreviate(sql));
            }
        }
    }

    private static String abbreviate(String sql) {
        return sql.length() <= 200 ? sql : sql.substring(0, 200) + "...";
    }
}

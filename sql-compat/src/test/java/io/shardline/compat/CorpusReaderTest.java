package io.shardline.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CorpusReaderTest {

    @Test
    void readsAnnotationsStatementsAndComments() {
        List<CorpusEntry> entries = CorpusReader.read("07-order-limit.sql", String.join("\n",
                "-- a file comment, ignored",
                "-- name: first",
                "-- params: 7, 'it''s', NULL, -2.50",
                "SELECT a FROM t",
                "  WHERE b = ? AND c = ? -- kept: inside the statement",
                "  AND d <=> ? AND e > ?;",
                "",
                "-- ordered: false",
                "SELECT x FROM t ORDER BY x;",
                "DELETE FROM t WHERE id = 1;"));
        assertThat(entries).hasSize(3);
        CorpusEntry first = entries.get(0);
        assertThat(first.category()).isEqualTo("order-limit");
        assertThat(first.name()).isEqualTo("first");
        assertThat(first.sql()).isEqualTo("SELECT a FROM t\n  WHERE b = ? AND c = ? -- kept: inside the statement\n"
                + "  AND d <=> ? AND e > ?");
        assertThat(first.params()).containsExactly(7L, "it's", null, new BigDecimal("-2.50"));
        assertThat(first.kind()).isEqualTo(CorpusEntry.Kind.QUERY);
        assertThat(first.location()).isEqualTo("07-order-limit.sql:4");
        assertThat(entries.get(1).isOrdered()).isFalse();
        assertThat(entries.get(1).name()).isEqualTo("07-order-limit.sql:9");
        assertThat(entries.get(2).kind()).isEqualTo(CorpusEntry.Kind.DML);
        assertThat(entries.get(2).params()).isEmpty();
    }

    @Test
    void categoryFromTheFileName() {
        assertThat(CorpusReader.category("07-order-limit.sql")).isEqualTo("order-limit");
        assertThat(CorpusReader.category("16b-dml.sql")).isEqualTo("dml");
        assertThat(CorpusReader.category("misc.sql")).isEqualTo("misc");
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> CorpusReader.read("x.sql", "SELECT 1")).hasMessageContaining("x.sql:1")
                .hasMessageContaining("does not end with ';'");
        assertThatThrownBy(() -> CorpusReader.read("x.sql", "-- params: 1, 2024-01-01\nSELECT 1;"))
                .hasMessageContaining("x.sql:1").hasMessageContaining("2024-01-01");
        assertThatThrownBy(() -> CorpusReader.read("x.sql", "-- ordered: maybe\nSELECT 1;"))
                .hasMessageContaining("ordered must be true or false");
    }

    @Test
    void orderedFollowsTheOutermostOrderBy() {
        assertThat(entry("SELECT a FROM t ORDER BY a").isOrdered()).isTrue();
        assertThat(entry("SELECT a FROM (SELECT a FROM t ORDER BY a) x").isOrdered()).isFalse();
        assertThat(entry("SELECT GROUP_CONCAT(a ORDER BY a) FROM t").isOrdered()).isFalse();
        assertThat(entry("SELECT 'ORDER BY' FROM t").isOrdered()).isFalse();
        assertThat(entry("SELECT a FROM t -- ORDER BY a").isOrdered()).isFalse();
        assertThat(entry("SELECT a FROM t UNION SELECT b FROM u ORDER BY 1").isOrdered()).isTrue();
        assertThat(entry("SELECT a FROM t\nORDER\n  BY a").isOrdered()).isTrue();
    }

    @Test
    void kindsFromTheFirstKeyword() {
        assertThat(entry("/* hint */ SELECT 1").kind()).isEqualTo(CorpusEntry.Kind.QUERY);
        assertThat(entry("(SELECT 1) UNION (SELECT 2)").kind()).isEqualTo(CorpusEntry.Kind.QUERY);
        assertThat(entry("WITH x AS (SELECT 1) SELECT * FROM x").kind()).isEqualTo(CorpusEntry.Kind.QUERY);
        assertThat(entry("replace INTO t VALUES (1)").kind()).isEqualTo(CorpusEntry.Kind.DML);
        assertThat(entry("ALTER TABLE t ADD c INT").kind()).isEqualTo(CorpusEntry.Kind.DDL);
    }

    @Test
    void builtinCorpusIsLargeAndCoversEveryCategory() throws Exception {
        Path dir = Paths.get(getClass().getResource("/builtin/corpus").toURI());
        List<CorpusEntry> corpus = CorpusReader.readDirectory(dir);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);
        assertThat(corpus.stream().map(CorpusEntry::category).distinct()).containsAll(Arrays.asList("point", "in",
                "range", "scatter", "aggregate", "group-having", "order-limit", "distinct", "binding-join",
                "broadcast-join", "subquery", "union", "functions", "null", "collation", "dml", "ddl"));
        assertThat(corpus.stream().map(e -> e.category() + "/" + e.name()).distinct()).hasSameSizeAs(corpus);
        CompatSuite suite = CompatSuite.fromDirectory(dir.getParent());
        assertThat(suite.schema()).hasSize(10);
        assertThat(suite.config(java.util.Map.of("PORT_0", "1", "PORT_1", "2", "DATABASE", "db")))
                .contains("127.0.0.1:1/db").contains("127.0.0.1:2/db").doesNotContain("${PORT", "${DATABASE");
    }

    private static CorpusEntry entry(String sql) {
        return new CorpusEntry("c", "n", sql, List.of(), Optional.empty(), "f:1");
    }
}

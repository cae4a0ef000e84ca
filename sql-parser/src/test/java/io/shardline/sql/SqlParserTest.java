package io.shardline.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.sql.facts.Predicate;
import io.shardline.sql.facts.StatementKind;
import io.shardline.sql.facts.TableRef;
import io.shardline.sql.facts.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SqlParserTest {

    @Test
    void literalVaryingPointSelectsHitTheCacheAndShareFacts() {
        SqlParser parser = new SqlParser(new ParseCache(100));
        ParsedStatement first = parser.parse("SELECT * FROM t_order WHERE order_id = 1");
        for (int i = 2; i <= 50; i++) {
            ParsedStatement ps = parser.parse("SELECT * FROM t_order WHERE order_id = " + i);
            assertThat(ps.facts()).isSameAs(first.facts());
            Predicate.Comparison where = (Predicate.Comparison) ps.facts().where().orElseThrow();
            assertThat(ps.resolve(where.value(), List.of())).contains((long) i);
        }
        assertThat(parser.cache().stats().missCount()).isEqualTo(1);
        assertThat(parser.cache().stats().hitCount()).isEqualTo(49);
    }

    @Test
    void literalsOfDifferentTypesInTheSamePlaceShareFactsButKeepTheirTypes() {
        SqlParser parser = new SqlParser();
        ParsedStatement n = parser.parse("SELECT * FROM t WHERE a = 5 LIMIT 10");
        ParsedStatement s = parser.parse("SELECT * FROM t WHERE a = 'five' LIMIT 20");
        ParsedStatement h = parser.parse("SELECT * FROM t WHERE a = x'05' LIMIT 30");
        assertThat(s.facts()).isSameAs(n.facts());
        assertThat(h.facts()).isSameAs(n.facts());
        assertThat(n.literal(0).type()).isEqualTo(io.shardline.sql.facts.LiteralValue.Type.INTEGER);
        assertThat(s.literal(0).type()).isEqualTo(io.shardline.sql.facts.LiteralValue.Type.STRING);
        assertThat(h.literal(0).type()).isEqualTo(io.shardline.sql.facts.LiteralValue.Type.HEX);
        Value count = n.facts().limit().orElseThrow().rowCount().orElseThrow();
        assertThat(s.resolve(count, List.of())).contains(20L);
    }

    @Test
    void cachedFactsResolveToEachStatementsOwnOffsets() {
        SqlParser parser = new SqlParser();
        ParsedStatement a = parser.parse("SELECT 'a' AS x FROM t_order WHERE id = 1");
        ParsedStatement b = parser.parse("SELECT 'a much longer literal' AS x /* c */ FROM t_order WHERE id = 123456");
        assertThat(b.facts()).isSameAs(a.facts());
        TableRef t = a.facts().tables().get(0);
        assertThat(a.span(t).text(a.sql())).isEqualTo("t_order");
        assertThat(b.span(t).text(b.sql())).isEqualTo("t_order");
        assertThat(b.span(t).start()).isGreaterThan(a.span(t).start());
        assertThat(a.literal(1).value()).isEqualTo(1L);
        assertThat(b.literal(1).value()).isEqualTo(123456L);
        assertThat(b.literal(0).value()).isEqualTo("a much longer literal");
    }

    @Test
    void applicationParametersAndLiteralsAreResolvedFromTheirOwnSources() {
        ParsedStatement ps = new SqlParser().parse("SELECT * FROM t WHERE a = ? AND b = 'x' AND c = ?");
        Predicate.And and = (Predicate.And) ps.facts().where().orElseThrow();
        List<Object> params = List.of("p0", "p1");
        Value a = ((Predicate.Comparison) and.children().get(0)).value();
        Value b = ((Predicate.Comparison) and.children().get(1)).value();
        Value c = ((Predicate.Comparison) and.children().get(2)).value();
        assertThat(a).isEqualTo(new Value.Parameter(0));
        assertThat(b).isEqualTo(new Value.Literal(0));
        assertThat(c).isEqualTo(new Value.Parameter(1));
        assertThat(ps.resolve(a, params)).contains("p0");
        assertThat(ps.resolve(b, params)).contains("x");
        assertThat(ps.resolve(c, params)).contains("p1");
    }

    @Test
    void rewritingBySplicingKeepsCommentsHintsAndLiteralsByteForByte() {
        String sql = "/* app=1 */ SELECT /*+ NO_ICP(o) */ o.* FROM `t_order` o JOIN t_item i ON o.id = i.oid\n"
                + "WHERE o.user_id = 'Zoë' -- keep me\n";
        ParsedStatement ps = new SqlParser().parse(sql);
        List<TextSplice> edits = new ArrayList<>();
        for (TableRef t : ps.facts().tables()) {
            TextSpan s = ps.nameSpan(t);
            edits.add(new TextSplice(s.start(), s.end(), "`" + t.name() + "_3`"));
        }
        assertThat(Splicer.apply(sql, edits)).isEqualTo(
                "/* app=1 */ SELECT /*+ NO_ICP(o) */ o.* FROM `t_order_3` o JOIN `t_item_3` i ON o.id = i.oid\n"
                        + "WHERE o.user_id = 'Zoë' -- keep me\n");
    }

    @Test
    void errorsAreNotCachedAndParserRecoversAfterThem() {
        SqlParser parser = new SqlParser();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> parser.parse("SELECT * FROM WHERE 1")).isInstanceOf(SqlParseException.class);
            assertThat(parser.parse("SELECT * FROM t WHERE id = " + i).facts().kind()).isEqualTo(StatementKind.SELECT);
        }
        assertThat(parser.cache().estimatedSize()).isEqualTo(1);
    }

    @Test
    void parameterizedTextIsRememberedExactlyLiteralTextIsNot() {
        SqlParser parser = new SqlParser(new ParseCache(100));
        String sql = "INSERT INTO t_order (order_id, user_id) VALUES (?, ?)";
        ParsedStatement first = parser.parse(sql);
        assertThat(parser.parse(new String(sql.toCharArray()))).isSameAs(first);
        assertThat(parser.cache().stats().requestCount()).as("the second parse skipped lexing and the facts cache")
                .isEqualTo(1);
        ParsedStatement literal = parser.parse("SELECT * FROM t_order WHERE order_id = 7");
        assertThat(parser.parse("SELECT * FROM t_order WHERE order_id = 7")).isNotSameAs(literal);
        assertThat(first.facts().parameterCount()).isEqualTo(2);
    }

    @Test
    void cacheIsBounded() {
        ParseCache cache = new ParseCache(10);
        SqlParser parser = new SqlParser(cache);
        for (int i = 0; i < 200; i++) {
            parser.parse("SELECT c" + i + " FROM t");
        }
        cache.cleanUp();
        assertThat(cache.estimatedSize()).isLessThanOrEqualTo(10);
        assertThat(cache.stats().evictionCount()).isGreaterThanOrEqualTo(190);
    }

    @Test
    void concurrentMissesGiveTheSameFactsAsSequentialOnes() throws Exception {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            statements.add("SELECT a" + i + ", COUNT(*) FROM t" + (i % 7) + " WHERE k = ? AND j IN (" + i + ", ?) GROUP BY a"
                    + i + " LIMIT " + i);
            statements.add("UPDATE t" + i + " SET v = ? WHERE id = " + i + " ORDER BY id LIMIT 2");
        }
        SqlParser reference = new SqlParser();
        List<String> expected = new ArrayList<>();
        for (String s : statements) {
            expected.add(reference.parseUncached(s).describe());
        }
        SqlParser shared = new SqlParser();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    List<String> got = new ArrayList<>();
                    for (String s : statements) {
                        got.add(shared.parseUncached(s).describe());
                    }
                    return got;
                }));
            }
            for (Future<List<String>> f : futures) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parseErrorNamesLineColumnAndConstructWithACaret() {
        assertThatThrownBy(() -> new SqlParser().parse("SELECT *\n  FROM t_order o\n  JOIN x USING\n"))
                .isInstanceOfSatisfying(SqlParseException.class, e -> {
                    assertThat(e.construct()).isEqualTo("unexpected end of statement");
                    assertThat(e.getMessage()).contains("line 4, column 1");
                });
        assertThatThrownBy(() -> new SqlParser().parse("UPDATE t_a a,\n  t_b b SET a.x = b.y"))
                .isInstanceOfSatisfying(SqlParseException.class, e -> {
                    assertThat(e.construct()).isEqualTo("multi-table UPDATE");
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(13);
                    assertThat(e.snippet()).isEqualTo("UPDATE t_a a,\n            ^");
                });
    }
}

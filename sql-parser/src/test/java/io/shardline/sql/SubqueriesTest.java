package io.shardline.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.sql.Subqueries.Context;
import io.shardline.sql.Subqueries.Subquery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding a statement's outermost subqueries and the clause each stands in. */
class SubqueriesTest {

    private final SqlParser parser = new SqlParser();

    private List<Subquery> find(String sql) {
        return Subqueries.of(parser.parse(sql));
    }

    private static String inner(String sql, Subquery s) {
        return s.inner().text(sql);
    }

    @Test
    void eachSubqueryKnowsItsClause() {
        String sql = "SELECT a, (SELECT MAX(x) FROM m) AS mx, COALESCE((SELECT y FROM n LIMIT 1), 0)"
                + " FROM t JOIN (SELECT id FROM d) dt ON dt.id = t.id AND t.z > (SELECT AVG(z) FROM o), (SELECT 1) c"
                + " WHERE t.k IN (SELECT k FROM p) AND t.j NOT IN ( SELECT j FROM q ) AND EXISTS (SELECT 1 FROM r)"
                + " GROUP BY a HAVING COUNT(*) > (SELECT 2) ORDER BY a";
        List<Subquery> found = find(sql);
        assertThat(found).extracting(s -> inner(sql, s)).containsExactly("SELECT MAX(x) FROM m", "SELECT y FROM n LIMIT 1",
                "SELECT id FROM d", "SELECT AVG(z) FROM o", "SELECT 1", "SELECT k FROM p", "SELECT j FROM q",
                "SELECT 1 FROM r", "SELECT 2");
        assertThat(found).extracting(Subquery::context).containsExactly(Context.SELECT_LIST, Context.SELECT_LIST,
                Context.DERIVED, Context.EXPRESSION, Context.DERIVED, Context.IN_LIST, Context.IN_LIST,
                Context.EXPRESSION, Context.EXPRESSION);
        assertThat(found.get(6).enclosing().text(sql)).isEqualTo("( SELECT j FROM q )");
    }

    @Test
    void theBodyOfACommonTableExpressionIsADerivedTable() {
        String sql = "WITH big AS (SELECT id FROM t WHERE a > 1), small AS (SELECT id FROM u) SELECT COUNT(*) FROM big"
                + " WHERE id IN (SELECT id FROM small)";
        assertThat(find(sql)).extracting(Subquery::context).containsExactly(Context.DERIVED, Context.DERIVED,
                Context.IN_LIST);
    }

    @Test
    void onlyOutermostSubqueriesAreFoundAndStringsOrCommentsOpenNone() {
        String sql = "SELECT a FROM t WHERE b = '(SELECT 1)' /* (SELECT 2) */ AND c IN (SELECT c FROM u WHERE d IN"
                + " (SELECT d FROM v))";
        List<Subquery> found = find(sql);
        assertThat(found).extracting(s -> inner(sql, s))
                .containsExactly("SELECT c FROM u WHERE d IN (SELECT d FROM v)");
        assertThat(find("SELECT a FROM t WHERE b IN (1, 2) AND (c = 1 OR d = 2)")).isEmpty();
    }

    @Test
    void eachSubqueryKnowsItsParameters() {
        String sql = "SELECT a FROM t WHERE x = ? AND b IN (SELECT b FROM u WHERE c = ? AND d = ?) AND e >"
                + " (SELECT MAX(e) FROM v) AND f = ? AND g IN (SELECT g FROM w WHERE h = ?)";
        List<Subquery> found = find(sql);
        List<Object> parameters = List.of(1, 2, 3, 4, 5);
        assertThat(found).extracting(s -> s.parameters(parameters)).containsExactly(List.of(2, 3), List.of(),
                List.of(5));
        assertThat(found).extracting(Subquery::firstParameter).containsExactly(1, 3, 4);
    }

    private java.util.Optional<String> countLabel(String sql) {
        return Subqueries.paginationCount(parser.parse(sql)).map(Subqueries.Count::label);
    }

    @Test
    void theCountsOrmPlugInsWriteAreRecognisedWithTheirLabelsAndDerivedTable() {
        String sql = "SELECT count(0) FROM (SELECT a FROM t WHERE b = ? ORDER BY a) table_count";
        Subqueries.Count count = Subqueries.paginationCount(parser.parse(sql)).orElseThrow();
        assertThat(count.label()).isEqualTo("count(0)");
        assertThat(count.derived().inner().text(sql)).isEqualTo("SELECT a FROM t WHERE b = ? ORDER BY a");
        assertThat(count.derived().parameters(List.of(7))).containsExactly(7);
        assertThat(countLabel("SELECT COUNT(*) AS total FROM (SELECT a FROM t) AS x;")).contains("total");
        assertThat(countLabel("SELECT COUNT( 1 ) `n rows` FROM (SELECT a FROM t UNION SELECT a FROM u) x"))
                .contains("n rows");
        assertThat(countLabel("SELECT COUNT(*) FROM (SELECT a FROM t) x")).contains("COUNT(*)");
    }

    @Test
    void anyOtherStatementOverADerivedTableIsNotAPaginationCount() {
        assertThat(countLabel("SELECT COUNT(a) FROM (SELECT a FROM t) x")).as("counts non-NULL values").isEmpty();
        assertThat(countLabel("SELECT COUNT(*) FROM (SELECT a FROM t) x WHERE x.a > 1")).isEmpty();
        assertThat(countLabel("SELECT COUNT(*) FROM (SELECT a FROM t) x JOIN u ON u.a = x.a")).isEmpty();
        assertThat(countLabel("SELECT COUNT(*), MAX(a) FROM (SELECT a FROM t) x")).isEmpty();
        assertThat(countLabel("SELECT COUNT(*) + 1 FROM (SELECT a FROM t) x")).isEmpty();
        assertThat(countLabel("SELECT COUNT(*) FROM t WHERE a IN (SELECT a FROM u)")).isEmpty();
        assertThat(countLabel("SELECT COUNT(*) FROM (SELECT a FROM t) x GROUP BY a")).isEmpty();
    }
}

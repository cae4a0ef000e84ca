package io.shardline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.sql.SqlParser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which statements are the pagination count over a derived table, and what their column is called. */
class DerivedTableCountTest {

    private final SqlParser parser = new SqlParser();

    private Optional<String> label(String sql) {
        return DerivedTableCount.shape(parser.parse(sql)).map(DerivedTableCount.Shape::label);
    }

    @Test
    void theCountsOrmPlugInsWriteAreRecognisedWithTheirLabels() {
        assertThat(label("SELECT count(0) FROM (SELECT a FROM t WHERE b = ? ORDER BY a) table_count"))
                .contains("count(0)");
        assertThat(label("SELECT COUNT(*) AS total FROM (SELECT a FROM t) AS x;")).contains("total");
        assertThat(label("SELECT COUNT( 1 ) `n rows` FROM (SELECT a FROM t UNION SELECT a FROM u) x"))
                .contains("n rows");
        assertThat(label("SELECT COUNT(*) FROM (SELECT a FROM t) x")).contains("COUNT(*)");
    }

    @Test
    void anythingElseIsLeftToTheRouter() {
        assertThat(label("SELECT COUNT(a) FROM (SELECT a FROM t) x")).as("counts non-NULL values").isEmpty();
        assertThat(label("SELECT COUNT(*) FROM (SELECT a FROM t) x WHERE x.a > 1")).isEmpty();
        assertThat(label("SELECT COUNT(*) FROM (SELECT a FROM t) x JOIN u ON u.a = x.a")).isEmpty();
        assertThat(label("SELECT COUNT(*), MAX(a) FROM (SELECT a FROM t) x")).isEmpty();
        assertThat(label("SELECT COUNT(*) FROM t WHERE a IN (SELECT a FROM u)")).isEmpty();
        assertThat(label("SELECT COUNT(*) FROM (SELECT a FROM t) x GROUP BY a")).isEmpty();
    }
}

package io.shardline.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompatRunnerTest {

    /** A path that answers from a map and logs what it was asked. */
    private static final class FakePath implements SqlPath {
        final String name;
        final Map<String, Object> answers;
        final List<String> log = new ArrayList<>();

        FakePath(String name, Map<String, Object> answers) {
            this.name = name;
            this.answers = answers;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public QueryResult query(String sql, List<Object> params) throws SQLException {
            log.add(sql);
            return (QueryResult) answer(sql);
        }

        @Override
        public long update(String sql, List<Object> params) throws SQLException {
            log.add(sql);
            return (Long) answer(sql);
        }

        private Object answer(String sql) throws SQLException {
            Object a = answers.get(sql);
            if (a instanceof SQLException e) {
                throw e;
            }
            return a;
        }

        @Override
        public void close() {
        }
    }

    private static QueryResult one(String value) {
        return new QueryResult(List.of(new QueryResult.Column("c", Types.INTEGER, "INT")), List.of(List.of(value)));
    }

    @Test
    void classifiesPassRejectedWrongAndError() {
        FakePath oracle = new FakePath("oracle", Map.of("SELECT 1", one("1"), "SELECT 2", one("2"), "SELECT 3",
                one("3"), "SELECT 4", one("4"), "SELECT bad", new SQLSyntaxErrorException("syntax", "42000", 1064)));
        FakePath subject = new FakePath("shardline", Map.of("SELECT 1", one("1"),
                "SELECT 2", new SQLException("UNION involving sharded table 't' is not supported", "42000"),
                "SELECT 3", one("4"),
                "SELECT 4", new SQLSyntaxErrorException("You have an error in your SQL syntax", "42000", 1064),
                "SELECT bad", one("0")));
        List<EntryOutcome> outcomes = new CompatRunner(oracle, subject).run(List.of(q("SELECT 1"), q("SELECT 2"),
                q("SELECT 3"), q("SELECT 4"), q("SELECT bad")));
        assertThat(outcomes).extracting(EntryOutcome::verdict).containsExactly(Verdict.PASS, Verdict.REJECTED,
                Verdict.WRONG, Verdict.ERROR, Verdict.ERROR);
        assertThat(outcomes.get(1).detail()).contains("UNION");
        assertThat(outcomes.get(3).detail()).contains("1064"); // the server's 42000 is not a refusal
        assertThat(outcomes.get(4).detail()).contains("plain database");
        CompatReport report = new CompatReport("t", outcomes);
        assertThat(report.summaryLine()).isEqualTo("sql-compat: 5 queries, PASS 1 (20%), REJECTED 1, WRONG 1, ERROR 2");
        assertThat(report.failures()).contains("SELECT 3", "expected", "actual").doesNotContain("SELECT 2");
        assertThat(report.markdown()).contains("| c | 5 | 1 | 1 | 1 | 2 | 20% |");
        assertThat(report.html()).contains("<td>c</td>");
    }

    @Test
    void aRefusedWriteIsNotAppliedToTheOracle() {
        FakePath oracle = new FakePath("oracle", Map.of("UPDATE t SET a = 1", 3L, "DELETE FROM t", 5L));
        FakePath subject = new FakePath("shardline", Map.of(
                "UPDATE t SET a = 1", new SQLFeatureNotSupportedException("UPDATE ... LIMIT is refused", "0A000"),
                "DELETE FROM t", 4L));
        List<EntryOutcome> outcomes = new CompatRunner(oracle, subject).run(List.of(q("UPDATE t SET a = 1"),
                q("DELETE FROM t")));
        assertThat(outcomes).extracting(EntryOutcome::verdict).containsExactly(Verdict.REJECTED, Verdict.WRONG);
        assertThat(oracle.log).containsExactly("DELETE FROM t");
        assertThat(outcomes.get(1).detail()).isEqualTo("update count 5 vs 4");
    }

    private static CorpusEntry q(String sql) {
        return new CorpusEntry("c", sql, sql, List.of(), java.util.Optional.empty(), "f:1");
    }
}

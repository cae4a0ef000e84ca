package io.shardline.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultComparatorTest {

    private static final QueryResult.Column ID = new QueryResult.Column("id", Types.BIGINT, "BIGINT");
    private static final QueryResult.Column AVG = new QueryResult.Column("AVG(score)", Types.DOUBLE, "DOUBLE");
    private static final QueryResult.Column SUM = new QueryResult.Column("SUM(score)", Types.DOUBLE, "DOUBLE");

    @Test
    void orderedComparesRowOrderAndMultisetDoesNot() {
        QueryResult a = result(List.of(ID), row("1"), row("2"), row("2"));
        QueryResult b = result(List.of(ID), row("2"), row("1"), row("2"));
        assertThat(ResultComparator.difference(a, b, false)).isEmpty();
        assertThat(ResultComparator.difference(a, b, true)).hasValueSatisfying(d -> assertThat(d).contains("row 1"));
        QueryResult c = result(List.of(ID), row("1"), row("1"), row("2"));
        assertThat(ResultComparator.difference(a, c, false)).isPresent(); // multiplicity counts
    }

    @Test
    void labelsTypesCountsAndNullsMatter() {
        QueryResult a = result(List.of(ID), row("1"));
        assertThat(ResultComparator.difference(a, result(List.of(new QueryResult.Column("ID", Types.BIGINT, "BIGINT")),
                row("1")), false)).hasValueSatisfying(d -> assertThat(d).contains("column 1"));
        assertThat(ResultComparator.difference(a, result(List.of(new QueryResult.Column("id", Types.DECIMAL,
                "DECIMAL")), row("1")), false)).isPresent();
        assertThat(ResultComparator.difference(a, result(List.of(ID)), false))
                .hasValueSatisfying(d -> assertThat(d).contains("row count 1 vs 0"));
        assertThat(ResultComparator.difference(a, result(List.of(ID), row((String) null)), false)).isPresent();
        assertThat(ResultComparator.difference(a, result(List.of(ID), row("1.0")), false)).isPresent();
    }

    @Test
    void toleranceOnlyForFloatingAvg() {
        QueryResult avg = result(List.of(AVG), row("0.30000000000000004"));
        assertThat(ResultComparator.difference(avg, result(List.of(AVG), row("0.3")), true)).isEmpty();
        assertThat(ResultComparator.difference(avg, result(List.of(AVG), row("0.31")), true)).isPresent();
        QueryResult sum = result(List.of(SUM), row("0.30000000000000004"));
        assertThat(ResultComparator.difference(sum, result(List.of(SUM), row("0.3")), true)).isPresent();
        QueryResult decimalAvg = result(List.of(new QueryResult.Column("AVG(amount)", Types.DECIMAL, "DECIMAL")),
                row("1.00000"));
        assertThat(ResultComparator.difference(decimalAvg, result(decimalAvg.columns(), row("1.0000")), true))
                .isPresent();
    }

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    @SafeVarargs
    private static QueryResult result(List<QueryResult.Column> columns, List<String>... rows) {
        List<List<String>> all = new java.util.ArrayList<>();
        for (List<String> r : rows) {
            all.add(r);
        }
        return new QueryResult(columns, all);
    }
}

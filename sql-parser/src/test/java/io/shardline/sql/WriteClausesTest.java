package io.shardline.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.sql.facts.TableRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cut itself; its users' cases (aliases, schemas, comments, joins in subqueries) are in WriteStatementTest. */
class WriteClausesTest {

    private final SqlParser parser = new SqlParser();

    private WriteClauses cut(String sql, Object... parameters) {
        ParsedStatement parsed = parser.parse(sql);
        TableRef target = parsed.facts().tables().stream().filter(t -> !t.inSubquery()).findFirst().orElseThrow();
        return WriteClauses.of(parsed, target, List.of(parameters));
    }

    @Test
    void parenthesesAndSubqueriesDoNotEndAClause() {
        WriteClauses c = cut("UPDATE t SET a = (SELECT MAX(b) FROM u WHERE u.x = ? ORDER BY b LIMIT 1) "
                + "WHERE id IN (SELECT id FROM v WHERE y = ?) ORDER BY id LIMIT ?", 1, 2, 3);
        assertThat(c.reference()).isEqualTo("t");
        assertThat(c.tail()).isEqualTo("WHERE id IN (SELECT id FROM v WHERE y = ?) ORDER BY id LIMIT ?");
        assertThat(c.tailParameters()).containsExactly(2, 3);
    }

    @Test
    void deleteWithoutWhereHasAnEmptyTailAndOrderByOrLimitStartOne() {
        assertThat(cut("DELETE FROM t_log").tail()).isEmpty();
        assertThat(cut("DELETE FROM t_log").reference()).isEqualTo("t_log");
        WriteClauses ordered = cut("DELETE FROM t_log l ORDER BY created LIMIT 10");
        assertThat(ordered.reference()).isEqualTo("t_log l");
        assertThat(ordered.tail()).isEqualTo("ORDER BY created LIMIT 10");
    }

    @Test
    void aTrailingExecutableCommentStaysWholeAndCommentsInsideDoNotCount() {
        WriteClauses c = cut("UPDATE t SET a = 1 /* WHERE x */ WHERE id = ? /*!50000 AND b = 2 */", 7);
        assertThat(c.tail()).isEqualTo("WHERE id = ? /*!50000 AND b = 2 */");
        assertThat(c.tailParameters()).containsExactly(7);
    }

    @Test
    void refusesOtherStatementsAndMissingParameters() {
        assertThatThrownBy(() -> cut("INSERT INTO t (a) VALUES (1)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INSERT");
        assertThatThrownBy(() -> cut("DELETE FROM t WHERE id = ?")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 1");
    }
}

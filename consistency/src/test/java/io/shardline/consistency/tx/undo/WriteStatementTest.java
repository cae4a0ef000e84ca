package io.shardline.consistency.tx.undo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.sql.SqlParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteStatementTest {
    private static final SqlParser PARSER = new SqlParser();

    private static WriteStatement cut(String sql, Object... params) throws UndoUnsupportedException {
        return WriteStatement.analyze(PARSER, sql, List.of(params));
    }

    @Test
    void updateKeepsAliasAndTakesOnlyTheParametersOfItsTail() throws Exception {
        WriteStatement w = cut("UPDATE t_order_1 AS o SET o.note = ?, o.n = o.n + ? WHERE o.user_id = ? AND o.id IN (?, ?)"
                + " ORDER BY o.id DESC LIMIT 3", "n", 1, 10, 20, 30);
        assertThat(w.kind()).isEqualTo(WriteStatement.Kind.UPDATE);
        assertThat(w.table().name()).isEqualTo("t_order_1");
        assertThat(w.reference()).isEqualTo("t_order_1 AS o");
        assertThat(w.tail()).isEqualTo("WHERE o.user_id = ? AND o.id IN (?, ?) ORDER BY o.id DESC LIMIT 3");
        assertThat(w.tailParameters()).containsExactly(10, 20, 30);
        assertThat(w.hasLimit()).isTrue();
    }

    @Test
    void deleteWithoutWhereButWithLimitAndTrailingCommentAndSemicolon() throws Exception {
        WriteStatement w = cut("/* app */ DELETE FROM `s`.`t` LIMIT ? ; -- done", 5);
        assertThat(w.reference()).isEqualTo("`s`.`t`");
        assertThat(w.schema()).contains("s");
        assertThat(w.tail()).isEqualTo("LIMIT ?");
        assertThat(w.tailParameters()).containsExactly(5);
    }

    @Test
    void deleteWithAnAlias() throws Exception {
        WriteStatement w = cut("DELETE FROM t_order_0 AS o WHERE o.id = ?", 7);
        assertThat(w.kind()).isEqualTo(WriteStatement.Kind.DELETE);
        assertThat(w.reference()).isEqualTo("t_order_0 AS o");
        assertThat(w.tail()).isEqualTo("WHERE o.id = ?");
        assertThat(w.tailParameters()).containsExactly(7);
    }

    @Test
    void whereInsideParenthesesOfTheSetClauseIsNotTheStatementsWhere() throws Exception {
        WriteStatement w = cut("UPDATE t SET a = (SELECT MAX(x) FROM u WHERE u.k = ?) WHERE id = ?", 1, 2);
        assertThat(w.reference()).isEqualTo("t");
        assertThat(w.tail()).isEqualTo("WHERE id = ?");
        assertThat(w.tailParameters()).containsExactly(2);
    }

    @Test
    void aJoinInsideASubqueryOfTheWhereIsStillASingleTableWrite() throws Exception {
        WriteStatement w = cut("DELETE FROM t WHERE id IN (SELECT a.id FROM a JOIN b ON a.k = b.k WHERE b.x = ?)", 3);
        assertThat(w.table().name()).isEqualTo("t");
        assertThat(w.tailParameters()).containsExactly(3);
    }

    @Test
    void updateOfEveryRow() throws Exception {
        WriteStatement w = cut("UPDATE t SET a = 1");
        assertThat(w.tail()).isEmpty();
        assertThat(w.tailParameters()).isEmpty();
    }

    @Test
    void refusalsNameTheConstruct() {
        assertThatThrownBy(() -> cut("REPLACE INTO t (id) VALUES (1)")).isInstanceOf(UndoUnsupportedException.class)
                .extracting(e -> ((UndoUnsupportedException) e).construct()).isEqualTo("REPLACE");
        assertThatThrownBy(() -> cut("UPDATE a, b SET a.x = b.x WHERE a.id = b.id"))
                .isInstanceOf(UndoUnsupportedException.class).hasMessageContaining("multi-table UPDATE");
        assertThatThrownBy(() -> cut("INSERT INTO t (id) VALUES (1) ON DUPLICATE KEY UPDATE id = 2"))
                .isInstanceOf(UndoUnsupportedException.class).hasMessageContaining("ON DUPLICATE KEY UPDATE");
        assertThatThrownBy(() -> cut("CREATE TABLE t (id INT)")).isInstanceOf(UndoUnsupportedException.class)
                .hasMessageContaining("CREATE_TABLE");
    }
}

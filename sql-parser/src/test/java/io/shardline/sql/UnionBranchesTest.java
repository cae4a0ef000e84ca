package io.shardline.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cut of a top-level UNION; how the planner uses it is in the router's UnionPlannerTest. */
class UnionBranchesTest {

    private final SqlParser parser = new SqlParser();

    private UnionBranches cut(String sql) {
        return UnionBranches.of(parser.parse(sql)).orElseThrow();
    }

    private static List<String> texts(UnionBranches union) {
        return union.branches().stream().map(b -> b.text(union.sql())).toList();
    }

    @Test
    void branchesAreCutAtTopLevelUnionsAndEachKnowsItsOperator() {
        UnionBranches union = cut("SELECT a FROM t UNION ALL SELECT b FROM u UNION DISTINCT SELECT c FROM v");
        assertThat(texts(union)).containsExactly("SELECT a FROM t", "SELECT b FROM u", "SELECT c FROM v");
        assertThat(union.branches()).extracting(UnionBranches.Branch::distinct).containsExactly(false, false, true);
        assertThat(union.tail().text(union.sql())).isEmpty();
    }

    @Test
    void aDistinctUnionReachesEveryBranchToItsLeft() {
        assertThat(cut("SELECT 1 UNION ALL SELECT 2").distinctBranches()).isZero();
        assertThat(cut("SELECT 1 UNION SELECT 2").distinctBranches()).isEqualTo(2);
        assertThat(cut("SELECT 1 UNION ALL SELECT 2 UNION SELECT 3 UNION ALL SELECT 4").distinctBranches())
                .isEqualTo(3);
        assertThat(cut("SELECT 1 UNION SELECT 2 UNION ALL SELECT 3").distinctBranches()).isEqualTo(2);
    }

    @Test
    void theOrderByAndLimitAfterTheLastUnparenthesisedSelectAreTheUnions() {
        UnionBranches union = cut("SELECT a FROM t WHERE x = ? UNION SELECT b FROM u WHERE y = (SELECT MAX(y) FROM w"
                + " ORDER BY y LIMIT 1) AND z = ? ORDER BY a DESC LIMIT ?;");
        assertThat(texts(union)).containsExactly("SELECT a FROM t WHERE x = ?",
                "SELECT b FROM u WHERE y = (SELECT MAX(y) FROM w ORDER BY y LIMIT 1) AND z = ?");
        assertThat(union.tail().text(union.sql())).isEqualTo("ORDER BY a DESC LIMIT ?");
        List<Object> parameters = List.of(1, 2, 3);
        assertThat(union.branches().get(0).parameters(parameters)).containsExactly(1);
        assertThat(union.branches().get(1).parameters(parameters)).containsExactly(2);
        assertThat(union.tailParameters(parameters)).containsExactly(3);
    }

    @Test
    void parenthesisedSelectsKeepTheirOwnOrderByAndLimit() {
        UnionBranches union = cut("(SELECT a FROM t ORDER BY a LIMIT ?) UNION ALL ( SELECT b FROM u ORDER BY b LIMIT 2 )"
                + " ORDER BY 1 LIMIT ?, ?");
        assertThat(texts(union)).containsExactly("SELECT a FROM t ORDER BY a LIMIT ?",
                "SELECT b FROM u ORDER BY b LIMIT 2");
        assertThat(union.tail().text(union.sql())).isEqualTo("ORDER BY 1 LIMIT ?, ?");
        List<Object> parameters = List.of(5, 6, 7);
        assertThat(union.branches().get(0).parameters(parameters)).containsExactly(5);
        assertThat(union.branches().get(1).parameters(parameters)).isEmpty();
        assertThat(union.tailParameters(parameters)).containsExactly(6, 7);
    }

    @Test
    void stringsCommentsAndSubqueriesNeverCut() {
        UnionBranches union = cut("SELECT 'x UNION y' AS s FROM t /* UNION ALL */ WHERE id IN (SELECT id FROM v UNION"
                + " SELECT id FROM w) -- UNION\n UNION SELECT `union` FROM u");
        assertThat(texts(union)).containsExactly(
                "SELECT 'x UNION y' AS s FROM t /* UNION ALL */ WHERE id IN (SELECT id FROM v UNION SELECT id FROM w)",
                "SELECT `union` FROM u");
        assertThat(UnionBranches.of(parser.parse("SELECT COUNT(*) FROM (SELECT a FROM t UNION SELECT b FROM u) x")))
                .as("a UNION inside a derived table is not a top-level one").isEqualTo(Optional.empty());
        assertThat(UnionBranches.of(parser.parse("SELECT a FROM t WHERE a = 'UNION'"))).isEmpty();
    }

    @Test
    void setOperationsOtherThanUnionAndAWithClauseAreRefusedByName() {
        assertThatThrownBy(() -> cut("SELECT a FROM t INTERSECT SELECT a FROM u"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("INTERSECT is not supported");
        assertThatThrownBy(() -> cut("SELECT a FROM t UNION SELECT a FROM u EXCEPT SELECT a FROM v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("EXCEPT is not supported");
        assertThatThrownBy(() -> cut("WITH x AS (SELECT a FROM t) SELECT a FROM x UNION SELECT a FROM u"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WITH clause");
    }
}

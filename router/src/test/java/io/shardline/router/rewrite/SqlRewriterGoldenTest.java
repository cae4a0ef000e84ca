package io.shardline.router.rewrite;

import static org.junit.jupiter.api.Assertions.fail;

import io.shardline.router.plan.ExecutionUnit;
import io.shardline.router.plan.PlanningException;
import io.shardline.sql.ParsedStatement;
import io.shardline.sql.SqlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every golden case of {@code src/test/resources/rewrite/*.yaml}; a mismatch prints the ACTUAL result as YAML so
 * a reviewer can check it and accept it.
 */
class SqlRewriterGoldenTest {
    private static final SqlParser PARSER = new SqlParser();
    private static final SqlRewriter REWRITER = new SqlRewriter(GoldenCases.rule());

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        return GoldenCases.load().stream()
                .map(c -> DynamicTest.dynamicTest(c.file() + ": " + c.comment(), () -> check(c)));
    }

    @Test
    void thereAreEnoughCases() {
        if (GoldenCases.load().size() < 80) {
            fail("only " + GoldenCases.load().size() + " golden cases");
        }
    }

    private static void check(GoldenCases.Case c) {
        ParsedStatement st = PARSER.parse(c.sql());
        RewriteResult result;
        try {
            result = REWRITER.rewrite(st, c.params(), c.route());
        } catch (PlanningException e) {
            if (c.error() != null && e.getMessage().contains(c.error())) {
                return;
            }
            fail("unexpected error: " + e.getMessage() + (c.error() == null ? "" : "\nexpected: " + c.error()), e);
            return;
        }
        if (c.error() != null) {
            fail("expected error '" + c.error() + "' but got:\n" + actual(result));
        }
        if (!result.units().equals(c.expectUnits()) || !GoldenCases.render(result.merge()).equals(c.expectMerge())) {
            fail("mismatch; ACTUAL:\n" + actual(result));
        }
        // Identity: a statement whose units need no edit comes back as the same string.
        for (ExecutionUnit u : result.units()) {
            if (u.sql().equals(c.sql()) && u.sql() != c.sql() && result.merge().isEmpty()) {
                fail("unchanged SQL was copied instead of returned as is");
            }
        }
    }

    static String actual(RewriteResult result) {
        StringBuilder b = new StringBuilder("  expect:\n    units:\n");
        for (ExecutionUnit u : result.units()) {
            b.append("      - ds: ").append(u.dataSource()).append('\n');
            b.append("        sql: ").append(quote(u.sql())).append('\n');
            List<String> ps = new ArrayList<>();
            for (Object p : u.parameters()) {
                ps.add(p instanceof String ? quote((String) p) : String.valueOf(p));
            }
            b.append("        params: ").append(ps).append('\n');
        }
        b.append("    merge: ").append(quote(GoldenCases.render(result.merge()))).append('\n');
        return b.toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}

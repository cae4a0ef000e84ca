package io.shardline.sql.analyze;

import io.shardline.sql.SqlParseException;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.StatementKind;
import io.shardline.sql.normalize.MySqlClauseStripper;
import io.shardline.sql.normalize.NormalizedStatement;
import java.util.Optional;

/**
 * Chooses the analysis for a normalized statement: the fast path ({@link FastPathAnalyzer}) for the simplest DML and
 * queries, Calcite for the rest of DML and queries, the lexer for everything else.
 */
public final class StatementAnalyzer {

    private StatementAnalyzer() {
    }

    /**
     * Analyses a statement (cache miss path).
     *
     * @throws SqlParseException when the statement is malformed or uses an unsupported construct
     */
    public static StatementFacts analyze(NormalizedStatement ns) {
        return analyze(ns, true);
    }

    /**
     * The same analysis without the fast path: every DML statement goes through the stripper and Calcite. Package-private
     * on purpose: it exists so tests can prove the fast path produces exactly what this path produces.
     */
    static StatementFacts analyzeWithCalcite(NormalizedStatement ns) {
        return analyze(ns, false);
    }

    /** The fast path's facts for {@code ns}, empty when it declines (for the differential test). */
    static Optional<StatementFacts> fastPathOnly(NormalizedStatement ns) {
        StatementKind dml = ns.size() == 0 ? null : dmlKind(ns);
        return dml == null ? Optional.empty() : FastPathAnalyzer.analyze(ns, dml);
    }

    private static StatementFacts analyze(NormalizedStatement ns, boolean fastPath) {
        if (ns.size() == 0) {
            throw SqlParseException.at(ns.sql(), 0, "empty statement", "", null);
        }
        StatementKind dml = dmlKind(ns);
        if (dml == null) {
            return LexicalClassifier.classify(ns);
        }
        if (fastPath) {
            // Simple statements (most of what ORMs send) skip Calcite; anything else, and every error, takes Calcite.
            Optional<StatementFacts> fast = FastPathAnalyzer.analyze(ns, dml);
            if (fast.isPresent()) {
                return fast.get();
            }
        }
        return CalciteAnalyzer.analyze(ns, MySqlClauseStripper.strip(ns, dml));
    }

    private static StatementKind dmlKind(NormalizedStatement ns) {
        int u = 0;
        while (ns.isChar(u, '(')) {
            u++;
        }
        if (ns.isWord(u, "SELECT") || ns.isWord(u, "WITH")) {
            return StatementKind.SELECT;
        }
        if (u > 0) {
            return null;
        }
        if (ns.isWord(0, "INSERT")) {
            return StatementKind.INSERT;
        }
        if (ns.isWord(0, "REPLACE")) {
            return StatementKind.REPLACE;
        }
        if (ns.isWord(0, "UPDATE")) {
            return StatementKind.UPDATE;
        }
        if (ns.isWord(0, "DELETE")) {
            return StatementKind.DELETE;
        }
        return null;
    }
}

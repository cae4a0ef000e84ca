package io.shardline.sql.analyze;

import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.normalize.NormalizedStatement;
import java.util.Optional;

/** Test-only bridge to the package-private analysis paths, for tests in other packages. */
public final class AnalyzerPaths {

    private AnalyzerPaths() {
    }

    /** The Calcite path alone (no fast path). */
    public static StatementFacts calcite(NormalizedStatement ns) {
        return StatementAnalyzer.analyzeWithCalcite(ns);
    }

    /** The fast path alone; empty when it declines. */
    public static Optional<StatementFacts> fast(NormalizedStatement ns) {
        return StatementAnalyzer.fastPathOnly(ns);
    }
}

package io.shardline.sql.analyze;

import io.shardline.sql.SqlParseException;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.StatementKind;
import io.shardline.sql.normalize.MySqlClauseStripper;
import io.shardline.sql.normalize.NormalizedStatement;

/** Chooses the analysis for a normalized statement: Calcite for DML and queries, the lexer for everything else. */
public final class StatementAnalyzer {

    private StatementAnalyzer() {
    }

    /**
     * Analyses a statement (cache miss path).
     *
     * @throws SqlParseException when the statement is malformed or uses an unsupported construct
     */
    public static StatementFacts analyze(NormalizedStatement ns) {
        if (ns.size() == 0) {
            throw SqlParseException.at(ns.sql(), 0, "empty statement", "", null);
        }
        StatementKind dml = dmlKind(ns);
        if (dml == null) {
            return LexicalClassifier.classify(ns);
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

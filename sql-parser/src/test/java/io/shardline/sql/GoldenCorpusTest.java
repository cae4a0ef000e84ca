package io.shardline.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.shardline.sql.facts.Analysis;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.TableRef;
import io.shardline.sql.lexer.MySqlLexer;
import io.shardline.sql.lexer.TokenStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs every golden case: compares the listed fields of the rendered facts (or the expected error), checks that
 * splicing the original text is exact, that a second parse hits the cache, and the analysed/classified/rejected
 * ratios over the corpus. On a mismatch it prints the full actual rendering so a reviewer can accept it.
 */
class GoldenCorpusTest {

    @Test
    void goldenCorpus() {
        List<GoldenCorpus.Case> cases = GoldenCorpus.load();
        SqlParser parser = new SqlParser();
        List<String> failures = new ArrayList<>();
        int full = 0;
        int classified = 0;
        int rejected = 0;
        int analysableKinds = 0;
        int analysableFull = 0;
        for (GoldenCorpus.Case c : cases) {
            boolean analysable = !c.invalid() && isAnalysableKind(c.sql());
            if (analysable) {
                analysableKinds++;
            }
            ParsedStatement ps;
            try {
                ps = parser.parse(c.sql());
            } catch (SqlParseException e) {
                rejected++;
                checkError(c, e, failures);
                continue;
            }
            if (ps.facts().analysis() == Analysis.FULL) {
                full++;
                if (analysable) {
                    analysableFull++;
                }
            } else {
                classified++;
            }
            if (c.error() != null) {
                failures.add(c.name() + "\n  expected error " + c.error() + "\n  actual: " + shorten(ps.describe()));
                continue;
            }
            Map<String, String> actual = FactsRenderer.fields(ps);
            for (Map.Entry<String, String> e : c.expect().entrySet()) {
                String got = actual.get(e.getKey());
                boolean ok = e.getValue().equals("-") ? got == null : e.getValue().equals(got);
                if (!ok) {
                    failures.add(c.name() + "\n  sql: " + shorten(c.sql()) + "\n  field '" + e.getKey() + "' expected: "
                            + e.getValue() + "\n  field '" + e.getKey() + "' actual:   " + got + "\n  actual facts: "
                            + shorten(ps.describe()));
                }
            }
            checkSplice(c, ps, failures);
            ParsedStatement again = parser.parse(c.sql());
            if (again.facts() != ps.facts()) {
                failures.add(c.name() + "\n  second parse did not reuse the cached facts");
            }
            checkShiftedVariant(c, parser, ps, failures);
            checkLiteralVariant(c, parser, ps, failures);
        }
        System.out.printf(Locale.ROOT, "golden corpus: %d cases; fully analysed %d, classified %d, rejected %d;"
                + " valid statements of analysable kinds (SELECT/INSERT/REPLACE/UPDATE/DELETE) fully analysed"
                + " %d/%d = %.1f%%%n", cases.size(), full, classified, rejected,
                analysableFull, analysableKinds, 100.0 * analysableFull / analysableKinds);
        if (!failures.isEmpty()) {
            fail(failures.size() + " golden case(s) failed:\n\n" + String.join("\n\n", failures));
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(250);
        assertThat(100.0 * analysableFull / analysableKinds).isGreaterThanOrEqualTo(95.0);
    }

    private static void checkError(GoldenCorpus.Case c, SqlParseException e, List<String> failures) {
        if (c.error() == null) {
            failures.add(c.name() + "\n  sql: " + shorten(c.sql()) + "\n  unexpected error: " + e.getMessage());
            return;
        }
        Object construct = c.error().get("construct");
        if (construct != null && !e.construct().equals(String.valueOf(construct))) {
            failures.add(c.name() + "\n  expected construct: " + construct + "\n  actual construct:   " + e.construct()
                    + "\n  message: " + e.getMessage());
        }
        Object line = c.error().get("line");
        if (line != null && e.line() != ((Number) line).intValue()) {
            failures.add(c.name() + "\n  expected line " + line + " but was " + e.line());
        }
        Object column = c.error().get("column");
        if (column != null && e.column() != ((Number) column).intValue()) {
            failures.add(c.name() + "\n  expected column " + column + " but was " + e.column() + "\n" + e.snippet());
        }
        if (!e.snippet().contains("^")) {
            failures.add(c.name() + "\n  snippet without caret: " + e.snippet());
        }
    }

    /**
     * A leading comment changes neither the normalized text nor the facts: the variant must hit the cache, and every
     * table span it resolves to must be the original span shifted by the comment's length.
     */
    private static void checkShiftedVariant(GoldenCorpus.Case c, SqlParser parser, ParsedStatement ps,
            List<String> failures) {
        String prefix = "/* shifted */ ";
        ParsedStatement shifted = parser.parse(prefix + c.sql());
        if (shifted.facts() != ps.facts()) {
            failures.add(c.name() + "\n  a leading comment changed the cache entry");
            return;
        }
        for (TableRef t : ps.facts().tables()) {
            if (shifted.span(t).start() != ps.span(t).start() + prefix.length()
                    || shifted.span(t).end() != ps.span(t).end() + prefix.length()) {
                failures.add(c.name() + "\n  span of " + t.name() + " did not shift with the leading comment");
            }
        }
    }

    /**
     * Replacing every extracted literal by another literal must give the same cache entry (facts are
     * literal-independent) and the new values must resolve from the variant.
     */
    private static void checkLiteralVariant(GoldenCorpus.Case c, SqlParser parser, ParsedStatement ps,
            List<String> failures) {
        if (ps.literalCount() == 0) {
            return;
        }
        List<TextSplice> edits = new ArrayList<>();
        for (int j = 0; j < ps.literalCount(); j++) {
            edits.add(new TextSplice(ps.literal(j).start(), ps.literal(j).end(), "12345"));
        }
        ParsedStatement variant = parser.parse(Splicer.apply(c.sql(), edits));
        if (variant.facts() != ps.facts()) {
            failures.add(c.name() + "\n  changing literal values changed the cache entry:\n  " + ps.normalizedText()
                    + "\n  " + variant.normalizedText());
            return;
        }
        for (int j = 0; j < variant.literalCount(); j++) {
            if (!Long.valueOf(12345).equals(variant.literal(j).value())) {
                failures.add(c.name() + "\n  literal " + j + " of the variant resolved to " + variant.literal(j).value());
            }
        }
    }

    /** Splicing with no edits, and with every table replaced by its own text, must give the input byte for byte. */
    private static void checkSplice(GoldenCorpus.Case c, ParsedStatement ps, List<String> failures) {
        String sql = c.sql();
        if (!Splicer.apply(sql, List.of()).equals(sql)) {
            failures.add(c.name() + "\n  splice with no edits changed the text");
        }
        StatementFacts f = ps.facts();
        List<TextSplice> same = new ArrayList<>();
        for (TableRef t : f.tables()) {
            TextSpan name = ps.nameSpan(t);
            String written = name.text(sql);
            String unquoted = written.startsWith("`") ? written.substring(1, written.length() - 1).replace("``", "`")
                    : written;
            if (!unquoted.equals(t.name())) {
                failures.add(c.name() + "\n  table name span " + name + " covers '" + written + "', not " + t.name());
            }
            same.add(new TextSplice(name.start(), name.end(), written));
        }
        if (!Splicer.apply(sql, same).equals(sql)) {
            failures.add(c.name() + "\n  identity splice of table names changed the text");
        }
    }

    /** Whether the first significant word (after opening parentheses) is a grammar-analysed statement kind. */
    private static boolean isAnalysableKind(String sql) {
        TokenStream tokens;
        try {
            tokens = MySqlLexer.lex(sql);
        } catch (SqlParseException e) {
            return sql.stripLeading().toUpperCase(Locale.ROOT).startsWith("SELECT");
        }
        for (int t = 0; t < tokens.size(); t++) {
            if (!tokens.type(t).isSignificant() || tokens.isChar(t, '(')) {
                continue;
            }
            for (String w : new String[] {"SELECT", "WITH", "INSERT", "REPLACE", "UPDATE", "DELETE"}) {
                if (tokens.isWord(t, w)) {
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    private static String shorten(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "... (" + s.length() + " chars)" : s;
    }
}

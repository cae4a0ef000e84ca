package io.shardline.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.shardline.sql.analyze.AnalyzerPaths;
import io.shardline.sql.analyze.StatementAnalyzer;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.lexer.MySqlLexer;
import io.shardline.sql.normalize.Keywords;
import io.shardline.sql.normalize.NormalizedStatement;
import io.shardline.sql.normalize.Normalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Proves the fast path equal to the Calcite path: every statement of the golden corpus, of the sql-compat corpora and
 * of several generated families runs through both; whenever the fast path accepts a statement its facts must be EQUAL
 * (record equality) to the Calcite path's, and the Calcite path must accept it. The combined analysis (what the parser
 * really runs) must equal the Calcite path exactly, facts or error message. The test prints how many statements took
 * the fast path per family and fails if that share is too small to prove anything.
 */
class FastPathDifferentialTest {

    /** Outcome counters of one family of statements. */
    private static final class Tally {
        int statements;
        int dml;
        int calciteAccepted;
        int fast;
    }

    private final List<String> failures = new ArrayList<>();
    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    @Test
    void fastPathFactsEqualCalcitePathFacts() throws IOException {
        List<String> golden = new ArrayList<>();
        for (GoldenCorpus.Case c : GoldenCorpus.load()) {
            golden.add(c.sql());
        }
        List<String> compat = compatCorpus();
        assertThat(compat).as("sql-compat corpus statements").hasSizeGreaterThan(200);

        run("golden corpus", golden, true);
        run("sql-compat corpus", compat, true);
        List<String> corpus = new ArrayList<>(golden);
        corpus.addAll(compat);
        run("corpus, literals as ?", literalsAsPlaceholders(corpus), true);
        run("keywords as names", keywordNames(), false);
        run("random simple shapes", randomShapes(new Random(20261201L), 3000), false);
        List<String> accepted = new ArrayList<>();
        for (String sql : corpus) {
            try {
                if (fast(sql) != null) {
                    accepted.add(sql);
                }
            } catch (SqlParseException e) {
                // not lexable: nothing to mutate
            }
        }
        accepted.addAll(randomShapes(new Random(7L), 300));
        // Most mutants are invalid, and a Calcite parse error costs milliseconds: a fixed random sample keeps this fast.
        List<String> mutants = mutants(accepted);
        java.util.Collections.shuffle(mutants, new Random(42L));
        run("token mutants of fast-path statements", mutants.subList(0, Math.min(8000, mutants.size())), false);

        tallies.forEach((family, t) -> System.out.printf(Locale.ROOT,
                "fast path, %-40s %6d statements, %6d DML, %6d accepted by Calcite, %6d took the fast path (%.0f%% of"
                        + " accepted DML)%n", family + ":", t.statements, t.dml, t.calciteAccepted, t.fast,
                100.0 * t.fast / Math.max(1, t.calciteAccepted)));
        if (!failures.isEmpty()) {
            fail(failures.size() + " statement(s) differ between the fast path and the Calcite path:\n\n"
                    + String.join("\n\n", failures.subList(0, Math.min(40, failures.size()))));
        }
        // A differential test where nothing takes the fast path would prove nothing.
        assertThat(tallies.get("sql-compat corpus").fast).isGreaterThanOrEqualTo(100);
        assertThat(tallies.get("golden corpus").fast).isGreaterThanOrEqualTo(40);
        assertThat(tallies.get("random simple shapes").fast).isGreaterThanOrEqualTo(500);
        assertThat(tallies.get("token mutants of fast-path statements").fast).isGreaterThanOrEqualTo(300);
    }

    @Test
    void benchmarkShapesTakeTheFastPathAndOthersDoNot() {
        assertThat(fast("SELECT order_id, user_id, status, amount FROM t_order WHERE order_id = 1000")).isNotNull();
        assertThat(fast("INSERT INTO t_order (order_id, user_id, status, amount) VALUES (1, 2, 'NEW', 1.5), (2, 3, 'NEW', 2.5)"))
                .isNotNull();
        assertThat(fast("UPDATE t_order SET status = ? WHERE order_id = ? AND user_id = ?")).isNotNull();
        assertThat(fast("DELETE FROM t_order WHERE order_id IN (?, ?, ?)")).isNotNull();
        // Outside the recognised shapes: declined, so Calcite decides.
        assertThat(fast("SELECT o.a FROM t o JOIN u ON o.id = u.id")).isNull();
        assertThat(fast("SELECT a FROM t WHERE a = ? FOR UPDATE")).isNull();
        assertThat(fast("SELECT a FROM t WHERE a = ?; SELECT 1")).isNull();
        assertThat(fast("SELECT value FROM t")).isNull();
        String open = "(".repeat(10);
        String close = ")".repeat(10);
        assertThat(fast("SELECT a FROM t WHERE " + open + "a = ?" + close)).isNotNull();
        // Very deep nesting is Calcite's to accept or refuse; the fast path must not recurse without bound.
        assertThat(fast("SELECT a FROM t WHERE " + "(".repeat(5000) + "a = ?" + ")".repeat(5000))).isNull();
    }

    private static StatementFacts fast(String sql) {
        return AnalyzerPaths.fast(Normalizer.normalize(MySqlLexer.lex(sql))).orElse(null);
    }

    /**
     * Runs one family. {@code combined} also runs the parser's real analysis (fast path, else Calcite) and compares it
     * with the Calcite path, facts or error message; it is skipped for generated families to keep the test quick.
     */
    private void run(String family, List<String> statements, boolean combined) {
        Tally t = tallies.computeIfAbsent(family, f -> new Tally());
        for (String sql : statements) {
            t.statements++;
            NormalizedStatement ns;
            try {
                ns = Normalizer.normalize(MySqlLexer.lex(sql));
            } catch (SqlParseException e) {
                continue; // the lexer rejects it before either path runs
            }
            StatementFacts calcite = null;
            String calciteError = null;
            try {
                calcite = AnalyzerPaths.calcite(ns);
            } catch (SqlParseException e) {
                calciteError = e.getMessage();
            }
            boolean dml = calciteError != null || calcite.analysis() == io.shardline.sql.facts.Analysis.FULL;
            if (dml) {
                t.dml++;
            }
            if (calcite != null && dml) {
                t.calciteAccepted++;
            }
            StatementFacts fast;
            try {
                fast = AnalyzerPaths.fast(ns).orElse(null);
            } catch (RuntimeException e) {
                failures.add(family + ": the fast path threw " + e + "\n  sql: " + shorten(sql));
                continue;
            }
            if (fast != null) {
                t.fast++;
                if (calcite == null) {
                    failures.add(family + ": fast path accepted what Calcite rejects\n  sql: " + shorten(sql)
                            + "\n  Calcite: " + calciteError);
                } else if (!fast.equals(calcite)) {
                    failures.add(family + ": facts differ\n  sql: " + shorten(sql) + "\n  fast:    " + shorten(fast.toString())
                            + "\n  Calcite: " + shorten(calcite.toString()));
                }
            }
            if (!combined) {
                continue;
            }
            // What the parser really runs must be indistinguishable from the Calcite path.
            try {
                StatementFacts real = StatementAnalyzer.analyze(ns);
                if (calcite == null) {
                    failures.add(family + ": accepted, but Calcite rejects: " + calciteError + "\n  sql: " + shorten(sql));
                } else if (!real.equals(calcite)) {
                    failures.add(family + ": combined analysis differs\n  sql: " + shorten(sql));
                }
            } catch (SqlParseException e) {
                if (!e.getMessage().equals(calciteError)) {
                    failures.add(family + ": error differs\n  sql: " + shorten(sql) + "\n  combined: " + e.getMessage()
                            + "\n  Calcite:  " + calciteError);
                }
            }
        }
    }

    // ---------------------------------------------------------------- statement families

    /** Every statement of every .sql file under sql-compat's test resources (corpora, schemas, data). */
    private static List<String> compatCorpus() throws IOException {
        Path root = Path.of("..", "sql-compat", "src", "test", "resources");
        assertThat(root).as("sql-compat test resources (run from the sql-parser module directory)").isDirectory();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            StringBuilder sql = new StringBuilder();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                if (sql.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                    continue;
                }
                sql.append(sql.length() == 0 ? "" : "\n").append(line);
                if (trimmed.endsWith(";")) {
                    out.add(sql.toString());
                    sql.setLength(0);
                }
            }
        }
        return out;
    }

    /** Each statement with every extracted literal replaced by an application {@code ?}. */
    private static List<String> literalsAsPlaceholders(List<String> statements) {
        List<String> out = new ArrayList<>();
        for (String sql : statements) {
            NormalizedStatement ns;
            try {
                ns = Normalizer.normalize(MySqlLexer.lex(sql));
            } catch (SqlParseException e) {
                continue;
            }
            if (ns.literalCount() == 0 || sql.length() > 20_000) {
                continue;
            }
            List<TextSplice> edits = new ArrayList<>();
            for (int j = 0; j < ns.literalCount(); j++) {
                int unit = ns.literalUnit(j);
                edits.add(new TextSplice(ns.start(unit), ns.end(unit), "?"));
            }
            out.add(Splicer.apply(sql, edits));
        }
        return out;
    }

    /**
     * Every Calcite keyword, MySQL reserved word and a few MySQL-only words, in every name position of every shape the
     * fast path accepts, upper and lower case, bare and backticked: the fast path must defer or agree.
     */
    private static List<String> keywordNames() {
        Set<String> words = new TreeSet<>();
        org.apache.calcite.sql.parser.SqlAbstractParserImpl.Metadata md =
                org.apache.calcite.sql.parser.SqlParser.create("").getMetadata();
        for (String w : md.getTokens()) {
            if (md.isKeyword(w) && w.matches("[A-Z_][A-Z0-9_]*")) {
                words.add(w);
            }
        }
        for (String w : List.of("SQL_NO_CACHE", "SQL_CALC_FOUND_ROWS", "HIGH_PRIORITY", "STRAIGHT_JOIN", "REGEXP", "RLIKE",
                "DIV", "XOR", "LOCK", "FORCE", "USE", "IGNORE", "KEY", "INDEX", "DUAL", "OFFSET", "COLLATE", "MATCH",
                "DISTINCTROW", "QUICK", "LOW_PRIORITY", "DELAYED", "VALUE", "SHARE", "MODE", "NOWAIT", "SKIP", "LOCKED")) {
            words.add(w);
        }
        assertThat(words).hasSizeGreaterThan(300);
        assertThat(Keywords.isCalciteKeyword("NAME")).isTrue();
        List<String> out = new ArrayList<>();
        for (String upper : words) {
            String lower = upper.toLowerCase(Locale.ROOT);
            for (String k : List.of(lower, "`" + upper + "`", upper)) {
                boolean all = k.equals(lower);
                out.add("SELECT " + k + " FROM t WHERE " + k + " = ? ORDER BY " + k);
                out.add("SELECT a " + k + " FROM t ORDER BY " + k + " DESC");
                out.add("SELECT a AS " + k + ", COUNT(" + k + ") FROM t ORDER BY " + k);
                out.add("SELECT * FROM t " + k + " WHERE a = 1");
                out.add("INSERT INTO " + k + " (" + k + ", b) VALUES (?, 1)");
                out.add("UPDATE " + k + " SET " + k + " = ? WHERE " + k + " < 5");
                if (!all) {
                    continue;
                }
                out.add("SELECT " + k + ".a FROM " + k + " WHERE " + k + ".b IN (1, 2)");
                out.add("SELECT t." + k + " FROM s." + k + " t WHERE t." + k + " BETWEEN 1 AND 2");
                out.add("SELECT * FROM t " + k);
                out.add("SELECT * FROM t AS " + k + " LIMIT 1");
                out.add("SELECT " + k + " FROM t LIMIT ?");
                out.add("SELECT a FROM t WHERE a = ? " + k);
                out.add("SELECT a FROM t WHERE " + k + " IS NULL OR " + k + " LIKE 'x%'");
                out.add("SELECT a FROM t " + k + " ORDER BY a");
                out.add("SELECT a, b " + k + " FROM t");
                out.add("REPLACE INTO t (" + k + ") VALUES (NULL)");
                out.add("DELETE FROM " + k + " WHERE " + k + " NOT IN (1, ?)");
            }
        }
        return out;
    }

    private static final String[] COLUMNS = {"id", "user_id", "order_id", "status", "amount", "name", "`select`",
        "`a b`", "`x``y`", "type", "data", "created_at", "_c", "C1", "t.id", "o.user_id", "s.t.c", "`t`.`id`"};
    private static final String[] TABLES = {"t_order", "t_user", "s.t_order", "`t-x`", "orders", "`db`.`t`"};
    private static final String[] VALUES = {"?", "1", "-5", "1.5", "'a'", "'It''s'", "_utf8mb4'x'", "0x4D", "b'101'",
        "1e3", "NULL", "TRUE", "DATE '2024-01-01'", "(?)", "? + 1", "'a' 'b'"};
    private static final String[] COMPARATORS = {"=", "<", "<=", ">", ">=", "<>", "!=", "<=>"};

    /** Random statements around the fast path's shapes, including near misses Calcite may accept or reject. */
    private static List<String> randomShapes(Random r, int count) {
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < count) {
            switch (r.nextInt(5)) {
                case 0, 1 -> out.add(randomSelect(r));
                case 2 -> out.add(randomInsert(r));
                case 3 -> out.add("UPDATE " + pick(r, TABLES) + " SET " + assignments(r) + where(r));
                default -> out.add("DELETE FROM " + pick(r, TABLES) + where(r));
            }
        }
        return new ArrayList<>(out);
    }

    private static String randomSelect(Random r) {
        StringBuilder sb = new StringBuilder("SELECT ");
        if (r.nextInt(6) == 0) {
            sb.append("DISTINCT ");
        }
        int items = 1 + r.nextInt(4);
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            sb.append(i == 0 ? "" : ", ");
            switch (r.nextInt(8)) {
                case 0 -> sb.append('*');
                case 1 -> sb.append("t.*");
                case 2 -> sb.append(pick(r, "COUNT", "count", "SUM", "AVG", "MIN", "max")).append('(')
                        .append(r.nextInt(3) == 0 ? "DISTINCT " : "").append(r.nextInt(3) == 0 ? "*" : pick(r, COLUMNS))
                        .append(')');
                case 3 -> sb.append("COUNT(*)");
                default -> sb.append(pick(r, COLUMNS));
            }
            int a = r.nextInt(5);
            if (a == 0) {
                String alias = pick(r, "x", "cnt", "`total`", "id", "n");
                aliases.add(alias);
                sb.append(" AS ").append(alias);
            } else if (a == 1) {
                String alias = pick(r, "y", "c2", "status");
                aliases.add(alias);
                sb.append(' ').append(alias);
            }
        }
        sb.append(" FROM ").append(pick(r, TABLES));
        switch (r.nextInt(4)) {
            case 0 -> sb.append(" t");
            case 1 -> sb.append(" AS o");
            default -> {
            }
        }
        sb.append(where(r));
        if (r.nextInt(3) == 0) {
            sb.append(" ORDER BY ");
            int keys = 1 + r.nextInt(3);
            for (int i = 0; i < keys; i++) {
                sb.append(i == 0 ? "" : ", ");
                int k = r.nextInt(6);
                if (k == 0) {
                    sb.append(1 + r.nextInt(3));
                } else if (k == 1 && !aliases.isEmpty()) {
                    sb.append(aliases.get(r.nextInt(aliases.size())));
                } else {
                    sb.append(pick(r, COLUMNS));
                }
                sb.append(pick(r, "", "", " ASC", " DESC", " DESC NULLS LAST"));
            }
        }
        switch (r.nextInt(6)) {
            case 0 -> sb.append(" LIMIT ").append(pick(r, "10", "?"));
            case 1 -> sb.append(" LIMIT ").append(pick(r, "10", "?")).append(", ").append(pick(r, "20", "?"));
            case 2 -> sb.append(" LIMIT ").append(pick(r, "10", "?")).append(" OFFSET ").append(pick(r, "5", "?"));
            default -> {
            }
        }
        if (r.nextInt(10) == 0) {
            sb.append(';');
        }
        return sb.toString();
    }

    private static String randomInsert(Random r) {
        StringBuilder sb = new StringBuilder(pick(r, "INSERT INTO ", "INSERT INTO ", "REPLACE INTO ", "INSERT "));
        sb.append(pick(r, TABLES));
        int columns = 1 + r.nextInt(4);
        if (r.nextInt(4) != 0) {
            sb.append(" (");
            for (int c = 0; c < columns; c++) {
                sb.append(c == 0 ? "" : ", ").append(pick(r, "a", "b", "`c`", "name", "t.d"));
            }
            sb.append(')');
        }
        sb.append(" VALUES ");
        int rows = 1 + r.nextInt(4);
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "(" : ", (");
            int n = r.nextInt(12) == 0 ? columns + 1 : columns;
            for (int c = 0; c < n; c++) {
                sb.append(c == 0 ? "" : ", ").append(pick(r, VALUES));
            }
            sb.append(')');
        }
        if (r.nextInt(10) == 0) {
            sb.append(" ON DUPLICATE KEY UPDATE a = VALUES(a)");
        }
        return sb.toString();
    }

    private static String assignments(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(pick(r, "a", "status", "`b`", "t.c")).append(" = ").append(pick(r, VALUES));
        }
        return sb.toString();
    }

    private static String where(Random r) {
        if (r.nextInt(5) == 0) {
            return "";
        }
        return " WHERE " + condition(r, 0);
    }

    private static String condition(Random r, int depth) {
        int k = r.nextInt(depth > 2 ? 1 : 4);
        if (k == 1) {
            return condition(r, depth + 1) + " AND " + condition(r, depth + 1);
        }
        if (k == 2) {
            return condition(r, depth + 1) + " OR " + condition(r, depth + 1);
        }
        if (k == 3) {
            return "(" + condition(r, depth + 1) + ")";
        }
        String col = pick(r, COLUMNS);
        switch (r.nextInt(9)) {
            case 0:
                return pick(r, VALUES) + " " + pick(r, COMPARATORS) + " " + col;
            case 1:
                StringBuilder in = new StringBuilder(col).append(pick(r, " IN (", " NOT IN (", " in ("));
                int n = 1 + r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    in.append(i == 0 ? "" : ", ").append(pick(r, VALUES));
                }
                return in.append(')').toString();
            case 2:
                return col + pick(r, " BETWEEN ", " NOT BETWEEN ") + pick(r, VALUES) + " AND " + pick(r, VALUES);
            case 3:
                return col + pick(r, " IS NULL", " IS NOT NULL", " IS TRUE");
            case 4:
                return col + pick(r, " LIKE ", " NOT LIKE ") + pick(r, VALUES);
            case 5:
                return col + " = " + pick(r, COLUMNS);
            default:
                return col + " " + pick(r, COMPARATORS) + " " + pick(r, VALUES);
        }
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    /**
     * Statements one token away from an accepted one: each normalized token deleted, duplicated, or swapped with its
     * neighbour. Most are invalid SQL, which the fast path must leave to Calcite.
     */
    private static List<String> mutants(List<String> accepted) {
        List<String> out = new ArrayList<>();
        for (String sql : accepted) {
            NormalizedStatement ns = Normalizer.normalize(MySqlLexer.lex(sql));
            if (ns.size() > 80) {
                continue;
            }
            for (int u = 0; u < ns.size(); u++) {
                out.add(sql.substring(0, ns.start(u)) + sql.substring(ns.end(u)));
                out.add(sql.substring(0, ns.end(u)) + " " + ns.text(u) + sql.substring(ns.end(u)));
                if (u + 1 < ns.size()) {
                    out.add(sql.substring(0, ns.start(u)) + ns.text(u + 1) + " " + ns.text(u) + sql.substring(ns.end(u + 1)));
                }
            }
        }
        return out;
    }

    private static String shorten(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }
}

package io.shardline.compat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcomes of one run, summarised per category, as markdown, HTML and one summary line. */
public final class CompatReport {

    private final String title;
    private final List<EntryOutcome> outcomes;
    private final Map<String, Map<Verdict, Integer>> byCategory = new LinkedHashMap<>();
    private final Map<Verdict, Integer> totals = new EnumMap<>(Verdict.class);

    public CompatReport(String title, List<EntryOutcome> outcomes) {
        this.title = title;
        this.outcomes = List.copyOf(outcomes);
        for (Verdict v : Verdict.values()) {
            totals.put(v, 0);
        }
        for (EntryOutcome o : outcomes) {
            Map<Verdict, Integer> counts = byCategory.computeIfAbsent(o.entry().category(), k -> {
                Map<Verdict, Integer> m = new EnumMap<>(Verdict.class);
                for (Verdict v : Verdict.values()) {
                    m.put(v, 0);
                }
                return m;
            });
            counts.merge(o.verdict(), 1, Integer::sum);
            totals.merge(o.verdict(), 1, Integer::sum);
        }
    }

    public int count(Verdict verdict) {
        return totals.get(verdict);
    }

    public List<EntryOutcome> outcomes(Verdict verdict) {
        return outcomes.stream().filter(o -> o.verdict() == verdict).toList();
    }

    /** {@code sql-compat: 512 queries, PASS 430 (84%), REJECTED 82, WRONG 0, ERROR 0}. */
    public String summaryLine() {
        return "sql-compat: " + outcomes.size() + " queries, PASS " + count(Verdict.PASS) + " ("
                + percent(count(Verdict.PASS), outcomes.size()) + "), REJECTED " + count(Verdict.REJECTED) + ", WRONG "
                + count(Verdict.WRONG) + ", ERROR " + count(Verdict.ERROR);
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "-" : Math.round(100.0 * part / whole) + "%";
    }

    public String markdown() {
        StringBuilder s = new StringBuilder("# ").append(title).append("\n\n").append(summaryLine()).append("\n\n");
        s.append("| category | queries | PASS | REJECTED | WRONG | ERROR | PASS share |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<Verdict, Integer>> e : byCategory.entrySet()) {
            Map<Verdict, Integer> c = e.getValue();
            int total = c.values().stream().mapToInt(Integer::intValue).sum();
            s.append("| ").append(e.getKey()).append(" | ").append(total);
            for (Verdict v : Verdict.values()) {
                s.append(" | ").append(c.get(v));
            }
            s.append(" | ").append(percent(c.get(Verdict.PASS), total)).append(" |\n");
        }
        s.append("| **total** | **").append(outcomes.size()).append("**");
        for (Verdict v : Verdict.values()) {
            s.append(" | **").append(count(v)).append("**");
        }
        s.append(" | **").append(percent(count(Verdict.PASS), outcomes.size())).append("** |\n");
        for (Verdict v : List.of(Verdict.WRONG, Verdict.ERROR, Verdict.REJECTED)) {
            List<EntryOutcome> list = outcomes(v);
            if (list.isEmpty()) {
                continue;
            }
            s.append("\n## ").append(v).append(" (").append(list.size()).append(")\n\n");
            for (EntryOutcome o : list) {
                s.append("- **").append(o.entry().category()).append(" / ").append(o.entry().name()).append("** (")
                        .append(o.entry().location()).append("): `").append(oneLine(o.entry().sql())).append('`');
                if (!o.entry().params().isEmpty()) {
                    s.append(" params ").append(o.entry().params());
                }
                s.append("\n  - ").append(oneLine(o.detail())).append('\n');
            }
        }
        return s.toString();
    }

    public String html() {
        StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title>\n<style>body{font-family:sans-serif}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:2px 8px}td.n{text-align:right}"
                        + "code{white-space:pre-wrap}</style></head><body>\n<h1>").append(esc(title)).append("</h1>\n<p>")
                .append(esc(summaryLine())).append("</p>\n<table><tr><th>category</th><th>queries</th>");
        for (Verdict v : Verdict.values()) {
            s.append("<th>").append(v).append("</th>");
        }
        s.append("<th>PASS share</th></tr>\n");
        for (Map.Entry<String, Map<Verdict, Integer>> e : byCategory.entrySet()) {
            Map<Verdict, Integer> c = e.getValue();
            int total = c.values().stream().mapToInt(Integer::intValue).sum();
            s.append("<tr><td>").append(esc(e.getKey())).append("</td><td class=n>").append(total).append("</td>");
            for (Verdict v : Verdict.values()) {
                s.append("<td class=n>").append(c.get(v)).append("</td>");
            }
            s.append("<td class=n>").append(percent(c.get(Verdict.PASS), total)).append("</td></tr>\n");
        }
        s.append("<tr><th>total</th><th>").append(outcomes.size()).append("</th>");
        for (Verdict v : Verdict.values()) {
            s.append("<th>").append(count(v)).append("</th>");
        }
        s.append("<th>").append(percent(count(Verdict.PASS), outcomes.size())).append("</th></tr></table>\n");
        for (Verdict v : List.of(Verdict.WRONG, Verdict.ERROR, Verdict.REJECTED)) {
            List<EntryOutcome> list = outcomes(v);
            if (list.isEmpty()) {
                continue;
            }
            s.append("<h2>").append(v).append(" (").append(list.size()).append(")</h2>\n<table><tr><th>category</th>"
                    + "<th>name</th><th>SQL</th><th>detail</th></tr>\n");
            for (EntryOutcome o : list) {
                s.append("<tr><td>").append(esc(o.entry().category())).append("</td><td>").append(esc(o.entry().name()))
                        .append("</td><td><code>").append(esc(o.entry().sql())).append("</code>")
                        .append(o.entry().params().isEmpty() ? "" : "<br>params " + esc(o.entry().params().toString()))
                        .append("</td><td><code>").append(esc(o.detail())).append("</code></td></tr>\n");
            }
            s.append("</table>\n");
        }
        return s.append("</body></html>\n").toString();
    }

    /** Every WRONG and ERROR with its SQL, expected and actual answer: what a failing build prints. */
    public String failures() {
        StringBuilder s = new StringBuilder();
        for (EntryOutcome o : outcomes) {
            if (o.verdict() != Verdict.WRONG && o.verdict() != Verdict.ERROR) {
                continue;
            }
            s.append('\n').append(o.verdict()).append(' ').append(o.entry().category()).append(" / ")
                    .append(o.entry().name()).append(" (").append(o.entry().location()).append(")\n  SQL: ")
                    .append(o.entry().sql()).append('\n');
            if (!o.entry().params().isEmpty()) {
                s.append("  params: ").append(o.entry().params()).append('\n');
            }
            s.append("  ").append(o.detail()).append('\n');
            if (!o.expected().isEmpty()) {
                s.append("  expected: ").append(o.expected()).append('\n');
            }
            if (!o.actual().isEmpty()) {
                s.append("  actual:   ").append(o.actual()).append('\n');
            }
        }
        return s.toString();
    }

    /** Writes {@code <dir>/<baseName>.md} and {@code .html}. */
    public void write(Path dir, String baseName) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(baseName + ".md"), markdown(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(baseName + ".html"), html(), StandardCharsets.UTF_8);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").replace("|", "\\|").strip();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public String toString() {
        return summaryLine();
    }
}

package io.shardline.compat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares two results. Columns must have the same labels and JDBC types. Rows compare in order when the
 * statement fixes the order, otherwise as multisets. Values compare as text, except in a floating column
 * whose label is an AVG, where a relative difference of 1e-9 is accepted (a sum of doubles depends on the
 * order of addition, and shards add in a different order).
 */
public final class ResultComparator {

    private static final double RELATIVE_TOLERANCE = 1e-9;

    private ResultComparator() {
    }

    /** The first difference, or empty when the results are the same answer. */
    public static Optional<String> difference(QueryResult expected, QueryResult actual, boolean ordered) {
        if (expected.columns().size() != actual.columns().size()) {
            return Optional.of("column count " + expected.columns().size() + " vs " + actual.columns().size());
        }
        boolean[] tolerant = new boolean[expected.columns().size()];
        for (int i = 0; i < expected.columns().size(); i++) {
            QueryResult.Column e = expected.columns().get(i);
            QueryResult.Column a = actual.columns().get(i);
            if (!e.label().equals(a.label()) || e.jdbcType() != a.jdbcType()) {
                return Optional.of("column " + (i + 1) + ": expected " + e + " (" + e.jdbcType() + "), got " + a
                        + " (" + a.jdbcType() + ")");
            }
            tolerant[i] = e.floating() && e.label().toUpperCase(Locale.ROOT).replace(" ", "").contains("AVG(");
        }
        if (expected.rows().size() != actual.rows().size()) {
            return Optional.of("row count " + expected.rows().size() + " vs " + actual.rows().size());
        }
        List<List<String>> e = expected.rows();
        List<List<String>> a = actual.rows();
        if (!ordered) {
            e = sorted(e);
            a = sorted(a);
        }
        for (int r = 0; r < e.size(); r++) {
            List<String> er = e.get(r);
            List<String> ar = a.get(r);
            for (int c = 0; c < er.size(); c++) {
                if (!same(er.get(c), ar.get(c), tolerant[c])) {
                    return Optional.of((ordered ? "row " : "sorted row ") + (r + 1) + ", column "
                            + expected.columns().get(c).label() + ": expected " + er + ", got " + ar);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean same(String e, String a, boolean tolerant) {
        if (e == null || a == null) {
            return e == a;
        }
        if (e.equals(a)) {
            return true;
        }
        if (!tolerant) {
            return false;
        }
        try {
            double x = Double.parseDouble(e);
            double y = Double.parseDouble(a);
            return Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    private static final Comparator<List<String>> ROW_ORDER = (x, y) -> {
        for (int i = 0; i < x.size(); i++) {
            String p = x.get(i);
            String q = y.get(i);
            if (p == null || q == null) {
                if (p != q) {
                    return p == null ? -1 : 1;
                }
                continue;
            }
            int c = p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>(rows);
        out.sort(ROW_ORDER);
        return out;
    }

    /** A result as a few lines for reports: the columns and up to {@code maxRows} rows. */
    public static String render(QueryResult result, int maxRows) {
        StringBuilder s = new StringBuilder();
        s.append(result.columns()).append(' ').append(result.rows().size()).append(" rows");
        int n = Math.min(maxRows, result.rows().size());
        for (int i = 0; i < n; i++) {
            s.append("\n  ").append(result.rows().get(i));
        }
        if (result.rows().size() > n) {
            s.append("\n  ...");
        }
        return s.toString();
    }
}

package io.shardline.consistency.redundancy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Value comparison for copied rows: numbers by value (1.50 equals 1.5), byte arrays by content. */
public final class RowValues {

    private RowValues() {
    }

    /** Whether two column values are the same. */
    public static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return a.equals(b);
    }

    /**
     * The first of {@code columns} whose values differ between two rows (keys are lower-case column names), or null
     * when every one is the same.
     */
    public static String firstDifference(Map<String, Object> a, Map<String, Object> b, List<String> columns) {
        for (String c : columns) {
            String k = c.toLowerCase(java.util.Locale.ROOT);
            if (!same(a.get(k), b.get(k))) {
                return c;
            }
        }
        return null;
    }
}

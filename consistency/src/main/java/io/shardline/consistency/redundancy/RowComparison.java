package io.shardline.consistency.redundancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the source row of one key with the copy rows of that key. The expected copy is the source row itself
 * (its copied columns) unless its second key is NULL, in which case no copy row is expected.
 */
public final class RowComparison {

    private RowComparison() {
    }

    /** The divergence of one key, or empty when the copy is right. */
    public static Optional<DivergenceKind> compare(RedundantTable table, List<String> copied,
            List<Map<String, Object>> source, List<Map<String, Object>> copies) {
        List<Map<String, Object>> expected = new ArrayList<>(1);
        for (Map<String, Object> row : source) {
            if (row.get(table.secondKey().toLowerCase(java.util.Locale.ROOT)) != null) {
                expected.add(row);
            }
        }
        if (expected.isEmpty() && copies.isEmpty()) {
            return Optional.empty();
        }
        if (expected.isEmpty()) {
            return Optional.of(DivergenceKind.ORPHAN);
        }
        if (copies.isEmpty()) {
            return Optional.of(DivergenceKind.MISSING);
        }
        if (copies.size() > 1 || RowValues.firstDifference(expected.get(0), copies.get(0), copied) != null) {
            return Optional.of(DivergenceKind.MISMATCH);
        }
        return Optional.empty();
    }

    /** Which column differs, for reports. */
    public static String detail(List<String> copied, List<Map<String, Object>> source,
            List<Map<String, Object>> copies) {
        if (source.isEmpty() || copies.isEmpty()) {
            return source.isEmpty() ? "no source row" : "no copy row";
        }
        if (copies.size() > 1) {
            return copies.size() + " copy rows";
        }
        String col = RowValues.firstDifference(source.get(0), copies.get(0), copied);
        return col == null ? "" : col + ": source " + source.get(0).get(col.toLowerCase(java.util.Locale.ROOT))
                + ", copy " + copies.get(0).get(col.toLowerCase(java.util.Locale.ROOT));
    }
}

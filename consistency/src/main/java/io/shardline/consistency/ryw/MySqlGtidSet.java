package io.shardline.consistency.ryw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A MySQL GTID set, {@code uuid:1-5:11-18,uuid2:1-27} (what {@code @@gtid_executed}, {@code session_track_gtids}
 * and {@code WAIT_FOR_EXECUTED_GTID_SET} speak). Unlike MariaDB's one-number-per-domain positions, a MySQL set can
 * have holes (parallel appliers, skipped transactions), so "applied" means interval containment, not a comparison
 * of two numbers. MySQL 8.3+ tagged GTIDs ({@code uuid:tag:1-5}) are kept per {@code uuid:tag}. Immutable.
 */
public final class MySqlGtidSet {

    /** The empty set. */
    public static final MySqlGtidSet EMPTY = new MySqlGtidSet(Map.of());

    /** Source id ({@code uuid} or {@code uuid:tag}, lower case) → sorted, disjoint, non-adjacent [start, end] pairs. */
    private final Map<String, long[]> intervals;

    private MySqlGtidSet(Map<String, long[]> intervals) {
        this.intervals = intervals;
    }

    /**
     * Parses a GTID set (whitespace and newlines, as MySQL prints them, are ignored).
     *
     * @throws IllegalArgumentException naming the part that is not a GTID set
     */
    public static MySqlGtidSet parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        Map<String, List<long[]>> collected = new TreeMap<>();
        for (String part : text.replaceAll("\\s+", "").split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] pieces = part.split(":");
            if (pieces.length < 2 || !isUuid(pieces[0])) {
                throw new IllegalArgumentException("not a MySQL GTID set element (uuid:interval[:interval...]): '"
                        + part + "'");
            }
            String source = pieces[0].toLowerCase(Locale.ROOT);
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i];
                if (p.matches("[A-Za-z_][A-Za-z0-9_]{0,31}")) {
                    source = pieces[0].toLowerCase(Locale.ROOT) + ":" + p.toLowerCase(Locale.ROOT); // a tag
                    continue;
                }
                collected.computeIfAbsent(source, s -> new ArrayList<>()).add(interval(p, part));
            }
        }
        Map<String, long[]> out = new TreeMap<>();
        collected.forEach((source, list) -> out.put(source, normalize(list)));
        return new MySqlGtidSet(Collections.unmodifiableMap(out));
    }

    private static long[] interval(String p, String part) {
        try {
            int dash = p.indexOf('-');
            long start = Long.parseLong(dash < 0 ? p : p.substring(0, dash));
            long end = dash < 0 ? start : Long.parseLong(p.substring(dash + 1));
            if (start < 1 || end < start) {
                throw new IllegalArgumentException("interval '" + p + "' in '" + part + "' is empty or starts below 1");
            }
            return new long[] {start, end};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("interval '" + p + "' in '" + part + "' is not n or n-m", e);
        }
    }

    private static long[] normalize(List<long[]> list) {
        list.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] out = new long[list.size() * 2];
        int n = 0;
        for (long[] iv : list) {
            if (n > 0 && iv[0] <= out[n - 1] + 1) {
                out[n - 1] = Math.max(out[n - 1], iv[1]);
            } else {
                out[n++] = iv[0];
                out[n++] = iv[1];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean isUuid(String s) {
        return s.length() == 36 && s.charAt(8) == '-' && s.charAt(13) == '-' && s.charAt(18) == '-'
                && s.charAt(23) == '-';
    }

    /** True when transaction {@code seq} of {@code source} ({@code uuid} or {@code uuid:tag}) is in the set. */
    public boolean contains(String source, long seq) {
        long[] iv = intervals.get(source.toLowerCase(Locale.ROOT));
        if (iv == null) {
            return false;
        }
        for (int i = 0; i < iv.length; i += 2) {
            if (seq >= iv[i] && seq <= iv[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** True when every transaction of {@code other} is in this set: a replica at this set has applied {@code other}. */
    public boolean containsAll(MySqlGtidSet other) {
        for (Map.Entry<String, long[]> e : other.intervals.entrySet()) {
            long[] mine = intervals.get(e.getKey());
            long[] theirs = e.getValue();
            for (int i = 0; i < theirs.length; i += 2) {
                if (mine == null || !covered(mine, theirs[i], theirs[i + 1])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean covered(long[] mine, long start, long end) {
        for (int i = 0; i < mine.length; i += 2) {
            if (start >= mine[i] && end <= mine[i + 1]) {
                return true; // normalized intervals: a range is covered by one interval or not at all
            }
        }
        return false;
    }

    /** Both sets' transactions. */
    public MySqlGtidSet union(MySqlGtidSet other) {
        Map<String, List<long[]>> collected = new TreeMap<>();
        for (MySqlGtidSet set : List.of(this, other)) {
            set.intervals.forEach((source, iv) -> {
                List<long[]> list = collected.computeIfAbsent(source, s -> new ArrayList<>());
                for (int i = 0; i < iv.length; i += 2) {
                    list.add(new long[] {iv[i], iv[i + 1]});
                }
            });
        }
        Map<String, long[]> out = new TreeMap<>();
        collected.forEach((source, list) -> out.put(source, normalize(list)));
        return new MySqlGtidSet(Collections.unmodifiableMap(out));
    }

    public boolean isEmpty() {
        return intervals.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MySqlGtidSet s) || !s.intervals.keySet().equals(intervals.keySet())) {
            return false;
        }
        for (Map.Entry<String, long[]> e : intervals.entrySet()) {
            if (!Arrays.equals(e.getValue(), s.intervals.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** The canonical text, as MySQL prints it (sources sorted, intervals merged). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, long[]> e : intervals.entrySet()) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(e.getKey());
            long[] iv = e.getValue();
            for (int i = 0; i < iv.length; i += 2) {
                out.append(':').append(iv[i]);
                if (iv[i + 1] != iv[i]) {
                    out.append('-').append(iv[i + 1]);
                }
            }
        }
        return out.toString();
    }
}

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

    /**
     * The low-water mark of {@code source}: the highest {@code n} such that every transaction {@code 1..n} is in the
     * set (the end of the first interval when it starts at 1), or 0. This is what a replica can be proven to have
     * applied <em>in full</em> up to a sequence number, which is what the read-your-writes tracker needs: its marks
     * merge several writes into their highest sequence number, so "contains the highest" would not prove the
     * others applied while a parallel applier leaves holes ({@code 1-100:102} has 102 but not 101).
     */
    public long lowWater(String source) {
        long[] iv = intervals.get(source.toLowerCase(Locale.ROOT));
        return iv == null || iv[0] != 1 ? 0 : iv[1];
    }

    /**
     * The set reduced to one number per source, its {@link #lowWater}, as a {@link GtidPosition} whose domains are
     * {@link #domainOf} the sources: with it a MySQL replica is judged exactly like a MariaDB one. Holes only make a
     * replica look further behind than it is (its reads go elsewhere a little longer), never ahead.
     */
    public GtidPosition toPosition() {
        long[] domains = new long[intervals.size()];
        long[] seqs = new long[intervals.size()];
        int n = 0;
        for (Map.Entry<String, long[]> e : intervals.entrySet()) {
            domains[n] = domainOf(e.getKey());
            seqs[n] = lowWater(e.getKey());
            n++;
        }
        return GtidPosition.of(domains, seqs);
    }

    /**
     * The commit GTID a MySQL OK packet reports ({@code session_track_gtids=OWN_GTID}: the session's transactions
     * since the last response, normally one, {@code uuid:42}) as a {@link Gtid} in {@link #domainOf} its source, at
     * its highest sequence number (server 0: MySQL GTIDs have no server id of their own). Empty when the text holds
     * no GTID or GTIDs of several sources (which one this commit belongs to is then not certain).
     */
    public static java.util.Optional<Gtid> commitGtid(String ownGtids) {
        MySqlGtidSet set = parse(ownGtids);
        if (set.intervals.size() != 1) {
            return java.util.Optional.empty();
        }
        Map.Entry<String, long[]> only = set.intervals.entrySet().iterator().next();
        long[] iv = only.getValue();
        return java.util.Optional.of(new Gtid(domainOf(only.getKey()), 0, iv[iv.length - 1]));
    }

    /** The only source of a commit's GTID text (see {@link #commitGtid}), or empty. */
    public static java.util.Optional<String> commitSource(String ownGtids) {
        MySqlGtidSet set = parse(ownGtids);
        return set.intervals.size() == 1 ? java.util.Optional.of(set.intervals.keySet().iterator().next())
                : java.util.Optional.empty();
    }

    /**
     * The tracker's domain number for a MySQL source ({@code uuid} or {@code uuid:tag}): a stable 63-bit hash of its
     * lower-case text (FNV-1a), the same on every Shardline instance, so causal tokens carry across them. A group
     * sees a handful of sources (its master's, earlier masters'), so a collision is not a practical concern.
     */
    public static long domainOf(String source) {
        long h = 0xcbf29ce484222325L;
        String s = source.toLowerCase(Locale.ROOT);
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h & Long.MAX_VALUE;
    }

    /** The text {@code WAIT_FOR_EXECUTED_GTID_SET} waits for: all of {@code source}'s transactions up to {@code seq}. */
    public static String prefix(String source, long seq) {
        return source + ":1-" + seq;
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

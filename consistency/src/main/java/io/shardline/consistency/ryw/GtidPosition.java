package io.shardline.consistency.ryw;

import java.util.Arrays;

/**
 * A MariaDB GTID position as {@code @@gtid_slave_pos}, {@code @@gtid_binlog_pos} or {@code @@gtid_current_pos}
 * report it: the last GTID per domain, e.g. {@code 0-1-5,1-100-42}. Immutable; lookups are a scan of a few
 * domains (no boxing on the read path).
 */
public final class GtidPosition {

    /** No domain applied yet (an empty {@code @@gtid_slave_pos}). */
    public static final GtidPosition EMPTY = new GtidPosition(new long[0], new long[0]);

    private final long[] domains;
    private final long[] seqs;

    private GtidPosition(long[] domains, long[] seqs) {
        this.domains = domains;
        this.seqs = seqs;
    }

    /**
     * Parses a comma-separated list of GTIDs (empty or null text is {@link #EMPTY}).
     *
     * @throws IllegalArgumentException when an item is not a GTID or a domain appears twice
     */
    public static GtidPosition parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        String[] items = text.split(",");
        long[] domains = new long[items.length];
        long[] seqs = new long[items.length];
        int n = 0;
        for (String item : items) {
            if (item.isBlank()) {
                continue;
            }
            Gtid g = Gtid.parse(item);
            for (int i = 0; i < n; i++) {
                if (domains[i] == g.domain()) {
                    throw new IllegalArgumentException("domain " + g.domain() + " appears twice in GTID position '"
                            + text + "'");
                }
            }
            domains[n] = g.domain();
            seqs[n] = g.seq();
            n++;
        }
        return new GtidPosition(Arrays.copyOf(domains, n), Arrays.copyOf(seqs, n));
    }

    /** A position from parallel arrays of domains and their sequence numbers (copied; domains distinct). */
    static GtidPosition of(long[] domains, long[] seqs) {
        if (domains.length != seqs.length) {
            throw new IllegalArgumentException("domains and sequence numbers differ in length");
        }
        return domains.length == 0 ? EMPTY : new GtidPosition(domains.clone(), seqs.clone());
    }

    /** The last applied sequence number of {@code domain}, or -1 when the domain is absent. */
    public long seq(long domain) {
        for (int i = 0; i < domains.length; i++) {
            if (domains[i] == domain) {
                return seqs[i];
            }
        }
        return -1;
    }

    /** True when {@code domain}'s sequence number {@code seq} has been applied. */
    public boolean hasApplied(long domain, long seq) {
        return seq(domain) >= seq;
    }

    /** True when every domain of {@code other} is applied here at least as far. */
    public boolean covers(GtidPosition other) {
        for (int i = 0; i < other.domains.length; i++) {
            if (seq(other.domains[i]) < other.seqs[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Like {@link #covers}, but a domain of {@code other} absent here is skipped unless it is {@code domain}: a
     * replica's {@code @@gtid_slave_pos} lacks domains of the master's binlog that were never replicated (written
     * before replication was set up, or with {@code sql_log_bin=0} elsewhere), and those must not read as lag.
     */
    public boolean coversReplicated(GtidPosition other, long domain) {
        for (int i = 0; i < other.domains.length; i++) {
            long mine = seq(other.domains[i]);
            if (mine < 0 && other.domains[i] != domain) {
                continue;
            }
            if (mine < other.seqs[i]) {
                return false;
            }
        }
        return true;
    }

    public int domainCount() {
        return domains.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GtidPosition p && Arrays.equals(domains, p.domains) && Arrays.equals(seqs, p.seqs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(domains) + Arrays.hashCode(seqs);
    }

    /** Domains and sequence numbers only (server ids are not kept: they do not order anything). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < domains.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(domains[i]).append(":").append(seqs[i]);
        }
        return out.toString();
    }
}

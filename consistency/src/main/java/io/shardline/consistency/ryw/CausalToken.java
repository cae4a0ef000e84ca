package io.shardline.consistency.ryw;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Positions a reader must see, per data source group: exported after writes on one Shardline instance, imported on
 * another so that its reads honour them (the tracker itself is local to an instance). Text form, compact and
 * URL/header safe: {@code ds_0=1-100-42;ds_1=2-200-17} (group name = last GTID written there).
 */
public final class CausalToken {

    /** A token that asks for nothing. */
    public static final CausalToken EMPTY = new CausalToken(Map.of());

    private final Map<String, Gtid> positions;

    public CausalToken(Map<String, Gtid> positions) {
        this.positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static CausalToken parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        Map<String, Gtid> out = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("causal token part '" + part + "' is not group=domain-server-seq");
            }
            String group = part.substring(0, eq).trim();
            Gtid gtid = Gtid.parse(part.substring(eq + 1));
            out.merge(group, gtid, (a, b) -> a.seq() >= b.seq() ? a : b);
        }
        return new CausalToken(out);
    }

    /** Group name → the position a reader must see there. */
    public Map<String, Gtid> positions() {
        return positions;
    }

    /** This token and {@code other}: the later position per group (same domain), else {@code other}'s. */
    public CausalToken merge(CausalToken other) {
        Map<String, Gtid> out = new LinkedHashMap<>(positions);
        for (Map.Entry<String, Gtid> e : other.positions.entrySet()) {
            out.merge(e.getKey(), e.getValue(), (a, b) -> a.domain() == b.domain() && a.seq() > b.seq() ? a : b);
        }
        return new CausalToken(out);
    }

    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CausalToken t && t.positions.equals(positions);
    }

    @Override
    public int hashCode() {
        return positions.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Gtid> e : positions.entrySet()) {
            if (out.length() > 0) {
                out.append(';');
            }
            out.append(e.getKey()).append('=').append(e.getValue());
        }
        return out.toString();
    }
}

package io.shardline.consistency.redundancy;

import java.util.Map;
import java.util.TreeMap;

/** MariaDB GTID positions ({@code domain-server-seq,...}) compared per domain. */
final class GtidPositions {

    private GtidPositions() {
    }

    static Map<Long, Long> parse(String position) {
        Map<Long, Long> out = new TreeMap<>();
        for (String part : position.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            String[] f = p.split("-");
            out.merge(Long.parseLong(f[0]), Long.parseLong(f[2]), Math::max);
        }
        return out;
    }

    /** Whether {@code position} has reached {@code target} in every domain of the target. */
    static boolean reached(String position, String target) {
        Map<Long, Long> at = parse(position);
        for (Map.Entry<Long, Long> e : parse(target).entrySet()) {
            if (at.getOrDefault(e.getKey(), -1L) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}

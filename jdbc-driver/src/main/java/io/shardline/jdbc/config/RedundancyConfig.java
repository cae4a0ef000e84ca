package io.shardline.jdbc.config;

import io.shardline.consistency.redundancy.RedundantTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code redundancy} section: redundant copies sharded by a second key, and how reconcilers run.
 *
 * @param tables    copy table → its declaration, in document order; empty when the section is absent
 * @param reconcile reconciler settings
 */
public record RedundancyConfig(Map<String, RedundantTable> tables, Reconcile reconcile) {

    /** No {@code redundancy} section. */
    public static final RedundancyConfig NONE = new RedundancyConfig(Map.of(), Reconcile.DEFAULTS);

    public RedundancyConfig {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** The copy declared under this name (case-insensitive). */
    public Optional<RedundantTable> copy(String copyTable) {
        for (RedundantTable t : tables.values()) {
            if (t.copyTable().equalsIgnoreCase(copyTable)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The copies of a source table (case-insensitive); empty when it has none. */
    public java.util.List<RedundantTable> copiesOf(String sourceTable) {
        java.util.List<RedundantTable> out = new java.util.ArrayList<>(1);
        for (RedundantTable t : tables.values()) {
            if (t.sourceTable().equalsIgnoreCase(sourceTable)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * How reconcilers run.
     *
     * @param chunkSize       rows per key-range chunk of the full scan
     * @param maxRowsPerSecond throttle of the full scan; 0 = unthrottled
     * @param windowMs        real-time pairing: how long a row event waits for its partner
     * @param checkpointDirectory where checkpoints are kept; empty = {@code ${java.io.tmpdir}/shardline-reconcile}
     */
    public record Reconcile(long chunkSize, long maxRowsPerSecond, long windowMs, Optional<String> checkpointDirectory) {

        public static final Reconcile DEFAULTS = new Reconcile(1000, 0, 2000, Optional.empty());
    }
}

package io.shardline.consistency.redundancy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a reconciliation found: counts per {@link DivergenceKind}, how many were repaired, the rows checked, and the
 * first divergences in detail. Thread-safe (the real-time reconciler adds from its sweeper thread).
 */
public final class ReconcileReport {

    private static final int DETAILS = 100;

    private final String copyTable;
    private final RepairPolicy policy;
    private final Map<DivergenceKind, Long> found = new EnumMap<>(DivergenceKind.class);
    private final List<Divergence> details = new ArrayList<>();
    private long checked;
    private long repaired;

    public ReconcileReport(String copyTable, RepairPolicy policy) {
        this.copyTable = copyTable;
        this.policy = policy;
        for (DivergenceKind k : DivergenceKind.values()) {
            found.put(k, 0L);
        }
    }

    synchronized void checked(long rows) {
        checked += rows;
    }

    synchronized void add(Divergence d) {
        found.merge(d.kind(), 1L, Long::sum);
        if (d.repaired()) {
            repaired++;
        }
        if (details.size() < DETAILS) {
            details.add(d);
        }
    }

    public synchronized long count(DivergenceKind kind) {
        return found.get(kind);
    }

    public synchronized long total() {
        return found.values().stream().mapToLong(Long::longValue).sum();
    }

    public synchronized long repaired() {
        return repaired;
    }

    public synchronized long checked() {
        return checked;
    }

    public synchronized List<Divergence> details() {
        return Collections.unmodifiableList(new ArrayList<>(details));
    }

    public RepairPolicy policy() {
        return policy;
    }

    @Override
    public synchronized String toString() {
        return copyTable + ": checked " + checked + ", MISSING " + found.get(DivergenceKind.MISSING) + ", ORPHAN "
                + found.get(DivergenceKind.ORPHAN) + ", MISMATCH " + found.get(DivergenceKind.MISMATCH) + ", repaired "
                + repaired + " (" + policy + ")";
    }
}

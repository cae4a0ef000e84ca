package io.shardline.consistency.redundancy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks one key and repairs it by the table's policy; shared by the incremental and real-time reconcilers. */
final class KeyChecker {

    private KeyChecker() {
    }

    static Optional<Divergence> check(RowStore store, List<String> copied, Object key, ReconcileReport report,
            RepairPolicy policy) throws Exception {
        List<Map<String, Object>> source = store.sourceByKey(key);
        List<Map<String, Object>> copies = store.copyByKey(key);
        report.checked(1);
        Optional<DivergenceKind> kind = RowComparison.compare(store.table(), copied, source, copies);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        boolean repair = policy == RepairPolicy.SOURCE_WINS;
        if (repair) {
            store.repair(key);
        }
        Divergence d = new Divergence(kind.get(), key, RowComparison.detail(copied, source, copies), repair);
        report.add(d);
        return Optional.of(d);
    }
}

package io.shardline.consistency.redundancy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Full scan: walks the source in key order, a chunk of {@code chunkSize} rows at a time; for each chunk reads the copy
 * rows of the same key range (every shard), and checks every key that differs again on its own (fresh reads) before
 * reporting and repairing it, so a row an application wrote meanwhile is not taken for a divergence. After each chunk
 * the last key is saved as the checkpoint: a new run resumes after it. Throttled to {@code maxRowsPerSecond}.
 */
public final class FullScanReconciler {

    static final String MODE = "full";

    /** Sees progress after every chunk. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done  source rows checked so far (this run and the resumed one)
         * @param total the estimated number of source rows
         * @param rowsPerSecond this run's rate
         * @param eta   the estimated time left
         */
        void update(long done, long total, double rowsPerSecond, Duration eta);
    }

    private final RowStore store;
    private final Checkpoints checkpoints;
    private final int chunkSize;
    private final long maxRowsPerSecond;
    private final RepairPolicy policy;

    public FullScanReconciler(RowStore store, Checkpoints checkpoints, int chunkSize, long maxRowsPerSecond,
            RepairPolicy policy) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be >= 1, was " + chunkSize);
        }
        this.store = store;
        this.checkpoints = checkpoints;
        this.chunkSize = chunkSize;
        this.maxRowsPerSecond = maxRowsPerSecond;
        this.policy = policy;
    }

    /** Runs to the end (or to the first failure, leaving the checkpoint of the last completed chunk). */
    public ReconcileReport run(Progress progress) throws Exception {
        String copy = store.table().copyTable();
        ReconcileReport report = new ReconcileReport(copy, policy);
        List<String> copied = store.copiedColumns();
        String keyColumn = store.table().keyColumn().toLowerCase(Locale.ROOT);
        Properties saved = checkpoints.load(copy, MODE).orElse(new Properties());
        Object after = decode(saved.getProperty("lastKey"), saved.getProperty("lastKeyType"));
        long done = Long.parseLong(saved.getProperty("done", "0"));
        long total = Math.max(store.sourceRowEstimate(), done);
        long started = System.nanoTime();
        long thisRun = 0;
        while (true) {
            List<Map<String, Object>> source = store.sourceChunk(after, chunkSize);
            boolean last = source.size() < chunkSize;
            Object upTo = last ? null : source.get(source.size() - 1).get(keyColumn);
            List<Map<String, Object>> copies = store.copyRange(after, upTo);
            Map<String, List<Map<String, Object>>> copyByKey = new HashMap<>();
            for (Map<String, Object> row : copies) {
                copyByKey.computeIfAbsent(String.valueOf(row.get(keyColumn)), k -> new ArrayList<>()).add(row);
            }
            Set<Object> suspects = new LinkedHashSet<>();
            for (Map<String, Object> row : source) {
                Object key = row.get(keyColumn);
                List<Map<String, Object>> c = copyByKey.remove(String.valueOf(key));
                if (RowComparison.compare(store.table(), copied, List.of(row), c == null ? List.of() : c)
                        .isPresent()) {
                    suspects.add(key);
                }
            }
            for (List<Map<String, Object>> orphans : copyByKey.values()) {
                suspects.add(orphans.get(0).get(keyColumn));
            }
            for (Object key : suspects) {
                KeyChecker.check(store, copied, key, report, policy);
            }
            report.checked(source.size() - Math.min(source.size(), suspects.size()));
            done += source.size();
            thisRun += source.size();
            total = Math.max(total, done);
            if (!source.isEmpty()) {
                after = source.get(source.size() - 1).get(keyColumn);
            }
            Properties p = new Properties();
            if (after != null) {
                p.setProperty("lastKey", String.valueOf(after));
                p.setProperty("lastKeyType", after instanceof Number ? "number" : "string");
            }
            p.setProperty("done", Long.toString(done));
            checkpoints.save(copy, MODE, p);
            double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
            double rate = thisRun / seconds;
            throttle(thisRun, seconds);
            long left = Math.max(0, total - done);
            progress.update(done, total, rate, rate <= 0 ? Duration.ZERO : Duration.ofMillis((long) (left / rate
                    * 1000)));
            if (last) {
                break;
            }
        }
        checkpoints.delete(copy, MODE);
        return report;
    }

    private void throttle(long rows, double seconds) throws InterruptedException {
        if (maxRowsPerSecond <= 0) {
            return;
        }
        double due = (double) rows / maxRowsPerSecond;
        if (due > seconds) {
            Thread.sleep((long) ((due - seconds) * 1000));
        }
    }

    private static Object decode(String text, String type) {
        if (text == null) {
            return null;
        }
        if ("number".equals(type)) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return new java.math.BigDecimal(text);
            }
        }
        return text;
    }
}

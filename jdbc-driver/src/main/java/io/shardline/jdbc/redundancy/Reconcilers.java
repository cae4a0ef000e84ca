package io.shardline.jdbc.redundancy;

import io.shardline.consistency.binlog.BinlogEndpoint;
import io.shardline.consistency.redundancy.ChangeSource;
import io.shardline.consistency.redundancy.Checkpoints;
import io.shardline.consistency.redundancy.FullScanReconciler;
import io.shardline.consistency.redundancy.IncrementalReconciler;
import io.shardline.consistency.redundancy.RealtimeReconciler;
import io.shardline.consistency.redundancy.RedundantTable;
import io.shardline.consistency.redundancy.RepairPolicy;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.config.DataSourceConfig;
import io.shardline.jdbc.config.RedundancyConfig;
import io.shardline.router.rule.TableRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Builds the three reconcilers of one copy from a Shardline data source and its {@code redundancy} section. */
public final class Reconcilers {

    private final ShardlineDataSource ds;
    private final LogicalRows rows;
    private final RedundancyConfig.Reconcile settings;
    private final Checkpoints checkpoints;

    /**
     * @param checkpointDirectory overrides {@code redundancy.reconcile.checkpointDirectory} when present
     */
    public Reconcilers(ShardlineDataSource ds, String copyTable, Optional<Path> checkpointDirectory) {
        this.ds = ds;
        this.rows = LogicalRows.of(ds, copyTable);
        this.settings = ds.config().redundancy().reconcile();
        Path dir = checkpointDirectory.orElseGet(() -> settings.checkpointDirectory().map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "shardline-reconcile")));
        this.checkpoints = new Checkpoints(dir);
    }

    public RedundantTable table() {
        return rows.table();
    }

    public Checkpoints checkpoints() {
        return checkpoints;
    }

    /** The policy to use: the table's, unless report-only is asked for. */
    public RepairPolicy policy(boolean reportOnly) {
        return reportOnly ? RepairPolicy.REPORT_ONLY : rows.table().policy();
    }

    public FullScanReconciler fullScan(boolean reportOnly) {
        return new FullScanReconciler(rows, checkpoints, (int) Math.min(Integer.MAX_VALUE, settings.chunkSize()),
                settings.maxRowsPerSecond(), policy(reportOnly));
    }

    public IncrementalReconciler incremental(boolean reportOnly) {
        return new IncrementalReconciler(rows, checkpoints, changeSource(), policy(reportOnly), Duration.ofMinutes(5));
    }

    public RealtimeReconciler realtime(boolean reportOnly) throws Exception {
        return RealtimeReconciler.start(rows, changeSource(), policy(reportOnly),
                Duration.ofMillis(settings.windowMs()));
    }

    /** Every master's binlog, and the actual tables of the source and the copy per data source. */
    ChangeSource changeSource() {
        RedundantTable t = rows.table();
        TableRule source = ds.config().toRule().findTableRule(t.sourceTable()).orElseThrow();
        TableRule copy = ds.config().toRule().findTableRule(t.copyTable()).orElseThrow();
        List<BinlogEndpoint> endpoints = new ArrayList<>();
        Map<String, Set<String>> sourceTables = new LinkedHashMap<>();
        Map<String, Set<String>> copyTables = new LinkedHashMap<>();
        // Replication server ids must be unique per server: a random base keeps two reconcilers apart.
        long serverId = 40_000 + ThreadLocalRandom.current().nextLong(1_000_000);
        for (DataSourceConfig d : ds.config().dataSources().values()) {
            endpoints.add(new BinlogEndpoint(d.name(), d.master().url(), d.master().username(), d.master().password(),
                    serverId++));
            sourceTables.put(d.name(), lower(source.actualTables(d.name())));
            copyTables.put(d.name(), lower(copy.actualTables(d.name())));
        }
        return new ChangeSource(endpoints, sourceTables, copyTables);
    }

    private static Set<String> lower(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            out.add(n.toLowerCase(Locale.ROOT));
        }
        return out;
    }
}

package io.shardline.cli;

import io.shardline.consistency.redundancy.Divergence;
import io.shardline.consistency.redundancy.FullScanReconciler;
import io.shardline.consistency.redundancy.RealtimeReconciler;
import io.shardline.consistency.redundancy.ReconcileReport;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.config.ConfigException;
import io.shardline.jdbc.redundancy.Reconcilers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shardline reconcile}: compares a redundant copy with its source and repairs it by the table's policy (or
 * only reports). Exit code 0 when the copy was (or now is) consistent, 1 when divergences remain (report-only), 2 on
 * errors.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Reconcile a redundant copy with its source: full scan, incremental (binlog since the last "
                + "checkpoint) or real-time pairing (runs until interrupted).")
public final class ReconcileCommand implements Callable<Integer> {

    /** The three modes. */
    enum Mode { full, incremental, realtime }

    @Option(names = "--config", required = true, description = "the Shardline YAML file")
    Path config;

    @Option(names = "--table", required = true, description = "the copy table (a key of redundancy.tables)")
    String table;

    @Option(names = "--mode", defaultValue = "full", description = "full, incremental or realtime (default: full)")
    Mode mode;

    @Option(names = "--report-only", description = "report divergences without repairing them")
    boolean reportOnly;

    @Option(names = "--checkpoint-dir", description = "overrides redundancy.reconcile.checkpointDirectory")
    Path checkpointDir;

    @Option(names = "--duration", description = "realtime: stop after this many seconds (default: until Ctrl-C)")
    long durationSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ShardlineDataSource ds;
        try {
            ds = ShardlineDataSource.fromYaml(config);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
        try (ds) {
            Reconcilers reconcilers = new Reconcilers(ds, table, Optional.ofNullable(checkpointDir));
            ReconcileReport report = switch (mode) {
                case full -> reconcilers.fullScan(reportOnly).run(new ProgressBar(out));
                case incremental -> reconcilers.incremental(reportOnly).run();
                case realtime -> realtime(reconcilers, out);
            };
            if (mode == Mode.full) {
                out.println();
            }
            print(report, out);
            return report.total() > report.repaired() ? 1 : 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("reconcile " + table + " (" + mode + ") failed: " + e);
            return 2;
        }
    }

    private ReconcileReport realtime(Reconcilers reconcilers, PrintWriter out) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "shardline-reconcile-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (RealtimeReconciler rt = reconcilers.realtime(reportOnly)) {
            rt.awaitConnected(Duration.ofSeconds(30));
            out.println("Pairing row events of " + reconcilers.table().sourceTable() + " and " + table
                    + "; Ctrl-C stops");
            out.flush();
            long until = durationSeconds > 0 ? System.nanoTime() + durationSeconds * 1_000_000_000L : Long.MAX_VALUE;
            while (stop.getCount() > 0 && System.nanoTime() - until < 0) {
                stop.await(5, java.util.concurrent.TimeUnit.SECONDS);
                out.println("pairs " + rt.pairs() + ", unpaired " + rt.unpaired() + "; " + rt.report());
                out.flush();
            }
            return rt.report();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting already
            }
        }
    }

    private static void print(ReconcileReport report, PrintWriter out) {
        out.println(report);
        for (Divergence d : report.details()) {
            out.println("  " + d.kind() + " key=" + d.key() + (d.detail().isEmpty() ? "" : " (" + d.detail() + ")")
                    + (d.repaired() ? " repaired" : ""));
        }
        out.flush();
    }

    /** One line, rewritten in place: {@code [#####.....] 41% 410000/1000000 rows 52000 rows/s ETA 0:11}. */
    static final class ProgressBar implements FullScanReconciler.Progress {

        private static final int WIDTH = 30;
        private final PrintWriter out;

        ProgressBar(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void update(long done, long total, double rowsPerSecond, Duration eta) {
            out.print("\r" + line(done, total, rowsPerSecond, eta));
            out.flush();
        }

        static String line(long done, long total, double rowsPerSecond, Duration eta) {
            double f = total <= 0 ? 1 : Math.min(1, (double) done / total);
            int filled = (int) Math.round(f * WIDTH);
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < WIDTH; i++) {
                b.append(i < filled ? '#' : '.');
            }
            long s = eta.toSeconds();
            return b.append("] ").append(String.format("%3d%% %d/%d rows %.0f rows/s ETA %d:%02d",
                    Math.round(f * 100), done, total, rowsPerSecond, s / 60, s % 60)).toString();
        }
    }
}

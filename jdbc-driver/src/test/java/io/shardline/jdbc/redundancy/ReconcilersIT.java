package io.shardline.jdbc.redundancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.consistency.redundancy.DivergenceKind;
import io.shardline.consistency.redundancy.FullScanReconciler;
import io.shardline.consistency.redundancy.RealtimeReconciler;
import io.shardline.consistency.redundancy.ReconcileReport;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three reconcilers against divergence injected behind Shardline's back: each detects it (MISSING / ORPHAN /
 * MISMATCH counted as injected), repairs it (source wins), and the copy ends equal to the source.
 */
@TestTopology(groups = 2, replicas = 0)
class ReconcilersIT {

    private static ShardlineDataSource ds;

    @BeforeAll
    static void start(TestDatabase db) throws SQLException {
        RedundancyFixture.createTables(db);
        ds = RedundancyFixture.dataSource(db, "all", "  reconcile: {chunkSize: 7, windowMs: 500}\n");
    }

    @AfterAll
    static void stop() {
        if (ds != null) {
            ds.close();
        }
    }

    @BeforeEach
    void fill(TestDatabase db) throws SQLException {
        RedundancyFixture.clear(db);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO t_order (order_id, user_id, driver_id, amount, status) VALUES (?, ?, ?, ?, 'new')")) {
            for (long i = 1; i <= 40; i++) {
                ps.setLong(1, i);
                ps.setLong(2, 500 + i);
                ps.setLong(3, 900 + i % 9);
                ps.setLong(4, i);
                ps.executeUpdate();
            }
        }
        assertThat(RedundancyFixture.snapshot(db, "t_order_by_driver")).isEqualTo(RedundancyFixture.expectedCopy(db));
    }

    /**
     * Injects, bypassing Shardline: a source update (MISMATCH), a source insert without copy (MISSING), a copy row
     * deleted (MISSING), a copy row without source (ORPHAN), and the half of a failed move: a stale copy row of
     * order 30 left on the other driver shard (MISMATCH: two copy rows). Order 30 (user 530, ds_0) has driver 903
     * (copy on ds_1).
     */
    private static void diverge(TestDatabase db) throws SQLException {
        RedundancyFixture.direct(db, 0, "UPDATE t_order SET amount = 99 WHERE order_id = 12");      // user 512: ds_0
        RedundancyFixture.direct(db, 1, "INSERT INTO t_order (order_id, user_id, driver_id, amount) VALUES "
                + "(41, 541, 905, 1)");
        RedundancyFixture.direct(db, 0, "DELETE FROM t_order_by_driver WHERE order_id = 20");       // driver 902: ds_0
        RedundancyFixture.direct(db, 1, "INSERT INTO t_order_by_driver (order_id, user_id, driver_id, amount) VALUES "
                + "(77, 577, 901, 5)");
        RedundancyFixture.direct(db, 0, "INSERT INTO t_order_by_driver (order_id, user_id, driver_id, amount) VALUES "
                + "(30, 530, 904, 30)");
    }

    private static void assertInjectedFound(ReconcileReport report) {
        assertThat(report.count(DivergenceKind.MISSING)).as(report.toString()).isEqualTo(2);
        assertThat(report.count(DivergenceKind.ORPHAN)).as(report.toString()).isEqualTo(1);
        assertThat(report.count(DivergenceKind.MISMATCH)).as(report.toString()).isEqualTo(2);
    }

    @Test
    void fullScanReportsThenRepairsAndResumesFromItsCheckpoint(TestDatabase db, @TempDir Path dir) throws Exception {
        Reconcilers r = new Reconcilers(ds, "t_order_by_driver", Optional.of(dir));
        diverge(db);
        var diverged = RedundancyFixture.snapshot(db, "t_order_by_driver");

        ReconcileReport reportOnly = r.fullScan(true).run((done, total, rate, eta) -> { });
        assertInjectedFound(reportOnly);
        assertThat(reportOnly.repaired()).isZero();
        assertThat(RedundancyFixture.snapshot(db, "t_order_by_driver")).isEqualTo(diverged);

        // A scan that dies after its second chunk (14 rows) leaves a checkpoint; the next run resumes after it.
        List<Long> progress = new ArrayList<>();
        FullScanReconciler.Progress dying = (done, total, rate, eta) -> {
            progress.add(done);
            if (progress.size() == 2) {
                throw new IllegalStateException("killed");
            }
        };
        assertThatThrownBy(() -> r.fullScan(false).run(dying)).hasMessage("killed");
        assertThat(progress).containsExactly(7L, 14L);
        List<Long> resumed = new ArrayList<>();
        ReconcileReport repaired = r.fullScan(false).run((done, total, rate, eta) -> resumed.add(done));
        assertThat(resumed.get(0)).isEqualTo(21L);
        assertThat(resumed.get(resumed.size() - 1)).isEqualTo(41L);
        // Order 12 was repaired by the killed run (first chunks); the rest by the resumed one.
        assertThat(repaired.total()).isEqualTo(4);
        assertThat(RedundancyFixture.snapshot(db, "t_order_by_driver")).isEqualTo(RedundancyFixture.expectedCopy(db));

        ReconcileReport clean = r.fullScan(false).run((done, total, rate, eta) -> { });
        assertThat(clean.total()).isZero();
        assertThat(clean.checked()).isEqualTo(41);
    }

    @Test
    void incrementalChecksWhatChangedSinceItsCheckpoint(TestDatabase db, @TempDir Path dir) throws Exception {
        Reconcilers r = new Reconcilers(ds, "t_order_by_driver", Optional.of(dir));
        assertThat(r.incremental(false).run().total()).isZero(); // baseline
        diverge(db);
        try (Connection c = ds.getConnection()) {  // a consistent change through Shardline: checked, not reported
            c.createStatement().executeUpdate("UPDATE t_order SET status = 'paid' WHERE user_id = 505");
        }
        ReconcileReport report = r.incremental(false).run();
        assertInjectedFound(report);
        assertThat(report.repaired()).isEqualTo(5);
        assertThat(report.checked()).isEqualTo(6);
        assertThat(RedundancyFixture.snapshot(db, "t_order_by_driver")).isEqualTo(RedundancyFixture.expectedCopy(db));
        // The repairs themselves are changes: the next run checks them and finds nothing.
        assertThat(r.incremental(false).run().total()).isZero();
    }

    @Test
    void realtimePairingRepairsUnpairedChanges(TestDatabase db, @TempDir Path dir) throws Exception {
        Reconcilers r = new Reconcilers(ds, "t_order_by_driver", Optional.of(dir));
        try (RealtimeReconciler rt = r.realtime(false)) {
            assertThat(rt.awaitConnected(Duration.ofSeconds(20))).isTrue();
            try (Connection c = ds.getConnection()) {
                c.createStatement().executeUpdate("UPDATE t_order SET amount = amount + 1 WHERE user_id = 501");
                c.createStatement().executeUpdate("UPDATE t_order SET driver_id = 950 WHERE user_id = 502");
            }
            diverge(db);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (rt.report().total() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(1500); // two more windows: nothing else may be reported
            assertInjectedFound(rt.report());
            assertThat(rt.pairs()).isGreaterThanOrEqualTo(2);
        }
        assertThat(RedundancyFixture.snapshot(db, "t_order_by_driver")).isEqualTo(RedundancyFixture.expectedCopy(db));
    }
}

package io.shardline.jdbc.redundancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.consistency.redundancy.DivergenceKind;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shard killed between the two writes: order 1's source row is on ds_0, its copy on ds_1; ds_1's master dies after
 * both were written and before COMMIT. Where the commit cannot be atomic (transactions mode LOCAL) the source row
 * commits and the copy row is lost; the reconcilers (real-time pairing running during the failure, incremental, full)
 * detect the MISSING copy and repair it, and the copy ends equal to the source.
 */
@TestTopology(groups = 2, replicas = 0)
class HalfFailedWriteIT {

    @Test
    void aCopyLostWithItsShardIsFoundAndRepaired(TestDatabase db, @TempDir Path dir) throws Exception {
        RedundancyFixture.createTables(db);
        RedundancyFixture.clear(db);
        try (ShardlineDataSource ds = RedundancyFixture.dataSource(db, "all", "  reconcile: {windowMs: 500}\n"
                + HalfFailedWriteIT.localTransactions())) {
            Reconcilers reconcilers = new Reconcilers(ds, "t_order_by_driver", Optional.of(dir));
            assertThat(reconcilers.incremental(false).run().total()).isZero(); // baseline
            try (RealtimeReconciler rt = reconcilers.realtime(false)) {
                assertThat(rt.awaitConnected(Duration.ofSeconds(20))).isTrue();
                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO t_order (order_id, user_id, "
                            + "driver_id, amount) VALUES (1, 10, 21, 5)")) {
                        ps.executeUpdate();
                    }
                    db.topology().kill(db.topology().master(1));
                    assertThatThrownBy(c::commit).isInstanceOf(SQLException.class);
                }
                db.topology().restart(db.topology().master(1));
                assertThat(RedundancyFixture.snapshot(db, "t_order")).containsOnlyKeys(1L);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (rt.report().total() < 1 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(rt.report().count(DivergenceKind.MISSING)).as(rt.report().toString()).isEqualTo(1);
                assertThat(rt.report().repaired()).isEqualTo(1);
            }
            assertThat(RedundancyFixture.snapshot(db, "t_order_by_driver"))
                    .isEqualTo(RedundancyFixture.expectedCopy(db)).hasSize(1);

            // The same loss, found by the other two modes (copy removed again behind Shardline's back).
            RedundancyFixture.direct(db, 1, "DELETE FROM t_order_by_driver");
            ReconcileReport incremental = reconcilers.incremental(false).run();
            assertThat(incremental.count(DivergenceKind.MISSING)).as(incremental.toString()).isEqualTo(1);
            RedundancyFixture.direct(db, 1, "DELETE FROM t_order_by_driver");
            ReconcileReport full = reconcilers.fullScan(false).run((done, total, rate, eta) -> { });
            assertThat(full.count(DivergenceKind.MISSING)).isEqualTo(1);
            assertThat(RedundancyFixture.snapshot(db, "t_order_by_driver"))
                    .isEqualTo(RedundancyFixture.expectedCopy(db));
        }
    }

    /** Commits are not atomic across shards in mode LOCAL: the case reconcilers exist for. */
    static String localTransactions() {
        return "transactions: {mode: LOCAL}\n";
    }

    /**
     * With multi-shard transactions (mode DELAYED, the default) the same failure leaves nothing half done: the copy's
     * shard dies before COMMIT, the commit fails, and the source write is not kept either.
     */
    @Test
    void withDelayedCommitTheSourceWriteIsNotKeptEither(TestDatabase db) throws Exception {
        RedundancyFixture.createTables(db);
        RedundancyFixture.clear(db);
        try (ShardlineDataSource ds = RedundancyFixture.dataSource(db, "all")) {
            assertThat(ds.transactions()).isPresent();
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO t_order (order_id, user_id, "
                        + "driver_id, amount) VALUES (2, 10, 21, 5)")) {
                    ps.executeUpdate();
                }
                db.topology().kill(db.topology().master(1));
                assertThatThrownBy(c::commit).isInstanceOf(SQLException.class);
            }
            db.topology().restart(db.topology().master(1));
            assertThat(RedundancyFixture.snapshot(db, "t_order")).doesNotContainKey(2L);
            assertThat(RedundancyFixture.snapshot(db, "t_order_by_driver")).isEqualTo(RedundancyFixture.expectedCopy(db));
        }
    }
}

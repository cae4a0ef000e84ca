package io.shardline.jdbc.ryw;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.consistency.ryw.CausalToken;
import io.shardline.consistency.ryw.Gtid;
import io.shardline.consistency.ryw.ReplicaState;
import io.shardline.jdbc.ShardlineConnection;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.execute.DataSourceGroup;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Measures (and prints; timing is never asserted) what polling {@code @@gtid_slave_pos} costs and how fresh it
 * is: from a commit until the poller has seen a replica apply it. The outcome asserted is that every commit's GTID
 * is eventually seen applied, and that the causal token carries exactly the commit's GTID.
 */
@TestTopology(groups = 2, replicas = 2)
class ReplicaPositionFreshnessIT {

    @Test
    void pollingSeesEveryCommitApplied(TestDatabase db) throws Exception {
        RywFixture.createTable(db);
        int n = 200;
        long[] micros = new long[n];
        try (ShardlineDataSource ds = RywFixture.dataSource(db, "  readYourWrites: {mode: GTID}\n", null);
                Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO kv (k, v) VALUES (?, ?)")) {
            DataSourceGroup g0 = ds.pools().group("ds_0").orElseThrow();
            Thread.sleep(200); // let the poller measure an idle round trip or ten
            double idleMicros = ds.readRouting().orElseThrow().poller().averagePollMicros();
            long previous = -1;
            for (int i = 0; i < n; i++) {
                ps.setLong(1, 2_000_000_000L + 2L * i);
                ps.setLong(2, i);
                long start = System.nanoTime();
                ps.executeUpdate();
                Gtid gtid = CausalToken.parse(c.unwrap(ShardlineConnection.class).exportCausalToken()).positions()
                        .get("ds_0");
                assertThat(gtid.seq()).isGreaterThan(previous);
                previous = gtid.seq();
                long deadline = start + 30_000_000_000L;
                while (!allApplied(g0, gtid)) {
                    assertThat(System.nanoTime()).as("replicas of ds_0 apply %s", gtid).isLessThan(deadline);
                    Thread.onSpinWait();
                }
                micros[i] = (System.nanoTime() - start) / 1000;
            }
            Arrays.sort(micros);
            System.out.printf("%nposition polling (every 20 ms): one position query %.0f us idle; commit -> poller "
                    + "has seen both replicas apply it: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d commits)%n%n",
                    idleMicros, micros[n / 2] / 1000.0, micros[n * 99 / 100] / 1000.0, micros[n - 1] / 1000.0, n);
        }
    }

    private static boolean allApplied(DataSourceGroup group, Gtid gtid) {
        for (ReplicaState state : group.replicaStates()) {
            if (!state.hasApplied(gtid.domain(), gtid.seq())) {
                return false;
            }
        }
        return true;
    }
}

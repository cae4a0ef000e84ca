package io.shardline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.jdbc.execute.DataSourceGroup;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Groups with replicas: every node gets a named pool; until issue #7 every statement runs on the master. */
@TestTopology(groups = 2, replicas = 1)
class ReplicaGroupsIT {

    @Test
    void replicasHavePoolsAndStatementsRunOnMasters(TestDatabase db) throws SQLException {
        try (ShardlineDataSource ds = TestShardline.dataSource(db, new TestPlanner())) {
            DataSourceGroup group = ds.pools().group("ds_1").orElseThrow();
            assertThat(group.replicas()).hasSize(1);
            assertThat(group.replicas().get(0).pool().getPoolName()).isEqualTo("shardline-ds_1-replica-0");
            assertThat(group.replicas().get(0).address()).endsWith(":" + db.topology().replica(1, 0).port());
            try (Connection c = ds.getConnection()) {
                for (int g = 0; g < 2; g++) {
                    try (Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery("SELECT @@server_id, @@read_only /*ds:" + g + "*/")) {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(db.topology().master(g).serverId());
                        assertThat(rs.getInt(2)).isZero();
                    }
                }
                c.setReadOnly(true); // a read-only transaction still runs on the master for now
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT @@server_id /*ds:1*/")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(db.topology().master(1).serverId());
                }
            }
        }
    }
}

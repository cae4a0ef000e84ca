package io.shardline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.jdbc.resultset.ShardCollations;
import io.shardline.router.merge.Collation;
import io.shardline.router.merge.MergePlan;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Column collations as a real MariaDB reports them, and what a merge does with each. */
@TestTopology(groups = 1, replicas = 0)
class ShardCollationsIT {

    private static final String COLUMNS = "SELECT c_general, c_bin, c_latin, c_unicode, c_int, c_varbinary, c_nopad,"
            + " c_ascii_general FROM collations";

    @BeforeAll
    static void create(TestDatabase db) throws SQLException {
        try (Connection c = db.connectMaster(0); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE collations (c_general VARCHAR(10) COLLATE utf8mb4_general_ci,"
                    + " c_bin VARCHAR(10) COLLATE utf8mb4_bin, c_latin VARCHAR(10) CHARACTER SET latin1 COLLATE"
                    + " latin1_swedish_ci, c_unicode TEXT COLLATE utf8mb4_unicode_ci, c_int INT, c_varbinary"
                    + " VARBINARY(10), c_nopad VARCHAR(10) COLLATE utf8mb4_nopad_bin, c_ascii_general CHAR(3)"
                    + " CHARACTER SET latin1 COLLATE latin1_general_ci)");
            for (int i = 0; i < 2; i++) {
                s.execute("CREATE TABLE t_item_" + i + " (id INT PRIMARY KEY, name VARCHAR(20) COLLATE utf8mb4_unicode_ci,"
                        + " code VARCHAR(20) COLLATE utf8mb4_bin)");
                s.execute("INSERT INTO t_item_" + i + " VALUES (" + (i + 1) + ", 'n" + i + "', 'C" + i + "'), ("
                        + (i + 3) + ", 'm" + i + "', 'c" + i + "')");
            }
        }
    }

    @Test
    void serverTableMapsEveryColumn(TestDatabase db) throws SQLException {
        try (Connection c = db.connectMaster(0); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(COLUMNS)) {
            ShardCollations server = ShardCollations.load(c);
            assertThat(server.name(45)).isEqualTo("utf8mb4_general_ci");
            assertThat(server.collations(rs.getMetaData())).containsExactly(Collation.GENERAL_CI, Collation.BINARY,
                    null, null, Collation.BINARY, Collation.BINARY, null, Collation.GENERAL_CI);
        }
    }

    @Test
    void connectorJTableAgreesOnTheCommonCollations(TestDatabase db) throws SQLException {
        try (Connection c = db.connectMaster(0); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(COLUMNS)) {
            List<Collation> collations = ShardCollations.of(rs.getMetaData());
            assertThat(collations.subList(0, 6)).containsExactly(Collation.GENERAL_CI, Collation.BINARY, null, null,
                    Collation.BINARY, Collation.BINARY);
            assertThat(collations.get(6)).isNull(); // NO PAD counts trailing spaces: never reproduced
        }
    }

    @Test
    void aMergeThatComparesAnUnsupportedCollationIsRefusedNamingTheColumn(TestDatabase db) throws SQLException {
        TestPlanner planner = new TestPlanner()
                .merge("SELECT id, name FROM t_item ORDER BY name", new MergePlan(2, 2,
                        List.of(new MergePlan.Key(1, false)), List.of(), List.of(), List.of(new MergePlan.Key(1, false)),
                        false, 0, -1))
                .merge("SELECT id, code FROM t_item ORDER BY code", new MergePlan(2, 2,
                        List.of(new MergePlan.Key(1, false)), List.of(), List.of(), List.of(new MergePlan.Key(1, false)),
                        false, 0, -1));
        try (ShardlineDataSource ds = TestShardline.dataSource(db, planner); Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT id, name FROM t_item ORDER BY name"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("'name'")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
            String[] codes = new String[4];
            int n = 0;
            try (ResultSet rs = s.executeQuery("SELECT id, code FROM t_item ORDER BY code")) {
                while (rs.next()) {
                    codes[n++] = rs.getString(2);
                }
            }
            assertThat(Arrays.asList(codes)).containsExactly("C0", "C1", "c0", "c1"); // utf8mb4_bin: binary order
            assertThat(active(ds)).isEqualTo(1);
        }
    }

    private static int active(ShardlineDataSource ds) {
        return ds.pools().group("ds_0").orElseThrow().master().pool().getHikariPoolMXBean().getActiveConnections();
    }
}

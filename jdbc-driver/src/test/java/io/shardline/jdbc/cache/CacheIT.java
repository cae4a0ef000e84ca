package io.shardline.jdbc.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.consistency.binlog.BinlogFollower;
import io.shardline.consistency.cache.CacheMetrics;
import io.shardline.consistency.cache.EvictionCause;
import io.shardline.consistency.cache.QueryCache;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.testkit.MariaDbNode;
import io.shardline.testkit.Topology;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The cache against real servers: what a hit returns, eviction at commit, transactions, eviction of writes made
 * outside Shardline when the replica applies them (binlog), the listener, and a follower across a replica restart.
 */
@TestTopology(groups = 2, replicas = 1, shared = false)
class CacheIT {

    private static final String CACHE = "  tables:\n    kv: {keyColumns: [k], ttlMs: 60000, maximumSize: 1000}\n"
            + "  binlog: {serverIdBase: 20000, settleMs: 100}\n";
    private static final String POINT = "SELECT k, v, note, v * 2 AS doubled FROM kv WHERE k = ?";

    private static void seed(TestDatabase db, long from, long to) throws SQLException {
        for (long k = from; k <= to; k++) {
            try (Connection c = db.connectMaster(CacheFixture.group(k)); Statement s = c.createStatement()) {
                s.execute("REPLACE INTO " + CacheFixture.actualTable(k) + " (k, v, note) VALUES (" + k + ", " + k * 10
                        + ", " + (k % 2 == 0 ? "NULL" : "'n" + k + "'") + ")");
            }
        }
        db.topology().waitForCatchUp();
    }

    private static Long read(Connection c, long k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v FROM kv WHERE k = ?")) {
            ps.setLong(1, k);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static boolean cached(ShardlineDataSource ds, long k) {
        QueryCache cache = ds.cache().orElseThrow().cache();
        return cache.entries().stream().anyMatch(e -> e.key().equals(k));
    }

    @Test
    void aHitAnswersWithTheDatabasesRowsAndMetadata(TestDatabase db) throws Exception {
        CacheFixture.createTables(db);
        seed(db, 1, 4);
        try (ShardlineDataSource plain = CacheFixture.dataSource(db, null, null);
                ShardlineDataSource cached = CacheFixture.dataSource(db, null, CACHE)) {
            for (long k : new long[] {1, 2}) {
                List<String> expected = describe(plain, k);
                List<String> miss = describe(cached, k);
                List<String> hit = describe(cached, k);
                assertThat(miss).as("miss, key " + k).isEqualTo(expected);
                assertThat(hit).as("hit, key " + k).isEqualTo(expected);
            }
            CacheMetrics m = cached.cacheMetrics().orElseThrow();
            assertThat(m.hits()).isEqualTo(2);
            assertThat(m.misses()).isEqualTo(2);
            assertThat(m.fills()).isEqualTo(2);
            assertThat(plain.cacheMetrics()).as("no cache section: no cache").isEmpty();
            // A key without a row caches the empty answer too, and an INSERT through Shardline evicts it.
            try (Connection c = cached.getConnection()) {
                assertThat(read(c, 99)).isNull();
                assertThat(read(c, 99)).isNull();
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO kv (k, v) VALUES (99, 990)");
                }
                assertThat(read(c, 99)).isEqualTo(990);
            }
        }
    }

    /** Every column's metadata and every getter's value of the point lookup, as text. */
    private static List<String> describe(ShardlineDataSource ds, long k) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(POINT)) {
            ps.setLong(1, k);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    out.add(md.getColumnLabel(i) + "|" + md.getColumnName(i) + "|" + md.getTableName(i) + "|"
                            + md.getColumnType(i) + "|" + md.getColumnTypeName(i) + "|" + md.isNullable(i) + "|"
                            + md.getPrecision(i) + "|" + md.getScale(i) + "|" + md.isSigned(i) + "|"
                            + md.getColumnClassName(i));
                }
                while (rs.next()) {
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object o = rs.getObject(i);
                        out.add(i + "=" + o + " (" + (o == null ? "null" : o.getClass().getSimpleName()) + ") str="
                                + rs.getString(i) + " long=" + longOrError(rs, i) + " null=" + rs.wasNull());
                    }
                    out.add("label v=" + rs.getLong("v") + " note=" + rs.getString("note"));
                }
                assertThat(rs.getStatement()).isSameAs(ps);
            }
        }
        return out;
    }

    private static String longOrError(ResultSet rs, int column) {
        try {
            return Long.toString(rs.getLong(column));
        } catch (SQLException e) {
            return "error " + e.getSQLState();
        }
    }

    @Test
    void commitsEvictAndTransactionsReadTheirOwnWrites(TestDatabase db) throws Exception {
        CacheFixture.createTables(db);
        seed(db, 11, 12);
        try (ShardlineDataSource ds = CacheFixture.dataSource(db, null, CACHE);
                Connection writer = ds.getConnection(); Connection reader = ds.getConnection()) {
            assertThat(read(reader, 11)).isEqualTo(110);
            assertThat(cached(ds, 11L)).isTrue();
            try (PreparedStatement ps = writer.prepareStatement("UPDATE kv SET v = ? WHERE k = ?")) {
                ps.setLong(1, 111);
                ps.setLong(2, 11);
                ps.executeUpdate();
            }
            assertThat(cached(ds, 11L)).as("evicted at the autocommit").isFalse();
            assertThat(read(reader, 11)).isEqualTo(111);

            assertThat(read(reader, 12)).isEqualTo(120);
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                s.executeUpdate("UPDATE kv SET v = 121 WHERE k = 12");
            }
            assertThat(read(writer, 12)).as("the transaction reads its own write, not the cache").isEqualTo(121);
            assertThat(read(reader, 12)).as("others still see the committed row").isEqualTo(120);
            writer.commit();
            assertThat(cached(ds, 12L)).as("evicted at commit").isFalse();
            assertThat(read(reader, 12)).isEqualTo(121);

            try (Statement s = writer.createStatement()) {
                s.executeUpdate("UPDATE kv SET v = 122 WHERE k = 12");
            }
            writer.rollback();
            writer.setAutoCommit(true);
            assertThat(read(reader, 12)).isEqualTo(121);
            assertThat(ds.cacheMetrics().orElseThrow().evictions(EvictionCause.COMMIT)).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void writesMadeOutsideShardlineAreEvictedWhenTheReplicaAppliesThem(TestDatabase db) throws Exception {
        CacheFixture.createTables(db);
        seed(db, 21, 22);
        try (ShardlineDataSource ds = CacheFixture.dataSource(db, null, CACHE); Connection c = ds.getConnection()) {
            for (BinlogFollower f : ds.cache().orElseThrow().followers()) {
                assertThat(f.awaitConnected(30, TimeUnit.SECONDS)).as(f.toString()).isTrue();
            }
            List<String> heard = new CopyOnWriteArrayList<>();
            ds.cache().orElseThrow().cache().addListener((table, keys, gtid, replica) -> {
                if (table.equals("kv")) {
                    heard.add(table + " " + keys + " " + (gtid.isEmpty() ? "no gtid" : "gtid") + " " + replica);
                }
            });
            assertThat(read(c, 21)).isEqualTo(210);
            assertThat(read(c, 21)).isEqualTo(210);
            assertThat(cached(ds, 21L)).isTrue();
            try (Connection master = db.connectMaster(1); Statement s = master.createStatement()) {
                s.executeUpdate("UPDATE kv_1 SET v = 211 WHERE k = 21");
            }
            assertThat(CacheFixture.eventually(Duration.ofSeconds(20), () -> !cached(ds, 21L)))
                    .as("evicted when replica of ds_1 applied the direct write").isTrue();
            assertThat(read(c, 21)).isEqualTo(211);
            MariaDbNode replica = db.topology().replica(1, 0);
            assertThat(heard).contains("kv [{k=21}, {k=21}] gtid ds_1/" + replica.host() + ":" + replica.port());
            assertThat(ds.cacheMetrics().orElseThrow().evictions(EvictionCause.BINLOG)).isPositive();
        }
    }

    @Test
    void aFollowerResumesFromItsLastGtidAcrossAReplicaRestart(Topology topology, TestDatabase db) throws Exception {
        CacheFixture.createTables(db);
        seed(db, 31, 32);
        try (ShardlineDataSource ds = CacheFixture.dataSource(db, null, CACHE); Connection c = ds.getConnection()) {
            BinlogFollower follower = ds.cache().orElseThrow().followers().stream()
                    .filter(f -> f.endpoint().dataSource().equals("ds_1")).findFirst().orElseThrow();
            assertThat(follower.awaitConnected(30, TimeUnit.SECONDS)).isTrue();
            MariaDbNode replica = topology.replica(1, 0);
            assertThat(read(c, 31)).isEqualTo(310);
            assertThat(cached(ds, 31L)).isTrue();

            topology.kill(replica);
            assertThat(CacheFixture.eventually(Duration.ofSeconds(20), () -> !follower.connected())).isTrue();
            try (Connection master = db.connectMaster(1); Statement s = master.createStatement()) {
                s.executeUpdate("UPDATE kv_1 SET v = 311 WHERE k = 31");
            }
            assertThat(cached(ds, 31L)).as("nothing applied it yet: still cached").isTrue();
            topology.restart(replica);
            assertThat(CacheFixture.eventually(Duration.ofSeconds(30), () -> !cached(ds, 31L)))
                    .as("evicted once the restarted replica applied the write and the follower resumed").isTrue();
            assertThat(follower.connects()).isGreaterThanOrEqualTo(2);
            assertThat(read(c, 31)).isEqualTo(311);
            // And it keeps following after the restart.
            assertThat(read(c, 33)).isNull();
            try (Connection master = db.connectMaster(1); Statement s = master.createStatement()) {
                s.executeUpdate("INSERT INTO kv_1 (k, v) VALUES (33, 330)");
            }
            assertThat(CacheFixture.eventually(Duration.ofSeconds(20), () -> !cached(ds, 33L))).isTrue();
            assertThat(read(c, 33)).isEqualTo(330);
        }
    }
}

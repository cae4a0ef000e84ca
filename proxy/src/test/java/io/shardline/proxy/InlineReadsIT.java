package io.shardline.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.config.ShardlineConfig;
import io.shardline.jdbc.execute.DataSourceGroup;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code inlineReads} with ONE network thread, so that anything that held that thread would stall every other
 * session: lock-free reads run there and answer what the shards hold; a result bigger than the client takes goes on
 * on a worker, with backpressure; a statement waiting on a row lock never runs there.
 */
@TestTopology(groups = 2, replicas = 0)
class InlineReadsIT {

    private static final int ROWS = 20_000;
    private static ProxyFixture fixture;
    private static TestDatabase database;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeAll
    static void start(TestDatabase db) throws Exception {
        database = db;
        ProxyConfig config = ProxyConfig.of(Map.of(ProxyFixture.USER, ProxyFixture.PASSWORD), ProxyFixture.SCHEMA)
                .withExecution(1, true);
        fixture = ProxyFixture.start(db, config);
        fixture.loadSbtest(ROWS);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void pointSelectsTextAndPreparedAnswerWhatTheShardsHold() throws Exception {
        for (String options : new String[] {"useServerPrepStmts=true", "useServerPrepStmts=false"}) {
            try (Connection c = fixture.connect(options);
                    PreparedStatement ps = c.prepareStatement("SELECT c, pad FROM sbtest1 WHERE id = ?");
                    Statement text = c.createStatement()) {
                for (int id : new int[] {1, 2, 777, 4242, ROWS, ROWS + 1}) {
                    ps.setInt(1, id);
                    String prepared;
                    try (ResultSet rs = ps.executeQuery()) {
                        prepared = rs.next() ? rs.getString(1) + "|" + rs.getString(2) : "none";
                    }
                    String viaText;
                    try (ResultSet rs = text.executeQuery("SELECT c, pad FROM sbtest1 WHERE id = " + id)) {
                        viaText = rs.next() ? rs.getString(1) + "|" + rs.getString(2) : "none";
                    }
                    String expected = onShards("SELECT c, pad FROM sbtest1 WHERE id = " + id);
                    assertThat(prepared).as("prepared, id %d, %s", id, options).isEqualTo(expected);
                    assertThat(viaText).as("text, id %d, %s", id, options).isEqualTo(expected);
                }
                // The proxy flushes a reply before it gives the connections back (the client is not kept waiting
                // on the pool), so the client may look before they are back: wait, do not sample.
                assertThat(fixture.awaitActiveShardConnections(0)).as("shard connections held by an idle session")
                        .isZero();
            }
        }
        fixture.awaitNoActiveShardConnections();
    }

    @Test
    void aBigResultTheClientDoesNotReadGoesOnOnAWorkerAndOthersAreServed() throws Exception {
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096); // little room in the kernel: the proxy must hold back, not buffer
            socket.connect(new InetSocketAddress("127.0.0.1", fixture.port()));
            RawClient stalled = new RawClient(socket);
            assertThat(stalled.login(ProxyFixture.USER, ProxyFixture.PASSWORD)[0]).isEqualTo((byte) 0);
            // About 12 MB of rows: beyond what the socket buffers (up to 4 MB here) and the channel (1 MB) hold.
            stalled.send(0, ("\u0003SELECT id, REPEAT(pad, 60) FROM sbtest1").getBytes(StandardCharsets.UTF_8));

            assertThat(awaitWorkerWaitingForClient()).as("a worker waits for the stalled client to read").isTrue();
            Future<String> other = pool.submit(() -> {
                try (Connection c = fixture.connect("useServerPrepStmts=true");
                        PreparedStatement ps = c.prepareStatement("SELECT c FROM sbtest1 WHERE id = ?")) {
                    ps.setInt(1, 4242);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : "none";
                    }
                }
            });
            assertThat(other.get(15, TimeUnit.SECONDS)).as("a session on the same network thread")
                    .isEqualTo(onShards("SELECT c FROM sbtest1 WHERE id = 4242").split("\\|")[0]);

            // Now the stalled client reads everything: every row arrives, then the session goes on.
            int columns = lengthEncodedInt(stalled.read());
            for (int i = 0; i < columns; i++) {
                stalled.read();
            }
            assertThat(stalled.read()[0]).as("EOF after the column definitions").isEqualTo((byte) 0xFE);
            int rows = 0;
            long idSum = 0;
            while (true) {
                byte[] row = stalled.read();
                if ((row[0] & 0xFF) == 0xFE && row.length < 9) {
                    break;
                }
                int len = row[0] & 0xFF; // ids are short: a one-byte length prefix
                idSum += Long.parseLong(new String(row, 1, len, StandardCharsets.US_ASCII));
                rows++;
            }
            assertThat(rows).isEqualTo(ROWS);
            assertThat(idSum).isEqualTo((long) ROWS * (ROWS + 1) / 2);
            assertThat(stalled.command(0x0e, new byte[0])[0]).as("ping after the result").isEqualTo((byte) 0);
            stalled.send(0, new byte[] {0x01});
        }
        fixture.awaitNoActiveShardConnections();
    }

    @Test
    void aWriteWaitingOnARowLockDoesNotHoldTheNetworkThread() throws Exception {
        try (Connection holder = fixture.connect("useServerPrepStmts=true");
                Connection waiter = fixture.connect("useServerPrepStmts=true")) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                assertThat(s.executeUpdate("UPDATE sbtest1 SET k = k + 1 WHERE id = 7")).isEqualTo(1);
            }
            Future<Integer> blocked = pool.submit(() -> {
                try (Statement s = waiter.createStatement()) {
                    return s.executeUpdate("UPDATE sbtest1 SET k = k + 100 WHERE id = 7");
                }
            });
            Thread.sleep(500);
            assertThat(blocked.isDone()).as("the second UPDATE waits for the row lock").isFalse();
            // With the waiting UPDATE on the one network thread, neither of these could be read before
            // innodb_lock_wait_timeout (50 s); the futures give them 15 s.
            Future<String> read = pool.submit(() -> {
                try (Connection c = fixture.connect("useServerPrepStmts=false"); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT c FROM sbtest1 WHERE id = 8")) {
                    return rs.next() ? rs.getString(1) : "none";
                }
            });
            assertThat(read.get(15, TimeUnit.SECONDS)).isEqualTo("c-8");
            Future<?> commit = pool.submit(() -> {
                holder.commit();
                return null;
            });
            commit.get(15, TimeUnit.SECONDS);
            assertThat(blocked.get(15, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(onShards("SELECT k FROM sbtest1 WHERE id = 7")).isEqualTo(String.valueOf(7 * 7 % ROWS + 101));
        fixture.awaitNoActiveShardConnections();
    }

    @Test
    void aReadThatWouldWaitForAPoolConnectionDoesNotHoldTheNetworkThread() throws Exception {
        // Pools of ONE connection per shard: a transaction that wrote on ds_0 holds its connection, so a read of a
        // ds_0 row waits for the pool. Run on the one network thread, it would keep the holder's COMMIT from being
        // read until the pool's 3 s timeout, and then fail.
        String yaml = ProxyFixture.yaml(database, 1)
                .replace("minimumIdle: 1}", "minimumIdle: 1, connectionTimeoutMs: 3000}");
        ProxyConfig config = ProxyConfig.of(Map.of(ProxyFixture.USER, ProxyFixture.PASSWORD), ProxyFixture.SCHEMA)
                .withExecution(1, true);
        try (ShardlineDataSource ds = ShardlineDataSource.builder()
                        .config(ShardlineConfig.parse(yaml, "inline-pool-test")).build();
                ProxyServer proxy = ProxyServer.start(ds, config, new InetSocketAddress("127.0.0.1", 0))) {
            String url = "jdbc:mysql://127.0.0.1:" + proxy.port() + "/" + ProxyFixture.SCHEMA
                    + "?useServerPrepStmts=true&useSSL=false&allowPublicKeyRetrieval=true";
            try (Connection holder = DriverManager.getConnection(url, ProxyFixture.USER, ProxyFixture.PASSWORD);
                    Connection reader = DriverManager.getConnection(url, ProxyFixture.USER, ProxyFixture.PASSWORD);
                    PreparedStatement read = reader.prepareStatement("SELECT c FROM sbtest1 WHERE id = ?")) {
                Statement holding = holder.createStatement();
                holding.execute("BEGIN"); // under autocommit=1, so that COMMIT gives the connection back
                assertThat(holding.executeUpdate("UPDATE sbtest1 SET k = k WHERE id = 2")).isEqualTo(1); // on ds_0
                read.setInt(1, 4242); // on ds_0 too
                Future<String> waiting = pool.submit(() -> {
                    try (ResultSet rs = read.executeQuery()) {
                        return rs.next() ? rs.getString(1) : "none";
                    }
                });
                assertThat(awaitPoolWaiter(ds)).as("the read waits for a pool connection").isTrue();
                long start = System.nanoTime();
                holding.execute("COMMIT");
                long commitMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(waiting.get(15, TimeUnit.SECONDS)).isEqualTo("c-4242");
                assertThat(commitMs).as("the COMMIT was read while the read waited").isLessThan(2_000);
            }
        }
    }

    /** Polls the data source's pools for a thread waiting for a connection (up to 15 s). */
    private static boolean awaitPoolWaiter(ShardlineDataSource ds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            for (DataSourceGroup group : ds.pools().groups()) {
                if (group.master().pool().getHikariPoolMXBean().getThreadsAwaitingConnection() > 0) {
                    return true;
                }
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Polls the proxy's threads for a worker parked in PacketOutput.awaitWritable (up to 15 s). */
    private static boolean awaitWorkerWaitingForClient() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                if (e.getKey().getName().startsWith("shardline-proxy-worker") && Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getMethodName().equals("awaitWritable"))) {
                    return true;
                }
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** The row's values joined with '|' from whichever shard holds it, read straight from the masters. */
    private static String onShards(String sql) throws SQLException {
        for (int g = 0; g < 2; g++) {
            try (Connection c = database.connectMaster(g); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                if (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.append(i > 1 ? "|" : "").append(rs.getString(i));
                    }
                    return row.toString();
                }
            }
        }
        return "none";
    }

    private static int lengthEncodedInt(byte[] packet) {
        int first = packet[0] & 0xFF;
        if (first < 0xFB) {
            return first;
        }
        return (packet[1] & 0xFF) | (packet[2] & 0xFF) << 8;
    }
}

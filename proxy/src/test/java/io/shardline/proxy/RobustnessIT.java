package io.shardline.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What real clients never send, and many clients at once: the proxy answers with a clear ERR packet or closes
 * the one connection, keeps serving everybody else, and leaks no shard connection.
 */
@TestTopology(groups = 2, replicas = 0)
class RobustnessIT {

    private static final long MAX_PACKET = 1 << 20;
    private static ProxyFixture fixture;

    @BeforeAll
    static void start(TestDatabase db) throws Exception {
        ProxyConfig base = ProxyConfig.of(Map.of(ProxyFixture.USER, ProxyFixture.PASSWORD), ProxyFixture.SCHEMA);
        ProxyConfig config = new ProxyConfig(base.users(), base.schema(), 1000, MAX_PACKET, 64, 2_000, 500);
        fixture = ProxyFixture.start(db, config);
        fixture.loadSbtest(1000);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @AfterEach
    void proxyStillServesAndHoldsNothing() throws Exception {
        try (Connection c = fixture.connect("useSSL=false"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT c FROM sbtest1 WHERE id = 5")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("c-5");
        }
        fixture.awaitNoActiveShardConnections();
    }

    private static RawClient loggedIn() throws Exception {
        RawClient client = new RawClient(fixture.port());
        byte[] ok = client.login(ProxyFixture.USER, ProxyFixture.PASSWORD);
        assertThat(ok[0]).as("OK after login").isEqualTo((byte) 0);
        return client;
    }

    @Test
    void malformedCommandsGetAnErrorAndTheSessionGoesOn() throws Exception {
        try (RawClient client = loggedIn()) {
            byte[] truncatedExecute = client.command(0x17, new byte[] {1, 0});
            assertThat(RawClient.errorNumber(truncatedExecute)).isEqualTo(1835);
            byte[] unknownStatement = client.command(0x17, new byte[] {99, 0, 0, 0, 0, 1, 0, 0, 0});
            assertThat(RawClient.errorNumber(unknownStatement)).isEqualTo(1243);
            byte[] unknownCommand = client.command(0x42, new byte[0]);
            assertThat(RawClient.errorNumber(unknownCommand)).isEqualTo(1047);
            byte[] emptyPacket = new byte[0];
            client.send(0, emptyPacket);
            assertThat(RawClient.errorNumber(client.read())).isEqualTo(1835);
            // A prepared statement whose execute announces more parameter bytes than it sends.
            byte[] prepared = client.command(0x16, "SELECT c FROM sbtest1 WHERE id = ?".getBytes(StandardCharsets.UTF_8));
            assertThat(prepared[0]).isEqualTo((byte) 0);
            int columns = (prepared[5] & 0xFF) | (prepared[6] & 0xFF) << 8;
            int parameters = (prepared[7] & 0xFF) | (prepared[8] & 0xFF) << 8;
            assertThat(parameters).isEqualTo(1);
            assertThat(columns).as("result columns described at prepare").isEqualTo(1);
            for (int i = 0; i < 2; i++) {
                while ((client.read()[0] & 0xFF) != 0xFE) {
                    // parameter definitions, then column definitions, each up to its EOF
                }
            }
            byte[] execute = {(byte) prepared[1], prepared[2], prepared[3], prepared[4], 0, 1, 0, 0, 0,
                0, 1, 8, 0, 1, 2};
            assertThat(RawClient.errorNumber(client.command(0x17, execute))).isEqualTo(1835);
            byte[] ping = client.command(0x0e, new byte[0]);
            assertThat(ping[0]).as("COM_PING still answers OK").isEqualTo((byte) 0);
        }
    }

    @Test
    void fieldListAndResetConnectionAnswer() throws Exception {
        try (RawClient client = loggedIn()) {
            byte[] first = client.command(0x04, "sbtest1\0".getBytes(StandardCharsets.UTF_8));
            List<String> names = new ArrayList<>();
            for (byte[] p = first; (p[0] & 0xFF) != 0xFE; p = client.read()) {
                names.add(columnName(p));
            }
            assertThat(names).containsExactly("id", "k", "c", "pad");
            assertThat(client.command(0x1f, new byte[0])[0]).as("COM_RESET_CONNECTION answers OK").isEqualTo((byte) 0);
            assertThat(RawClient.errorNumber(client.command(0x02, "elsewhere".getBytes(StandardCharsets.UTF_8))))
                    .as("COM_INIT_DB of another schema").isEqualTo(1049);
        }
    }

    /** The fifth length-encoded string of a column definition (catalog, schema, table, org_table, name). */
    private static String columnName(byte[] p) {
        int at = 0;
        for (int field = 0; field < 4; field++) {
            at += 1 + (p[at] & 0xFF);
        }
        return new String(p, at + 1, p[at] & 0xFF, StandardCharsets.UTF_8);
    }

    @Test
    void truncatedHandshakeResponseIsRefusedAndClosed() throws Exception {
        try (RawClient client = new RawClient(fixture.port())) {
            client.greeting();
            client.send(1, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
            assertThat(RawClient.errorNumber(client.read())).isEqualTo(1835);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void garbageInsteadOfAHandshakeClosesTheConnection() throws Exception {
        try (RawClient client = new RawClient(fixture.port())) {
            client.greeting();
            byte[] garbage = new byte[4096];
            ThreadLocalRandom.current().nextBytes(garbage);
            garbage[0] = 100; // a 100-byte "packet" of noise, then more noise
            garbage[1] = 0;
            garbage[2] = 0;
            client.sendRaw(garbage);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void oversizedPacketIsRefusedAndClosed() throws Exception {
        try (RawClient client = loggedIn()) {
            long announced = MAX_PACKET + 1;
            client.sendRaw(new byte[] {(byte) announced, (byte) (announced >> 8), (byte) (announced >> 16), 0, 3});
            byte[] err = client.read();
            assertThat(RawClient.errorNumber(err)).isEqualTo(1153);
            assertThat(RawClient.errorMessage(err)).contains("max_allowed_packet");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void clientStallingMidPacketIsCutOff() throws Exception {
        try (RawClient client = loggedIn()) {
            client.sendRaw(new byte[] {50, 0, 0, 0, 3, 'S', 'E', 'L'}); // 50 bytes announced, 4 sent
            long start = System.nanoTime();
            assertThat(client.closedByServer()).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).as("closed after about packetTimeoutMs")
                    .isLessThan(10_000);
        }
    }

    @Test
    void silentClientIsDisconnectedAfterTheHandshakeTimeout() throws Exception {
        try (RawClient client = new RawClient(fixture.port())) {
            client.greeting();
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void wrongPasswordAndUnknownUserAreRefused() throws Exception {
        try (RawClient client = new RawClient(fixture.port())) {
            byte[] answer = client.login(ProxyFixture.USER, "not-the-password");
            assertThat(RawClient.errorNumber(answer)).isEqualTo(1045);
            assertThat(client.closedByServer()).isTrue();
        }
        try (RawClient client = new RawClient(fixture.port())) {
            assertThat(RawClient.errorNumber(client.login("mallory", ProxyFixture.PASSWORD))).isEqualTo(1045);
        }
    }

    @Test
    void clientVanishingMidTransactionRollsBackAndReleases() throws Exception {
        Connection c = fixture.connect("useSSL=false");
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM sbtest1 WHERE id = 9001");
            s.executeUpdate("INSERT INTO sbtest1 (id, k, c, pad) VALUES (9001, 1, 'lost', 'p')");
        }
        c.abort(Runnable::run); // the socket goes away without COM_QUIT or COMMIT
        fixture.awaitNoActiveShardConnections();
        try (Connection check = fixture.connect("useSSL=false"); Statement s = check.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sbtest1 WHERE id = 9001")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void fiveHundredConcurrentConnections() throws Exception {
        int clients = 500;
        List<Connection> connections = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Connection>> opening = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                opening.add(pool.submit(() -> fixture.connect("useSSL=false&useServerPrepStmts=true")));
            }
            for (Future<Connection> f : opening) {
                connections.add(f.get());
            }
            assertThat(fixture.proxy.openSessions()).isEqualTo(clients);
            List<Future<String>> queries = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Connection c = connections.get(i);
                int id = 1 + i % 1000;
                queries.add(pool.submit(() -> pointSelect(c, id)));
            }
            for (int i = 0; i < clients; i++) {
                assertThat(queries.get(i).get()).isEqualTo("c-" + (1 + i % 1000));
            }
        } finally {
            for (Connection c : connections) {
                c.close();
            }
            pool.shutdown();
        }
        fixture.awaitNoActiveShardConnections();
    }

    private static String pointSelect(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT c FROM sbtest1 WHERE id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "none";
            }
        }
    }
}

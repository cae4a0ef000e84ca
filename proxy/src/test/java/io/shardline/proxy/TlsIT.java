package io.shardline.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.NativeSession;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.ServerPreparedStatement;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS between clients and the proxy (the proxy YAML's {@code tls:}), with a throwaway self-signed certificate made
 * by openssl: Connector/J ({@code sslMode=REQUIRED}) and the {@code mariadb} CLI ({@code --ssl}) against a proxy
 * without TLS, one that offers it and one that requires it. Proof of TLS comes from the client side: Connector/J's
 * socket is an {@link SSLSocket} with a negotiated protocol, the CLI's {@code status} names the cipher in use.
 */
@TestTopology(groups = 2, replicas = 0)
class TlsIT {

    private static final Path OPENSSL = Path.of("/usr/bin/openssl");
    private static final Path CLIENT = Path.of("/usr/bin/mariadb");
    private static final int ROWS = 50_000;

    @TempDir
    static Path dir;

    private static ProxyFixture plain;
    private static ProxyFixture offering;
    /**
     * Also takes client packets of at most 16 KB: a ClientHello misread as a MySQL packet announces more than 64 KB
     * (its first bytes 16 03 01 are a length of 66,326), so a proxy that framed it would answer ERR 1153.
     */
    private static ProxyFixture requiring;

    @BeforeAll
    static void start(TestDatabase db) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(OPENSSL), "openssl is not installed at " + OPENSSL);
        Path cert = dir.resolve("server-cert.pem");
        Path key = dir.resolve("server-key.pem");
        run(List.of(OPENSSL.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                "/CN=localhost", "-keyout", key.toString(), "-out", cert.toString()));
        ProxyConfig base = ProxyConfig.of(Map.of(ProxyFixture.USER, ProxyFixture.PASSWORD), ProxyFixture.SCHEMA);
        plain = ProxyFixture.start(db, base);
        offering = ProxyFixture.start(db, base.withTls(Tls.load(cert, key, false)));
        requiring = ProxyFixture.start(db,
                base.withPacketLimits(16 * 1024, 30_000).withTls(Tls.load(cert, key, true)));
        plain.loadSbtest(ROWS);
    }

    @AfterAll
    static void stop() {
        for (ProxyFixture f : new ProxyFixture[] {plain, offering, requiring}) {
            if (f != null) {
                f.close();
            }
        }
    }

    // ---------------------------------------------------------------- Connector/J

    @Test
    void connectorJSslModeRequiredWorksOnlyWhereTheProxyOffersTls() throws Exception {
        assertThatThrownBy(() -> plain.connect("sslMode=REQUIRED").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("SSL");
        try (Connection c = offering.connect("sslMode=REQUIRED")) {
            assertThat(tlsProtocol(c)).startsWith("TLSv1.");
            assertThat(cOf(c, 4321)).isEqualTo("c-4321");
        }
        // Optional means optional: a client that does not ask for TLS still gets in, in plain text.
        try (Connection c = offering.connect("sslMode=DISABLED")) {
            assertThat(socket(c)).isNotInstanceOf(SSLSocket.class);
            assertThat(cOf(c, 4322)).isEqualTo("c-4322");
        }
        offering.awaitNoActiveShardConnections();
    }

    @Test
    void serverPreparedStatementsRunOverTls() throws Exception {
        try (Connection c = offering.connect("sslMode=REQUIRED&useServerPrepStmts=true");
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id, c FROM sbtest1 WHERE id BETWEEN ? AND ? AND k >= ? ORDER BY id")) {
            assertThat(tlsProtocol(c)).startsWith("TLSv1.");
            assertThat(ps.isWrapperFor(ServerPreparedStatement.class)).as("a server-side prepared statement").isTrue();
            for (int from : new int[] {100, 20_001}) {
                ps.setInt(1, from);
                ps.setInt(2, from + 9);
                ps.setInt(3, 0);
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getInt(1) + ":" + rs.getString(2));
                    }
                }
                List<String> expected = new ArrayList<>();
                for (int id = from; id <= from + 9; id++) {
                    expected.add(id + ":c-" + id);
                }
                assertThat(rows).isEqualTo(expected);
            }
        }
        offering.awaitNoActiveShardConnections();
    }

    @Test
    void largeResultOverTlsArrivesComplete() throws Exception {
        for (boolean serverPrepared : new boolean[] {false, true}) {
            try (Connection c = offering.connect("sslMode=REQUIRED&useServerPrepStmts=" + serverPrepared);
                    PreparedStatement ps = c.prepareStatement("SELECT id, c, pad FROM sbtest1 WHERE k >= ?",
                            ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                assertThat(tlsProtocol(c)).startsWith("TLSv1.");
                ps.setFetchSize(Integer.MIN_VALUE); // Connector/J reads row by row from the socket
                ps.setInt(1, 0);
                try (ResultSet rs = ps.executeQuery()) {
                    // A reader that stops for a while after 100 rows: the proxy's socket fills and its worker waits.
                    assertThat(ProxyFixture.readSbtestRows(rs, 100))
                            .containsExactly(ROWS, (long) ROWS * (ROWS + 1) / 2);
                }
            }
        }
        offering.awaitNoActiveShardConnections();
    }

    @Test
    void requiredTlsRefusesPlainTextClientsAndKeepsServing() throws Exception {
        assertThatThrownBy(() -> requiring.connect("sslMode=DISABLED").close())
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(3159);
                    assertThat(e.getSQLState()).isEqualTo("HY000");
                    assertThat(e.getMessage()).contains("insecure transport").contains("tls.required");
                });
        Run cli = mariadb(requiring, "--skip-ssl", "SELECT c FROM sbtest1 WHERE id = 5");
        assertThat(cli.exit()).isNotZero();
        assertThat(cli.err()).contains("ERROR 3159 (HY000)");
        assertThat(cli.out()).isEmpty();
        // The refusal closes the connection.
        try (RawClient raw = new RawClient(requiring.port())) {
            byte[] answer = raw.login(ProxyFixture.USER, ProxyFixture.PASSWORD);
            assertThat(RawClient.errorNumber(answer)).isEqualTo(3159);
            assertThat(raw.closedByServer()).isTrue();
        }
        // TLS clients still get in.
        try (Connection c = requiring.connect("sslMode=REQUIRED")) {
            assertThat(tlsProtocol(c)).startsWith("TLSv1.");
            assertThat(cOf(c, 5)).isEqualTo("c-5");
        }
        Run tls = mariadb(requiring, "--ssl", "SELECT c FROM sbtest1 WHERE id = 6; \\s");
        assertThat(tls.exit()).as(tls.err()).isZero();
        assertThat(tls.out()).contains("c-6").containsPattern("SSL:\\s+Cipher in use is \\S+");
        requiring.awaitNoActiveShardConnections();
    }

    // ---------------------------------------------------------------- the mariadb CLI

    @Test
    void mariadbClientUsesTlsWhereOffered() throws Exception {
        Run tls = mariadb(offering, "--ssl", "SELECT c FROM sbtest1 WHERE id = 77; \\s");
        assertThat(tls.exit()).as(tls.err()).isZero();
        assertThat(tls.out()).startsWith("c\nc-77\n").containsPattern("SSL:\\s+Cipher in use is \\S+");
        Run skipped = mariadb(offering, "--skip-ssl", "SELECT c FROM sbtest1 WHERE id = 78; \\s");
        assertThat(skipped.exit()).as(skipped.err()).isZero();
        assertThat(skipped.out()).startsWith("c\nc-78\n").containsPattern("SSL:\\s+Not in use");
        offering.awaitNoActiveShardConnections();
    }

    // ---------------------------------------------------------------- the protocol by hand

    @Test
    void greetingAdvertisesSslOnlyWhenConfigured() throws Exception {
        try (RawClient withTls = new RawClient(offering.port()); RawClient without = new RawClient(plain.port())) {
            assertThat(capabilities(withTls.greeting()) & Capabilities.CLIENT_SSL).isNotZero();
            assertThat(capabilities(without.greeting()) & Capabilities.CLIENT_SSL).isZero();
        }
    }

    /**
     * The ClientHello in the same TCP segment as the SSLRequest: the proxy must hand those bytes to TLS, not frame
     * them as a MySQL packet (real clients send them back to back, so a busy proxy reads both at once).
     */
    @Test
    void clientHelloInTheSameReadAsTheSslRequestIsHandedToTls() throws Exception {
        PrefixingSocket socket = new PrefixingSocket(requiring.port());
        try (RawClient plainText = new RawClient(socket)) {
            plainText.greeting();
            socket.prefix = sslRequest();
            SSLSocket tls = (SSLSocket) trustingContext().getSocketFactory()
                    .createSocket(socket, "localhost", requiring.port(), true);
            tls.startHandshake();
            assertThat(socket.prefix).as("the SSLRequest went out with the ClientHello").isNull();
            try (RawClient client = new RawClient(tls)) {
                client.scramble = plainText.scramble;
                byte[] ok = client.handshakeResponse(ProxyFixture.USER, ProxyFixture.PASSWORD, 2,
                        Capabilities.CLIENT_SSL);
                assertThat(ok[0]).as("OK after login over TLS").isEqualTo((byte) 0);
                byte[] columns = client.command(0x03, "SELECT c FROM sbtest1 WHERE id = 9".getBytes(
                        StandardCharsets.UTF_8));
                assertThat(columns[0]).as("one column").isEqualTo((byte) 1);
                client.read(); // column definition
                client.read(); // EOF
                byte[] row = client.read();
                assertThat(new String(row, 1, row[0], StandardCharsets.UTF_8)).isEqualTo("c-9");
            }
        }
        requiring.awaitNoActiveShardConnections();
    }

    // ---------------------------------------------------------------- helpers

    /** Protocol::SSLRequest with sequence 1, framed: capability flags, max packet size, character set, 23 zeros. */
    private static byte[] sslRequest() {
        int caps = Capabilities.CLIENT_PROTOCOL_41 | Capabilities.CLIENT_SECURE_CONNECTION
                | Capabilities.CLIENT_PLUGIN_AUTH | Capabilities.CLIENT_LONG_PASSWORD | Capabilities.CLIENT_SSL;
        byte[] packet = new byte[4 + 32];
        packet[0] = 32;
        packet[3] = 1;
        for (int i = 0; i < 4; i++) {
            packet[4 + i] = (byte) (caps >>> (8 * i));
        }
        packet[4 + 7] = 1; // max packet size 1 << 24
        packet[4 + 8] = 45; // utf8mb4_general_ci
        return packet;
    }

    private static int capabilities(byte[] greeting) {
        int p = 1;
        while (greeting[p] != 0) {
            p++;
        }
        p += 1 + 4 + 8 + 1;
        return (greeting[p] & 0xFF) | (greeting[p + 1] & 0xFF) << 8;
    }

    private static String cOf(Connection c, int id) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT c FROM sbtest1 WHERE id = " + id)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static Socket socket(Connection c) throws Exception {
        NativeSession session = (NativeSession) c.unwrap(JdbcConnection.class).getSession();
        return session.getProtocol().getSocketConnection().getMysqlSocket();
    }

    /** The TLS protocol Connector/J negotiated; fails if the connection is not TLS. */
    private static String tlsProtocol(Connection c) throws Exception {
        Socket s = socket(c);
        assertThat(s).as("Connector/J's socket").isInstanceOf(SSLSocket.class);
        return ((SSLSocket) s).getSession().getProtocol();
    }

    private static SSLContext trustingContext() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, null);
        return context;
    }

    /** A plain socket that sends {@link #prefix} together with the next write (the TLS layer's ClientHello). */
    private static final class PrefixingSocket extends Socket {

        volatile byte[] prefix;

        PrefixingSocket(int port) throws IOException {
            super("127.0.0.1", port);
            setTcpNoDelay(true);
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            OutputStream out = super.getOutputStream();
            return new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    byte[] first = prefix;
                    if (first == null) {
                        out.write(b, off, len);
                        return;
                    }
                    prefix = null;
                    byte[] joined = new byte[first.length + len];
                    System.arraycopy(first, 0, joined, 0, first.length);
                    System.arraycopy(b, off, joined, first.length, len);
                    out.write(joined);
                }
            };
        }
    }

    record Run(int exit, String out, String err) {
    }

    private static Run mariadb(ProxyFixture proxy, String sslOption, String sql) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CLIENT), "the mariadb client is not installed at " + CLIENT);
        return run(List.of(CLIENT.toString(), "--batch", "--protocol=TCP", "--host=127.0.0.1",
                "--port=" + proxy.port(), "--user=" + ProxyFixture.USER, "--password=" + ProxyFixture.PASSWORD,
                sslOption, ProxyFixture.SCHEMA, "-e", sql));
    }

    private static Run run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish within 60 s: " + command);
        }
        Run run = new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        if (command.get(0).equals(OPENSSL.toString()) && run.exit() != 0) {
            throw new AssertionError("openssl failed: " + run.err());
        }
        return run;
    }
}

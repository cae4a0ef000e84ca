package io.shardline.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection phase of one client: the greeting (handshake v10 with a fresh scramble), the client's handshake
 * response, and the password check against the proxy's users. The greeting proposes {@code mysql_native_password},
 * what MariaDB clients use. A client that answers with {@code caching_sha2_password} (MySQL 8 and later, whose
 * clients may have native passwords disabled) is checked on that plugin's fast path when the user's password is known
 * (see {@link CachingSha2Password}), without a round trip; any other plugin, or a user known only by a native hash,
 * gets an auth switch to {@code mysql_native_password}. Kept apart from the command phase because it has its own
 * state (the scramble, the user, the schema asked for) that nothing after the login needs. Like the rest of a session
 * it is used by one thread at a time, the one running the session's current packet.
 */
final class Handshake {

    private static final Logger LOG = LoggerFactory.getLogger(Handshake.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What MariaDB 10.11 announces, so that clients pick the same dialect as with the servers behind. */
    static final String SERVER_VERSION = "5.5.5-10.11.0-MariaDB-shardline-proxy";

    private final ProxyServer server;
    private final Channel channel;
    private final PacketOutput output;
    private final int connectionId;
    private final byte[] scramble = new byte[20];
    /** The plugin an auth switch request asked for, while its answer is awaited; null otherwise. */
    private String switchedTo;
    private String user = "";
    private String pendingSchema;

    Handshake(ProxyServer server, Channel channel, PacketOutput output, int connectionId) {
        this.server = server;
        this.channel = channel;
        this.output = output;
        this.connectionId = connectionId;
        for (int i = 0; i < scramble.length; i++) {
            // Printable, non-NUL bytes: some clients treat the scramble as a C string.
            scramble[i] = (byte) (33 + RANDOM.nextInt(94));
        }
    }

    void writeGreeting() {
        ByteBuf out = output.begin();
        out.writeByte(10);
        Wire.writeNulString(out, SERVER_VERSION);
        out.writeIntLE(connectionId);
        out.writeBytes(scramble, 0, 8);
        out.writeByte(0);
        int capabilities = server.config().tls().isPresent()
                ? Capabilities.SERVER | Capabilities.CLIENT_SSL
                : Capabilities.SERVER;
        out.writeShortLE(capabilities & 0xFFFF);
        out.writeByte(ColumnDef.UTF8MB4_GENERAL_CI);
        out.writeShortLE(ResultWriter.STATUS_AUTOCOMMIT);
        out.writeShortLE(capabilities >>> 16);
        out.writeByte(scramble.length + 1);
        out.writeZero(10);
        out.writeBytes(scramble, 8, 12);
        out.writeByte(0);
        Wire.writeNulString(out, NativePassword.PLUGIN);
        output.end();
    }

    /**
     * Takes the client's next packet of the connection phase. True once the client has logged in (the caller answers
     * with OK and enters the command phase); false when an auth switch request went out and its answer is awaited.
     * A client that may not log in gets a {@link ProxyException}.
     */
    boolean respond(ByteBuf in) throws ProxyException {
        if (switchedTo == null) {
            return handshakeResponse(in);
        }
        byte[] token = new byte[in.readableBytes()];
        in.readBytes(token);
        if (switchedTo.equals(CachingSha2Password.PLUGIN)) {
            byte[] sha2 = server.config().credentials(user).flatMap(ProxyConfig.Credentials::sha2Hash).orElseThrow();
            check(CachingSha2Password.verify(sha2, scramble, token), token);
            if (sha2.length > 0) {
                // AuthMoreData "fast auth success", then the caller's OK (an empty password gets the OK alone).
                ByteBuf out = output.begin();
                out.writeByte(0x01);
                out.writeByte(CachingSha2Password.FAST_AUTH_SUCCESS);
                output.end();
            }
        } else {
            authenticate(token);
        }
        return true;
    }

    private boolean handshakeResponse(ByteBuf in) throws ProxyException {
        Tls.checkTransport(server.config().tls(), channel);
        Wire.need(in, 32, "the handshake response");
        int clientCapabilities = in.readIntLE();
        if ((clientCapabilities & Capabilities.CLIENT_PROTOCOL_41) == 0) {
            throw ProxyError.HANDSHAKE_FAILED.exception("the client does not speak protocol 4.1");
        }
        if ((clientCapabilities & Capabilities.CLIENT_SSL) != 0 && in.readableBytes() == 28) {
            throw ProxyError.HANDSHAKE_FAILED.exception("TLS was requested, but this proxy does not offer it");
        }
        in.skipBytes(4 + 1 + 23); // max packet size, character set, filler
        user = Wire.readNulString(in);
        byte[] token;
        if ((clientCapabilities & Capabilities.CLIENT_PLUGIN_AUTH_LENENC_DATA) != 0) {
            token = Wire.readLenencBytes(in);
        } else if ((clientCapabilities & Capabilities.CLIENT_SECURE_CONNECTION) != 0) {
            Wire.need(in, 1, "the auth response length");
            int length = in.readUnsignedByte();
            Wire.need(in, length, "the auth response");
            token = new byte[length];
            in.readBytes(token);
        } else {
            token = Wire.readNulString(in).getBytes(StandardCharsets.ISO_8859_1);
        }
        if ((clientCapabilities & Capabilities.CLIENT_CONNECT_WITH_DB) != 0 && in.isReadable()) {
            String db = Wire.readNulString(in);
            pendingSchema = db.isEmpty() ? null : db;
        }
        String plugin = NativePassword.PLUGIN;
        if ((clientCapabilities & Capabilities.CLIENT_PLUGIN_AUTH) != 0 && in.isReadable()) {
            plugin = Wire.readNulString(in);
        }
        // Connection attributes (CLIENT_CONNECT_ATTRS) follow; the proxy has no use for them.
        Optional<byte[]> sha2 = server.config().credentials(user).flatMap(ProxyConfig.Credentials::sha2Hash);
        if (plugin.equals(CachingSha2Password.PLUGIN) && sha2.isPresent()) {
            if (token.length == 0 && sha2.get().length > 0) {
                // libmysqlclient and libmariadb send no token for a plugin other than the greeting's: they wait to
                // be switched to the user's plugin, and then answer with the token.
                switchTo(CachingSha2Password.PLUGIN);
                return false;
            }
            // A token made with the greeting's scramble (Connector/J): the caller's OK follows at once. No
            // "fast auth success" packet first: Connector/J reads it without its 0x01 header from servers older
            // than 5.5.16, which the 5.5.5- prefix of our version makes the proxy look like; an OK it accepts.
            check(CachingSha2Password.verify(sha2.get(), scramble, token), token);
            return true;
        }
        if (!plugin.isEmpty() && !plugin.equals(NativePassword.PLUGIN)) {
            switchTo(NativePassword.PLUGIN);
            return false;
        }
        authenticate(token);
        return true;
    }

    /** Asks the client to answer with {@code plugin} for the same scramble (AuthSwitchRequest). */
    private void switchTo(String plugin) {
        switchedTo = plugin;
        ByteBuf out = output.begin();
        out.writeByte(0xFE);
        Wire.writeNulString(out, plugin);
        out.writeBytes(scramble);
        out.writeByte(0);
        output.end();
    }

    private void authenticate(byte[] token) throws ProxyException {
        Optional<ProxyConfig.Credentials> stored = server.config().credentials(user);
        check(stored.isPresent() && NativePassword.verify(stored.get().nativeHash(), scramble, token), token);
    }

    /** Refuses a wrong password (ERR 1045) and a database other than the proxy's (ERR 1049). */
    private void check(boolean passwordMatches, byte[] token) throws ProxyException {
        if (!passwordMatches) {
            String host = channel.remoteAddress() instanceof java.net.InetSocketAddress a ? a.getHostString() : "?";
            LOG.info("connection {}: access denied for '{}'@'{}'", connectionId, user, host);
            throw ProxyError.ACCESS_DENIED.exception(user, host, token.length > 0 ? "YES" : "NO");
        }
        if (pendingSchema != null && !pendingSchema.equalsIgnoreCase(server.config().schema())) {
            throw ProxyError.UNKNOWN_DATABASE.exception(pendingSchema, server.config().schema());
        }
    }
}

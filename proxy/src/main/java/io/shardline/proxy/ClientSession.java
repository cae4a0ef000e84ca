package io.shardline.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.shardline.jdbc.ShardlineConnection;
import io.shardline.sql.ParsedStatement;
import io.shardline.sql.SqlParseException;
import io.shardline.sql.facts.SessionVariable;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.StatementKind;
import io.shardline.sql.facts.Value;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: the handshake and authentication, then the command phase, with a
 * {@link ShardlineConnection} (its own transaction, read-your-writes state and hints) and the client's prepared
 * statements. Outside a transaction the Shardline connection is given back after each command, because the driver
 * keeps the shard connections it borrowed until the logical connection closes: 500 idle clients must not hold 500
 * shard connections. The session's settings (autocommit, isolation, read-only) and its read-your-writes position
 * (the causal token) carry over to the next one, so the client sees one session. Netty delivers packets on the event loop; they are queued and run in order on a worker thread,
 * because JDBC blocks. A client that pipelines more than a few commands is stopped from reading until they ran, so
 * it cannot pile up work.
 */
final class ClientSession extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    // Capability flags (Protocol::CapabilityFlags).
    static final int CLIENT_LONG_PASSWORD = 1;
    static final int CLIENT_LONG_FLAG = 4;
    static final int CLIENT_CONNECT_WITH_DB = 8;
    static final int CLIENT_NO_SCHEMA = 16;
    static final int CLIENT_ODBC = 64;
    static final int CLIENT_IGNORE_SPACE = 256;
    static final int CLIENT_PROTOCOL_41 = 512;
    static final int CLIENT_INTERACTIVE = 1024;
    static final int CLIENT_SSL = 2048;
    static final int CLIENT_TRANSACTIONS = 8192;
    static final int CLIENT_SECURE_CONNECTION = 32768;
    static final int CLIENT_MULTI_RESULTS = 1 << 17;
    static final int CLIENT_PS_MULTI_RESULTS = 1 << 18;
    static final int CLIENT_PLUGIN_AUTH = 1 << 19;
    static final int CLIENT_CONNECT_ATTRS = 1 << 20;
    static final int CLIENT_PLUGIN_AUTH_LENENC_DATA = 1 << 21;

    /** What the proxy offers (CLIENT_SSL too if TLS is configured); no multi-statements, no CLIENT_DEPRECATE_EOF. */
    static final int SERVER_CAPABILITIES = CLIENT_LONG_PASSWORD | CLIENT_LONG_FLAG | CLIENT_CONNECT_WITH_DB
            | CLIENT_NO_SCHEMA | CLIENT_ODBC | CLIENT_IGNORE_SPACE | CLIENT_PROTOCOL_41 | CLIENT_INTERACTIVE
            | CLIENT_TRANSACTIONS | CLIENT_SECURE_CONNECTION | CLIENT_MULTI_RESULTS | CLIENT_PS_MULTI_RESULTS
            | CLIENT_PLUGIN_AUTH | CLIENT_CONNECT_ATTRS | CLIENT_PLUGIN_AUTH_LENENC_DATA;

    private static final java.util.Set<StatementKind> SESSION_KINDS = java.util.EnumSet.of(StatementKind.SET,
            StatementKind.USE, StatementKind.BEGIN, StatementKind.COMMIT, StatementKind.ROLLBACK);

    static final int STATUS_IN_TRANS = 1;
    static final int STATUS_AUTOCOMMIT = 2;

    /** What MariaDB 10.11 announces, so that clients pick the same dialect as with the servers behind. */
    static final String SERVER_VERSION = "5.5.5-10.11.0-MariaDB-shardline-proxy";

    /** Commands a client may have waiting before the proxy stops reading from it. */
    private static final int MAX_QUEUED = 8;

    private enum Phase { HANDSHAKE, AUTH_SWITCH, COMMAND, CLOSED }

    private final ProxyServer server;
    private final int connectionId;
    private final byte[] scramble = new byte[20];
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final Object writability = new Object();
    private final Map<Integer, PreparedCommand> prepared = new HashMap<>();
    private Channel channel;
    private PacketOutput output;
    private boolean running;
    /** A result that stopped on the network thread to wait for the client; a worker finishes it. */
    private Streaming streaming;
    private Phase phase = Phase.HANDSHAKE;
    private String user = "";
    private String pendingSchema;
    private int clientCapabilities;
    private ShardlineConnection connection;
    private Statement textStatement;
    private boolean autocommit = true;
    private int isolation = -1;
    private boolean readOnly;
    private String causalToken = "";
    private int nextStatementId = 1;
    private boolean firstPacketRead; // event loop only

    ClientSession(ProxyServer server, int connectionId) {
        this.server = server;
        this.connectionId = connectionId;
        for (int i = 0; i < scramble.length; i++) {
            // Printable, non-NUL bytes: some clients treat the scramble as a C string.
            scramble[i] = (byte) (33 + RANDOM.nextInt(94));
        }
    }

    // ---------------------------------------------------------------- event loop side

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        output = new PacketOutput(channel, writability);
        if (!server.register(this)) {
            enqueue(new Refusal(ProxyError.TOO_MANY_CONNECTIONS.exception(server.config().maxConnections())));
            return;
        }
        enqueue(Greeting.INSTANCE);
        ctx.executor().schedule(() -> {
            if (phase != Phase.COMMAND && channel.isActive()) {
                LOG.info("connection {} from {}: no authentication within {} ms, closing", connectionId,
                        channel.remoteAddress(), server.config().handshakeTimeoutMs());
                channel.close();
            }
        }, server.config().handshakeTimeoutMs(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Packet first && !firstPacketRead) {
            firstPacketRead = true;
            if (Tls.startIfRequested(server.config().tls(), ctx, first)) {
                return; // here, not on a worker: the SslHandler must be in place before the ClientHello is read
            }
        }
        if (msg instanceof Packet || msg instanceof PacketDecoder.OversizedPacket) {
            enqueue(msg);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        synchronized (writability) {
            writability.notifyAll();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            PacketDecoder decoder = ctx.pipeline().get(PacketDecoder.class);
            if (decoder != null && decoder.midPacket()) {
                LOG.info("connection {} from {}: stalled in the middle of a packet for {} ms, closing", connectionId,
                        channel.remoteAddress(), server.config().packetTimeoutMs());
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        server.unregister(this);
        enqueue(Close.INSTANCE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection {}: {}", connectionId, cause.toString());
        ctx.close();
    }

    private void enqueue(Object work) {
        boolean inline;
        synchronized (queue) {
            inline = !running && queue.isEmpty() && inlineable(work);
            running |= inline;
        }
        if (inline) {
            runInline((Packet) work);
            return;
        }
        boolean start;
        synchronized (queue) {
            queue.add(work);
            start = !running;
            running = true;
            // A client waits for each answer, so the queue holds one command; one that pipelines many is stopped
            // from reading until the worker catches up (not toggled per command: that costs a wake-up each time).
            if (channel != null && queue.size() >= MAX_QUEUED) {
                channel.config().setAutoRead(false);
            }
        }
        if (start) {
            server.workers().execute(this::drain);
        }
    }

    /**
     * With {@code inlineReads}: whether {@code work} is a read that cannot wait on a lock (a SELECT without a
     * locking clause, text or prepared, or a ping) in a session outside a transaction, to be run right here on the
     * network thread. Called under the queue lock while no command of the session runs, so the session's state as the
     * worker left it is visible.
     */
    private boolean inlineable(Object work) {
        if (!server.config().inlineReads() || phase != Phase.COMMAND || !autocommit || !(work instanceof Packet p)) {
            return false;
        }
        try {
            if (connection != null && !connection.getAutoCommit()) {
                return false; // BEGIN opened a transaction
            }
        } catch (SQLException e) {
            return false;
        }
        ByteBuf in = p.payload();
        if (!in.isReadable()) {
            return false;
        }
        int at = in.readerIndex();
        return switch (in.getUnsignedByte(at)) {
            case 0x0e -> true; // COM_PING
            case 0x17 -> { // COM_STMT_EXECUTE
                PreparedCommand command = in.readableBytes() >= 5 ? prepared.get(in.getIntLE(at + 1)) : null;
                yield command != null && command.lockFreeRead;
            }
            case 0x03 -> parse(in.toString(at + 1, in.readableBytes() - 1, StandardCharsets.UTF_8))
                    .map(parsed -> lockFreeRead(parsed.facts())).orElse(false); // COM_QUERY; the parse is cached
            default -> false;
        };
    }

    /** A SELECT without FOR UPDATE / LOCK IN SHARE MODE: InnoDB answers it from a snapshot, never waiting on a lock. */
    static boolean lockFreeRead(StatementFacts facts) {
        return facts.kind() == StatementKind.SELECT && facts.lockMode() == io.shardline.sql.facts.LockMode.NONE;
    }

    /** Runs one command on the network thread; a result that has to wait for the client goes on on a worker. */
    private void runInline(Packet packet) {
        try {
            run(packet);
        } catch (RuntimeException | Error e) {
            LOG.warn("connection {}: unexpected failure, closing", connectionId, e);
            channel.close();
        } finally {
            ReferenceCountUtil.release(packet.payload());
        }
        if (streaming != null) {
            server.workers().execute(this::finishStreaming); // still running: what the client sends meanwhile queues
            return;
        }
        synchronized (queue) {
            if (queue.isEmpty()) {
                running = false;
                return;
            }
        }
        server.workers().execute(this::drain);
    }

    // ---------------------------------------------------------------- worker side

    /** Worker side of a result that stopped on the network thread: the rest of its rows, then the queued commands. */
    private void finishStreaming() {
        Streaming s = streaming;
        streaming = null;
        try {
            try {
                streamRows(s);
            } finally {
                s.rows().close();
            }
        } catch (SQLException e) {
            output.abandonOpenPacket();
            writeError(translate(e));
        } catch (RuntimeException e) {
            LOG.warn("connection {}: streaming a result failed inside the proxy", connectionId, e);
            output.abandonOpenPacket();
            writeError(ProxyError.INTERNAL.exception("the Shardline proxy failed on this command: " + e));
        }
        output.flush();
        releaseOutsideTransaction();
        drain();
    }

    private void drain() {
        while (true) {
            Object work;
            synchronized (queue) {
                work = queue.poll();
                if (work == null) {
                    running = false;
                    if (phase != Phase.CLOSED && channel.isActive() && !channel.config().isAutoRead()) {
                        channel.config().setAutoRead(true);
                    }
                    return;
                }
            }
            try {
                run(work);
            } catch (RuntimeException | Error e) {
                LOG.warn("connection {}: unexpected failure, closing", connectionId, e);
                channel.close();
            } finally {
                ReferenceCountUtil.release(work instanceof Packet p ? p.payload() : null);
            }
        }
    }

    private void run(Object work) {
        if (work == Close.INSTANCE) {
            closeSession();
            return;
        }
        if (phase == Phase.CLOSED) {
            return;
        }
        if (work == Greeting.INSTANCE) {
            output.sequence(0);
            writeGreeting();
            output.flush();
            return;
        }
        if (work instanceof Refusal refusal) {
            output.sequence(0);
            writeError(refusal.error());
            closeAfterFlush();
            return;
        }
        if (work instanceof PacketDecoder.OversizedPacket big) {
            output.sequence(1);
            writeError(ProxyError.PACKET_TOO_LARGE.exception(big.announced(), big.limit()));
            closeAfterFlush();
            return;
        }
        Packet packet = (Packet) work;
        output.sequence(packet.sequence() + 1);
        try {
            switch (phase) {
                case HANDSHAKE -> handshakeResponse(packet.payload());
                case AUTH_SWITCH -> authSwitchResponse(packet.payload());
                default -> command(packet.payload());
            }
        } catch (ProxyException e) {
            output.abandonOpenPacket();
            writeError(e);
            if (phase != Phase.COMMAND) {
                closeAfterFlush();
                return;
            }
        } catch (RuntimeException e) {
            // A defect or a value the encoder did not expect: the client gets an error, the session stays usable.
            LOG.warn("connection {}: command failed inside the proxy", connectionId, e);
            output.abandonOpenPacket();
            writeError(ProxyError.INTERNAL.exception("the Shardline proxy failed on this command: " + e));
            if (phase != Phase.COMMAND) {
                closeAfterFlush();
                return;
            }
        }
        if (streaming != null) {
            return; // the worker that finishes the result flushes and releases
        }
        output.flush();
        releaseOutsideTransaction();
    }

    /** The session's Shardline connection, opened with the session's settings when there is none. */
    private ShardlineConnection connection() throws SQLException {
        if (connection == null) {
            ShardlineConnection c = server.dataSource().getConnection().unwrap(ShardlineConnection.class);
            try {
                if (!autocommit) {
                    c.setAutoCommit(false);
                }
                if (isolation != -1) {
                    c.setTransactionIsolation(isolation);
                }
                if (readOnly) {
                    c.setReadOnly(true);
                }
                if (!causalToken.isEmpty()) {
                    c.importCausalToken(causalToken);
                }
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    /**
     * Outside a transaction, gives the shard connections back to their pools after each command, so that an idle
     * client holds none; the session keeps its Shardline connection, its prepared statements and its
     * read-your-writes state for the next command.
     */
    private void releaseOutsideTransaction() {
        if (connection == null) {
            return;
        }
        try {
            connection.releaseShardConnections();
        } catch (SQLException e) {
            LOG.warn("connection {}: giving shard connections back failed, reopening: {}", connectionId, e.getMessage());
            closeConnection();
        }
    }

    /** Closes the session's Shardline connection, keeping its read-your-writes position for the next one. */
    private void closeConnection() {
        if (server.tracksReads()) {
            try {
                causalToken = connection.exportCausalToken();
            } catch (RuntimeException e) {
                LOG.debug("connection {}: {}", connectionId, e.toString());
            }
        }
        for (PreparedCommand p : prepared.values()) {
            closeQuietly(p);
        }
        try {
            if (textStatement != null) {
                textStatement.close();
            }
        } catch (SQLException e) {
            LOG.debug("connection {}: closing a statement failed: {}", connectionId, e.getMessage());
        }
        textStatement = null;
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("connection {}: closing its Shardline connection failed: {}", connectionId, e.getMessage());
        }
        connection = null;
    }

    private void closeAfterFlush() {
        phase = Phase.CLOSED;
        output.flush();
        channel.close();
    }

    // ---------------------------------------------------------------- handshake

    private void writeGreeting() {
        ByteBuf out = output.begin();
        out.writeByte(10);
        Wire.writeNulString(out, SERVER_VERSION);
        out.writeIntLE(connectionId);
        out.writeBytes(scramble, 0, 8);
        out.writeByte(0);
        int capabilities = server.config().tls().isPresent() ? SERVER_CAPABILITIES | CLIENT_SSL : SERVER_CAPABILITIES;
        out.writeShortLE(capabilities & 0xFFFF);
        out.writeByte(ColumnDef.UTF8MB4_GENERAL_CI);
        out.writeShortLE(STATUS_AUTOCOMMIT);
        out.writeShortLE(capabilities >>> 16);
        out.writeByte(scramble.length + 1);
        out.writeZero(10);
        out.writeBytes(scramble, 8, 12);
        out.writeByte(0);
        Wire.writeNulString(out, NativePassword.PLUGIN);
        output.end();
    }

    private void handshakeResponse(ByteBuf in) throws ProxyException {
        Tls.checkTransport(server.config().tls(), channel);
        Wire.need(in, 32, "the handshake response");
        clientCapabilities = in.readIntLE();
        if ((clientCapabilities & CLIENT_PROTOCOL_41) == 0) {
            throw ProxyError.HANDSHAKE_FAILED.exception("the client does not speak protocol 4.1");
        }
        if ((clientCapabilities & CLIENT_SSL) != 0 && in.readableBytes() == 28) {
            throw ProxyError.HANDSHAKE_FAILED.exception("TLS was requested, but this proxy does not offer it");
        }
        in.skipBytes(4 + 1 + 23); // max packet size, character set, filler
        user = Wire.readNulString(in);
        byte[] token;
        if ((clientCapabilities & CLIENT_PLUGIN_AUTH_LENENC_DATA) != 0) {
            token = Wire.readLenencBytes(in);
        } else if ((clientCapabilities & CLIENT_SECURE_CONNECTION) != 0) {
            Wire.need(in, 1, "the auth response length");
            int length = in.readUnsignedByte();
            Wire.need(in, length, "the auth response");
            token = new byte[length];
            in.readBytes(token);
        } else {
            token = Wire.readNulString(in).getBytes(StandardCharsets.ISO_8859_1);
        }
        if ((clientCapabilities & CLIENT_CONNECT_WITH_DB) != 0 && in.isReadable()) {
            String db = Wire.readNulString(in);
            pendingSchema = db.isEmpty() ? null : db;
        }
        String plugin = NativePassword.PLUGIN;
        if ((clientCapabilities & CLIENT_PLUGIN_AUTH) != 0 && in.isReadable()) {
            plugin = Wire.readNulString(in);
        }
        // Connection attributes (CLIENT_CONNECT_ATTRS) follow; the proxy has no use for them.
        if (!plugin.isEmpty() && !plugin.equals(NativePassword.PLUGIN)) {
            phase = Phase.AUTH_SWITCH;
            ByteBuf out = output.begin();
            out.writeByte(0xFE);
            Wire.writeNulString(out, NativePassword.PLUGIN);
            out.writeBytes(scramble);
            out.writeByte(0);
            output.end();
            return;
        }
        authenticate(token);
    }

    private void authSwitchResponse(ByteBuf in) throws ProxyException {
        byte[] token = new byte[in.readableBytes()];
        in.readBytes(token);
        authenticate(token);
    }

    private void authenticate(byte[] token) throws ProxyException {
        String host = channel.remoteAddress() instanceof java.net.InetSocketAddress a ? a.getHostString() : "?";
        Optional<byte[]> stored = server.config().passwordHash(user);
        if (stored.isEmpty() || !NativePassword.verify(stored.get(), scramble, token)) {
            LOG.info("connection {}: access denied for '{}'@'{}'", connectionId, user, host);
            throw ProxyError.ACCESS_DENIED.exception(user, host, token.length > 0 ? "YES" : "NO");
        }
        if (pendingSchema != null && !pendingSchema.equalsIgnoreCase(server.config().schema())) {
            throw ProxyError.UNKNOWN_DATABASE.exception(pendingSchema, server.config().schema());
        }
        phase = Phase.COMMAND;
        writeOk(0, 0);
    }

    // ---------------------------------------------------------------- commands

    private void command(ByteBuf in) throws ProxyException {
        Wire.need(in, 1, "a command");
        int command = in.readUnsignedByte();
        switch (command) {
            case 0x01 -> { // COM_QUIT
                phase = Phase.CLOSED;
                channel.close();
            }
            case 0x02 -> useSchema(Wire.readRestString(in)); // COM_INIT_DB
            case 0x03 -> query(Wire.readRestString(in)); // COM_QUERY
            case 0x04 -> fieldList(Wire.readNulString(in)); // COM_FIELD_LIST
            case 0x0e -> writeOk(0, 0); // COM_PING
            case 0x16 -> prepare(Wire.readRestString(in)); // COM_STMT_PREPARE
            case 0x17 -> execute(in); // COM_STMT_EXECUTE
            case 0x18 -> sendLongData(in); // COM_STMT_SEND_LONG_DATA: no response
            case 0x19 -> closeStatement(in); // COM_STMT_CLOSE: no response
            case 0x1a -> resetStatement(in); // COM_STMT_RESET
            case 0x1b -> writeEof(); // COM_SET_OPTION (multi-statements on/off): acknowledged, never used
            case 0x1f -> resetConnection(); // COM_RESET_CONNECTION
            default -> throw ProxyError.UNKNOWN_COMMAND.exception(command, commandName(command));
        }
    }

    private static String commandName(int command) {
        return switch (command) {
            case 0x00 -> "COM_SLEEP";
            case 0x05 -> "COM_CREATE_DB";
            case 0x06 -> "COM_DROP_DB";
            case 0x07 -> "COM_REFRESH";
            case 0x08 -> "COM_SHUTDOWN";
            case 0x09 -> "COM_STATISTICS";
            case 0x0a -> "COM_PROCESS_INFO";
            case 0x0c -> "COM_PROCESS_KILL";
            case 0x0d -> "COM_DEBUG";
            case 0x11 -> "COM_CHANGE_USER";
            case 0x12 -> "COM_BINLOG_DUMP";
            case 0x1c -> "COM_STMT_FETCH: cursors are not supported";
            default -> "not a command the Shardline proxy implements";
        };
    }

    private void useSchema(String schema) throws ProxyException {
        String name = unquote(schema.trim());
        if (!name.equalsIgnoreCase(server.config().schema())) {
            throw ProxyError.UNKNOWN_DATABASE.exception(name, server.config().schema());
        }
        writeOk(0, 0);
    }

    private void query(String sql) throws ProxyException {
        String trimmed = sql.strip();
        if (trimmed.regionMatches(true, 0, "PREVIEW ", 0, 8)) {
            preview(trimmed.substring(8));
            return;
        }
        Optional<ParsedStatement> parsed = parse(sql);
        if (parsed.isPresent() && sessionStatement(parsed.get())) {
            return;
        }
        if (parsed.isPresent() && parsed.get().facts().kind() == StatementKind.SHOW && show(trimmed)) {
            return;
        }
        try {
            if (textStatement == null) {
                textStatement = connection().createStatement();
            }
            if (textStatement.execute(sql)) {
                sendResult(textStatement.getResultSet(), false);
            } else {
                writeOk(Math.max(0, textStatement.getLargeUpdateCount()), 0);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /**
     * Answers the statements that act on the session rather than on data (SET, USE, BEGIN, COMMIT, ROLLBACK) with an
     * OK packet; false for everything else. Shared by COM_QUERY and COM_STMT_EXECUTE (sysbench prepares BEGIN).
     */
    private boolean sessionStatement(ParsedStatement parsed) throws ProxyException {
        switch (parsed.facts().kind()) {
            case SET -> set(parsed);
            case USE -> useSchema(parsed.facts().detail().orElse(""));
            case BEGIN -> begin();
            case COMMIT -> endTransaction(true);
            case ROLLBACK -> endTransaction(false);
            default -> {
                return false;
            }
        }
        return true;
    }

    private Optional<ParsedStatement> parse(String sql) {
        try {
            return Optional.of(server.parser().parse(sql));
        } catch (SqlParseException | IllegalArgumentException e) {
            // Not ours to judge here: the driver parses again and answers with its own error.
            return Optional.empty();
        }
    }

    private void preview(String sql) throws ProxyException {
        String route;
        try {
            route = server.dataSource().preview(sql, List.of());
        } catch (SQLException e) {
            throw translate(e);
        }
        ColumnDef[] columns = {ColumnDef.varchar("route", server.config().schema())};
        writeRows(columns, java.util.Collections.singletonList(new String[] {route}));
    }

    private void begin() throws ProxyException {
        try {
            ShardlineConnection c = connection();
            if (!c.getAutoCommit()) {
                c.commit(); // BEGIN commits an open transaction, as in MySQL
            }
            c.setAutoCommit(false);
        } catch (SQLException e) {
            throw translate(e);
        }
        writeOk(0, 0);
    }

    private void endTransaction(boolean commit) throws ProxyException {
        try {
            if (connection != null && !connection.getAutoCommit()) {
                if (commit) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                // A BEGIN under autocommit=1 ends here; under autocommit=0 the next statement opens a new one.
                connection.setAutoCommit(autocommit);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
        writeOk(0, 0);
    }

    // ---------------------------------------------------------------- SET and SHOW

    private void set(ParsedStatement parsed) throws ProxyException {
        String sql = parsed.sql();
        for (SessionVariable v : parsed.facts().sessionVariables()) {
            String value = valueText(parsed, v.value());
            switch (v.scope()) {
                case NAMES, CHARACTER_SET -> requireUtf8(v.scope() == SessionVariable.Scope.NAMES ? "SET NAMES"
                        : "SET CHARACTER SET", value);
                case TRANSACTION -> transaction(v.name());
                case SESSION -> sessionVariable(v.name().toLowerCase(Locale.ROOT), value);
                case GLOBAL -> throw ProxyError.UNSUPPORTED_STATEMENT.exception("SET GLOBAL " + v.name()
                        + " (global variables belong to each server behind the proxy)");
                case USER -> throw ProxyError.UNSUPPORTED_STATEMENT.exception("user variables (SET @" + v.name()
                        + "): a statement may run on several servers, a variable lives on one");
                default -> throw ProxyError.UNSUPPORTED_STATEMENT.exception(sql);
            }
        }
        writeOk(0, 0);
    }

    private static String valueText(ParsedStatement parsed, Value value) {
        if (value instanceof Value.Literal literal) {
            Object v = parsed.literal(literal.index()).value();
            return String.valueOf(v);
        }
        return unquote(parsed.span(value).text(parsed.sql()).trim());
    }

    private void sessionVariable(String name, String value) throws ProxyException {
        String v = value.toLowerCase(Locale.ROOT);
        try {
            switch (name) {
                case "autocommit" -> {
                    boolean on = switch (v) {
                        case "1", "on", "true" -> true;
                        case "0", "off", "false" -> false;
                        default -> throw ProxyError.WRONG_ARGUMENTS.exception("SET autocommit", "'" + value + "'");
                    };
                    autocommit = on;
                    if (connection != null || !on) {
                        connection().setAutoCommit(on);
                    }
                }
                case "character_set_client", "character_set_connection", "character_set_results",
                        "collation_connection" -> {
                    if (!v.equals("null")) {
                        requireUtf8("SET " + name, v);
                    }
                }
                case "transaction_isolation", "tx_isolation" -> setIsolation(isolation(v.replace('-', ' ')));
                case "transaction_read_only", "tx_read_only" -> setReadOnly(v.equals("1") || v.equals("on")
                        || v.equals("true"));
                // These concern the client's link to the proxy, which the proxy does not time out or limit.
                case "net_write_timeout", "net_read_timeout", "wait_timeout", "interactive_timeout" -> {
                }
                case "sql_select_limit" -> {
                    if (!v.equals("default") && !v.equals("18446744073709551615")) {
                        throw ProxyError.UNSUPPORTED_STATEMENT.exception("SET sql_select_limit=" + value);
                    }
                }
                default -> throw ProxyError.UNSUPPORTED_STATEMENT.exception("SET " + name + " (supported: autocommit, "
                        + "NAMES/character_set_*/collation_connection to utf8 or utf8mb4, transaction isolation and "
                        + "read only; session variables are not replayed on shard connections)");
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private void transaction(String characteristics) throws ProxyException {
        String c = characteristics.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        try {
            for (String part : c.split(",")) {
                String p = part.trim();
                if (p.startsWith("ISOLATION LEVEL ")) {
                    setIsolation(isolation(p.substring("ISOLATION LEVEL ".length()).toLowerCase(Locale.ROOT)));
                } else if (p.equals("READ ONLY")) {
                    setReadOnly(true);
                } else if (p.equals("READ WRITE")) {
                    setReadOnly(false);
                } else {
                    throw ProxyError.UNSUPPORTED_STATEMENT.exception("SET TRANSACTION " + characteristics);
                }
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private void setIsolation(int level) throws SQLException {
        isolation = level;
        if (connection != null) {
            connection.setTransactionIsolation(level);
        }
    }

    private void setReadOnly(boolean value) throws SQLException {
        readOnly = value;
        if (connection != null) {
            connection.setReadOnly(value);
        }
    }

    private static int isolation(String level) throws ProxyException {
        return switch (level.trim()) {
            case "read uncommitted" -> Connection.TRANSACTION_READ_UNCOMMITTED;
            case "read committed" -> Connection.TRANSACTION_READ_COMMITTED;
            case "repeatable read" -> Connection.TRANSACTION_REPEATABLE_READ;
            case "serializable" -> Connection.TRANSACTION_SERIALIZABLE;
            default -> throw ProxyError.WRONG_ARGUMENTS.exception("transaction isolation", "'" + level + "'");
        };
    }

    private static void requireUtf8(String what, String charset) throws ProxyException {
        String c = charset.toLowerCase(Locale.ROOT);
        if (!(c.startsWith("utf8") || c.equals("binary") || c.equals("default"))) {
            throw ProxyError.UNSUPPORTED_STATEMENT.exception(what + " " + charset
                    + " (the proxy talks utf8mb4 to clients)");
        }
    }

    /** Answers the SHOW statements the proxy knows from its configuration; false to let the driver try. */
    private boolean show(String sql) throws ProxyException {
        String words = sql.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (words.startsWith("SHOW DATABASES") || words.startsWith("SHOW SCHEMAS")) {
            ColumnDef[] columns = {ColumnDef.varchar("Database", "information_schema")};
            writeRows(columns, java.util.Collections.singletonList(new String[] {server.config().schema()}));
            return true;
        }
        if (words.startsWith("SHOW TABLES") || words.startsWith("SHOW FULL TABLES")) {
            boolean full = words.startsWith("SHOW FULL");
            String schema = server.config().schema();
            ColumnDef[] columns = full
                    ? new ColumnDef[] {ColumnDef.varchar("Tables_in_" + schema, schema),
                            ColumnDef.varchar("Table_type", schema)}
                    : new ColumnDef[] {ColumnDef.varchar("Tables_in_" + schema, schema)};
            List<String[]> rows = new java.util.ArrayList<>();
            for (String table : server.logicalTables()) {
                rows.add(full ? new String[] {table, "BASE TABLE"} : new String[] {table});
            }
            writeRows(columns, rows);
            return true;
        }
        if (words.startsWith("SHOW WARNINGS") || words.startsWith("SHOW ERRORS")) {
            String schema = server.config().schema();
            writeRows(new ColumnDef[] {ColumnDef.varchar("Level", schema), ColumnDef.varchar("Code", schema),
                    ColumnDef.varchar("Message", schema)}, List.of());
            return true;
        }
        return false;
    }

    private void fieldList(String table) throws ProxyException {
 try (Statement s = connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + quoteIdentifier(table) + " LIMIT 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                ColumnDef.of(md, i, server.config().schema()).write(output.begin(), true);
                output.end();
            }
            writeEof();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    // ---------------------------------------------------------------- prepared statements

    private void prepare(String sql) throws ProxyException {
        ParsedStatement parsed;
        try {
            parsed = server.parser().parse(sql);
        } catch (SqlParseException e) {
            throw ProxyError.REFUSED.exception(e.getMessage());
        }
        int parameters = parsed.facts().parameterCount();
        int id = nextStatementId++;
        PreparedCommand command = new PreparedCommand(id, sql, parameters,
                SESSION_KINDS.contains(parsed.facts().kind()) ? Optional.of(parsed) : Optional.empty(),
                lockFreeRead(parsed.facts()));
        prepared.put(id, command);
        ColumnDef[] columns = probeColumns(parsed, command);
        ByteBuf out = output.begin();
        out.writeByte(0);
        out.writeIntLE(id);
        out.writeShortLE(columns.length);
        out.writeShortLE(parameters);
        out.writeByte(0);
        out.writeShortLE(0);
        output.end();
        if (parameters > 0) {
            for (int i = 0; i < parameters; i++) {
                new ColumnDef("?", "", "", "", 253, 0, ColumnDef.BINARY_CHARSET, 0, 0, ColumnDef.Kind.STRING)
                        .write(output.begin(), false);
                output.end();
            }
            writeEof();
        }
        if (columns.length > 0) {
            for (ColumnDef column : columns) {
                column.write(output.begin(), false);
                output.end();
            }
            writeEof();
        }
    }

    /**
     * The result columns of a prepared SELECT, for the prepare response. Shardline knows a result's shape only from
     * a shard, so the statement runs once with every parameter NULL (which matches no row: {@code id = NULL} is never
     * true), and its metadata is taken. Clients need them: libmariadb users such as sysbench decide from the prepare
     * response whether an execute returns rows. The columns sent with each execute remain the ones that count.
     * Locking reads are not probed (they would lock); a probe that fails leaves the columns to the execute.
     */
    private ColumnDef[] probeColumns(ParsedStatement parsed, PreparedCommand command) {
        StatementFacts facts = parsed.facts();
        if (facts.kind() != StatementKind.SELECT || facts.lockMode() != io.shardline.sql.facts.LockMode.NONE) {
            return new ColumnDef[0];
        }
        try {
            PreparedStatement statement = command.on(connection());
            for (int i = 1; i <= command.parameterCount; i++) {
                statement.setNull(i, java.sql.Types.NULL);
            }
            if (!statement.execute()) {
                return new ColumnDef[0];
            }
            try (ResultSet rs = statement.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                ColumnDef[] columns = new ColumnDef[md.getColumnCount()];
                for (int i = 0; i < columns.length; i++) {
                    columns[i] = ColumnDef.of(md, i + 1, server.config().schema());
                }
                return columns;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("connection {}: no result columns at prepare for [{}]: {}", connectionId, command.sql,
                    e.toString());
            return new ColumnDef[0];
        }
    }

    private PreparedCommand statement(ByteBuf in, String command) throws ProxyException {
        Wire.need(in, 4, "the statement id");
        int id = in.readIntLE();
        PreparedCommand p = prepared.get(id);
        if (p == null) {
            throw ProxyError.UNKNOWN_STATEMENT.exception(Integer.toUnsignedLong(id), command);
        }
        return p;
    }

    private void execute(ByteBuf in) throws ProxyException {
        PreparedCommand p = statement(in, "mysqld_stmt_execute");
        Wire.need(in, 5, "the execute flags and iteration count");
        in.skipBytes(5); // cursor flags (no cursors: the whole result is sent) and iteration count (always 1)
        int n = p.parameterCount;
        if (p.session.isPresent() && n == 0) {
            sessionStatement(p.session.get());
            return;
        }
        try {
            PreparedStatement statement = p.on(connection());
            if (n > 0) {
                int bitmapBytes = (n + 7) / 8;
                Wire.need(in, bitmapBytes + 1, "the NULL bitmap");
                int bitmapAt = in.readerIndex();
                in.skipBytes(bitmapBytes);
                if (in.readByte() != 0) {
                    Wire.need(in, 2 * n, "the parameter types");
                    for (int i = 0; i < n; i++) {
                        p.parameterTypes[i] = in.readUnsignedShortLE();
                    }
                }
                for (int i = 0; i < n; i++) {
                    boolean isNull = (in.getByte(bitmapAt + i / 8) & (1 << (i % 8))) != 0;
                    Object value;
                    if (p.longData[i] != null) {
                        value = longDataValue(p, i);
                    } else if (isNull) {
                        value = null;
                    } else {
                        int type = p.parameterTypes[i];
                        value = BinaryParameters.read(in, type & 0xFF, (type & 0x8000) != 0);
                    }
                    statement.setObject(i + 1, value);
                }
            }
            p.resetLongData();
            if (statement.execute()) {
                sendResult(statement.getResultSet(), true);
            } else {
                writeOk(Math.max(0, statement.getLargeUpdateCount()), 0);
            }
        } catch (SQLException e) {
            p.resetLongData();
            throw translate(e);
        }
    }

    private static Object longDataValue(PreparedCommand p, int i) {
        byte[] bytes = p.longData[i].toByteArray();
        int type = p.parameterTypes[i] & 0xFF;
        boolean blob = type == 249 || type == 250 || type == 251 || type == 252 || type == 255;
        return blob ? bytes : new String(bytes, StandardCharsets.UTF_8);
    }

    private void sendLongData(ByteBuf in) {
        try {
            PreparedCommand p = statement(in, "mysqld_stmt_send_long_data");
            Wire.need(in, 2, "the parameter number");
            int parameter = in.readUnsignedShortLE();
            if (parameter >= p.parameterCount) {
                return; // no response is allowed here; the execute reports the missing value
            }
            if (p.longData[parameter] == null) {
                p.longData[parameter] = new java.io.ByteArrayOutputStream();
            }
            byte[] chunk = new byte[in.readableBytes()];
            in.readBytes(chunk);
            p.longData[parameter].writeBytes(chunk);
        } catch (ProxyException e) {
            LOG.debug("connection {}: COM_STMT_SEND_LONG_DATA ignored: {}", connectionId, e.getMessage());
        }
    }

    private void closeStatement(ByteBuf in) {
        if (in.readableBytes() < 4) {
            return;
        }
        PreparedCommand p = prepared.remove(in.readIntLE());
        if (p != null) {
            closeQuietly(p);
        }
    }

    private void resetStatement(ByteBuf in) throws ProxyException {
        PreparedCommand p = statement(in, "mysqld_stmt_reset");
        p.resetLongData();
        writeOk(0, 0);
    }

    private void resetConnection() throws ProxyException {
        try {
            if (connection != null && !connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
        autocommit = true;
        isolation = -1;
        readOnly = false;
        prepared.values().forEach(ClientSession::closeQuietly);
        prepared.clear();
        if (connection != null) {
            closeConnection();
        }
        writeOk(0, 0);
    }

    // ---------------------------------------------------------------- results

    /** A result being sent: its rows, their columns, and whether rows go in the binary format. */
    private record Streaming(ResultSet rows, ColumnDef[] columns, boolean binary) {
    }

    /** Sends a result and closes it, unless it had to wait for the client on the network thread (see streaming). */
    private void sendResult(ResultSet rs, boolean binary) throws SQLException {
        try {
            ResultSetMetaData md = rs.getMetaData();
            int count = md.getColumnCount();
            ColumnDef[] columns = new ColumnDef[count];
            for (int i = 0; i < count; i++) {
                columns[i] = ColumnDef.of(md, i + 1, server.config().schema());
            }
            writeColumns(columns);
            Streaming s = new Streaming(rs, columns, binary);
            if (!streamRows(s)) {
                streaming = s;
            }
        } finally {
            if (streaming == null) {
                rs.close();
            }
        }
    }

    /**
     * Writes the rows and the closing EOF, flushing every {@link PacketOutput#FLUSH_BYTES} and waiting while the
     * client is behind. On the network thread it cannot wait (the thread is the one that would write): it returns
     * false instead, and a worker goes on with the same rows.
     */
    private boolean streamRows(Streaming s) throws SQLException {
        ResultSet rs = s.rows();
        while (rs.next()) {
            ByteBuf out = output.begin();
            if (s.binary()) {
                Rows.writeBinary(out, rs, s.columns());
            } else {
                Rows.writeText(out, rs, s.columns());
            }
            output.end();
            if (output.full()) {
                output.flush();
                if (!channel.isWritable() && channel.isActive()) {
                    if (channel.eventLoop().inEventLoop()) {
                        return false;
                    }
                    output.awaitWritable();
                }
            }
        }
        writeEof();
        return true;
    }

    private void writeRows(ColumnDef[] columns, List<String[]> rows) {
        writeColumns(columns);
        for (String[] row : rows) {
            ByteBuf out = output.begin();
            for (String value : row) {
                Wire.writeLenencString(out, value);
            }
            output.end();
        }
        writeEof();
    }

    private void writeColumns(ColumnDef[] columns) {
        Wire.writeLenenc(output.begin(), columns.length);
        output.end();
        for (ColumnDef column : columns) {
            column.write(output.begin(), false);
            output.end();
        }
        writeEof();
    }

    /** SERVER_STATUS_AUTOCOMMIT from the session's setting, IN_TRANS while its Shardline transaction is open. */
    private int status() {
        int status = autocommit ? STATUS_AUTOCOMMIT : 0;
        try {
            if (connection != null && !connection.getAutoCommit()) {
                status |= STATUS_IN_TRANS;
            }
        } catch (SQLException e) {
            LOG.debug("connection {}: {}", connectionId, e.getMessage());
        }
        return status;
    }

    private void writeOk(long affectedRows, long lastInsertId) {
        ByteBuf out = output.begin();
        out.writeByte(0);
        Wire.writeLenenc(out, affectedRows);
        Wire.writeLenenc(out, lastInsertId);
        out.writeShortLE(status());
        out.writeShortLE(0);
        output.end();
    }

    private void writeEof() {
        ByteBuf out = output.begin();
        out.writeByte(0xFE);
        out.writeShortLE(0);
        out.writeShortLE(status());
        output.end();
    }

    private void writeError(ProxyException e) {
        ByteBuf out = output.begin();
        out.writeByte(0xFF);
        out.writeShortLE(e.errorNumber());
        out.writeByte('#');
        String state = e.sqlState() == null || e.sqlState().length() != 5 ? "HY000" : e.sqlState();
        out.writeCharSequence(state, StandardCharsets.US_ASCII);
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        out.writeBytes(message.getBytes(StandardCharsets.UTF_8));
        output.end();
    }

    /**
     * Maps a driver exception to an ERR packet: a server's error keeps its number and SQLSTATE; Shardline's own
     * refusals (SQLSTATE 42000/0A000 without an error number) become {@link ProxyError#REFUSED}; anything else
     * {@link ProxyError#INTERNAL} with its SQLSTATE.
     */
    static ProxyException translate(SQLException e) {
        String state = e.getSQLState();
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e.getErrorCode() != 0) {
            return new ProxyException(e.getErrorCode(), state, message, e);
        }
        if ("42000".equals(state) || "0A000".equals(state)) {
            return new ProxyException(ProxyError.REFUSED, state, message, e);
        }
        return new ProxyException(ProxyError.INTERNAL, state == null ? ProxyError.INTERNAL.sqlState() : state, message,
                e);
    }

    // ---------------------------------------------------------------- closing

    private void closeSession() {
        phase = Phase.CLOSED;
        prepared.values().forEach(ClientSession::closeQuietly);
        prepared.clear();
        if (connection != null) {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback(); // a client that vanished mid-transaction committed nothing
                }
            } catch (SQLException e) {
                LOG.debug("connection {}: rollback on close failed: {}", connectionId, e.getMessage());
            }
            closeConnection();
        }
    }

    private static void closeQuietly(PreparedCommand p) {
        try {
            p.close();
        } catch (SQLException e) {
            LOG.debug("closing prepared statement {} failed: {}", p.id, e.getMessage());
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '`' || s.charAt(0) == '\'' || s.charAt(0) == '"')
                && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String quoteIdentifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** Closes the channel from outside (graceful shutdown): the worker then rolls back and releases. */
    void close() {
        if (channel != null) {
            channel.close();
        }
    }

    private enum Greeting { INSTANCE }

    private enum Close { INSTANCE }

    private record Refusal(ProxyException error) {
    }
}

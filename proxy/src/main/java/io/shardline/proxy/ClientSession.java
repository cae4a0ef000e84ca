package io.shardline.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.shardline.sql.ParsedStatement;
import io.shardline.sql.SqlParseException;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.StatementKind;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: the Netty handler, the order and the thread in which the client's packets run, and the
 * dispatch of each command to what answers it: {@link Handshake} until the client has logged in, then
 * {@link SessionStatements} for statements on the session, {@link PreparedCommands} for COM_STMT_*, and the session's
 * Shardline connection ({@link SessionConnection}) for everything else; every answer goes out through
 * {@link ResultWriter}.
 *
 * <p>Netty delivers packets on the event loop; they are queued and run in order on a worker thread, because JDBC
 * blocks. A client that pipelines more than a few commands is stopped from reading until they ran, so it cannot pile
 * up work. With {@code inlineReads} a read that cannot wait on a lock runs right on the event loop instead (see
 * {@link #inlineable}). Either way one thread at a time runs the session's commands, so the session's state, here and
 * in the classes above, has no lock of its own: the queue lock and the executor's hand-off order each command after
 * the one before. Outside a transaction the shard connections go back to their pools after each command.
 */
final class ClientSession extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

    /** Commands a client may have waiting before the proxy stops reading from it. */
    private static final int MAX_QUEUED = 8;

    private enum Phase { HANDSHAKE, COMMAND, CLOSED }

    private final ProxyServer server;
    private final int connectionId;
    private final Channel channel;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final Object writability = new Object();
    private final PacketOutput output;
    private final Handshake handshake;
    private final SessionConnection connection;
    private final ResultWriter results;
    private final SessionStatements statements;
    private final PreparedCommands prepared;
    private boolean running;
    private Phase phase = Phase.HANDSHAKE;
    private boolean firstPacketRead; // event loop only
    /**
     * The parse {@link #inlineable} made of the COM_QUERY it lets run inline, taken by {@link #query} right after on
     * the same thread (the event loop), so that an inlined text query is lexed once; null outside that run.
     */
    private ParsedStatement parsedAhead;

    ClientSession(ProxyServer server, Channel channel, int connectionId) {
        this.server = server;
        this.channel = channel;
        this.connectionId = connectionId;
        this.output = new PacketOutput(channel, writability);
        this.handshake = new Handshake(server, channel, output, connectionId);
        this.connection = new SessionConnection(server, connectionId);
        this.results = new ResultWriter(channel, output, connection, server.config().schema(), connectionId);
        this.statements = new SessionStatements(server, connection, results);
        this.prepared = new PreparedCommands(server, connection, statements, results, connectionId);
    }

    // ---------------------------------------------------------------- event loop side

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
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
            if (queue.size() >= MAX_QUEUED) {
                channel.config().setAutoRead(false);
            }
        }
        if (start) {
            server.workers().execute(this::drain);
        }
    }

    /**
     * With {@code inlineReads}: whether {@code work} is a read that cannot wait on a lock (a SELECT without a
     * locking clause, text or prepared, or a ping) in a session outside a transaction, while every shard pool has a
     * connection idle (so it does not wait for one either), to be run right here on the network thread. Called under
     * the queue lock while no command of the session runs, so the session's state as the worker left it is visible.
     */
    private boolean inlineable(Object work) {
        if (!server.config().inlineReads() || phase != Phase.COMMAND || !connection.autocommit()
                || !(work instanceof Packet p)) {
            return false;
        }
        try {
            if (connection.inTransaction()) {
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
        int command = in.getUnsignedByte(at);
        boolean lockFree = switch (command) {
            case 0x0e -> true; // COM_PING
            case 0x17 -> in.readableBytes() >= 5 && prepared.lockFreeRead(in.getIntLE(at + 1)); // COM_STMT_EXECUTE
            case 0x03 -> lockFreeQuery(in); // COM_QUERY
            default -> false;
        };
        // Looked at last, only for reads that qualify: a read that could wait for a pool connection would hold the
        // network thread.
        if (lockFree && command != 0x0e && !server.shardPoolsHaveIdleConnections()) {
            parsedAhead = null;
            return false;
        }
        return lockFree;
    }

    /** Whether a COM_QUERY is a lock-free read; if it is, its parse waits in {@link #parsedAhead} for the run. */
    private boolean lockFreeQuery(ByteBuf in) {
        String sql = in.toString(in.readerIndex() + 1, in.readableBytes() - 1, StandardCharsets.UTF_8);
        Optional<ParsedStatement> parsed = parse(sql);
        if (parsed.isEmpty() || !lockFreeRead(parsed.get().facts())) {
            return false;
        }
        parsedAhead = parsed.get();
        return true;
    }

    /** A SELECT without FOR UPDATE / LOCK IN SHARE MODE: InnoDB answers it from a snapshot, never waiting on a lock. */
    static boolean lockFreeRead(StatementFacts facts) {
        return facts.kind() == StatementKind.SELECT && facts.lockMode() == io.shardline.sql.facts.LockMode.NONE;
    }

    /** Runs one command on the network thread; a result that has to wait for the client goes on on a worker. */
    private void runInline(Packet packet) {
        runAndRelease(packet);
        if (results.streaming()) {
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
        results.finishStreaming();
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
            runAndRelease(work);
        }
    }

    /** Runs one piece of work, then frees its packet; a defect closes this client's connection, not the proxy. */
    private void runAndRelease(Object work) {
        try {
            run(work);
        } catch (RuntimeException | Error e) {
            LOG.warn("connection {}: unexpected failure, closing", connectionId, e);
            channel.close();
        } finally {
            parsedAhead = null; // only ever set for the command run right now
            ReferenceCountUtil.release(work instanceof Packet p ? p.payload() : null);
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
            handshake.writeGreeting();
            output.flush();
            return;
        }
        if (work instanceof Refusal refusal) {
            output.sequence(0);
            results.writeError(refusal.error());
            closeAfterFlush();
            return;
        }
        if (work instanceof PacketDecoder.OversizedPacket big) {
            output.sequence(1);
            results.writeError(ProxyError.PACKET_TOO_LARGE.exception(big.announced(), big.limit()));
            closeAfterFlush();
            return;
        }
        Packet packet = (Packet) work;
        output.sequence(packet.sequence() + 1);
        try {
            if (phase == Phase.HANDSHAKE) {
                if (handshake.respond(packet.payload())) {
                    phase = Phase.COMMAND;
                    results.writeOk(0, 0);
                }
            } else {
                command(packet.payload());
            }
        } catch (ProxyException e) {
            output.abandonOpenPacket();
            results.writeError(e);
            if (phase != Phase.COMMAND) {
                closeAfterFlush();
                return;
            }
        } catch (RuntimeException e) {
            // A defect or a value the encoder did not expect: the client gets an error, the session stays usable.
            LOG.warn("connection {}: command failed inside the proxy", connectionId, e);
            output.abandonOpenPacket();
            results.writeError(ProxyError.INTERNAL.exception("the Shardline proxy failed on this command: " + e));
            if (phase != Phase.COMMAND) {
                closeAfterFlush();
                return;
            }
        }
        if (results.streaming()) {
            return; // the worker that finishes the result flushes and releases
        }
        output.flush();
        releaseOutsideTransaction();
    }

    /** Gives the shard connections back after a command (see {@link SessionConnection#releaseShardConnections()}). */
    private void releaseOutsideTransaction() {
        try {
            connection.releaseShardConnections();
        } catch (SQLException e) {
            LOG.warn("connection {}: giving shard connections back failed, reopening: {}", connectionId, e.getMessage());
            closeConnection();
        }
    }

    /** Closes the session's Shardline connection and the driver's statements on it; the next command opens anew. */
    private void closeConnection() {
        prepared.closeDriverStatements();
        connection.close();
    }

    private void closeAfterFlush() {
        phase = Phase.CLOSED;
        output.flush();
        channel.close();
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
            case 0x02 -> statements.useSchema(Wire.readRestString(in)); // COM_INIT_DB
            case 0x03 -> query(Wire.readRestString(in)); // COM_QUERY
            case 0x04 -> fieldList(Wire.readNulString(in)); // COM_FIELD_LIST
            case 0x0e -> results.writeOk(0, 0); // COM_PING
            case 0x16 -> prepared.prepare(Wire.readRestString(in)); // COM_STMT_PREPARE
            case 0x17 -> prepared.execute(in); // COM_STMT_EXECUTE
            case 0x18 -> prepared.sendLongData(in); // COM_STMT_SEND_LONG_DATA: no response
            case 0x19 -> prepared.close(in); // COM_STMT_CLOSE: no response
            case 0x1a -> prepared.reset(in); // COM_STMT_RESET
            case 0x1b -> results.writeEof(); // COM_SET_OPTION (multi-statements on/off): acknowledged, never used
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

    private void query(String sql) throws ProxyException {
        ParsedStatement ahead = parsedAhead;
        parsedAhead = null;
        String trimmed = sql.strip();
        if (trimmed.regionMatches(true, 0, "PREVIEW ", 0, 8)) {
            preview(trimmed.substring(8));
            return;
        }
        Optional<ParsedStatement> parsed = ahead != null ? Optional.of(ahead) : parse(sql);
        if (parsed.isPresent() && statements.answer(parsed.get())) {
            return;
        }
        if (parsed.isPresent() && parsed.get().facts().kind() == StatementKind.SHOW && statements.show(trimmed)) {
            return;
        }
        try {
            Statement statement = connection.textStatement();
            if (statement.execute(sql)) {
                results.sendResult(statement.getResultSet(), false);
            } else {
                results.writeOk(Math.max(0, statement.getLargeUpdateCount()), 0);
            }
        } catch (SQLException e) {
            throw ResultWriter.translate(e);
        }
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
            throw ResultWriter.translate(e);
        }
        ColumnDef[] columns = {ColumnDef.varchar("route", server.config().schema())};
        results.writeRows(columns, java.util.Collections.singletonList(new String[] {route}));
    }

    private void fieldList(String table) throws ProxyException {
        try (Statement s = connection.get().createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + quoteIdentifier(table) + " LIMIT 0")) {
            results.writeFieldList(rs.getMetaData());
        } catch (SQLException e) {
            throw ResultWriter.translate(e);
        }
    }

    private static String quoteIdentifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private void resetConnection() throws ProxyException {
        try {
            connection.resetSettings();
        } catch (SQLException e) {
            throw ResultWriter.translate(e);
        }
        prepared.closeAll();
        connection.close();
        results.writeOk(0, 0);
    }

    // ---------------------------------------------------------------- closing

    private void closeSession() {
        phase = Phase.CLOSED;
        prepared.closeAll();
        connection.closeRollingBack();
    }

    /** Closes the channel from outside (graceful shutdown): the worker then rolls back and releases. */
    void close() {
        channel.close();
    }

    private enum Greeting { INSTANCE }

    private enum Close { INSTANCE }

    private record Refusal(ProxyException error) {
    }
}

package io.shardline.proxy;

import io.netty.buffer.ByteBuf;
import io.shardline.sql.ParsedStatement;
import io.shardline.sql.SqlParseException;
import io.shardline.sql.facts.StatementKind;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's prepared statements ({@link PreparedCommand}s by id) and the COM_STMT_* commands on them: prepare,
 * execute with binary parameters, long data, close and reset. Separate from the session because the binary protocol's
 * bookkeeping (ids, parameter types a client sends only when they change, long data gathered across packets) concerns
 * nothing else. Used by one thread at a time, the one running the session's current command, and by
 * {@link ClientSession}'s inline check while none runs.
 */
final class PreparedCommands {

    private static final Logger LOG = LoggerFactory.getLogger(PreparedCommands.class);

    /** Prepared statements the session answers itself at execute, like their text form. */
    private static final Set<StatementKind> SESSION_KINDS = EnumSet.of(StatementKind.SET, StatementKind.USE,
            StatementKind.BEGIN, StatementKind.COMMIT, StatementKind.ROLLBACK);

    private final ProxyServer server;
    private final SessionConnection connection;
    private final SessionStatements statements;
    private final ResultWriter results;
    private final int connectionId;
    private final Map<Integer, PreparedCommand> prepared = new HashMap<>();
    private int nextStatementId = 1;

    PreparedCommands(ProxyServer server, SessionConnection connection, SessionStatements statements,
            ResultWriter results, int connectionId) {
        this.server = server;
        this.connection = connection;
        this.statements = statements;
        this.results = results;
        this.connectionId = connectionId;
    }

    /** Whether statement {@code id} exists and is a read that cannot wait on a lock (for {@code inlineReads}). */
    boolean lockFreeRead(int id) {
        PreparedCommand command = prepared.get(id);
        return command != null && command.lockFreeRead;
    }

    /** COM_STMT_PREPARE. */
    void prepare(String sql) throws ProxyException {
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
                ClientSession.lockFreeRead(parsed.facts()));
        prepared.put(id, command);
        ColumnDef[] columns = probeColumns(command);
        results.writePrepareOk(id, parameters, columns);
    }

    /**
     * The result columns of a prepared SELECT, for the prepare response. Shardline knows a result's shape only from
     * a shard, so the statement runs once with every parameter NULL (which matches no row: {@code id = NULL} is never
     * true), and its metadata is taken. Clients need them: libmariadb users such as sysbench decide from the prepare
     * response whether an execute returns rows. The columns sent with each execute remain the ones that count.
     * Locking reads are not probed (they would lock); a probe that fails leaves the columns to the execute.
     */
    private ColumnDef[] probeColumns(PreparedCommand command) {
        if (!command.lockFreeRead) {
            return new ColumnDef[0];
        }
        try {
            PreparedStatement statement = command.on(connection.get());
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

    /** COM_STMT_EXECUTE: the parameters in the binary protocol, then the result or OK. */
    void execute(ByteBuf in) throws ProxyException {
        PreparedCommand p = statement(in, "mysqld_stmt_execute");
        Wire.need(in, 5, "the execute flags and iteration count");
        in.skipBytes(5); // cursor flags (no cursors: the whole result is sent) and iteration count (always 1)
        int n = p.parameterCount;
        if (p.session.isPresent() && n == 0) {
            statements.answer(p.session.get());
            return;
        }
        try {
            PreparedStatement statement = p.on(connection.get());
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
                results.sendResult(statement.getResultSet(), true);
            } else {
                results.writeOk(Math.max(0, statement.getLargeUpdateCount()), 0);
            }
        } catch (SQLException e) {
            p.resetLongData();
            throw ResultWriter.translate(e);
        }
    }

    private static Object longDataValue(PreparedCommand p, int i) {
        byte[] bytes = p.longData[i].toByteArray();
        int type = p.parameterTypes[i] & 0xFF;
        boolean blob = type == 249 || type == 250 || type == 251 || type == 252 || type == 255;
        return blob ? bytes : new String(bytes, StandardCharsets.UTF_8);
    }

    /** COM_STMT_SEND_LONG_DATA: gathers a parameter's value; the protocol allows no response. */
    void sendLongData(ByteBuf in) {
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

    /** COM_STMT_CLOSE: no response. */
    void close(ByteBuf in) {
        if (in.readableBytes() < 4) {
            return;
        }
        PreparedCommand p = prepared.remove(in.readIntLE());
        if (p != null) {
            closeQuietly(p);
        }
    }

    /** COM_STMT_RESET: forgets the long data sent so far. */
    void reset(ByteBuf in) throws ProxyException {
        PreparedCommand p = statement(in, "mysqld_stmt_reset");
        p.resetLongData();
        results.writeOk(0, 0);
    }

    /** Closes the driver's statements before their Shardline connection closes; the client's statements stay. */
    void closeDriverStatements() {
        for (PreparedCommand p : prepared.values()) {
            closeQuietly(p);
        }
    }

    /** Forgets every statement (COM_RESET_CONNECTION, end of the session). */
    void closeAll() {
        closeDriverStatements();
        prepared.clear();
    }

    private static void closeQuietly(PreparedCommand p) {
        try {
            p.close();
        } catch (SQLException e) {
            LOG.debug("closing prepared statement {} failed: {}", p.id, e.getMessage());
        }
    }
}

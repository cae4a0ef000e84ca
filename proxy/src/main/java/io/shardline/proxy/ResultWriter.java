package io.shardline.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every answer of the command phase: OK, EOF and ERR packets with the session's status flags, column definitions,
 * rows the proxy makes up itself, the prepare response, and results from the driver, streamed with backpressure. A
 * result streamed on the network thread (an inlined read) cannot wait there for a slow client; it stops and is
 * {@link #streaming() left} for a worker to {@link #finishStreaming() finish}. Used by one thread at a time, the one
 * running the session's current command.
 */
final class ResultWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ResultWriter.class);

    static final int STATUS_IN_TRANS = 1;
    static final int STATUS_AUTOCOMMIT = 2;

    /** A result being sent: its rows, their columns, and whether rows go in the binary format. */
    private record Streaming(ResultSet rows, ColumnDef[] columns, boolean binary) {
    }

    private final Channel channel;
    private final PacketOutput output;
    private final SessionConnection connection;
    private final String schema;
    private final int connectionId;
    /** A result that stopped on the network thread to wait for the client; a worker finishes it. */
    private Streaming streaming;

    ResultWriter(Channel channel, PacketOutput output, SessionConnection connection, String schema, int connectionId) {
        this.channel = channel;
        this.output = output;
        this.connection = connection;
        this.schema = schema;
        this.connectionId = connectionId;
    }

    /** Sends a result and closes it, unless it had to wait for the client on the network thread (see streaming). */
    void sendResult(ResultSet rs, boolean binary) throws SQLException {
        try {
            ResultSetMetaData md = rs.getMetaData();
            int count = md.getColumnCount();
            ColumnDef[] columns = new ColumnDef[count];
            for (int i = 0; i < count; i++) {
                columns[i] = ColumnDef.of(md, i + 1, schema);
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

    /** Whether a result stopped on the network thread and waits for {@link #finishStreaming()} on a worker. */
    boolean streaming() {
        return streaming != null;
    }

    /** Worker side of a result that stopped on the network thread: the rest of its rows and EOF, or an ERR. */
    void finishStreaming() {
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

    /** A result the proxy answers itself (SHOW, PREVIEW): every value as text. */
    void writeRows(ColumnDef[] columns, List<String[]> rows) {
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

    /** COM_FIELD_LIST's answer: each column's definition in the field-list form (with a default value), then EOF. */
    void writeFieldList(ResultSetMetaData md) throws SQLException {
        for (int i = 1; i <= md.getColumnCount(); i++) {
            ColumnDef.of(md, i, schema).write(output.begin(), true);
            output.end();
        }
        writeEof();
    }

    /** COM_STMT_PREPARE_OK, then a definition per parameter and per result column (each list closed by EOF). */
    void writePrepareOk(int statementId, int parameters, ColumnDef[] columns) {
        ByteBuf out = output.begin();
        out.writeByte(0);
        out.writeIntLE(statementId);
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

    /** SERVER_STATUS_AUTOCOMMIT from the session's setting, IN_TRANS while its Shardline transaction is open. */
    private int status() {
        int status = connection.autocommit() ? STATUS_AUTOCOMMIT : 0;
        try {
            if (connection.inTransaction()) {
                status |= STATUS_IN_TRANS;
            }
        } catch (SQLException e) {
            LOG.debug("connection {}: {}", connectionId, e.getMessage());
        }
        return status;
    }

    void writeOk(long affectedRows, long lastInsertId) {
        ByteBuf out = output.begin();
        out.writeByte(0);
        Wire.writeLenenc(out, affectedRows);
        Wire.writeLenenc(out, lastInsertId);
        out.writeShortLE(status());
        out.writeShortLE(0);
        output.end();
    }

    void writeEof() {
        ByteBuf out = output.begin();
        out.writeByte(0xFE);
        out.writeShortLE(0);
        out.writeShortLE(status());
        output.end();
    }

    void writeError(ProxyException e) {
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
}

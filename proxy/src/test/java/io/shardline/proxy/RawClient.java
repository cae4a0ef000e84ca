package io.shardline.proxy;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A hand-driven MySQL client over a socket, for sending what real clients never send. */
final class RawClient implements AutoCloseable {

    final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    byte[] scramble;

    RawClient(int port) throws IOException {
        this(new Socket("127.0.0.1", port));
    }

    /** A client over a connected socket (a TLS one, for instance). */
    RawClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(15_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Reads one packet's payload; its sequence id is in {@code [0]} of the returned pair's second element. */
    byte[] read() throws IOException {
        byte[] header = new byte[4];
        in.readFully(header);
        int length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    /** Reads the greeting and keeps its scramble. */
    byte[] greeting() throws IOException {
        byte[] g = read();
        int p = 1;
        while (g[p] != 0) {
            p++;
        }
        p += 1 + 4;
        byte[] first = Arrays.copyOfRange(g, p, p + 8);
        p += 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10;
        byte[] second = Arrays.copyOfRange(g, p, p + 12);
        scramble = new byte[20];
        System.arraycopy(first, 0, scramble, 0, 8);
        System.arraycopy(second, 0, scramble, 8, 12);
        return g;
    }

    /** Sends a HandshakeResponse41 for mysql_native_password and returns the server's answer. */
    byte[] login(String user, String password) throws IOException {
        greeting();
        return handshakeResponse(user, password, 1, 0);
    }

    /** Sends a HandshakeResponse41 with this sequence id and extra capability flags; returns the server's answer. */
    byte[] handshakeResponse(String user, String password, int sequence, int extraCapabilities) throws IOException {
        byte[] token = NativePassword.token(password, scramble);
        java.io.ByteArrayOutputStream p = new java.io.ByteArrayOutputStream();
        int caps = Capabilities.CLIENT_PROTOCOL_41 | Capabilities.CLIENT_SECURE_CONNECTION
                | Capabilities.CLIENT_PLUGIN_AUTH | Capabilities.CLIENT_LONG_PASSWORD | extraCapabilities;
        writeInt(p, caps);
        writeInt(p, 1 << 24);
        p.write(45);
        p.write(new byte[23]);
        p.writeBytes(user.getBytes(StandardCharsets.UTF_8));
        p.write(0);
        p.write(token.length);
        p.writeBytes(token);
        p.writeBytes(NativePassword.PLUGIN.getBytes(StandardCharsets.UTF_8));
        p.write(0);
        send(sequence, p.toByteArray());
        return read();
    }

    void send(int sequence, byte[] payload) throws IOException {
        byte[] header = {(byte) payload.length, (byte) (payload.length >> 8), (byte) (payload.length >> 16),
            (byte) sequence};
        out.write(header);
        out.write(payload);
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** A command packet (sequence 0) and the first packet of its answer. */
    byte[] command(int command, byte[] body) throws IOException {
        byte[] payload = new byte[body.length + 1];
        payload[0] = (byte) command;
        System.arraycopy(body, 0, payload, 1, body.length);
        send(0, payload);
        return read();
    }

    /** Whether the server closed the connection (EOF) within the socket timeout. */
    boolean closedByServer() throws IOException {
        try {
            while (true) {
                read();
            }
        } catch (EOFException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connection reset
        }
    }

    static int errorNumber(byte[] packet) {
        if ((packet[0] & 0xFF) != 0xFF) {
            return 0;
        }
        return (packet[1] & 0xFF) | (packet[2] & 0xFF) << 8;
    }

    static String errorMessage(byte[] packet) {
        return new String(packet, 9, packet.length - 9, StandardCharsets.UTF_8);
    }

    private static void writeInt(java.io.ByteArrayOutputStream p, int v) {
        p.write(v);
        p.write(v >> 8);
        p.write(v >> 16);
        p.write(v >> 24);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

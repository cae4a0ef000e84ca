package io.shardline.proxy;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Reading and writing the MySQL protocol's basic types: fixed little-endian integers, length-encoded integers
 * and strings, NUL-terminated strings. Reads throw {@link ProxyException} (MALFORMED_PACKET) when a field runs
 * past the payload, so a malformed packet becomes an ERR packet, not an exception in the event loop.
 */
final class Wire {

    /** Payload length that means "more parts follow" (2^24 - 1). */
    static final int MAX_PART = 0xFFFFFF;

    private Wire() {
    }

    static long readLenenc(ByteBuf in) throws ProxyException {
        need(in, 1, "length-encoded integer");
        int first = in.readUnsignedByte();
        if (first < 0xFB) {
            return first;
        }
        switch (first) {
            case 0xFC:
                need(in, 2, "length-encoded integer");
                return in.readUnsignedShortLE();
            case 0xFD:
                need(in, 3, "length-encoded integer");
                return in.readUnsignedMediumLE();
            case 0xFE:
                need(in, 8, "length-encoded integer");
                return in.readLongLE();
            default:
                throw ProxyError.MALFORMED_PACKET.exception("0x" + Integer.toHexString(first)
                        + " is not a length-encoded integer");
        }
    }

    static byte[] readLenencBytes(ByteBuf in) throws ProxyException {
        long length = readLenenc(in);
        if (length < 0 || length > in.readableBytes()) {
            throw ProxyError.MALFORMED_PACKET.exception("a string of " + length + " bytes with "
                    + in.readableBytes() + " left in the packet");
        }
        byte[] bytes = new byte[(int) length];
        in.readBytes(bytes);
        return bytes;
    }

    static String readNulString(ByteBuf in) throws ProxyException {
        int end = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) 0);
        if (end < 0) {
            throw ProxyError.MALFORMED_PACKET.exception("a NUL-terminated string without its NUL");
        }
        String s = in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.UTF_8);
        in.readerIndex(end + 1);
        return s;
    }

    static String readRestString(ByteBuf in) {
        String s = in.toString(StandardCharsets.UTF_8);
        in.skipBytes(in.readableBytes());
        return s;
    }

    static void need(ByteBuf in, int bytes, String what) throws ProxyException {
        if (in.readableBytes() < bytes) {
            throw ProxyError.MALFORMED_PACKET.exception(what + " needs " + bytes + " bytes, " + in.readableBytes()
                    + " left in the packet");
        }
    }

    static void writeLenenc(ByteBuf out, long value) {
        if (value >= 0 && value < 0xFB) {
            out.writeByte((int) value);
        } else if (value >= 0 && value <= 0xFFFF) {
            out.writeByte(0xFC);
            out.writeShortLE((int) value);
        } else if (value >= 0 && value <= 0xFFFFFF) {
            out.writeByte(0xFD);
            out.writeMediumLE((int) value);
        } else {
            out.writeByte(0xFE);
            out.writeLongLE(value);
        }
    }

    static void writeLenencBytes(ByteBuf out, byte[] bytes) {
        writeLenenc(out, bytes.length);
        out.writeBytes(bytes);
    }

    /** Writes a string as UTF-8 with its length in front, without an intermediate byte array for ASCII-sized text. */
    static void writeLenencString(ByteBuf out, CharSequence s) {
        int utf8 = io.netty.buffer.ByteBufUtil.utf8Bytes(s);
        writeLenenc(out, utf8);
        io.netty.buffer.ByteBufUtil.reserveAndWriteUtf8(out, s, utf8);
    }

    static void writeNulString(ByteBuf out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        out.writeByte(0);
    }
}

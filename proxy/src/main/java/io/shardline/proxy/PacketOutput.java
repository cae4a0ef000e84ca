package io.shardline.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * Frames server packets for one session into a buffer and hands full buffers to the channel. Large results are
 * streamed: every {@link #FLUSH_BYTES} the buffer is written, and the writer waits while the channel is not
 * writable (the client reads slower than the shards answer), so a big result never sits in memory as a whole.
 * Used by one thread at a time: the thread that runs the session's current command.
 */
final class PacketOutput {

    /** Bytes gathered before they are written to the socket mid-response. */
    static final int FLUSH_BYTES = 64 * 1024;

    private final Channel channel;
    private final Object writability;
    private ByteBuf out;
    private int sequence;
    private int start = -1;

    PacketOutput(Channel channel, Object writability) {
        this.channel = channel;
        this.writability = writability;
    }

    /** Sets the sequence id of the next packet (0 for the greeting, the request's id + 1 for a response). */
    void sequence(int next) {
        sequence = next & 0xFF;
    }

    /** Starts a packet and returns the buffer to write its payload into; finish it with {@link #end()}. */
    ByteBuf begin() {
        if (out == null) {
            out = channel.alloc().ioBuffer(512);
        }
        start = out.writerIndex();
        out.writeMediumLE(0);
        out.writeByte(0);
        return out;
    }

    /** Finishes the packet begun last: its header, split into 2^24 - 1 byte parts if it is that long. */
    void end() {
        int length = out.writerIndex() - start - 4;
        if (length < Wire.MAX_PART) {
            out.setMediumLE(start, length);
            out.setByte(start + 3, sequence);
            sequence = (sequence + 1) & 0xFF;
            start = -1;
            return;
        }
        int at = start;
        start = -1;
        ByteBuf payload = out.copy(at + 4, length);
        out.writerIndex(at);
        int offset = 0;
        while (true) {
            int part = Math.min(Wire.MAX_PART, length - offset);
            out.writeMediumLE(part);
            out.writeByte(sequence);
            sequence = (sequence + 1) & 0xFF;
            out.writeBytes(payload, offset, part);
            offset += part;
            if (part < Wire.MAX_PART) {
                break;
            }
        }
        payload.release();
    }

    /** Whether enough has gathered to be written now (mid-response). */
    boolean full() {
        return out != null && out.readableBytes() >= FLUSH_BYTES;
    }

    /** Writes everything gathered so far. */
    void flush() {
        if (out == null) {
            return;
        }
        ByteBuf buffer = out;
        out = null;
        if (buffer.isReadable() && channel.isActive()) {
            channel.writeAndFlush(buffer, channel.voidPromise());
        } else {
            buffer.release();
        }
    }

    /**
     * Drops a packet begun but not ended (reading a value failed half-way through a row), so that an ERR packet can
     * follow the complete packets already framed, as a server ends a result that fails mid-stream.
     */
    void abandonOpenPacket() {
        if (out != null && start >= 0) {
            out.writerIndex(start);
        }
        start = -1;
    }

    /** Waits until the client has taken enough of what was written; never call it on the channel's network thread. */
    void awaitWritable() {
        synchronized (writability) {
            while (!channel.isWritable() && channel.isActive()) {
                try {
                    writability.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}

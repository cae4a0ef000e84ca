package io.shardline.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Frames the client's byte stream into {@link Packet}s: a 3-byte little-endian length, a sequence id, the payload;
 * payloads of exactly 2^24 - 1 bytes continue in the next part. A packet longer than {@code maxPacketBytes} is
 * never buffered: the decoder reports it once ({@link OversizedPacket}) and drops everything after it, because a
 * stream whose framing was abandoned cannot be resynchronised.
 *
 * <p>The client's first packet is passed up on its own, before anything after it is framed: if it is an SSLRequest,
 * the bytes behind it are TLS, and {@link Tls} moves them out with {@link #takeUnframed()}.
 */
final class PacketDecoder extends ByteToMessageDecoder {

    /** Passed up instead of a packet when the client announces more than {@code maxPacketBytes}. */
    record OversizedPacket(long announced, long limit) {
    }

    private final long maxPacketBytes;
    private CompositeByteBuf partial;
    private boolean discarding;
    private boolean firstPassed;

    PacketDecoder(long maxPacketBytes) {
        this.maxPacketBytes = maxPacketBytes;
    }

    /** True while a packet has begun arriving but is not complete: a client stalled here is cut off. */
    boolean midPacket() {
        return partial != null || actualReadableBytes() > 0;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (discarding) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.readableBytes() >= 4) {
            int length = in.getUnsignedMediumLE(in.readerIndex());
            long soFar = partial == null ? 0 : partial.readableBytes();
            if (soFar + length > maxPacketBytes) {
                discarding = true;
                releasePartial();
                in.skipBytes(in.readableBytes());
                out.add(new OversizedPacket(soFar + length, maxPacketBytes));
                return;
            }
            if (in.readableBytes() < 4 + length) {
                return;
            }
            int sequence = in.getUnsignedByte(in.readerIndex() + 3);
            in.skipBytes(4);
            ByteBuf part = in.readRetainedSlice(length);
            if (length == Wire.MAX_PART) {
                if (partial == null) {
                    partial = ctx.alloc().compositeBuffer(64);
                }
                partial.addComponent(true, part);
                continue;
            }
            if (partial != null) {
                partial.addComponent(true, part);
                out.add(new Packet(sequence, partial));
                partial = null;
            } else {
                out.add(new Packet(sequence, part));
            }
            if (!firstPassed) {
                firstPassed = true;
                return;
            }
        }
    }

    /** Bytes received but not framed yet, taken out of the decoder (the caller releases them). */
    ByteBuf takeUnframed() {
        ByteBuf buffered = internalBuffer();
        return buffered.readBytes(buffered.readableBytes());
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        releasePartial();
    }

    private void releasePartial() {
        if (partial != null) {
            partial.release();
            partial = null;
        }
    }
}

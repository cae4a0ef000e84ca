package io.shardline.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** Packet framing as a client reads it back, including payloads that must be split into 2^24 - 1 byte parts. */
class PacketOutputTest {

    @Test
    void shortPacketsCarryLengthAndConsecutiveSequenceIds() {
        EmbeddedChannel channel = new EmbeddedChannel();
        PacketOutput output = new PacketOutput(channel, new Object());
        output.sequence(3);
        output.begin().writeBytes(new byte[] {1, 2, 3});
        output.end();
        output.begin().writeByte(9);
        output.end();
        output.flush();
        ByteBuf written = readAll(channel);
        assertEquals(3, written.readUnsignedMediumLE());
        assertEquals(3, written.readUnsignedByte());
        written.skipBytes(3);
        assertEquals(1, written.readUnsignedMediumLE());
        assertEquals(4, written.readUnsignedByte());
        assertEquals(9, written.readByte());
        assertEquals(0, written.readableBytes());
        written.release();
    }

    @Test
    void payloadOfExactlyTheMaximumIsFollowedByAnEmptyPartAndKeepsItsBytes() {
        assertSplit(Wire.MAX_PART, new int[] {Wire.MAX_PART, 0});
    }

    @Test
    void longerPayloadIsSplitAndReassemblesToTheSameBytes() {
        assertSplit(Wire.MAX_PART + 1000, new int[] {Wire.MAX_PART, 1000});
    }

    private static void assertSplit(int length, int[] parts) {
        EmbeddedChannel channel = new EmbeddedChannel();
        PacketOutput output = new PacketOutput(channel, new Object());
        output.sequence(1);
        output.begin().writeByte(0x42); // a small packet before: the split must not touch it
        output.end();
        ByteBuf payload = output.begin();
        for (int i = 0; i < length; i++) {
            payload.writeByte(i * 31 + 7);
        }
        output.end();
        output.flush();
        ByteBuf written = readAll(channel);
        assertEquals(1, written.readUnsignedMediumLE());
        assertEquals(1, written.readUnsignedByte());
        assertEquals(0x42, written.readByte());
        int offset = 0;
        for (int p = 0; p < parts.length; p++) {
            assertEquals(parts[p], written.readUnsignedMediumLE(), "length of part " + p);
            assertEquals(2 + p, written.readUnsignedByte(), "sequence id of part " + p);
            for (int i = 0; i < parts[p]; i++, offset++) {
                if (written.readByte() != (byte) (offset * 31 + 7)) {
                    throw new AssertionError("payload byte " + offset + " differs");
                }
            }
        }
        assertEquals(length, offset);
        assertEquals(0, written.readableBytes());
        written.release();
    }

    private static ByteBuf readAll(EmbeddedChannel channel) {
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf b = channel.readOutbound(); b != null; b = channel.readOutbound()) {
            all.writeBytes(b);
            b.release();
        }
        return all;
    }
}

package io.shardline.proxy;

import io.netty.buffer.ByteBuf;

/**
 * One logical client packet: the payload (parts of 2^24 - 1 bytes already joined) and the sequence id of its
 * last part. The receiver releases the payload.
 *
 * @param sequence the sequence id of the packet's last part
 * @param payload the payload, owned by the receiver
 */
record Packet(int sequence, ByteBuf payload) {
}

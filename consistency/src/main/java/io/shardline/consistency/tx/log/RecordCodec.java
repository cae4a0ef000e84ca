package io.shardline.consistency.tx.log;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Frames and payloads of the transaction log (the layout is documented on {@link TransactionLog}). Encoding writes
 * into a caller-owned buffer without allocating; decoding runs only at open and may allocate.
 */
final class RecordCodec {

    /** [int payload length][int CRC32C of the payload]. */
    static final int FRAME_HEADER = 8;
    /** type, mode, outcome, time, xid length, branch count, detail length. */
    static final int MIN_PAYLOAD = 1 + 1 + 1 + 8 + 2 + 2 + 4;
    static final int MAX_PAYLOAD = 1 << 20;

    /** Status codes of {@link #frameAt}; non-negative results are frame lengths. */
    static final int SHORT_HEADER = -1;
    static final int BAD_LENGTH = -2;
    static final int BAD_CRC = -3;
    static final int BAD_PAYLOAD = -4;

    private static final TxRecordType[] TYPES = TxRecordType.values();
    private static final TxMode[] MODES = TxMode.values();
    private static final TxOutcome[] OUTCOMES = TxOutcome.values();

    private RecordCodec() {}

    /**
     * Writes the whole frame of {@code r} into {@code frame} (cleared first) and flips it for writing.
     *
     * @throws IllegalArgumentException when the record does not fit in {@link #MAX_PAYLOAD} or a string is too long
     */
    static void encode(TxRecord r, ByteBuffer frame, CRC32C crc) {
        frame.clear();
        try {
            frame.position(FRAME_HEADER);
            frame.put((byte) (r.type().ordinal() + 1));
            frame.put((byte) r.mode().ordinal());
            frame.put(r.outcome().isPresent() ? (byte) (r.outcome().get().ordinal() + 1) : 0);
            frame.putLong(r.timeMillis());
            putShortString(frame, r.xid(), "xid", r);
            List<String> branches = r.branches();
            if (branches.size() > 0xFFFF) {
                throw new IllegalArgumentException("xid '" + r.xid() + "' has more than 65535 branches");
            }
            frame.putShort((short) branches.size());
            for (int i = 0; i < branches.size(); i++) {
                putShortString(frame, branches.get(i), "branch name", r);
            }
            int detailAt = frame.position();
            frame.putInt(0);
            putUtf8(frame, r.detail());
            frame.putInt(detailAt, frame.position() - detailAt - 4);
        } catch (BufferOverflowException e) {
            throw new IllegalArgumentException("transaction log record for xid '" + r.xid() + "' is larger than "
                    + MAX_PAYLOAD + " bytes", e);
        }
        int payloadLength = frame.position() - FRAME_HEADER;
        frame.limit(frame.position());
        frame.position(FRAME_HEADER);
        crc.reset();
        crc.update(frame);
        frame.putInt(0, payloadLength);
        frame.putInt(4, (int) crc.getValue());
        frame.position(0);
    }

    private static void putShortString(ByteBuffer b, String s, String what, TxRecord r) {
        int lengthAt = b.position();
        b.putShort((short) 0);
        putUtf8(b, s);
        int n = b.position() - lengthAt - 2;
        if (n > 0xFFFF) {
            throw new IllegalArgumentException(what + " of transaction log record for xid '" + r.xid()
                    + "' is longer than 65535 UTF-8 bytes");
        }
        b.putShort(lengthAt, (short) n);
    }

    /** UTF-8 without a temporary byte[]; an unpaired surrogate becomes '?', as String.getBytes would do. */
    private static void putUtf8(ByteBuffer b, String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b.put((byte) c);
            } else if (c < 0x800) {
                b.put((byte) (0xC0 | (c >> 6)));
                b.put((byte) (0x80 | (c & 0x3F)));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b.put((byte) (0xF0 | (cp >> 18)));
                    b.put((byte) (0x80 | ((cp >> 12) & 0x3F)));
                    b.put((byte) (0x80 | ((cp >> 6) & 0x3F)));
                    b.put((byte) (0x80 | (cp & 0x3F)));
                } else {
                    b.put((byte) '?');
                }
            } else {
                b.put((byte) (0xE0 | (c >> 12)));
                b.put((byte) (0x80 | ((c >> 6) & 0x3F)));
                b.put((byte) (0x80 | (c & 0x3F)));
            }
        }
    }

    /**
     * Checks the frame starting at {@code pos} of {@code data} (a heap buffer whose limit is the end of the file).
     * Returns the frame length when the frame is complete, its CRC matches and its payload decodes; otherwise one of
     * the negative status codes.
     */
    static int frameAt(ByteBuffer data, int pos, CRC32C crc) {
        int end = data.limit();
        if (end - pos < FRAME_HEADER) {
            return SHORT_HEADER;
        }
        int length = data.getInt(pos);
        if (length < MIN_PAYLOAD || length > MAX_PAYLOAD || length > end - pos - FRAME_HEADER) {
            return BAD_LENGTH;
        }
        int type = data.get(pos + FRAME_HEADER);
        if (type < 1 || type > TYPES.length) {
            return BAD_CRC; // cheap rejection before computing the CRC; a valid frame always has a known type
        }
        crc.reset();
        crc.update(data.array(), data.arrayOffset() + pos + FRAME_HEADER, length);
        if ((int) crc.getValue() != data.getInt(pos + 4)) {
            return BAD_CRC;
        }
        return decode(data, pos + FRAME_HEADER, length).isPresent() ? FRAME_HEADER + length : BAD_PAYLOAD;
    }

    /** Decodes the payload at {@code [off, off + length)}; empty if it is not a well-formed record. */
    static Optional<TxRecord> decode(ByteBuffer data, int off, int length) {
        int end = off + length;
        try {
            int p = off;
            int type = data.get(p++);
            int mode = data.get(p++);
            int outcome = data.get(p++);
            long time = data.getLong(p);
            p += 8;
            int xidLength = Short.toUnsignedInt(data.getShort(p));
            p += 2;
            String xid = string(data, p, xidLength, end);
            p += xidLength;
            int branchCount = Short.toUnsignedInt(data.getShort(p));
            p += 2;
            List<String> branches = new ArrayList<>(Math.min(branchCount, 64));
            for (int i = 0; i < branchCount; i++) {
                int n = Short.toUnsignedInt(data.getShort(p));
                p += 2;
                branches.add(string(data, p, n, end));
                p += n;
            }
            int detailLength = data.getInt(p);
            p += 4;
            if (detailLength < 0) {
                return Optional.empty();
            }
            String detail = string(data, p, detailLength, end);
            p += detailLength;
            if (p != end || type < 1 || type > TYPES.length || mode < 0 || mode >= MODES.length || outcome < 0
                    || outcome > OUTCOMES.length) {
                return Optional.empty();
            }
            Optional<TxOutcome> o = outcome == 0 ? Optional.empty() : Optional.of(OUTCOMES[outcome - 1]);
            return Optional.of(new TxRecord(TYPES[type - 1], xid, MODES[mode], branches, o, detail, time));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return Optional.empty(); // lengths pointing outside the payload, or field combinations TxRecord rejects
        }
    }

    private static String string(ByteBuffer data, int p, int n, int end) {
        if (p + n > end) {
            throw new IndexOutOfBoundsException("string runs past the payload");
        }
        return new String(data.array(), data.arrayOffset() + p, n, StandardCharsets.UTF_8);
    }
}

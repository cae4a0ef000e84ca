package io.shardline.consistency.tx.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The crash-safe log of global transaction decisions. The coordinator appends {@link TxRecordType#COMMITTING}
 * before it commits the first branch, {@link TxRecordType#COMPENSATING} when it starts undoing, and
 * {@link TxRecordType#FINISHED} once the outcome is settled; after a crash, {@link #unfinished()} lists what
 * recovery has to complete or compensate.
 *
 * <h2>Files</h2>
 * A directory holds {@code txlog.lock} (held with an exclusive {@link FileLock} while the log is open, so a second
 * opener in this or another process fails) and segment files {@code txlog-NNNNNNNN.seg}, numbered upwards (gaps
 * appear where old segments were deleted). Every segment starts with a 16-byte header:
 * <pre>
 *   int  magic   0x53485458 ("SHTX")
 *   int  version 1
 *   long segment number (equal to the number in the file name)
 * </pre>
 * followed by records, each framed as
 * <pre>
 *   int  payload length n (19 .. 1 MiB)
 *   int  CRC32C of the n payload bytes
 *   n    payload:
 *          byte  type     (1 COMMITTING, 2 COMPENSATING, 3 FINISHED)
 *          byte  mode     (0 DELAYED, 1 XA)
 *          byte  outcome  (0 none, 1 + TxOutcome ordinal)
 *          long  time in epoch milliseconds
 *          u16 + UTF-8  xid
 *          u16  branch count, then per branch u16 + UTF-8 name
 *          int + UTF-8  detail
 * </pre>
 * All integers are big-endian. A record never spans segments: the log rolls over to the next segment when the
 * record would take the active one past {@link TransactionLogOptions#segmentBytes()}. Before rolling over, the
 * active segment is fsynced, and a new segment's header and directory entry are fsynced before any record goes into
 * it; so only the last segment can ever end in a torn write.
 *
 * <h2>Opening</h2>
 * Segments are read oldest first. An invalid frame (short, impossible length, CRC mismatch, undecodable payload) at
 * the end of the last segment, with no valid frame anywhere after it, is a torn tail: it is truncated away and
 * reported in {@link #recoveryReport()}. Any other invalid frame fails {@link #open} with a
 * {@link TransactionLogCorruptException} naming the file and offset; decisions are never dropped silently.
 *
 * <h2>Durability and group commit</h2>
 * {@link #append} writes the frame under a lock (no fsync); with {@code sync=true} it then waits until a
 * {@link FileChannel#force} covering its bytes has completed. One thread forces at a time and every thread whose
 * bytes the force covered returns without forcing again, so concurrent sync appends share one force. Any I/O
 * failure while writing or forcing makes the log fail-stop: a half-written frame must not be followed by more
 * records, and after a failed fsync the page cache cannot be trusted. Interrupting a thread that is inside
 * {@code append} closes the file channel (a property of {@link FileChannel}) and thus also fails the log.
 *
 * <h2>Low-water mark</h2>
 * {@link #truncate()} (also run after every rollover) deletes closed segments, oldest first, that hold no record of
 * an unfinished transaction and no FINISHED record whose transaction's COMMITTING record lies in a segment that
 * survives (deleting that FINISHED record would make the transaction unfinished again on the next open). A segment
 * with an unfinished COMMITTING record survives however many segments follow it.
 */
public final class TransactionLog implements AutoCloseable {

    static final int MAGIC = 0x53485458;
    static final int VERSION = 1;
    static final int SEGMENT_HEADER = 16;
    static final String LOCK_FILE = "txlog.lock";
    private static final Pattern SEGMENT_NAME = Pattern.compile("txlog-(\\d{8,18})\\.seg");

    private final Path directory;
    private final TransactionLogOptions options;
    private final FileChannel lockChannel;
    private final FileLock fileLock;
    private RecoveryReport report;

    /** Guards the active channel, the frame buffer and all bookkeeping below. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Held by the one thread that is forcing; the others queue behind it and usually find their bytes covered. */
    private final ReentrantLock syncLock = new ReentrantLock();
    /** Total bytes appended since open that are known to be on disk. */
    private final AtomicLong durableBytes = new AtomicLong();
    private final ByteBuffer frame =
            ByteBuffer.allocateDirect(RecordCodec.FRAME_HEADER + RecordCodec.MAX_PAYLOAD);
    private final CRC32C crc = new CRC32C();

    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    /** Unfinished transactions in the order of their COMMITTING records. */
    private final LinkedHashMap<String, Pending> unfinished = new LinkedHashMap<>();
    private Segment active;
    private FileChannel activeChannel;
    private long activeSize;
    private long appendedBytes;
    private Optional<IOException> failure = Optional.empty();
    private boolean closed;

    private TransactionLog(Path directory, TransactionLogOptions options, FileChannel lockChannel, FileLock fileLock) {
        this.directory = directory;
        this.options = options;
        this.lockChannel = lockChannel;
        this.fileLock = fileLock;
    }

    /**
     * Opens (creating) the log in {@code directory}, locks it, reads every segment, drops a torn tail of the last
     * segment and continues appending after the last valid record.
     *
     * @throws IOException when the directory is in use by another open log (in this or another process)
     * @throws TransactionLogCorruptException when a record other than a torn tail is invalid
     */
    public static TransactionLog open(Path directory, TransactionLogOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        Path dir = directory.toAbsolutePath();
        Files.createDirectories(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock fileLock;
        try {
            fileLock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lockChannel.close();
            throw new IOException("transaction log directory " + dir + " is in use: it is already open in this process",
                    e);
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
        if (fileLock == null) {
            lockChannel.close();
            throw new IOException("transaction log directory " + dir
                    + " is in use: another process holds the lock on " + LOCK_FILE);
        }
        TransactionLog log = new TransactionLog(dir, options, lockChannel, fileLock);
        try {
            log.recover();
            return log;
        } catch (IOException | RuntimeException e) {
            log.closeQuietlyAfterFailedOpen();
            throw e;
        }
    }

    private void recover() throws IOException {
        List<Long> numbers = segmentNumbers();
        List<Path> read = new ArrayList<>(numbers.size());
        long records = 0;
        Optional<RecoveryReport.TornTail> torn = Optional.empty();
        for (int i = 0; i < numbers.size(); i++) {
            long number = numbers.get(i);
            boolean last = i == numbers.size() - 1;
            Path file = directory.resolve(segmentName(number));
            read.add(file);
            ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file));
            Segment segment = new Segment(number, file);
            segments.put(number, segment);
            int end = data.limit();
            if (end < SEGMENT_HEADER) {
                if (!last) {
                    throw new TransactionLogCorruptException(file, 0, "segment header is incomplete");
                }
                torn = Optional.of(new RecoveryReport.TornTail(file, 0, end));
                rewriteHeader(segment);
                continue;
            }
            checkHeader(data, file, number);
            int pos = SEGMENT_HEADER;
            while (pos < end) {
                int length = RecordCodec.frameAt(data, pos, crc);
                if (length < 0) {
                    if (!last) {
                        throw new TransactionLogCorruptException(file, pos, describe(length)
                                + " in a segment that is not the last one, so it cannot be a torn write");
                    }
                    int next = nextValidFrame(data, pos + 1);
                    if (next >= 0) {
                        throw new TransactionLogCorruptException(file, pos, describe(length)
                                + ", and a valid record follows at offset " + next + ", so it is not a torn tail");
                    }
                    break;
                }
                apply(RecordCodec.decode(data, pos + RecordCodec.FRAME_HEADER, length - RecordCodec.FRAME_HEADER)
                        .orElseThrow(), segment);
                records++;
                pos += length;
            }
            if (last) {
                if (pos < end) {
                    torn = Optional.of(new RecoveryReport.TornTail(file, pos, end - pos));
                }
                activeChannel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
                active = segment;
                activeSize = pos;
                if (pos < end) {
                    activeChannel.truncate(pos);
                    activeChannel.force(true);
                }
            }
        }
        if (active == null) {
            startSegment(1);
        }
        report = new RecoveryReport(read, records, torn, unfinished.size());
        truncateLocked();
    }

    private void rewriteHeader(Segment segment) throws IOException {
        activeChannel = FileChannel.open(segment.path, StandardOpenOption.WRITE, StandardOpenOption.READ);
        activeChannel.truncate(0);
        writeFully(activeChannel, header(segment.number), 0);
        activeChannel.force(true);
        active = segment;
        activeSize = SEGMENT_HEADER;
    }

    private static void checkHeader(ByteBuffer data, Path file, long number) throws IOException {
        if (data.getInt(0) != MAGIC) {
            throw new TransactionLogCorruptException(file, 0,
                    "not a Shardline transaction log segment: bad magic number");
        }
        if (data.getInt(4) != VERSION) {
            throw new TransactionLogCorruptException(file, 4, "unsupported segment format version " + data.getInt(4)
                    + ", this build reads version " + VERSION);
        }
        if (data.getLong(8) != number) {
            throw new TransactionLogCorruptException(file, 8, "header says segment " + data.getLong(8)
                    + " but the file name says " + number);
        }
    }

    private int nextValidFrame(ByteBuffer data, int from) {
        for (int p = from; p <= data.limit() - RecordCodec.FRAME_HEADER - RecordCodec.MIN_PAYLOAD; p++) {
            if (RecordCodec.frameAt(data, p, crc) > 0) {
                return p;
            }
        }
        return -1;
    }

    private static String describe(int status) {
        return switch (status) {
            case RecordCodec.SHORT_HEADER -> "incomplete record header";
            case RecordCodec.BAD_LENGTH -> "impossible record length";
            case RecordCodec.BAD_CRC -> "CRC32C mismatch";
            default -> "undecodable record payload";
        };
    }

    private List<Long> segmentNumbers() throws IOException {
        List<Long> numbers = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path f : files) {
                Matcher m = SEGMENT_NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    numbers.add(Long.parseLong(m.group(1)));
                }
            }
        }
        numbers.sort(null);
        return numbers;
    }

    static String segmentName(long number) {
        return String.format("txlog-%08d.seg", number);
    }

    private static ByteBuffer header(long number) {
        ByteBuffer h = ByteBuffer.allocate(SEGMENT_HEADER);
        h.putInt(MAGIC).putInt(VERSION).putLong(number).flip();
        return h;
    }

    /**
     * Appends {@code record}; thread-safe. With {@code sync=true} returns only once the record is durable; concurrent
     * sync appends share one force.
     *
     * @throws IllegalArgumentException when the record is larger than 1 MiB
     * @throws IOException when writing or forcing fails (the log then refuses every later append), or it is closed
     */
    public void append(TxRecord record, boolean sync) throws IOException {
        Objects.requireNonNull(record, "record");
        long end;
        lock.lock();
        try {
            checkUsable();
            RecordCodec.encode(record, frame, crc);
            int frameLength = frame.remaining();
            boolean rolled = false;
            try {
                if (activeSize + frameLength > options.segmentBytes() && activeSize > SEGMENT_HEADER) {
                    rollOver();
                    rolled = true;
                }
                writeFully(activeChannel, frame, activeSize);
            } catch (IOException e) {
                failure = Optional.of(e);
                throw e;
            }
            activeSize += frameLength;
            appendedBytes += frameLength;
            end = appendedBytes;
            apply(record, active);
            if (rolled) {
                truncateAfterRollover();
            }
        } finally {
            lock.unlock();
        }
        if (sync) {
            awaitDurable(end);
        }
    }

    private void awaitDurable(long end) throws IOException {
        if (durableBytes.get() >= end) {
            return;
        }
        syncLock.lock();
        try {
            if (durableBytes.get() >= end) {
                return; // a force by another thread covered our bytes: the group commit
            }
            FileChannel channel;
            long target;
            lock.lock();
            try {
                checkUsable();
                channel = activeChannel;
                target = appendedBytes;
            } finally {
                lock.unlock();
            }
            try {
                channel.force(false);
            } catch (ClosedChannelException e) {
                // A rollover forces the old segment before closing it; then our bytes are durable already.
                if (durableBytes.get() >= end) {
                    return;
                }
                throw fail(new IOException("transaction log in " + directory + " was closed before record was synced",
                        e));
            } catch (IOException e) {
                throw fail(e);
            }
            durableBytes.accumulateAndGet(target, Math::max);
        } finally {
            syncLock.unlock();
        }
    }

    private IOException fail(IOException e) {
        lock.lock();
        try {
            if (failure.isEmpty() && !closed) {
                failure = Optional.of(e);
            }
        } finally {
            lock.unlock();
        }
        return e;
    }

    private void checkUsable() throws IOException {
        if (closed) {
            throw new IOException("transaction log in " + directory + " is closed");
        }
        if (failure.isPresent()) {
            throw new IOException("transaction log in " + directory + " failed earlier and accepts no more records",
                    failure.get());
        }
    }

    private void rollOver() throws IOException {
        activeChannel.force(false);
        durableBytes.accumulateAndGet(appendedBytes, Math::max);
        activeChannel.close();
        startSegment(active.number + 1);
    }

    private void startSegment(long number) throws IOException {
        Path file = directory.resolve(segmentName(number));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        try {
            writeFully(channel, header(number), 0);
            channel.force(true);
            forceDirectory();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        Segment segment = new Segment(number, file);
        segments.put(number, segment);
        active = segment;
        activeChannel = channel;
        activeSize = SEGMENT_HEADER;
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long p = position;
        while (buffer.hasRemaining()) {
            p += channel.write(buffer, p);
        }
    }

    private void forceDirectory() throws IOException {
        // Makes a created or deleted segment's directory entry durable. Some platforms cannot open a directory.
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (UnsupportedOperationException | AccessDeniedException e) {
            // Windows: directory entries are durable with the file's own metadata.
        }
    }

    /** Bookkeeping shared by replay and append; {@code segment} is where the record lies. */
    private void apply(TxRecord r, Segment segment) {
        switch (r.type()) {
            case COMMITTING -> {
                Pending p = unfinished.get(r.xid());
                if (p == null) {
                    p = new Pending(r.xid(), r.mode(), r.branches(), r.timeMillis());
                    unfinished.put(r.xid(), p);
                } else {
                    p.mode = r.mode(); // a repeated decision: the latest branch list wins, the start stays
                    p.branches = r.branches();
                }
                p.hold(segment);
            }
            case COMPENSATING -> {
                Pending p = unfinished.get(r.xid());
                if (p != null) {
                    p.compensating = true;
                    p.hold(segment);
                }
            }
            case FINISHED -> {
                Pending p = unfinished.remove(r.xid());
                if (p != null) {
                    for (int i = 0; i < p.heldCount; i++) {
                        long held = p.held[i];
                        segments.get(held).pendingRecords--;
                        if (held != segment.number) {
                            segment.dependsOn(held);
                        }
                    }
                }
            }
        }
    }

    /** Every transaction with a COMMITTING record and no FINISHED record, in the order of their COMMITTING records. */
    public List<UnfinishedTransaction> unfinished() {
        lock.lock();
        try {
            List<UnfinishedTransaction> out = new ArrayList<>(unfinished.size());
            for (Pending p : unfinished.values()) {
                out.add(new UnfinishedTransaction(p.xid, p.mode, p.branches, p.compensating, p.startedMillis));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** What {@link #open} found. */
    public RecoveryReport recoveryReport() {
        return report;
    }

    /** The log directory (absolute). */
    public Path directory() {
        return directory;
    }

    /** The segment files currently in the log, oldest first (the last is the active one). */
    public List<Path> segmentFiles() {
        lock.lock();
        try {
            List<Path> out = new ArrayList<>(segments.size());
            for (Segment s : segments.values()) {
                out.add(s.path);
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Deletes closed segments below the low-water mark (see the class comment) and returns how many it deleted.
     *
     * @throws IOException when a segment cannot be deleted (it stays, and a later call retries)
     */
    public int truncate() throws IOException {
        lock.lock();
        try {
            checkUsable();
            return truncateLocked();
        } finally {
            lock.unlock();
        }
    }

    private void truncateAfterRollover() {
        try {
            truncateLocked();
        } catch (IOException e) {
            // The record is written already; a segment that could not be deleted stays and the next truncate retries.
        }
    }

    private int truncateLocked() throws IOException {
        int deleted = 0;
        try {
            // Ascending: a segment's FINISHED records may only go once the COMMITTING segments they settle have gone,
            // and deleting in this order keeps that true after a crash in the middle of the pass.
            for (Iterator<Segment> it = segments.values().iterator(); it.hasNext(); ) {
                Segment s = it.next();
                if (s == active || s.pendingRecords > 0 || s.dependsOnSurvivor(segments)) {
                    continue;
                }
                Files.deleteIfExists(s.path);
                it.remove();
                deleted++;
            }
        } finally {
            if (deleted > 0) {
                forceDirectory();
            }
        }
        return deleted;
    }

    /** Forces everything appended, closes the active segment and releases the directory lock. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (failure.isEmpty()) {
                    activeChannel.force(false);
                    durableBytes.accumulateAndGet(appendedBytes, Math::max);
                }
            } finally {
                try {
                    activeChannel.close();
                } finally {
                    releaseLock();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void releaseLock() throws IOException {
        try {
            fileLock.release();
        } finally {
            lockChannel.close();
        }
    }

    private void closeQuietlyAfterFailedOpen() {
        closed = true;
        try {
            if (activeChannel != null) {
                activeChannel.close();
            }
        } catch (IOException ignored) {
            // the open already fails with the original exception
        }
        try {
            releaseLock();
        } catch (IOException ignored) {
            // as above
        }
    }

    /** One segment file and what keeps it alive. */
    private static final class Segment {
        final long number;
        final Path path;
        /** Records in this segment that belong to unfinished transactions. */
        int pendingRecords;
        /** Segments holding COMMITTING/COMPENSATING records that FINISHED records in this segment settle. */
        private long[] dependencies = new long[4];
        private int dependencyCount;

        Segment(long number, Path path) {
            this.number = number;
            this.path = path;
        }

        void dependsOn(long other) {
            for (int i = 0; i < dependencyCount; i++) {
                if (dependencies[i] == other) {
                    return;
                }
            }
            if (dependencyCount == dependencies.length) {
                dependencies = Arrays.copyOf(dependencies, dependencyCount * 2);
            }
            dependencies[dependencyCount++] = other;
        }

        boolean dependsOnSurvivor(Map<Long, Segment> live) {
            for (int i = 0; i < dependencyCount; i++) {
                if (live.containsKey(dependencies[i])) {
                    return true;
                }
            }
            return false;
        }
    }

    /** An unfinished transaction and the segments holding its records. */
    private static final class Pending {
        final String xid;
        final long startedMillis;
        TxMode mode;
        List<String> branches;
        boolean compensating;
        long[] held = new long[2];
        int heldCount;

        Pending(String xid, TxMode mode, List<String> branches, long startedMillis) {
            this.xid = xid;
            this.mode = mode;
            this.branches = branches;
            this.startedMillis = startedMillis;
        }

        void hold(Segment segment) {
            if (heldCount == held.length) {
                held = Arrays.copyOf(held, heldCount * 2);
            }
            held[heldCount++] = segment.number;
            segment.pendingRecords++;
        }
    }
}

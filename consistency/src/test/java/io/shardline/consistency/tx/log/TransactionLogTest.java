package io.shardline.consistency.tx.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionLogTest {

    private static final TransactionLogOptions SMALL = new TransactionLogOptions(512);

    @TempDir
    Path dir;

    @Test
    void recordsSurviveCloseAndReopen() throws IOException {
        try (TransactionLog log = TransactionLog.open(dir, TransactionLogOptions.defaults())) {
            log.append(TxRecord.committing("g-1", TxMode.DELAYED, List.of("ds_0", "ds_1")), true);
            log.append(TxRecord.committing("g-2", TxMode.XA, List.of("ds_2", "dš_€", "ds_😀")), false);
            log.append(TxRecord.committing("g-3", TxMode.DELAYED, List.of("ds_0", "ds_2")), true);
            log.append(TxRecord.finished("g-3", TxOutcome.COMMITTED, "ok"), false);
            log.append(TxRecord.compensating("g-1", "commit on ds_1 failed: Connection refused"), true);
        }
        try (TransactionLog log = TransactionLog.open(dir, TransactionLogOptions.defaults())) {
            List<UnfinishedTransaction> u = log.unfinished();
            assertThat(u).extracting(UnfinishedTransaction::xid).containsExactly("g-1", "g-2");
            assertThat(u.get(0).mode()).isEqualTo(TxMode.DELAYED);
            assertThat(u.get(0).branches()).containsExactly("ds_0", "ds_1");
            assertThat(u.get(0).compensating()).isTrue();
            assertThat(u.get(1).mode()).isEqualTo(TxMode.XA);
            assertThat(u.get(1).branches()).containsExactly("ds_2", "dš_€", "ds_😀");
            assertThat(u.get(1).compensating()).isFalse();
            assertThat(u.get(1).startedMillis()).isPositive();
            RecoveryReport report = log.recoveryReport();
            assertThat(report.recordsRead()).isEqualTo(5);
            assertThat(report.tornTail()).isEmpty();
            assertThat(report.unfinished()).isEqualTo(2);
            assertThat(report.segments()).hasSize(1);
            assertThat(log.directory()).isEqualTo(dir.toAbsolutePath());
        }
    }

    @Test
    void codecRoundTripsEveryField() {
        TxRecord r = new TxRecord(TxRecordType.FINISHED, "x-\uD83D\uDE00", TxMode.XA, List.of("a", "ü"),
                Optional.of(TxOutcome.MANUAL), "row t_order id=7 changed since: \u0000 kept", 1234567890123L);
        ByteBuffer frame = ByteBuffer.allocateDirect(RecordCodec.FRAME_HEADER + RecordCodec.MAX_PAYLOAD);
        RecordCodec.encode(r, frame, new java.util.zip.CRC32C());
        ByteBuffer heap = ByteBuffer.allocate(frame.remaining());
        heap.put(frame).flip();
        assertThat(RecordCodec.frameAt(heap, 0, new java.util.zip.CRC32C())).isEqualTo(heap.limit());
        assertThat(RecordCodec.decode(heap, RecordCodec.FRAME_HEADER, heap.limit() - RecordCodec.FRAME_HEADER))
                .contains(r);
    }

    @Test
    void unfinishedFollowsCommittingCompensatingAndFinished() throws IOException {
        try (TransactionLog log = TransactionLog.open(dir, TransactionLogOptions.defaults())) {
            assertThat(log.unfinished()).isEmpty();
            log.append(TxRecord.committing("a", TxMode.DELAYED, List.of("ds_0", "ds_1")), false);
            log.append(TxRecord.committing("b", TxMode.XA, List.of("ds_1", "ds_0")), false);
            assertThat(log.unfinished()).extracting(UnfinishedTransaction::xid).containsExactly("a", "b");
            log.append(TxRecord.compensating("b", "ds_0 refused the commit"), false);
            assertThat(log.unfinished()).extracting(UnfinishedTransaction::compensating).containsExactly(false, true);
            log.append(TxRecord.finished("a", TxOutcome.COMMITTED, ""), false);
            assertThat(log.unfinished()).extracting(UnfinishedTransaction::xid).containsExactly("b");
            // Settled records for transactions that never had COMMITTING are legal and change nothing.
            log.append(TxRecord.finished("never-started", TxOutcome.ROLLED_BACK, ""), false);
            log.append(TxRecord.compensating("never-started-2", "rolled back before deciding"), false);
            assertThat(log.unfinished()).extracting(UnfinishedTransaction::xid).containsExactly("b");
            log.append(TxRecord.finished("b", TxOutcome.MANUAL, "t_account id=3 changed since"), false);
            assertThat(log.unfinished()).isEmpty();
        }
        try (TransactionLog log = TransactionLog.open(dir, TransactionLogOptions.defaults())) {
            assertThat(log.unfinished()).isEmpty();
            assertThat(log.recoveryReport().recordsRead()).isEqualTo(7);
        }
    }

    @Test
    void invalidRecordsAreRefusedBeforeWriting() throws IOException {
        assertThatThrownBy(() -> TxRecord.committing("a", TxMode.DELAYED, List.of()))
                .hasMessageContaining("'a'").hasMessageContaining("no branches");
        assertThatThrownBy(() -> TxRecord.committing("", TxMode.DELAYED, List.of("ds_0")))
                .hasMessageContaining("xid");
        try (TransactionLog log = TransactionLog.open(dir, TransactionLogOptions.defaults())) {
            assertThatThrownBy(() -> log.append(TxRecord.finished("big", TxOutcome.MANUAL, "x".repeat(2 << 20)), true))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'big'");
            log.append(TxRecord.committing("after", TxMode.DELAYED, List.of("ds_0")), true);
        }
        try (TransactionLog log = TransactionLog.open(dir, TransactionLogOptions.defaults())) {
            assertThat(log.unfinished()).extracting(UnfinishedTransaction::xid).containsExactly("after");
        }
    }

    @Test
    void aTornTailAtEveryOffsetOfTheLastRecordIsDroppedAndReported() throws IOException {
        Path original = dir.resolve("original");
        long before;
        long after;
        try (TransactionLog log = TransactionLog.open(original, TransactionLogOptions.defaults())) {
            log.append(TxRecord.committing("a", TxMode.DELAYED, List.of("ds_0", "ds_1")), true);
            log.append(TxRecord.committing("b", TxMode.DELAYED, List.of("ds_1", "ds_2")), true);
            before = Files.size(onlySegment(original));
            log.append(TxRecord.finished("a", TxOutcome.COMMITTED, "both branches committed"), true);
            after = Files.size(onlySegment(original));
        }
        byte[] full = Files.readAllBytes(onlySegment(original));
        assertThat(after).isGreaterThan(before + RecordCodec.FRAME_HEADER);
        for (long cut = before + 1; cut < after; cut++) {
            Path copy = dir.resolve("cut-" + cut);
            Files.createDirectories(copy);
            Path segment = copy.resolve(TransactionLog.segmentName(1));
            Files.write(segment, Arrays.copyOf(full, (int) cut));
            try (TransactionLog log = TransactionLog.open(copy, TransactionLogOptions.defaults())) {
                // The FINISHED record of a is gone, so a is unfinished again; b is kept.
                assertThat(log.unfinished()).as("cut at %d", cut).extracting(UnfinishedTransaction::xid)
                        .containsExactly("a", "b");
                RecoveryReport.TornTail torn = log.recoveryReport().tornTail().orElseThrow();
                assertThat(torn.file()).isEqualTo(segment.toAbsolutePath());
                assertThat(torn.offset()).isEqualTo(before);
                assertThat(torn.bytesDropped()).isEqualTo(cut - before);
                assertThat(log.recoveryReport().recordsRead()).isEqualTo(2);
                log.append(TxRecord.committing("c", TxMode.XA, List.of("ds_0")), true);
            }
            // The torn bytes were cut away, so the record appended after them reads back cleanly.
            try (TransactionLog log = TransactionLog.open(copy, TransactionLogOptions.defaults())) {
                assertThat(log.recoveryReport().tornTail()).isEmpty();
                assertThat(log.unfinished()).extracting(UnfinishedTransaction::xid).containsExactly("a", "b", "c");
            }
        }
    }

    @Test
    void aFlippedBitInAMiddleRecordOfAClosedSegmentFailsNamingFileAndOffset() throws IOException {
        fillSegments(SMALL, 40);
        Path first = segments(dir).get(0);
        assertThat(segments(dir)).hasSizeGreaterThan(2);
        List<Integer> offsets = frameOffsets(Files.readAllBytes(first));
        int second = offsets.get(1);
        for (int flip : new int[] {second + 1, second + 5, second + RecordCodec.FRAME_HEADER + 2,
                offsets.get(2) - 1}) {
            flipBit(first, flip, flip % 8);
            assertThatThrownBy(() -> TransactionLog.open(dir, SMALL))
                    .isInstanceOf(TransactionLogCorruptException.class)
                    .hasMessageContaining(first.toAbsolutePath().toString())
                    .hasMessageContaining("offset " + second)
                    .satisfies(e -> assertThat(((TransactionLogCorruptException) e).offset()).isEqualTo(second));
            flipBit(first, flip, flip % 8);
        }
        // Restored: opens again, and the failed opens did not leave the lock behind.
        try (TransactionLog log = TransactionLog.open(dir, SMALL)) {
            assertThat(log.recoveryReport().tornTail()).isEmpty();
        }
    }

    @Test
    void aFlippedBitInTheLastRecordIsATornTailButInAnEarlierRecordOfTheLastSegmentIsCorruption()
            throws IOException {
        try (TransactionLog log = TransactionLog.open(dir, TransactionLogOptions.defaults())) {
            for (int i = 0; i < 5; i++) {
                log.append(TxRecord.committing("x" + i, TxMode.DELAYED, List.of("ds_0", "ds_1")), false);
            }
        }
        Path segment = onlySegment(dir);
        byte[] original = Files.readAllBytes(segment);
        List<Integer> offsets = frameOffsets(original);
        int last = offsets.get(4);
        for (int at = last; at < original.length; at++) {
            Files.write(segment, original);
            flipBit(segment, at, at % 8);
            try (TransactionLog log = TransactionLog.open(dir, TransactionLogOptions.defaults())) {
                assertThat(log.unfinished()).as("bit flipped at %d", at).extracting(UnfinishedTransaction::xid)
                        .containsExactly("x0", "x1", "x2", "x3");
                assertThat(log.recoveryReport().tornTail().orElseThrow().offset()).isEqualTo(last);
                assertThat(log.recoveryReport().tornTail().orElseThrow().bytesDropped())
                        .isEqualTo(original.length - last);
            }
        }
        Files.write(segment, original);
        int third = offsets.get(2);
        flipBit(segment, third + RecordCodec.FRAME_HEADER + 4, 3);
        assertThatThrownBy(() -> TransactionLog.open(dir, TransactionLogOptions.defaults()))
                .isInstanceOf(TransactionLogCorruptException.class)
                .hasMessageContaining(segment.toAbsolutePath().toString())
                .hasMessageContaining("offset " + third)
                .hasMessageContaining("valid record follows at offset " + offsets.get(3));
    }

    @Test
    void anUnfinishedTransactionKeepsItsSegmentAcrossManyRolloversUntilItFinishes() throws IOException {
        Path stuckSegment;
        try (TransactionLog log = TransactionLog.open(dir, SMALL)) {
            log.append(TxRecord.committing("stuck", TxMode.DELAYED, List.of("ds_0", "ds_1")), true);
            stuckSegment = log.segmentFiles().get(0);
            for (int i = 0; i < 300; i++) {
                log.append(TxRecord.committing("t" + i, TxMode.DELAYED, List.of("ds_0", "ds_1")), false);
                log.append(TxRecord.finished("t" + i, TxOutcome.COMMITTED, ""), false);
            }
            assertThat(log.segmentFiles().get(log.segmentFiles().size() - 1).getFileName().toString())
                    .as("rolled over many times").isGreaterThan(TransactionLog.segmentName(30));
            assertThat(Files.exists(stuckSegment)).isTrue();
            // Rollover truncation deleted the settled segments between the stuck one and the active one.
            assertThat(segments(dir)).hasSizeLessThan(5);
        }
        try (TransactionLog log = TransactionLog.open(dir, SMALL)) {
            assertThat(log.unfinished()).extracting(UnfinishedTransaction::xid).containsExactly("stuck");
            log.append(TxRecord.finished("stuck", TxOutcome.COMPENSATED, "recovered"), true);
            // Its FINISHED record lies in the active segment; the stuck segment is closed and settled now.
            assertThat(log.truncate()).isPositive();
            assertThat(Files.exists(stuckSegment)).as("deleted once finished").isFalse();
        }
        try (TransactionLog log = TransactionLog.open(dir, SMALL)) {
            assertThat(log.unfinished()).isEmpty();
            assertThat(log.truncate()).isZero();
            assertThat(log.segmentFiles()).hasSize(1);
        }
    }

    @Test
    void aFinishedRecordIsKeptWhileTheCommittingRecordItSettlesSurvives() throws IOException {
        try (TransactionLog log = TransactionLog.open(dir, SMALL)) {
            log.append(TxRecord.committing("stuck", TxMode.DELAYED, List.of("ds_0")), false);
            log.append(TxRecord.committing("late", TxMode.DELAYED, List.of("ds_0", "ds_1")), false);
            log.append(TxRecord.compensating("late", "ds_1 failed"), false);
            int filler = 0;
            while (log.segmentFiles().size() < 2) {
                log.append(TxRecord.committing("f" + filler, TxMode.DELAYED, List.of("ds_0")), false);
                log.append(TxRecord.finished("f" + filler++, TxOutcome.COMMITTED, ""), false);
            }
            // late is settled in segment 2 while its COMMITTING record stays in segment 1 (kept alive by stuck).
            log.append(TxRecord.finished("late", TxOutcome.COMPENSATED, ""), false);
            for (int i = 0; i < 100; i++) {
                log.append(TxRecord.committing("g" + i, TxMode.DELAYED, List.of("ds_0")), false);
                log.append(TxRecord.finished("g" + i, TxOutcome.COMMITTED, ""), false);
            }
            log.truncate();
            assertThat(segments(dir)).extracting(p -> p.getFileName().toString())
                    .contains(TransactionLog.segmentName(1), TransactionLog.segmentName(2));
        }
        try (TransactionLog log = TransactionLog.open(dir, SMALL)) {
            assertThat(log.unfinished()).extracting(UnfinishedTransaction::xid).containsExactly("stuck");
            log.append(TxRecord.finished("stuck", TxOutcome.COMMITTED, ""), false);
            for (int i = 0; i < 20; i++) {
                log.append(TxRecord.committing("h" + i, TxMode.DELAYED, List.of("ds_0")), false);
                log.append(TxRecord.finished("h" + i, TxOutcome.COMMITTED, ""), false);
            }
            log.truncate();
            assertThat(segments(dir)).extracting(p -> p.getFileName().toString())
                    .doesNotContain(TransactionLog.segmentName(1), TransactionLog.segmentName(2));
        }
        try (TransactionLog log = TransactionLog.open(dir, SMALL)) {
            assertThat(log.unfinished()).isEmpty();
        }
    }

    @Test
    void aSecondOpenOfTheSameDirectoryFailsNamingIt() throws IOException {
        try (TransactionLog log = TransactionLog.open(dir, TransactionLogOptions.defaults())) {
            assertThatThrownBy(() -> TransactionLog.open(dir, TransactionLogOptions.defaults()))
                    .hasMessageContaining(dir.toAbsolutePath().toString()).hasMessageContaining("in use");
            log.append(TxRecord.committing("still-mine", TxMode.DELAYED, List.of("ds_0")), true);
        }
        try (TransactionLog log = TransactionLog.open(dir, TransactionLogOptions.defaults())) {
            assertThat(log.unfinished()).hasSize(1);
        }
    }

    @Test
    void anOpenInAnotherProcessLocksTheDirectory() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TransactionLogChild.class.getName(), "hold",
                dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("OPEN");
            assertThatThrownBy(() -> TransactionLog.open(dir, TransactionLogOptions.defaults()))
                    .hasMessageContaining(dir.toAbsolutePath().toString())
                    .hasMessageContaining("in use: another process");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        // The kernel drops the lock with the process.
        try (TransactionLog log = TransactionLog.open(dir, TransactionLogOptions.defaults())) {
            assertThat(log.unfinished()).isEmpty();
        }
    }

    @Test
    void concurrentSyncAppendsAreAllPresentInStartOrderPerThread() throws Exception {
        int threads = 4;
        int perThread = 150;
        try (TransactionLog log = TransactionLog.open(dir, new TransactionLogOptions(8192))) {
            List<Thread> workers = new ArrayList<>();
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(new Thread(() -> {
                    try {
                        for (int i = 0; i < perThread; i++) {
                            log.append(TxRecord.committing("w" + thread + "-" + i, TxMode.DELAYED,
                                    List.of("ds_0", "ds_1")), true);
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }));
            }
            workers.forEach(Thread::start);
            for (Thread w : workers) {
                w.join();
            }
            assertThat(errors).isEmpty();
        }
        try (TransactionLog log = TransactionLog.open(dir, new TransactionLogOptions(8192))) {
            List<String> xids = log.unfinished().stream().map(UnfinishedTransaction::xid).toList();
            assertThat(xids).hasSize(threads * perThread).doesNotHaveDuplicates();
            for (int t = 0; t < threads; t++) {
                String prefix = "w" + t + "-";
                List<String> mine = xids.stream().filter(x -> x.startsWith(prefix)).toList();
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    expected.add(prefix + i);
                }
                assertThat(mine).isEqualTo(expected);
            }
            assertThat(log.recoveryReport().segments()).hasSizeGreaterThan(1);
        }
    }

    @Test
    void aSegmentWithAForeignHeaderIsRefused() throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(TransactionLog.segmentName(1)), new byte[32]);
        assertThatThrownBy(() -> TransactionLog.open(dir, TransactionLogOptions.defaults()))
                .isInstanceOf(TransactionLogCorruptException.class).hasMessageContaining("bad magic number");
    }

    @Test
    void aTornSegmentHeaderIsRewritten() throws IOException {
        fillSegments(SMALL, 10);
        List<Path> before = segments(dir);
        Path next = dir.resolve(TransactionLog.segmentName(99));
        Files.write(next, new byte[] {0x53, 0x48});
        try (TransactionLog log = TransactionLog.open(dir, SMALL)) {
            assertThat(log.recoveryReport().tornTail().orElseThrow().file()).isEqualTo(next.toAbsolutePath());
            assertThat(log.unfinished()).hasSize(10);
            log.append(TxRecord.committing("after-torn-header", TxMode.DELAYED, List.of("ds_0")), true);
        }
        try (TransactionLog log = TransactionLog.open(dir, SMALL)) {
            assertThat(log.recoveryReport().segments()).hasSize(before.size() + 1);
            assertThat(log.unfinished()).hasSize(11);
        }
    }

    private void fillSegments(TransactionLogOptions options, int count) throws IOException {
        try (TransactionLog log = TransactionLog.open(dir, options)) {
            for (int i = 0; i < count; i++) {
                log.append(TxRecord.committing("fill-" + i, TxMode.DELAYED, List.of("ds_0", "ds_1")), false);
            }
        }
    }

    private static Path onlySegment(Path directory) throws IOException {
        List<Path> all = segments(directory);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static List<Path> segments(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".seg"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    /** Record offsets from the documented framing: a 16-byte header, then [int length][int crc][payload]. */
    private static List<Integer> frameOffsets(byte[] segment) {
        ByteBuffer b = ByteBuffer.wrap(segment);
        List<Integer> offsets = new ArrayList<>();
        for (int p = 16; p < segment.length; p += 8 + b.getInt(p)) {
            offsets.add(p);
        }
        return offsets;
    }

    private static void flipBit(Path file, long offset, int bit) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ (1 << bit))).position(0);
            ch.write(one, offset);
        }
    }
}

package io.shardline.consistency.tx.log;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@link TransactionLog#open} found.
 *
 * @param segments the segment files read, oldest first
 * @param recordsRead the valid records read from them
 * @param tornTail the incomplete record dropped from the end of the last segment, if there was one
 * @param unfinished how many transactions were unfinished after reading
 */
public record RecoveryReport(List<Path> segments, long recordsRead, Optional<TornTail> tornTail, int unfinished) {

    public RecoveryReport {
        segments = List.copyOf(segments);
    }

    /**
     * Bytes at the end of the last segment that did not form a valid record (a write cut short by a crash); they
     * were truncated away.
     *
     * @param file the segment file
     * @param offset where the dropped bytes began
     * @param bytesDropped how many bytes were dropped
     */
    public record TornTail(Path file, long offset, long bytesDropped) {}

    @Override
    public String toString() {
        return "transaction log recovery: " + segments.size() + " segment(s), " + recordsRead + " record(s), "
                + unfinished + " unfinished transaction(s)"
                + tornTail.map(t -> ", dropped a torn tail of " + t.bytesDropped() + " byte(s) at offset " + t.offset()
                        + " of " + t.file()).orElse(", no torn tail");
    }
}

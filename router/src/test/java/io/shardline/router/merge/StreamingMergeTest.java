package io.shardline.router.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streaming merges read only what they need and hold one row per shard. */
class StreamingMergeTest {

    /** A shard of {@code size} rows (id = shard + k * shards, ascending) made on the fly; counts reads. */
    private static final class GeneratedShard implements RowCursor {
        private final long first;
        private final long step;
        private final long size;
        private long read;
        private boolean closed;

        GeneratedShard(long first, long step, long size) {
            this.first = first;
            this.step = step;
            this.size = size;
        }

        @Override
        public boolean next() {
            if (read >= size) {
                return false;
            }
            read++;
            return true;
        }

        @Override
        public Object value(int column) {
            return first + (read - 1) * step;
        }

        @Override
        public int columnCount() {
            return 1;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void orderByLimitAcrossEightShardsReadsAboutOffsetPlusLimitRows() {
        List<GeneratedShard> shards = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            shards.add(new GeneratedShard(s, 8, 1_000_000)); // 8M rows in all, never materialised
        }
        List<SortKey> order = List.of(SortKey.asc(0, Collation.BINARY));
        MergeSpec spec = new MergeSpec(1, 1, List.of(Collation.BINARY), order, List.of(), List.of(), order, false, 100,
                20);

        List<Long> page = new ArrayList<>();
        try (RowCursor merged = MergeEngine.merge(List.copyOf(shards), spec)) {
            while (merged.next()) {
                page.add((Long) merged.value(0));
            }
        }

        assertThat(page).hasSize(20).first().isEqualTo(100L);
        assertThat(page).last().isEqualTo(119L);
        long read = shards.stream().mapToLong(s -> s.read).sum();
        // 120 rows returned or skipped, plus at most one look-ahead row per shard.
        assertThat(read).isLessThanOrEqualTo(120 + 8);
        assertThat(shards).allMatch(s -> s.closed);
    }

    @Test
    void mismatchedShardColumnsAreRefusedAndEveryShardIsClosed() {
        GeneratedShard one = new GeneratedShard(0, 1, 3);
        RowCursor two = new ListCursor(List.of(), 2);
        MergeSpec spec = MergeSpec.concat(1, List.of(Collation.BINARY));
        assertThatThrownBy(() -> MergeEngine.merge(List.of(one, two), spec))
                .hasMessageContaining("2 columns").hasMessageContaining("expects 1");
        assertThat(one.closed).isTrue();
    }
}

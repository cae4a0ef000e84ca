package io.shardline.consistency.ryw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadYourWritesTrackerTest {

    private static final List<String> KEYS = List.of("user_id", "order_id");

    private static StatementKeys write(String column, Object... values) {
        return new StatementKeys(true, List.of(new TableAccess("t_order", KEYS, List.of(column),
                List.of(List.of(values)))));
    }

    private static StatementKeys read(String column, Object... values) {
        return new StatementKeys(false, List.of(new TableAccess("t_order", KEYS, List.of(column),
                List.of(List.of(values)))));
    }

    private static StatementKeys wholeTable(boolean write) {
        return new StatementKeys(write, List.of(TableAccess.wholeTable("t_order", KEYS)));
    }

    @Test
    void aWrittenKeyNeedsItsPositionOtherKeysNeedNothing() {
        ReadYourWritesTracker tracker = new ReadYourWritesTracker(2, 10_000, 1000);
        long now = System.nanoTime();
        tracker.recordWrite(0, write("user_id", 5L), 1, 42, now);
        assertThat(tracker.required(0, read("user_id", 5L), now)).isEqualTo(42);
        assertThat(tracker.required(0, read("user_id", 6L), now)).isZero();
        assertThat(tracker.required(1, read("user_id", 5L), now)).as("other group").isZero();
        assertThat(tracker.required(0, read("user_id", 6L, 5L), now)).as("IN list").isEqualTo(42);
        assertThat(tracker.required(0, wholeTable(false), now)).as("a read without keys").isEqualTo(42);
        assertThat(tracker.domain(0)).isEqualTo(1);
    }

    @Test
    void aWriteThatDidNotPinAColumnCoversEveryValueOfIt() {
        ReadYourWritesTracker tracker = new ReadYourWritesTracker(1, 10_000, 1000);
        long now = System.nanoTime();
        tracker.recordWrite(0, write("user_id", 5L), 1, 42, now);
        // The write pinned user_id only: any order_id may have been touched.
        assertThat(tracker.required(0, read("order_id", 77L), now)).isEqualTo(42);
        // A read pinned on both columns needs only what one of them proves: user_id = 6 was not written.
        StatementKeys both = new StatementKeys(false, List.of(new TableAccess("t_order", KEYS,
                List.of("user_id", "order_id"), List.of(List.of(6L), List.of(77L)))));
        assertThat(tracker.required(0, both, now)).isZero();
        tracker.recordWrite(0, wholeTable(true), 1, 50, now);
        assertThat(tracker.required(0, read("user_id", 6L), now)).isEqualTo(50);
        assertThat(tracker.required(0, both, now)).isEqualTo(50);
    }

    @Test
    void releasedWhenEveryReplicaHasAppliedOrAtTheDeadline() {
        ReadYourWritesTracker tracker = new ReadYourWritesTracker(1, 1_000, 1000);
        long now = System.nanoTime();
        tracker.recordWrite(0, write("user_id", 5L), 1, 42, now);
        tracker.recordWrite(0, write("user_id", 6L), 1, 43, now);
        tracker.release(0, 42, now);
        assertThat(tracker.required(0, read("user_id", 5L), now)).isZero();
        assertThat(tracker.required(0, read("user_id", 6L), now)).isEqualTo(43);
        assertThat(tracker.valueMarks()).isEqualTo(1);
        long later = now + 2_000_000_000L;
        assertThat(tracker.required(0, read("user_id", 6L), later)).as("past the deadline").isZero();
        tracker.release(0, -1, later);
        assertThat(tracker.size(0)).isZero();
        assertThat(tracker.valueMarks()).isZero();
    }

    @Test
    void unknownPositionsAreNeverReleasedByPositions() {
        ReadYourWritesTracker tracker = new ReadYourWritesTracker(1, 1_000, 1000);
        long now = System.nanoTime();
        tracker.recordWrite(0, write("user_id", 5L), -1, ReadYourWritesTracker.UNKNOWN, now);
        tracker.release(0, Long.MAX_VALUE - 1, now);
        assertThat(tracker.required(0, read("user_id", 5L), now)).isEqualTo(ReadYourWritesTracker.UNKNOWN);
    }

    @Test
    void boundedUnderManyDistinctKeysAndNeverStale() {
        int max = 1_000;
        ReadYourWritesTracker tracker = new ReadYourWritesTracker(1, 60_000, max);
        long now = System.nanoTime();
        for (long k = 0; k < 100_000; k++) {
            tracker.recordWrite(0, write("user_id", k), 1, 1 + k, now);
        }
        assertThat(tracker.valueMarks()).isLessThanOrEqualTo(max);
        assertThat(tracker.size(0)).isLessThanOrEqualTo(max + 10);
        assertThat(tracker.folded()).isEqualTo(100_000 - max);
        // Every key written still needs at least its own position: folded keys need the column's.
        for (long k = 0; k < 100_000; k += 997) {
            assertThat(tracker.required(0, read("user_id", k), now)).isGreaterThanOrEqualTo(1 + k);
        }
        // Released by position, the tracker has room again.
        tracker.release(0, 100_000, now);
        assertThat(tracker.valueMarks()).isZero();
        tracker.recordWrite(0, write("user_id", 1L), 1, 200_000, now);
        assertThat(tracker.required(0, read("user_id", 2L), now)).isZero();
        assertThat(tracker.required(0, read("user_id", 1L), now)).isEqualTo(200_000);
    }

    @Test
    void concurrentWritersStayBounded() throws Exception {
        int max = 5_000;
        ReadYourWritesTracker tracker = new ReadYourWritesTracker(1, 60_000, max);
        long now = System.nanoTime();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int offset = t;
            threads[t] = new Thread(() -> {
                for (long k = 0; k < 50_000; k++) {
                    tracker.recordWrite(0, write("user_id", k * 4 + offset), 1, k + 1, now);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        // A race may let each writer thread past the check once.
        assertThat(tracker.valueMarks()).isLessThanOrEqualTo(max + threads.length);
        assertThat(tracker.required(0, read("user_id", 199_999L), now)).isGreaterThanOrEqualTo(50_000);
    }

    @Test
    void eachGroupsWindowAppliesToItsNextWritesOnly() {
        ReadYourWritesTracker tracker = new ReadYourWritesTracker(2, 10_000, 1000);
        long ms = 1_000_000L;
        long now = 0;
        tracker.recordWrite(0, write("user_id", 1L), -1, ReadYourWritesTracker.UNKNOWN, now);
        tracker.trackingMillis(0, 300); // the adaptive window shrank
        assertThat(tracker.trackingMillis(0)).isEqualTo(300);
        assertThat(tracker.trackingMillis(1)).isEqualTo(10_000);
        tracker.recordWrite(0, write("user_id", 2L), -1, ReadYourWritesTracker.UNKNOWN, now);
        tracker.recordWrite(1, write("user_id", 2L), -1, ReadYourWritesTracker.UNKNOWN, now);
        long later = now + 500 * ms;
        assertThat(tracker.required(0, read("user_id", 2L), later)).isEqualTo(ReadYourWritesTracker.NONE);
        // Recorded before the change: keeps its 10 s.
        assertThat(tracker.required(0, read("user_id", 1L), later)).isEqualTo(ReadYourWritesTracker.UNKNOWN);
        assertThat(tracker.required(1, read("user_id", 2L), later)).isEqualTo(ReadYourWritesTracker.UNKNOWN);
    }

    @Test
    void aWriteWithoutTablesLeavesTheGroupQuiet() {
        ReadYourWritesTracker tracker = new ReadYourWritesTracker(1, 10_000, 1000);
        long now = System.nanoTime();
        tracker.recordWrite(0, new StatementKeys(true, List.of()), 3, 42, now);
        assertThat(tracker.hasLive(0, now)).as("nothing recorded: reads skip key extraction").isFalse();
        assertThat(tracker.domain(0)).as("the domain is still learnt").isEqualTo(3);
        tracker.recordWrite(0, write("user_id", 5L), 3, 43, now);
        assertThat(tracker.hasLive(0, now)).isTrue();
    }
}

package io.shardline.consistency.ryw;

import java.util.ArrayDeque;

/**
 * The largest lag measured over the last {@code holdNanos}. The adaptive window must not follow each measurement
 * down: a replica delayed with {@code MASTER_DELAY} applies events by their whole-second timestamps, so the lag a
 * heartbeat shows swings by up to a second around the true delay, and a write must get the window of the peak.
 * Not thread-safe (the poller's thread only).
 */
public final class PeakLag {

    private final long holdNanos;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();

    public PeakLag(long holdMillis) {
        this.holdNanos = holdMillis * 1_000_000L;
    }

    /** Adds a measurement taken at {@code now} ({@link System#nanoTime()}) and returns the peak over the hold. */
    public long add(long now, long lagMillis) {
        while (!samples.isEmpty() && now - samples.peekFirst()[0] > holdNanos) {
            samples.pollFirst();
        }
        // Earlier samples not above the new one can never be the peak again.
        while (!samples.isEmpty() && samples.peekLast()[1] <= lagMillis) {
            samples.pollLast();
        }
        samples.addLast(new long[] {now, lagMillis});
        return samples.peekFirst()[1];
    }
}

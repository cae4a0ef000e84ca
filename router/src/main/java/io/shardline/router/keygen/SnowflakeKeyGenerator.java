package io.shardline.router.keygen;

import io.shardline.router.algorithm.AlgorithmException;
import io.shardline.router.algorithm.AlgorithmProperties;
import java.time.Instant;
import java.util.Properties;
import java.util.function.LongSupplier;

/**
 * {@code SNOWFLAKE}: 64-bit ids, increasing over time: 1 sign bit (0), 41 bits of milliseconds since
 * {@code epochMillis}, 10 bits of {@code workerId}, 12 bits of sequence within the millisecond.
 *
 * <p><b>Vibration.</b> If every millisecond's sequence started at 0, ids generated at low rates (one
 * per millisecond or fewer) would all end in sequence 0 and {@code id % n} would put every row on
 * shard 0. So the first sequence of each new millisecond is a rotating offset
 * {@code 0, 1, ..., maxVibrationOffset, 0, ...}; with {@code maxVibrationOffset = n - 1} (n a power of
 * two), consecutive low-rate ids cover every residue of {@code id % n}.
 *
 * <p><b>Clock going backwards</b> (NTP step): if the clock is behind the last id's millisecond by at
 * most {@code maxClockBackwardsMs}, the generator waits that long and retries; beyond that, or if the
 * clock is still behind after the wait, {@link #nextId()} fails rather than risk a duplicate.
 *
 * <p>Props: {@code workerId} (required, 0..1023, unique per running generator),
 * {@code maxVibrationOffset} (0..4095, default 0), {@code epochMillis} (default 1704067200000 =
 * 2024-01-01T00:00:00Z; ~69 years of ids from there), {@code maxClockBackwardsMs} (0..60000, default 10).
 */
public final class SnowflakeKeyGenerator implements KeyGenerator {

    /** The type name used in configuration. */
    public static final String TYPE = "SNOWFLAKE";

    /** Default epoch: 2024-01-01T00:00:00Z. */
    public static final long DEFAULT_EPOCH_MILLIS = 1_704_067_200_000L;

    static final int SEQUENCE_BITS = 12;
    static final int WORKER_BITS = 10;
    static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;
    static final long MAX_WORKER_ID = (1L << WORKER_BITS) - 1;
    static final long MAX_TIMESTAMP = (1L << 41) - 1;

    /** Waits for the clock to reach a millisecond; tests pass a fake. */
    interface Sleeper {
        void sleepMillis(long millis) throws InterruptedException;
    }

    private final LongSupplier clock;
    private final Sleeper sleeper;

    private long epochMillis = DEFAULT_EPOCH_MILLIS;
    private long workerId;
    private int maxVibrationOffset;
    private long maxClockBackwardsMs = 10;

    private long lastMillis = -1;
    private long sequence;
    private int vibration;

    /** A generator on the system clock. */
    public SnowflakeKeyGenerator() {
        this(System::currentTimeMillis, Thread::sleep);
    }

    SnowflakeKeyGenerator(LongSupplier clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public void init(Properties props) {
        AlgorithmProperties p = AlgorithmProperties.of(TYPE, props)
                .allowOnly("workerId", "maxVibrationOffset", "epochMillis", "maxClockBackwardsMs");
        long worker = p.requiredLong("workerId", 0, MAX_WORKER_ID);
        int vibrationMax = (int) p.optionalLong("maxVibrationOffset", 0, 0, SEQUENCE_MASK);
        long epoch = p.optionalLong("epochMillis", DEFAULT_EPOCH_MILLIS, 0, Long.MAX_VALUE);
        long backwards = p.optionalLong("maxClockBackwardsMs", 10, 0, 60_000);
        long now = clock.getAsLong();
        if (epoch > now) {
            throw AlgorithmException.invalidProperty("epochMillis",
                    epoch + " (" + Instant.ofEpochMilli(epoch) + ") is in the future");
        }
        synchronized (this) {
            workerId = worker;
            maxVibrationOffset = vibrationMax;
            epochMillis = epoch;
            maxClockBackwardsMs = backwards;
        }
    }

    @Override
    public Comparable<?> nextKey() {
        return nextId();
    }

    /** The next id, without boxing. */
    public synchronized long nextId() {
        long now = clock.getAsLong();
        if (now < lastMillis) {
            now = waitForClock(now);
        }
        if (now == lastMillis) {
            if (++sequence > SEQUENCE_MASK) {
                now = waitUntilAfter(lastMillis);
                sequence = nextVibration();
            }
        } else {
            sequence = nextVibration();
        }
        lastMillis = now;
        long elapsed = now - epochMillis;
        if (elapsed > MAX_TIMESTAMP) {
            throw new IllegalStateException("snowflake timestamp exhausted: " + elapsed + " ms since epoch "
                    + Instant.ofEpochMilli(epochMillis) + " does not fit in 41 bits");
        }
        return (elapsed << (WORKER_BITS + SEQUENCE_BITS)) | (workerId << SEQUENCE_BITS) | sequence;
    }

    private long nextVibration() {
        long start = vibration;
        vibration = vibration >= maxVibrationOffset ? 0 : vibration + 1;
        return start;
    }

    private long waitForClock(long now) {
        long behind = lastMillis - now;
        if (behind > maxClockBackwardsMs) {
            throw new IllegalStateException("clock moved backwards by " + behind + " ms (last id at "
                    + Instant.ofEpochMilli(lastMillis) + ", now " + Instant.ofEpochMilli(now)
                    + "), more than maxClockBackwardsMs=" + maxClockBackwardsMs + "; refusing to generate ids");
        }
        sleep(behind);
        long after = clock.getAsLong();
        if (after < lastMillis) {
            throw new IllegalStateException("clock still " + (lastMillis - after) + " ms behind the last id after waiting "
                    + behind + " ms; refusing to generate ids");
        }
        return after;
    }

    private long waitUntilAfter(long millis) {
        long now = clock.getAsLong();
        while (now <= millis) {
            // Sequence exhausted within one millisecond: the wait is below a millisecond, so spin.
            Thread.onSpinWait();
            now = clock.getAsLong();
        }
        return now;
    }

    private void sleep(long millis) {
        try {
            sleeper.sleepMillis(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the clock to catch up", e);
        }
    }

    /** The worker id bits of an id. */
    public static long workerIdOf(long id) {
        return (id >>> SEQUENCE_BITS) & MAX_WORKER_ID;
    }

    /** The sequence bits of an id. */
    public static long sequenceOf(long id) {
        return id & SEQUENCE_MASK;
    }

    /** The milliseconds since the epoch encoded in an id. */
    public static long elapsedMillisOf(long id) {
        return id >>> (WORKER_BITS + SEQUENCE_BITS);
    }
}

package io.shardline.router.keygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.router.algorithm.AlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SnowflakeKeyGeneratorTest {

    static final long EPOCH = SnowflakeKeyGenerator.DEFAULT_EPOCH_MILLIS;

    static Properties props(String... keyValues) {
        Properties props = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    /** A clock the test moves by hand; sleeping advances it. */
    static final class FakeClock {
        final AtomicLong now = new AtomicLong(EPOCH + 1_000);
        final List<Long> sleeps = new ArrayList<>();

        SnowflakeKeyGenerator generator(String... keyValues) {
            SnowflakeKeyGenerator generator = new SnowflakeKeyGenerator(now::get, millis -> {
                sleeps.add(millis);
                now.addAndGet(millis);
            });
            generator.init(props(keyValues));
            return generator;
        }
    }

    @Test
    void uniqueAcrossFourThreadsAndMonotonicPerThread() throws Exception {
        SnowflakeKeyGenerator generator = (SnowflakeKeyGenerator) KeyGenerators.create("SNOWFLAKE",
                props("workerId", "7", "maxVibrationOffset", "3"));
        int perThread = 100_000;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Callable<long[]> task = () -> {
                    long[] ids = new long[perThread];
                    for (int i = 0; i < perThread; i++) {
                        ids[i] = generator.nextId();
                    }
                    return ids;
                };
                futures.add(pool.submit(task));
            }
            Set<Long> all = new HashSet<>(4 * perThread * 2);
            for (Future<long[]> future : futures) {
                long[] ids = future.get(60, TimeUnit.SECONDS);
                for (int i = 0; i < ids.length; i++) {
                    if (i > 0) {
                        assertThat(ids[i]).as("id %d of a thread", i).isGreaterThan(ids[i - 1]);
                    }
                    assertThat(SnowflakeKeyGenerator.workerIdOf(ids[i])).isEqualTo(7);
                    all.add(ids[i]);
                }
            }
            assertThat(all).hasSize(4 * perThread);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void layoutIsTimestampWorkerSequence() {
        FakeClock clock = new FakeClock();
        SnowflakeKeyGenerator generator = clock.generator("workerId", "1023");
        long id = generator.nextId();
        // 1000 ms after the epoch, worker 1023, first sequence 0
        assertThat(id).isEqualTo((1000L << 22) | (1023L << 12));
        assertThat(SnowflakeKeyGenerator.elapsedMillisOf(id)).isEqualTo(1000);
        assertThat(SnowflakeKeyGenerator.workerIdOf(id)).isEqualTo(1023);
        assertThat(generator.nextId()).isEqualTo(id + 1);
    }

    @Test
    void vibrationRotatesTheFirstSequenceOfEachMillisecond() {
        FakeClock clock = new FakeClock();
        SnowflakeKeyGenerator generator = clock.generator("workerId", "1", "maxVibrationOffset", "3");
        List<Long> sequences = new ArrayList<>();
        Set<Long> residues = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            long id = generator.nextId();
            sequences.add(SnowflakeKeyGenerator.sequenceOf(id));
            residues.add(id % 4);
            clock.now.incrementAndGet(); // one id per millisecond: a low rate
        }
        assertThat(sequences).containsExactly(0L, 1L, 2L, 3L, 0L, 1L, 2L, 3L);
        assertThat(residues).containsExactlyInAnyOrder(0L, 1L, 2L, 3L);
    }

    @Test
    void withoutVibrationLowRateIdsAllLandOnShardZero() {
        FakeClock clock = new FakeClock();
        SnowflakeKeyGenerator generator = clock.generator("workerId", "1");
        Set<Long> residues = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            residues.add(generator.nextId() % 4);
            clock.now.incrementAndGet();
        }
        assertThat(residues).containsExactly(0L);
    }

    @Test
    void sequenceWithinAMillisecondContinuesFromTheOffset() {
        FakeClock clock = new FakeClock();
        SnowflakeKeyGenerator generator = clock.generator("workerId", "1", "maxVibrationOffset", "3");
        generator.nextId(); // ms 1000 starts at 0
        clock.now.incrementAndGet();
        long first = generator.nextId(); // ms 1001 starts at 1
        long second = generator.nextId();
        assertThat(SnowflakeKeyGenerator.sequenceOf(first)).isEqualTo(1);
        assertThat(SnowflakeKeyGenerator.sequenceOf(second)).isEqualTo(2);
    }

    @Test
    void exhaustedSequenceWaitsForTheNextMillisecond() {
        // The clock reads 1000 ms after the epoch for 4097 calls, then 1001.
        long[] calls = {0};
        SnowflakeKeyGenerator generator = new SnowflakeKeyGenerator(
                () -> EPOCH + (calls[0]++ < 4097 ? 1000 : 1001), millis -> { });
        generator.init(props("workerId", "1"));
        long last = 0;
        for (int i = 0; i < 4096; i++) {
            last = generator.nextId();
        }
        assertThat(SnowflakeKeyGenerator.sequenceOf(last)).isEqualTo(4095);
        assertThat(SnowflakeKeyGenerator.elapsedMillisOf(last)).isEqualTo(1000);
        long next = generator.nextId();
        assertThat(SnowflakeKeyGenerator.elapsedMillisOf(next)).isEqualTo(1001);
        assertThat(SnowflakeKeyGenerator.sequenceOf(next)).isZero();
        assertThat(next).isGreaterThan(last);
    }

    @Test
    void smallBackwardsStepIsWaitedOut() {
        FakeClock clock = new FakeClock();
        SnowflakeKeyGenerator generator = clock.generator("workerId", "1", "maxClockBackwardsMs", "10");
        long before = generator.nextId();
        clock.now.addAndGet(-5);
        long after = generator.nextId();
        assertThat(clock.sleeps).containsExactly(5L);
        assertThat(after).isGreaterThan(before);
    }

    @Test
    void largeBackwardsStepIsAnError() {
        FakeClock clock = new FakeClock();
        SnowflakeKeyGenerator generator = clock.generator("workerId", "1", "maxClockBackwardsMs", "10");
        generator.nextId();
        clock.now.addAndGet(-50);
        assertThatThrownBy(generator::nextId).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("clock moved backwards by 50 ms")
                .hasMessageContaining("more than maxClockBackwardsMs=10");
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void propsAreValidated() {
        assertThatThrownBy(() -> KeyGenerators.create("SNOWFLAKE", props()))
                .isInstanceOfSatisfying(AlgorithmException.class, e -> assertThat(e.property()).contains("workerId"))
                .hasMessage("workerId: required by SNOWFLAKE");
        assertThatThrownBy(() -> KeyGenerators.create("SNOWFLAKE", props("workerId", "1024")))
                .hasMessage("workerId: 1024 is out of range [0, 1023]");
        assertThatThrownBy(() -> KeyGenerators.create("SNOWFLAKE", props("workerId", "1", "maxVibrationOffset", "4096")))
                .hasMessage("maxVibrationOffset: 4096 is out of range [0, 4095]");
        assertThatThrownBy(() -> KeyGenerators.create("SNOWFLAKE", props("workerId", "1", "epochMillis", "99999999999999")))
                .hasMessageStartingWith("epochMillis: 99999999999999 (");
        assertThatThrownBy(() -> KeyGenerators.create("SNOWFLAKES", props()))
                .hasMessage("unknown key generator type 'SNOWFLAKES' (known: SNOWFLAKE, UUID)");
    }

    @Test
    void uuidsAreThirtyTwoHexDigits() {
        KeyGenerator uuid = KeyGenerators.create("uuid", props());
        Object a = uuid.nextKey();
        Object b = uuid.nextKey();
        assertThat((String) a).matches("[0-9a-f]{32}");
        assertThat(a).isNotEqualTo(b);
    }
}

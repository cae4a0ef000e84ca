package io.shardline.consistency.tx.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILLs a child JVM that appends sync records at random moments; every record it saw synced must survive. */
class TransactionLogCrashTest {

    private static final int TRIALS = 24;

    @TempDir
    Path dir;

    @Test
    void everySyncedRecordSurvivesKillNine() throws Exception {
        Random random = new Random();
        Set<String> mustBeUnfinished = new HashSet<>();
        Set<String> mustBeFinished = new HashSet<>();
        int tornTails = 0;
        int totalLines = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), TransactionLogChild.class.getName(), "crash",
                    dir.toString(), "t" + trial)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            List<String> lines = new ArrayList<>();
            CountDownLatch ready = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.startsWith("READY")) {
                            ready.countDown();
                        }
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                } catch (Exception e) {
                    // the pipe breaks when the child dies
                }
            });
            reader.start();
            assertThat(ready.await(60, TimeUnit.SECONDS)).as("child of trial %d opened the log", trial).isTrue();
            Thread.sleep(20 + random.nextInt(400));
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            reader.join(30_000);
            synchronized (lines) {
                for (String line : lines) {
                    // A line cut by the kill has no " ." terminator and proves nothing.
                    if (!line.endsWith(" .")) {
                        continue;
                    }
                    String xid = line.substring(2, line.length() - 2);
                    int index = Integer.parseInt(xid.substring(xid.lastIndexOf('-') + 1));
                    if (line.startsWith("F ")) {
                        mustBeFinished.add(xid);
                    } else if (index % TransactionLogChild.UNFINISHED_EVERY == 0) {
                        mustBeUnfinished.add(xid);
                    }
                    totalLines++;
                }
            }
            try (TransactionLog log = TransactionLog.open(dir, new TransactionLogOptions(4096))) {
                Set<String> unfinished = new HashSet<>();
                log.unfinished().forEach(u -> unfinished.add(u.xid()));
                assertThat(unfinished).as("trial %d: synced unfinished transactions", trial)
                        .containsAll(mustBeUnfinished);
                // On a loaded machine an early kill can come before the first FINISHED record.
                for (String finished : mustBeFinished) {
                    assertThat(unfinished).as("trial %d: synced FINISHED record", trial).doesNotContain(finished);
                }
                if (log.recoveryReport().tornTail().isPresent()) {
                    tornTails++;
                }
            }
        }
        System.out.printf("crash test: %d trials, %d synced records reported, %d torn tails seen%n", TRIALS,
                totalLines, tornTails);
        assertThat(mustBeFinished).as("the children got far enough to finish transactions").isNotEmpty();
    }
}

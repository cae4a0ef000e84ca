package io.shardline.jdbc.tx;

import static io.shardline.jdbc.tx.TransferFixture.eventually;
import static io.shardline.jdbc.tx.TransferFixture.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.consistency.tx.TransactionCoordinator;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The middleware itself killed at random moments while it commits transfers: a child JVM ({@link TransferWorkload})
 * runs transfers through Shardline and dies by SIGKILL after a random delay, or halts at a chosen commit step; then a
 * new DataSource on the same transaction log recovers. After every trial each global transaction must be
 * all-or-nothing: the total balance is unchanged and there are as many ledger rows as orders. Prints a table of
 * where the kills landed and what recovery did.
 */
@TestTopology(groups = 3, replicas = 0, shared = false)
class MiddlewareCrashIT {

    static final int GROUPS = 3;
    static final int TRIALS = Integer.getInteger("shardline.crashTrials", 50);
    static final List<String> HALT_POINTS = List.of("decided", "before:0", "after:0", "before:1", "after:1");

    @TempDir
    Path dir;

    @Test
    void delayedCommitIsAllOrNothingAfterTheMiddlewareIsKilled(TestDatabase db) throws Exception {
        run(db, "DELAYED");
    }

    @Test
    void xaIsAllOrNothingAfterTheMiddlewareIsKilled(TestDatabase db) throws Exception {
        run(db, "XA");
    }

    private void run(TestDatabase db, String mode) throws Exception {
        TransferFixture.reset(db, GROUPS);
        Path config = dir.resolve(mode + ".yaml");
        Files.writeString(config, TransferFixture.yaml(db, GROUPS, mode, dir.resolve("txlog-" + mode), 60_000));
        Random random = new Random(42);
        Map<String, Integer> landed = new TreeMap<>();
        Map<String, Integer> recovery = new TreeMap<>();
        long committedByChildren = 0;
        int startRetries = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            String halt = trial % 2 == 0 ? "none" : HALT_POINTS.get((trial / 2) % HALT_POINTS.size());
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    TransferWorkload.class.getName(), config.toString(), String.valueOf(1_000_000L * (trial + 1)),
                    String.valueOf(trial), halt, "5")
                    .redirectError(dir.resolve("child-" + mode + "-" + trial + ".err").toFile()).start();
            CountDownLatch ready = new CountDownLatch(1);
            CountDownLatch running = new CountDownLatch(1);
            AtomicReference<String> lastStep = new AtomicReference<>("(before any commit)");
            AtomicLong committed = new AtomicLong();
            List<String> output = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        output.add(line);
                        if (line.equals("READY")) {
                            ready.countDown();
                        } else if (line.startsWith("STEP ")) {
                            lastStep.set(line.split(" ")[1]);
                        } else if (line.startsWith("COMMITTED ")) {
                            committed.incrementAndGet();
                            running.countDown();
                            lastStep.set("executing (no commit in progress)");
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the child is gone
                }
            });
            reader.start();
            while (ready.getCount() > 0 && child.isAlive()) {
                ready.await(100, TimeUnit.MILLISECONDS);
            }
            if (ready.getCount() > 0 && !child.isAlive() && startRetries++ < 3) {
                // The child could not even start (e.g. a connect timeout on an overloaded machine): not a trial.
                reader.join(5_000);
                System.out.println("trial " + trial + ": the child failed to start, retried: " + output);
                trial--;
                continue;
            }
            if (!ready.await(120, TimeUnit.SECONDS)) {
                new ProcessBuilder("kill", "-3", String.valueOf(child.pid())).start().waitFor();
                Thread.sleep(2000);
                child.destroyForcibly();
                synchronized (output) {
                    System.out.println("child stdout (with a thread dump):\n" + String.join("\n", output));
                }
                throw new AssertionError("trial " + trial + ": the child did not start within 120 s; its stderr:\n"
                        + tail(dir.resolve("child-" + mode + "-" + trial + ".err")));
            }
            if (halt.equals("none")) {
                // Kill in steady state, at a random moment: most of a transfer's time is its commit (the child pauses
                // before each branch commit), so most kills land inside one.
                running.await(30, TimeUnit.SECONDS);
                Thread.sleep(random.nextInt(400));
                child.destroyForcibly();
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("trial %d: the child died (%s)", trial, halt).isTrue();
            reader.join(5_000);
            committedByChildren += committed.get();
            landed.merge((halt.equals("none") ? "SIGKILL at " : "halt at ") + lastStep.get(), 1, Integer::sum);

            try (ShardlineDataSource ds = ShardlineDataSource.fromYaml(config)) {
                TransactionCoordinator tx = ds.transactions().orElseThrow();
                for (TransactionCoordinator.Resolution r : tx.startupRecovery()) {
                    recovery.merge(r.outcome(), 1, Integer::sum);
                    assertThat(r.outcome()).as("trial %d: %s", trial, r).isNotIn("PENDING", "SKIPPED");
                }
                TransferFixture.State s = state(db, GROUPS);
                assertThat(s.consistent()).as("trial %d (%s, last step %s): %s", trial, halt, lastStep.get(), s)
                        .isTrue();
                assertThat(preparedBranches(db)).as("trial %d: no XA branch left prepared", trial).isZero();
                int t = trial;
                assertThat(eventually(10_000, () -> state(db, GROUPS).undoRecords() == 0))
                        .as("trial %d: settled transactions leave no undo records", t).isTrue();
            }
        }
        TransferFixture.State end = state(db, GROUPS);
        System.out.printf("%n%s mode, %d trials: %d transfers committed by the killed processes; orders %d = ledger "
                + "%d; total balance %s%n", mode, TRIALS, committedByChildren, end.orders(), end.ledger(), end.total());
        System.out.println("| where the middleware died | trials |");
        System.out.println("|---|---|");
        landed.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
        System.out.println("| recovery at restart settled | transactions |");
        System.out.println("|---|---|");
        recovery.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
        assertThat(end.orders()).as("transfers really ran").isPositive();
    }

    private static String tail(Path file) throws java.io.IOException {
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static long preparedBranches(TestDatabase db) throws Exception {
        long n = 0;
        for (int g = 0; g < GROUPS; g++) {
            try (Connection c = db.connectMaster(g); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("XA RECOVER")) {
                while (rs.next()) {
                    n++;
                }
            }
        }
        return n;
    }
}

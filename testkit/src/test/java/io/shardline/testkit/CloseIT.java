package io.shardline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing stops exactly what was started; servers orphaned by a dead JVM are reaped by the next run. */
class CloseIT {

    @Test
    void closeStopsEveryProcessItStartedAndDeletesItsFiles() {
        Topology topology = Topology.start(2, 1);
        MariaDbNode replica = topology.replica(1, 0);
        topology.restart(replica); // a restart adds a second PID for the same node
        Set<Long> pids = topology.startedPids();
        Path dir = topology.directory();
        assertThat(pids).as("4 servers started, one of them twice").hasSize(5);
        assertThat(pids.stream().filter(CloseIT::alive).count()).as("running servers before close").isEqualTo(4);

        topology.close();
        topology.close(); // idempotent

        assertThat(pids).allSatisfy(pid -> assertThat(alive(pid)).as("pid %d after close", pid).isFalse());
        assertThat(dir).doesNotExist();
    }

    @Test
    void serversOfADeadJvmAreReapedAndLiveOnesAreNot(@TempDir Path base) throws IOException, InterruptedException {
        Topology orphan = Topology.builder().groups(1).replicasPerGroup(0).baseDir(base).start();
        Topology alive = Topology.builder().groups(1).replicasPerGroup(0).baseDir(base).start();
        try {
            long orphanPid = orphan.master(0).pid().orElseThrow();
            long alivePid = alive.master(0).pid().orElseThrow();
            // Pretend the orphan's JVM died: point its owner file at a process that has exited.
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            Files.writeString(orphan.directory().resolve(OrphanReaper.OWNER_FILE), Long.toString(gone.pid()));

            OrphanReaper.reap(base);

            waitUntilDead(orphanPid);
            assertThat(alive(orphanPid)).isFalse();
            assertThat(orphan.directory()).doesNotExist();
            assertThat(alive(alivePid)).as("a server whose JVM is alive is left alone").isTrue();
        } finally {
            orphan.close();
            alive.close();
        }
    }

    private static void waitUntilDead(long pid) throws InterruptedException {
        for (int i = 0; i < 200 && alive(pid); i++) {
            Thread.sleep(25);
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}

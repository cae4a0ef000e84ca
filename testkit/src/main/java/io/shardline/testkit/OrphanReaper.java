package io.shardline.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cleans up after test JVMs that died without running their shutdown hooks (SIGKILL, a killed CI job):
 * a run directory whose owning JVM is gone has its servers stopped and its files deleted. A server is
 * only killed when its PID file names it and its command line names that run's datadir, so a reused PID
 * or anybody else's server (the system one on port 3306 included) is never touched.
 */
final class OrphanReaper {

    static final String OWNER_FILE = "owner.pid";
    private static final System.Logger LOG = System.getLogger(OrphanReaper.class.getName());
    private static final Set<Path> REAPED = ConcurrentHashMap.newKeySet();

    private OrphanReaper() {
    }

    /** Reaps a base directory the first time this JVM starts a topology there. */
    static void reapOnce(Path baseDir) {
        if (REAPED.add(baseDir)) {
            reap(baseDir);
        }
    }

    static void reap(Path baseDir) {
        if (!Files.isDirectory(baseDir)) {
            return;
        }
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(baseDir, "run-*")) {
            for (Path run : runs) {
                Optional<Long> owner = readPid(run.resolve(OWNER_FILE));
                if (owner.isPresent() && ProcessHandle.of(owner.get()).map(ProcessHandle::isAlive).orElse(false)) {
                    continue; // a live JVM (maybe a parallel build) owns it
                }
                reapRun(run);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not scan " + baseDir + " for orphaned servers: " + e.getMessage());
        }
    }

    private static void reapRun(Path run) throws IOException {
        try (DirectoryStream<Path> nodeDirs = Files.newDirectoryStream(run, Files::isDirectory)) {
            for (Path nodeDir : nodeDirs) {
                Optional<Long> pid = readPid(nodeDir.resolve("mariadbd.pid"));
                if (pid.isEmpty()) {
                    continue;
                }
                Optional<ProcessHandle> process = ProcessHandle.of(pid.get());
                String datadir = nodeDir.resolve("data").toString();
                if (process.isPresent() && commandLine(pid.get()).contains("--datadir=" + datadir)) {
                    process.get().destroyForcibly();
                    LOG.log(System.Logger.Level.INFO, "killed orphaned test server pid " + pid.get() + " of " + nodeDir);
                }
            }
        }
        TemplateDatadir.deleteRecursively(run);
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}

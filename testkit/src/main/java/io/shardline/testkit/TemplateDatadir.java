package io.shardline.testkit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One initialised datadir per MariaDB version, made once (about 2 s) and copied for every node (a few
 * tens of milliseconds), which is what makes a topology start in about a second. The template is kept
 * under the testkit's base directory across runs; concurrent JVMs serialise its creation with a file lock.
 */
final class TemplateDatadir {

    private static final System.Logger LOG = System.getLogger(TemplateDatadir.class.getName());

    /** Bump when the recipe below changes, so old templates are not reused. */
    private static final int RECIPE = 1;

    /** InnoDB sizes shared by the template and the servers started from it (they must agree). */
    static final List<String> INNODB_SIZES = List.of("--innodb-buffer-pool-size=32M", "--innodb-log-file-size=8M");

    private static final int SPARSE_BLOCK = 4096;
    private static final byte[] ZERO_BLOCK = new byte[SPARSE_BLOCK];

    private TemplateDatadir() {
    }

    /** Returns the template's path, creating it if this base directory has none for these binaries. */
    static Path ensure(MariaDbBinaries binaries, Path baseDir) {
        String key = Integer.toHexString((binaries.version() + "|" + binaries.mariadbd() + "|" + RECIPE).hashCode());
        Path template = baseDir.resolve("template-" + key);
        if (Files.isRegularFile(template.resolve(".complete"))) {
            return template;
        }
        try {
            Files.createDirectories(baseDir);
            try (FileChannel channel = FileChannel.open(baseDir.resolve("template.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (Files.isRegularFile(template.resolve(".complete"))) {
                    return template;
                }
                Path staging = baseDir.resolve("template-" + key + ".staging-" + ProcessHandle.current().pid());
                deleteRecursively(staging);
                deleteRecursively(template);
                long started = System.nanoTime();
                install(binaries, staging);
                LOG.log(System.Logger.Level.INFO, String.format("created template datadir %s in %.2f s", template,
                        (System.nanoTime() - started) / 1e9));
                Files.writeString(staging.resolve(".complete"), binaries.version() + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(staging, template);
                }
                return template;
            }
        } catch (IOException e) {
            throw new TopologyException("Cannot create the template datadir " + template, e);
        }
    }

    private static void install(MariaDbBinaries binaries, Path datadir) throws IOException {
        Files.createDirectories(datadir.getParent());
        List<String> command = new ArrayList<>();
        command.add(binaries.installDb().toString());
        command.add("--no-defaults");
        binaries.basedir().ifPresent(base -> command.add("--basedir=" + base));
        command.add("--datadir=" + datadir);
        command.add("--user=" + System.getProperty("user.name"));
        // Creates root@localhost, root@127.0.0.1 and root@::1 with an empty password: the nodes bind to
        // loopback only, and tests and control connections use root over TCP.
        command.add("--auth-root-authentication-method=normal");
        command.add("--skip-test-db");
        command.add("--skip-name-resolve");
        command.addAll(INNODB_SIZES);
        Path log = datadir.resolveSibling(datadir.getFileName() + ".install.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new TopologyException("mariadb-install-db did not finish in 120 s; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TopologyException("Interrupted while creating the template datadir", e);
        }
        if (process.exitValue() != 0) {
            throw new TopologyException("mariadb-install-db failed with exit code " + process.exitValue() + ": "
                    + String.join(" ", command) + "\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        Files.deleteIfExists(log);
    }

    /** Copies the template into a node's (not yet existing) datadir. */
    static void copy(Path template, Path target) {
        try {
            Files.walkFileTree(template, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(target.resolve(template.relativize(dir)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!file.getFileName().toString().equals(".complete")) {
                        copySparse(file, target.resolve(template.relativize(file)), attrs.size());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the template datadir " + template + " to " + target, e);
        }
    }

    /**
     * Copies a file leaving holes where the source has all-zero blocks. A fresh datadir's ibdata1 and redo
     * log are ~20 MB of which ~90% are zero pages; writing only the rest makes copying the template for four
     * nodes several times cheaper than {@code cp -a}. InnoDB reads holes as the zeros they stand for.
     */
    private static void copySparse(Path source, Path target, long size) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                RandomAccessFile out = new RandomAccessFile(target.toFile(), "rw")) {
            out.setLength(size);
            long position = 0;
            while (position < size) {
                ByteBuffer buffer = ByteBuffer.wrap(chunk);
                int read = in.read(buffer, position);
                if (read <= 0) {
                    break;
                }
                for (int block = 0; block < read; block += SPARSE_BLOCK) {
                    int length = Math.min(SPARSE_BLOCK, read - block);
                    if (Arrays.mismatch(chunk, block, block + length, ZERO_BLOCK, 0, length) != -1) {
                        out.seek(position + block);
                        out.write(chunk, block, length);
                    }
                }
                position += read;
            }
        }
        Files.setLastModifiedTime(target, Files.getLastModifiedTime(source));
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

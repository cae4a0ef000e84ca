package io.shardline.consistency.redundancy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Reconciler checkpoints: one small properties file per copy table and mode in a directory, replaced atomically
 * (written to a temporary file, then moved), so a killed reconciler resumes from the last completed step.
 */
public final class Checkpoints {

    private final Path directory;

    public Checkpoints(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** The checkpoint of {@code copyTable} in {@code mode}, if one was saved. */
    public Optional<Properties> load(String copyTable, String mode) throws IOException {
        Path file = file(copyTable, mode);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return Optional.of(p);
    }

    public void save(String copyTable, String mode, Properties values) throws IOException {
        Files.createDirectories(directory);
        Path file = file(copyTable, mode);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            values.store(out, "shardline reconcile " + mode + " " + copyTable);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public void delete(String copyTable, String mode) throws IOException {
        Files.deleteIfExists(file(copyTable, mode));
    }

    private Path file(String copyTable, String mode) {
        return directory.resolve(copyTable + "." + mode + ".checkpoint");
    }
}

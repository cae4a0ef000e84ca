package io.shardline.consistency.tx.undo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The undo of one write statement between {@link BranchRecorder#beforeWrite} and {@link #afterWrite}: the locked
 * before-images (UPDATE/DELETE) or the expected keys (INSERT). Used once.
 */
public final class PendingUndo {
    /** Rows per after-image query: keeps the statement text and the IN list bounded. */
    private static final int CHUNK = 500;

    private final BranchRecorder recorder;
    private final WriteStatement statement;
    private final TableShape shape;
    private final List<ObjectNode> beforeImages;
    private final List<List<Object>> insertKeys;

    private PendingUndo(BranchRecorder recorder, WriteStatement statement, TableShape shape,
            List<ObjectNode> beforeImages, List<List<Object>> insertKeys) {
        this.recorder = recorder;
        this.statement = statement;
        this.shape = shape;
        this.beforeImages = beforeImages;
        this.insertKeys = insertKeys;
    }

    static PendingUndo forChange(BranchRecorder recorder, WriteStatement statement, TableShape shape,
            List<ObjectNode> beforeImages) {
        return new PendingUndo(recorder, statement, shape, beforeImages, List.of());
    }

    static PendingUndo forInsert(BranchRecorder recorder, WriteStatement statement, TableShape shape,
            List<List<Object>> insertKeys) {
        return new PendingUndo(recorder, statement, shape, List.of(), insertKeys);
    }

    /** Number of rows captured before the write (UPDATE/DELETE) or expected to be inserted (INSERT). */
    public int rows() {
        return statement.kind() == WriteStatement.Kind.INSERT ? insertKeys.size() : beforeImages.size();
    }

    /**
     * After the write ran on {@code c}: reads the after-images (by primary key) and inserts the undo records in the same
     * local transaction.
     *
     * @param updateCount what the statement reported (matched rows for UPDATE with Connector/J's default
     *     {@code useAffectedRows=false}, deleted or inserted rows otherwise)
     * @throws SQLException if the statement changed rows that were not captured; the branch must then be rolled back
     */
    public void afterWrite(Connection c, long updateCount) throws SQLException {
        switch (statement.kind()) {
            case INSERT:
                recordInsert(c, updateCount);
                return;
            case UPDATE:
                checkCount(updateCount);
                recordUpdate(c);
                return;
            default:
                checkCount(updateCount);
                recordDelete(c);
        }
    }

    private void checkCount(long updateCount) throws SQLException {
        if (updateCount > beforeImages.size()) {
            throw incomplete(updateCount + " rows changed but " + beforeImages.size() + " were captured");
        }
    }

    private void recordUpdate(Connection c) throws SQLException {
        if (beforeImages.isEmpty()) {
            return;
        }
        Map<String, ObjectNode> after = byKey(readByKeys(c, keysOf(beforeImages)));
        List<Record> records = new ArrayList<>();
        for (ObjectNode before : beforeImages) {
            String key = RowImages.json(RowImages.key(before, shape));
            ObjectNode now = after.get(key);
            if (now == null) {
                throw incomplete("row " + RowImages.describeKey(RowImages.key(before, shape)) + " vanished");
            }
            String beforeJson = RowImages.json(before);
            String afterJson = RowImages.json(now);
            if (!beforeJson.equals(afterJson)) {
                records.add(new Record(UndoLog.KIND_UPDATE, key, beforeJson, afterJson));
            }
        }
        recorder.log().insertRecords(c, recorder, shape.qualifiedName(), records);
    }

    private void recordDelete(Connection c) throws SQLException {
        if (beforeImages.isEmpty()) {
            return;
        }
        if (statement.hasLimit()) {
            // With LIMIT the server chooses the rows by the ORDER BY; if that order has ties it may have deleted other
            // rows than the ones captured. Every captured row must be gone.
            List<ObjectNode> left = readByKeys(c, keysOf(beforeImages));
            if (!left.isEmpty()) {
                throw incomplete("DELETE ... LIMIT deleted other rows than those captured (row "
                        + RowImages.describeKey(RowImages.key(left.get(0), shape))
                        + " is still there); order by a unique key");
            }
        }
        List<Record> records = new ArrayList<>();
        for (ObjectNode before : beforeImages) {
            records.add(new Record(UndoLog.KIND_DELETE, RowImages.json(RowImages.key(before, shape)),
                    RowImages.json(before), null));
        }
        recorder.log().insertRecords(c, recorder, shape.qualifiedName(), records);
    }

    private void recordInsert(Connection c, long updateCount) throws SQLException {
        if (updateCount != insertKeys.size()) {
            throw incomplete(updateCount + " rows inserted but the statement has " + insertKeys.size());
        }
        List<List<Object>> keys = insertKeys;
        if (!keys.isEmpty() && keys.get(0).contains(null)) {
            keys = generatedKeys(c);
        }
        List<ObjectNode> rows = readByKeys(c, keys);
        if (rows.size() != keys.size()) {
            throw incomplete(keys.size() + " rows inserted but " + rows.size() + " found by their keys");
        }
        List<Record> records = new ArrayList<>();
        for (ObjectNode row : rows) {
            records.add(new Record(UndoLog.KIND_INSERT, RowImages.json(RowImages.key(row, shape)), null,
                    RowImages.json(row)));
        }
        recorder.log().insertRecords(c, recorder, shape.qualifiedName(), records);
    }

    /**
     * The keys with the AUTO_INCREMENT values filled in: LAST_INSERT_ID() is the first generated value, and a
     * multi-row INSERT with a known row count gets consecutive values (step {@code auto_increment_increment}) unless
     * {@code innodb_autoinc_lock_mode = 2} (interleaved) is set.
     */
    private List<List<Object>> generatedKeys(Connection c) throws SQLException {
        BigInteger first;
        long step;
        long lockMode;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT LAST_INSERT_ID(), @@auto_increment_increment, @@innodb_autoinc_lock_mode")) {
            rs.next();
            first = new BigInteger(rs.getString(1));
            step = rs.getLong(2);
            lockMode = rs.getLong(3);
        }
        if (insertKeys.size() > 1 && lockMode == 2) {
            throw incomplete("innodb_autoinc_lock_mode = 2 does not promise consecutive AUTO_INCREMENT values"
                    + " to a multi-row INSERT");
        }
        List<List<Object>> keys = new ArrayList<>();
        for (int r = 0; r < insertKeys.size(); r++) {
            BigInteger value = first.add(BigInteger.valueOf(step).multiply(BigInteger.valueOf(r)));
            List<Object> key = new ArrayList<>(insertKeys.get(r));
            for (int i = 0; i < key.size(); i++) {
                if (key.get(i) == null) {
                    key.set(i, value.bitLength() < 64 ? (Object) value.longValue() : new java.math.BigDecimal(value));
                }
            }
            keys.add(key);
        }
        return keys;
    }

    private List<List<Object>> keysOf(List<ObjectNode> images) {
        List<List<Object>> keys = new ArrayList<>(images.size());
        for (ObjectNode image : images) {
            List<Object> key = new ArrayList<>(shape.primaryKey().size());
            for (TableShape.Column k : shape.primaryKey()) {
                key.add(RowImages.bindValue(k.kind(), image.get(k.name())));
            }
            keys.add(key);
        }
        return keys;
    }

    /**
     * Reads the rows with the given keys (values in key order, bindable), in chunks. A locking read (the locks are held
     * already, so it does not wait): under REPEATABLE READ a plain read would show a row the statement matched but did
     * not change as of the transaction's snapshot, which may be older than the before-image the locking read took.
     */
    private List<ObjectNode> readByKeys(Connection c, List<List<Object>> keys) throws SQLException {
        List<ObjectNode> rows = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<List<Object>> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder("SELECT ").append(shape.selectList()).append(" FROM ")
                    .append(shape.quoted()).append(" WHERE ");
            String condition = shape.keyCondition();
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append(condition);
            }
            sql.append(" FOR UPDATE");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = 1;
                for (List<Object> key : chunk) {
                    for (Object v : key) {
                        recorder.log().binder().bind(ps, p++, v);
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(RowImages.read(rs, shape));
                    }
                }
            }
        }
        return rows;
    }

    private Map<String, ObjectNode> byKey(List<ObjectNode> rows) {
        Map<String, ObjectNode> map = new HashMap<>();
        for (ObjectNode row : rows) {
            map.put(RowImages.json(RowImages.key(row, shape)), row);
        }
        return map;
    }

    private SQLException incomplete(String what) {
        return new SQLException("undo capture on " + recorder.branch() + " (global transaction " + recorder.xid()
                + "), table " + shape.qualifiedName() + ": " + what + "; the branch cannot be compensated and must roll"
                + " back. Statement: " + statement.parsed().sql(), "40000");
    }

    /** One undo record to insert. */
    record Record(String kind, String key, String before, String after) {
    }
}

package io.shardline.consistency.tx.undo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardline.sql.facts.InsertFacts;
import io.shardline.sql.facts.InsertRow;
import io.shardline.sql.facts.TableRef;
import io.shardline.sql.facts.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Records the undo of one branch (one data source) of one global transaction. Used by the one thread that runs the
 * branch, on the branch's own connection inside its open local transaction; not thread-safe.
 */
public final class BranchRecorder {
    private final UndoLog log;
    private final String xid;
    private final String branch;
    private int nextSeq = 1;

    BranchRecorder(UndoLog log, String xid, String branch) {
        this.log = log;
        this.xid = xid;
        this.branch = branch;
    }

    /** The global transaction. */
    public String xid() {
        return xid;
    }

    /** The branch (data source name). */
    public String branch() {
        return branch;
    }

    /**
     * Inserts the branch marker in the connection's current local transaction, so that it commits (and becomes
     * visible to {@link UndoLog#fence}) exactly when the branch does.
     *
     * @throws SQLException with SQLState 23000 if recovery already fenced this branch: the branch must roll back
     */
    public void markBranch(Connection c) throws SQLException {
        try {
            log.insertMarker(c, xid, branch, UndoLog.KIND_BRANCH);
        } catch (SQLException e) {
            if (e.getErrorCode() == UndoLog.ER_DUP_ENTRY) {
                throw new SQLException("branch " + branch + " of global transaction " + xid
                        + " was fenced by recovery (it was taken for dead); roll it back", e.getSQLState(),
                        e.getErrorCode(), e);
            }
            throw e;
        }
    }

    /**
     * Before a write: for UPDATE and DELETE, locks and reads the before-images of the rows the statement will change
     * ({@code SELECT <all columns> FROM <its table reference> <its WHERE/ORDER BY/LIMIT> FOR UPDATE}); for INSERT,
     * works out where the inserted keys will come from.
     *
     * @param c the branch's connection (autocommit off, local transaction open)
     * @param sql the shard statement text (actual table names)
     * @param params its parameters, in order
     * @throws UndoUnsupportedException for a write that cannot be compensated safely, naming the construct
     */
    public PendingUndo beforeWrite(Connection c, String sql, List<Object> params) throws SQLException {
        WriteStatement statement = WriteStatement.analyze(log.parser(), sql, params);
        TableRef table = statement.table();
        TableShape shape = log.shape(c, table.schema(), table.name());
        if (shape.primaryKey().isEmpty()) {
            throw new UndoUnsupportedException("table without a primary key",
                    "rows of " + shape.qualifiedName() + " cannot be identified for compensation", sql);
        }
        String trigger = shape.triggers().get(statement.kind().name());
        if (trigger != null) {
            throw new UndoUnsupportedException(statement.kind() + " on a table with a trigger",
                    "trigger " + trigger + " on " + shape.qualifiedName() + " writes what undo capture cannot see", sql);
        }
        if (statement.kind() == WriteStatement.Kind.DELETE && shape.deleteCascade().isPresent()) {
            throw new UndoUnsupportedException("DELETE with a cascading foreign key",
                    shape.deleteCascade().get() + " would change rows undo capture cannot see", sql);
        }
        switch (statement.kind()) {
            case UPDATE:
                for (var a : statement.parsed().facts().assignments()) {
                    if (shape.isKeyColumn(a.column().name())) {
                        throw new UndoUnsupportedException("UPDATE of a primary-key column",
                                "column " + a.column().name() + " of " + shape.qualifiedName() + " is part of the key", sql);
                    }
                }
                return PendingUndo.forChange(this, statement, shape, readBeforeImages(c, statement, shape));
            case DELETE:
                return PendingUndo.forChange(this, statement, shape, readBeforeImages(c, statement, shape));
            default:
                return PendingUndo.forInsert(this, statement, shape, insertKeys(statement, shape, params, sql));
        }
    }

    private List<ObjectNode> readBeforeImages(Connection c, WriteStatement statement, TableShape shape)
            throws SQLException {
        String select = "SELECT " + shape.selectList() + " FROM " + statement.reference()
                + (statement.tail().isEmpty() ? "" : " " + statement.tail()) + "\nFOR UPDATE";
        List<ObjectNode> images = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select)) {
            int i = 1;
            for (Object p : statement.tailParameters()) {
                log.binder().bind(ps, i++, p);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    images.add(RowImages.read(rs, shape));
                }
            }
        }
        return images;
    }

    /**
     * Where each inserted row's key comes from: one entry per row, each a list of key values in key order, with
     * {@code null} standing for the AUTO_INCREMENT value the server generates.
     */
    private static List<List<Object>> insertKeys(WriteStatement statement, TableShape shape, List<Object> params,
            String sql) throws UndoUnsupportedException {
        InsertFacts insert = statement.parsed().facts().insert().orElseThrow();
        List<String> columns = new ArrayList<>(insert.columns());
        if (columns.isEmpty()) {
            for (TableShape.Column col : shape.columns()) {
                columns.add(col.name());
            }
        }
        List<List<Object>> keys = new ArrayList<>();
        int generatedRows = 0;
        for (InsertRow row : insert.rows()) {
            List<Object> key = new ArrayList<>();
            boolean generated = false;
            for (TableShape.Column k : shape.primaryKey()) {
                Optional<Object> given = givenValue(statement, row, columns, k, params, sql);
                boolean autoIncrement = shape.autoIncrement().map(a -> a.name().equals(k.name())).orElse(false);
                if (given.isPresent() && !(autoIncrement && isZero(given.get()))) {
                    key.add(given.get());
                } else if (autoIncrement) {
                    key.add(null);
                    generated = true;
                } else {
                    throw new UndoUnsupportedException("INSERT without a primary-key value",
                            "column " + k.name() + " of " + shape.qualifiedName() + " must be given", sql);
                }
            }
            generatedRows += generated ? 1 : 0;
            keys.add(key);
        }
        if (generatedRows > 0 && generatedRows < keys.size()) {
            throw new UndoUnsupportedException("INSERT mixing explicit and generated AUTO_INCREMENT keys",
                    "give every row's key or none", sql);
        }
        return keys;
    }

    /** The value a row gives for key column {@code k}; empty when the server generates it (absent, NULL, DEFAULT). */
    private static Optional<Object> givenValue(WriteStatement statement, InsertRow row, List<String> columns,
            TableShape.Column k, List<Object> params, String sql) throws UndoUnsupportedException {
        int index = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(k.name())) {
                index = i;
            }
        }
        if (index < 0) {
            return Optional.empty();
        }
        Value v = row.values().get(index);
        if (v instanceof Value.Expression) {
            String text = statement.parsed().span(v).text(sql).strip().toUpperCase(Locale.ROOT);
            if (text.equals("NULL") || text.equals("DEFAULT")) {
                return Optional.empty();
            }
            throw new UndoUnsupportedException("INSERT with a computed primary-key value",
                    "column " + k.name() + " = " + text + "; give the value itself", sql);
        }
        return statement.parsed().resolve(v, params);
    }

    private static boolean isZero(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue() == 0;
        }
        if (value instanceof BigInteger b) {
            return b.signum() == 0;
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0;
        }
        return false;
    }

    /** Allocates the sequence numbers of {@code n} records (gaps after a failed statement are harmless). */
    int allocate(int n) {
        int first = nextSeq;
        nextSeq += n;
        return first;
    }

    UndoLog log() {
        return log;
    }
}

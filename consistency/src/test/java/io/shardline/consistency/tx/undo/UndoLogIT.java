package io.shardline.consistency.tx.undo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Undo capture and compensation against real MariaDB: every kind of write is committed as a branch, then compensated,
 * and the table must equal (compared by the server, value by value with {@code <=>}) a copy taken before the branch.
 */
@TestTopology(groups = 1, replicas = 0)
class UndoLogIT {
    /** Like the driver's binder: Connector/J's setObject(BigInteger) overflows beyond a long. */
    private static final ParameterBinder BINDER = (ps, i, v) -> {
        if (v instanceof java.math.BigInteger b) {
            ps.setBigDecimal(i, new java.math.BigDecimal(b));
        } else {
            ps.setObject(i, v);
        }
    };
    private static final ExecutorService POOL = Executors.newCachedThreadPool();

    /** Columns of the table under test: one of each type whose values must round-trip exactly. */
    private static final String[] COLUMNS = {"id", "grp", "i", "u", "d", "f", "fl", "s", "tx", "dt", "dtm", "ts", "tm",
        "b", "vb"};
    private static final String TABLE = "CREATE TABLE %s (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, grp INT NOT NULL,"
            + " i INT, u BIGINT UNSIGNED, d DECIMAL(20,6), f DOUBLE, fl FLOAT, s VARCHAR(100), tx TEXT, dt DATE,"
            + " dtm DATETIME(6), ts TIMESTAMP(6) NULL DEFAULT NULL, tm TIME(6), b BLOB, vb VARBINARY(32))"
            + " DEFAULT CHARSET=utf8mb4";
    /** Seed rows, written with literals so that the values are the server's own. */
    private static final String SEED = "INSERT INTO t_all (id, grp, i, u, d, f, fl, s, tx, dt, dtm, ts, tm, b, vb) VALUES"
            + " (1, 1, -2147483648, 18446744073709551615, 12345678901234.123456, 0.1e0 + 0.2e0, 3.14159,"
            + "  'caf\u00e9 \uD83D\uDE00', 'line1\nline2 \\\\ \\'q\\'', '2024-02-29', '2024-02-29 23:59:59.999999',"
            + "  '2024-03-31 01:30:00.123456', '-838:59:59', X'00FF10', X'DEADBEEF'),"
            + " (2, 1, 0, 0, -0.000001, 1e0 / 3e0, -1.5e-10, '', '', '1000-01-01', '1970-01-01 00:00:00.000001',"
            + "  '2038-01-19 03:14:07.999999', '12:34:56.000001', X'', X''),"
            + " (3, 2, 7, 42, 0.5, 1e-300, 1e30, 'x', 'y', '9999-12-31', '9999-12-31 23:59:59.999999',"
            + "  '1970-01-01 00:00:01.000000', '838:59:59', X'01', X'02'),"
            + " (4, 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
            + " (5, 3, 5, 5, 5.5, 5.5e0, 5.5, 'five', 'five', '2005-05-05', '2005-05-05 05:05:05.5',"
            + "  '2005-05-05 05:05:05.5', '05:05:05.5', X'05', X'05'),"
            + " (6, 3, 6, 6, 6.6, -0.0e0, 6.6, '\u65e5\u672c', 'six', '2006-06-06', '2006-06-06 06:06:06',"
            + "  '2006-06-06 06:06:06', '06:06:06', X'06', X'06')";

    private final UndoLog log = new UndoLog(UndoLog.DEFAULT_TABLE, BINDER);
    private TestDatabase db;

    @BeforeEach
    void freshTables(TestDatabase db) throws SQLException {
        this.db = db;
        try (Connection c = db.connectMaster(0); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS t_all, t_snap, t_nokey, " + UndoLog.DEFAULT_TABLE);
            s.execute(String.format(TABLE, "t_all"));
            s.execute(SEED);
            s.execute("ALTER TABLE t_all AUTO_INCREMENT = 100");
            s.execute("CREATE TABLE t_snap AS SELECT * FROM t_all");
            s.execute("CREATE TABLE t_nokey (a INT, b INT)");
            log.createTable(c);
            log.createTable(c); // IF NOT EXISTS: a second DataSource start is harmless
        }
    }

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------- every kind

    @Test
    void insertOneAndManyRowsWithExplicitKeys() throws SQLException {
        commitBranch("x-ins", new Write("INSERT INTO t_all (id, grp, i, u, d, f, fl, s, tx, dt, dtm, ts, tm, b, vb)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 10L, 9, 1, new java.math.BigInteger(
                "18446744073709551614"), new java.math.BigDecimal("1.000001"), 0.1, 0.25f, "\uD83D\uDE80 rocket",
                "t", "2020-01-01", "2020-01-01 00:00:00.5", "2020-01-01 00:00:00.25", "-01:00:00", new byte[] {0, 1},
                new byte[] {(byte) 0xFF}),
                new Write("INSERT INTO t_all (grp, id, s) VALUES (9, 11, 'a'), (9, 12, 'b'), (9, ?, 'c')", 13));
        assertThat(count("SELECT COUNT(*) FROM t_all WHERE grp = 9")).isEqualTo(4);
        compensateToSnapshot("x-ins", 4);
    }

    @Test
    void insertWithAutoIncrementKeys() throws SQLException {
        commitBranch("x-auto", new Write("INSERT INTO t_all (grp, s) VALUES (8, ?)", "one"),
                new Write("INSERT INTO t_all (id, grp, s) VALUES (NULL, 8, 'two'), (NULL, 8, 'three'), (0, 8, 'four')"),
                new Write("INSERT INTO t_all SET grp = 8, s = 'five'"));
        assertThat(count("SELECT COUNT(*) FROM t_all WHERE grp = 8 AND id >= 100")).isEqualTo(5);
        compensateToSnapshot("x-auto", 5);
    }

    @Test
    void updateByKeyByRangeAndWithOrderByLimitUnderAnAlias() throws SQLException {
        commitBranch("x-upd",
                new Write("UPDATE t_all SET s = ?, f = f * 3, ts = ?, b = ? WHERE id = ?", "\uD83D\uDE00\uD83D\uDE00",
                        "2030-10-27 01:30:00.000001", new byte[] {9, 9}, 1),
                new Write("UPDATE t_all SET d = d + 1, dtm = '2001-01-01', tm = NULL, u = u DIV 2 WHERE id BETWEEN ? AND ?",
                        1, 3),
                new Write("UPDATE t_all AS a SET a.s = CONCAT(IFNULL(a.s, ''), '!') WHERE a.grp >= ?"
                        + " ORDER BY a.id DESC LIMIT 2", 2),
                new Write("UPDATE t_all SET i = 0 WHERE id = 2"), // i is 0 already: nothing to undo for that row
                new Write("UPDATE t_all SET s = 'again' WHERE id = 1")); // the same row twice
        assertThat(count("SELECT COUNT(*) FROM t_all WHERE s LIKE '%!'")).isEqualTo(2);
        compensateToSnapshot("x-upd", 7);
    }

    @Test
    void deleteByKeyByRangeAndWithOrderByLimit() throws SQLException {
        commitBranch("x-del", new Write("DELETE FROM t_all WHERE id = ?", 1),
                new Write("DELETE FROM t_all WHERE grp = 3 AND id > ?", 0),
                new Write("/* app */ DELETE FROM t_all WHERE grp = 2 ORDER BY id DESC LIMIT 1;"));
        assertThat(count("SELECT COUNT(*) FROM t_all")).isEqualTo(2);
        compensateToSnapshot("x-del", 4);
    }

    @Test
    void schemaQualifiedTablesAndAnAliasedUpdate() throws SQLException {
        // MariaDB 10.11 itself rejects DELETE FROM t AS a (MySQL 8 accepts it); WriteStatementTest covers its cut.
        commitBranch("x-dela", new Write("DELETE FROM " + db.name() + ".t_all WHERE grp = ? AND id <> ?", 1, 2),
                new Write("UPDATE `" + db.name() + "`.`t_all` a SET a.s = ? WHERE a.id = ?", "q", 3));
        assertThat(count("SELECT COUNT(*) FROM t_all")).isEqualTo(5);
        compensateToSnapshot("x-dela", 2);
    }

    @Test
    void insertUpdateAndDeleteOfTheSameRowsUndoneNewestFirst() throws SQLException {
        commitBranch("x-mix", new Write("INSERT INTO t_all (grp, s) VALUES (7, 'new')"),
                new Write("UPDATE t_all SET s = 'changed', grp = 7 WHERE id IN (100, 2)"),
                new Write("DELETE FROM t_all WHERE grp = 7"),
                new Write("INSERT INTO t_all (id, grp, s) VALUES (2, 1, 'reborn')"));
        compensateToSnapshot("x-mix", 6);
    }

    @Test
    void aStatementThatMatchesNothingRecordsNothing() throws SQLException {
        commitBranch("x-none", new Write("UPDATE t_all SET s = 'z' WHERE id = ?", 999),
                new Write("DELETE FROM t_all WHERE grp = 99"));
        assertThat(records("x-none")).isEqualTo(1); // the marker alone
        compensateToSnapshot("x-none", 0);
    }

    @Test
    void aRowMatchedButNotChangedIsReadAsOfNowNotAsOfTheSnapshot() throws SQLException {
        try (Connection c = db.connectMaster(0); Connection other = db.connectMaster(0)) {
            c.setAutoCommit(false);
            count(c, "SELECT COUNT(*) FROM t_all"); // REPEATABLE READ: the snapshot is taken here
            try (Statement s = other.createStatement()) {
                s.executeUpdate("UPDATE t_all SET s = 'committed meanwhile' WHERE id = 3");
            }
            BranchRecorder recorder = log.branch("x-snap", "ds_0");
            recorder.markBranch(c);
            write(c, recorder, new Write("UPDATE t_all SET i = 7 WHERE id = 3")); // i is 7 already
            c.commit();
        }
        assertThat(records("x-snap")).isEqualTo(1); // nothing changed, nothing to undo
        CompensationResult result = compensate("x-snap");
        assertThat(result.conflicts()).isEmpty();
        assertThat(string("SELECT s FROM t_all WHERE id = 3")).isEqualTo("committed meanwhile");
    }

    @Test
    void compositeKeysWithATextPart() throws SQLException {
        try (Connection c = db.connectMaster(0); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS t_pair, t_pair_snap");
            s.execute("CREATE TABLE t_pair (tenant VARCHAR(20) NOT NULL, n INT NOT NULL, v VARCHAR(20),"
                    + " PRIMARY KEY (tenant, n)) DEFAULT CHARSET=utf8mb4");
            s.execute("INSERT INTO t_pair VALUES ('a', 1, 'a1'), ('a', 2, 'a2'), ('b', 1, 'b1'), ('\u00e9', 1, 'e1')");
            s.execute("CREATE TABLE t_pair_snap AS SELECT * FROM t_pair");
        }
        commitBranch("x-pair", new Write("INSERT INTO t_pair (n, tenant, v) VALUES (3, 'a', ?), (1, 'c', ?)", "a3", "c1"),
                new Write("UPDATE t_pair SET v = CONCAT(v, '+') WHERE tenant IN ('a', ?)", "\u00e9"),
                new Write("DELETE FROM t_pair WHERE tenant = 'b'"));
        try (Connection other = db.connectMaster(0); Statement s = other.createStatement()) {
            s.executeUpdate("UPDATE t_pair SET v = 'theirs' WHERE tenant = 'a' AND n = 2");
        }
        CompensationResult result = compensate("x-pair");
        assertThat(result.conflicts()).extracting(UndoConflict::table, UndoConflict::primaryKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t_pair", "tenant='a', n=2"));
        assertThat(result.restored()).isEqualTo(6);
        assertThat(strings("SELECT CONCAT(tenant, n, '=', v) FROM t_pair ORDER BY tenant, n"))
                .containsExactly("a1=a1", "a2=theirs", "b1=b1", "\u00e91=e1");
    }

    // --------------------------------------------------------------------------------------------- conflicts

    @Test
    void aRowChangedByAnotherWriterIsLeftAloneReportedAndKeptForAHuman() throws SQLException {
        commitBranch("x-conf", new Write("UPDATE t_all SET s = 'branch' WHERE id IN (1, 2, 3)"),
                new Write("DELETE FROM t_all WHERE id = 5"));
        try (Connection other = db.connectMaster(0); Statement s = other.createStatement()) {
            s.executeUpdate("UPDATE t_all SET s = 'other writer' WHERE id = 2");
            s.executeUpdate("INSERT INTO t_all (id, grp, s) VALUES (5, 3, 'took the key')");
        }
        CompensationResult first = compensate("x-conf");
        assertThat(first.restored()).isEqualTo(2);
        assertThat(first.conflicts()).extracting(UndoConflict::table, UndoConflict::primaryKey)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("t_all", "id=2"),
                        org.assertj.core.groups.Tuple.tuple("t_all", "id=5"));
        UndoConflict two = first.conflicts().stream().filter(x -> x.primaryKey().equals("id=2")).findFirst().orElseThrow();
        assertThat(two.expected()).contains("\"s\":\"branch\"");
        assertThat(two.actual()).contains("\"s\":\"other writer\"");
        UndoConflict five = first.conflicts().stream().filter(x -> x.primaryKey().equals("id=5")).findFirst().orElseThrow();
        assertThat(five.expected()).isEqualTo("(absent)");
        assertThat(five.actual()).contains("took the key");

        assertThat(string("SELECT s FROM t_all WHERE id = 2")).isEqualTo("other writer");
        assertThat(string("SELECT s FROM t_all WHERE id = 5")).isEqualTo("took the key");
        assertSameRows("id NOT IN (2, 5)");
        assertThat(strings("SELECT status FROM " + UndoLog.DEFAULT_TABLE + " WHERE xid = 'x-conf' AND seq > 0"))
                .containsExactly("MANUAL", "MANUAL");

        CompensationResult second = compensate("x-conf");
        assertThat(second.restored()).isZero();
        assertThat(second.conflicts()).hasSize(2);
        assertThat(string("SELECT s FROM t_all WHERE id = 2")).isEqualTo("other writer");
        assertSameRows("id NOT IN (2, 5)");
    }

    @Test
    void olderRecordsOfAConflictedRowDoNotTouchItEither() throws SQLException {
        commitBranch("x-chain", new Write("UPDATE t_all SET s = 'b' WHERE id = 3"),
                new Write("UPDATE t_all SET s = 'c' WHERE id = 3"));
        try (Connection other = db.connectMaster(0); Statement s = other.createStatement()) {
            // Equal to the OLDER record's after-image: restoring that record would overwrite this write.
            s.executeUpdate("UPDATE t_all SET s = 'b' WHERE id = 3");
        }
        CompensationResult result = compensate("x-chain");
        assertThat(result.restored()).isZero();
        assertThat(result.conflicts()).hasSize(2);
        assertThat(string("SELECT s FROM t_all WHERE id = 3")).isEqualTo("b");
    }

    @Test
    void aCompensationKilledHalfWayLeavesNothingHalfDoneAndTheNextRunCompletes() throws Exception {
        commitBranch("x-kill", new Write("UPDATE t_all SET s = 'branch' WHERE id IN (1, 2, 3)"));
        try (Connection blocker = db.connectMaster(0); Connection victim = db.connectMaster(0)) {
            blocker.setAutoCommit(false);
            count(blocker, "SELECT COUNT(*) FROM t_all WHERE id = 1 FOR UPDATE"); // oldest record's row: done last
            long victimId = count(victim, "SELECT CONNECTION_ID()");
            Future<CompensationResult> run = POOL.submit(() -> log.compensate(victim, "x-kill", "ds_0"));
            awaitRowWait(victimId, 1); // rows 3 and 2 are restored in the open compensation transaction by now
            try (Statement s = blocker.createStatement()) {
                s.execute("KILL CONNECTION " + victimId);
            }
            assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(SQLException.class);
            blocker.rollback();
        }
        assertThat(strings("SELECT s FROM t_all WHERE id IN (1, 2, 3) ORDER BY id"))
                .containsExactly("branch", "branch", "branch");
        compensateToSnapshot("x-kill", 3);
    }

    // ---------------------------------------------------------------------------------------------- fences

    @Test
    void fenceOfACommittedBranchSaysCommitted() throws SQLException {
        commitBranch("x-f1", new Write("UPDATE t_all SET s = 'f' WHERE id = 1"));
        try (Connection c = db.connectMaster(0)) {
            assertThat(log.fence(c, "x-f1", "ds_0")).isEqualTo(BranchState.COMMITTED);
            assertThat(log.fence(c, "x-f1", "ds_0")).isEqualTo(BranchState.COMMITTED);
            assertThat(log.fence(c, "x-never", "ds_0")).isEqualTo(BranchState.ABORTED);
        }
    }

    @Test
    void fenceWaitsForAnOpenBranchThatThenCommits() throws Exception {
        try (Connection branch = db.connectMaster(0); Connection recovery = db.connectMaster(0)) {
            branch.setAutoCommit(false);
            BranchRecorder recorder = log.branch("x-f2", "ds_0");
            recorder.markBranch(branch);
            write(branch, recorder, new Write("UPDATE t_all SET s = 'f2' WHERE id = 1"));
            long recoveryId = count(recovery, "SELECT CONNECTION_ID()");
            Future<BranchState> fence = POOL.submit(() -> log.fence(recovery, "x-f2", "ds_0"));
            awaitFenceWaiting(recoveryId);
            assertThat(fence.isDone()).isFalse();
            branch.commit();
            assertThat(fence.get(30, TimeUnit.SECONDS)).isEqualTo(BranchState.COMMITTED);
        }
    }

    @Test
    void fenceWaitsForAnOpenBranchThatThenRollsBackAndALaterMarkFails() throws Exception {
        try (Connection branch = db.connectMaster(0); Connection recovery = db.connectMaster(0)) {
            branch.setAutoCommit(false);
            BranchRecorder recorder = log.branch("x-f3", "ds_0");
            recorder.markBranch(branch);
            long recoveryId = count(recovery, "SELECT CONNECTION_ID()");
            Future<BranchState> fence = POOL.submit(() -> log.fence(recovery, "x-f3", "ds_0"));
            awaitFenceWaiting(recoveryId);
            branch.rollback();
            assertThat(fence.get(30, TimeUnit.SECONDS)).isEqualTo(BranchState.ABORTED);
            // The dying branch comes back to life (a retry of its statements): it can never commit now.
            assertThatThrownBy(() -> recorder.markBranch(branch)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("fenced").extracting(e -> ((SQLException) e).getErrorCode()).isEqualTo(1062);
            branch.rollback();
        }
    }

    @Test
    void aBranchFencedBeforeItsFirstWriteCannotMark() throws SQLException {
        try (Connection branch = db.connectMaster(0); Connection recovery = db.connectMaster(0)) {
            branch.setAutoCommit(false);
            try (Statement s = branch.createStatement()) {
                s.executeQuery("SELECT 1").close(); // the transaction is open, nothing written yet
            }
            assertThat(log.fence(recovery, "x-f4", "ds_0")).isEqualTo(BranchState.ABORTED);
            BranchRecorder recorder = log.branch("x-f4", "ds_0");
            assertThatThrownBy(() -> recorder.markBranch(branch)).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23000");
            branch.rollback();
        }
    }

    // ----------------------------------------------------------------------------------------- unsupported

    @Test
    void writesThatCannotBeCompensatedAreRefusedNamingTheConstruct() throws SQLException {
        try (Connection c = db.connectMaster(0)) {
            c.setAutoCommit(false);
            BranchRecorder r = log.branch("x-unsup", "ds_0");
            assertRefused(c, r, "UPDATE t_all a JOIN t_snap b ON a.id = b.id SET a.s = b.s", "multi-table UPDATE");
            assertRefused(c, r, "DELETE a FROM t_all a JOIN t_snap b ON a.id = b.id", "multi-table DELETE");
            assertRefused(c, r, "UPDATE t_all SET id = id + 1000 WHERE id = 1", "UPDATE of a primary-key column");
            assertRefused(c, r, "UPDATE t_all AS a SET a.ID = 7 WHERE a.id = 1", "UPDATE of a primary-key column");
            assertRefused(c, r, "INSERT INTO t_all (id, grp) VALUES (1, 1) ON DUPLICATE KEY UPDATE grp = 2",
                    "ON DUPLICATE KEY UPDATE");
            assertRefused(c, r, "REPLACE INTO t_all (id, grp) VALUES (1, 1)", "REPLACE");
            assertRefused(c, r, "INSERT INTO t_all (id, grp) SELECT id + 100, grp FROM t_snap", "INSERT ... SELECT");
            assertRefused(c, r, "INSERT IGNORE INTO t_all (id, grp) VALUES (1, 1)", "INSERT IGNORE");
            assertRefused(c, r, "UPDATE t_nokey SET a = 1", "table without a primary key");
            assertRefused(c, r, "INSERT INTO t_all (id, grp) VALUES (UUID_SHORT(), 1)", "computed primary-key value");
            assertRefused(c, r, "INSERT INTO t_all (id, grp) VALUES (NULL, 1), (500, 1)", "mixing explicit and generated");
            c.rollback();
        }
        try (Connection c = db.connectMaster(0); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS t_child, t_parent");
            s.execute("CREATE TABLE t_parent (id INT PRIMARY KEY, n INT)");
            s.execute("CREATE TABLE t_child (id INT PRIMARY KEY, parent INT,"
                    + " CONSTRAINT fk_parent FOREIGN KEY (parent) REFERENCES t_parent (id) ON DELETE CASCADE)");
            s.execute("CREATE TRIGGER t_parent_upd AFTER UPDATE ON t_parent FOR EACH ROW SET @touched = 1");
            c.setAutoCommit(false);
            BranchRecorder r = log.branch("x-unsup2", "ds_0");
            assertRefused(c, r, "DELETE FROM t_parent WHERE id = 1", "DELETE with a cascading foreign key");
            assertRefused(c, r, "UPDATE t_parent SET n = 2 WHERE id = 1", "UPDATE on a table with a trigger");
            r.beforeWrite(c, "INSERT INTO t_parent (id, n) VALUES (1, 1)", List.of()); // no INSERT trigger: fine
            r.beforeWrite(c, "DELETE FROM t_child WHERE id = 1", List.of()); // the child itself cascades nothing
            c.rollback();
        }
        assertSameRows("TRUE");
    }

    // ---------------------------------------------------------------------------------------------- forget

    @Test
    void forgetRemovesEveryRecordOfTheTransactionAndOnlyThose() throws SQLException {
        commitBranch("x-keep", new Write("UPDATE t_all SET s = 'k' WHERE id = 4"));
        commitBranch("x-gone", new Write("UPDATE t_all SET s = 'g' WHERE id = 5"), new Write("DELETE FROM t_all WHERE id = 6"));
        try (Connection c = db.connectMaster(0)) {
            log.fence(c, "x-gone", "ds_1"); // a fence of another branch of the same transaction
            assertThat(log.xidsWithRecords(c)).containsExactly("x-gone", "x-keep");
            log.forget(c, "x-gone");
            assertThat(log.xidsWithRecords(c)).containsExactly("x-keep");
        }
        assertThat(records("x-gone")).isZero();
        assertThat(records("x-keep")).isEqualTo(2); // its marker and its one record
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private record Write(String sql, Object... params) {
    }

    /** Runs the writes as branch ds_0 of {@code xid} (session time zone +05:30, to catch zone slips) and commits. */
    private void commitBranch(String xid, Write... writes) throws SQLException {
        try (Connection c = db.connectMaster(0)) {
            try (Statement s = c.createStatement()) {
                s.execute("SET time_zone = '+05:30'");
            }
            c.setAutoCommit(false);
            BranchRecorder recorder = log.branch(xid, "ds_0");
            recorder.markBranch(c);
            for (Write w : writes) {
                write(c, recorder, w);
            }
            c.commit();
        }
    }

    private static void write(Connection c, BranchRecorder recorder, Write w) throws SQLException {
        List<Object> params = Arrays.asList(w.params());
        PendingUndo pending = recorder.beforeWrite(c, w.sql(), params);
        int n;
        try (PreparedStatement ps = c.prepareStatement(w.sql())) {
            for (int i = 0; i < params.size(); i++) {
                BINDER.bind(ps, i + 1, params.get(i));
            }
            n = ps.executeUpdate();
        }
        pending.afterWrite(c, n);
    }

    private CompensationResult compensate(String xid) throws SQLException {
        try (Connection c = db.connectMaster(0)) {
            return log.compensate(c, xid, "ds_0");
        }
    }

    /** Compensates, expects every record applied and the table as it was; then again, which must change nothing. */
    private void compensateToSnapshot(String xid, int expectedRecords) throws SQLException {
        assertThat(records(xid)).isEqualTo(expectedRecords + 1);
        CompensationResult result = compensate(xid);
        assertThat(result.conflicts()).isEmpty();
        assertThat(result.restored()).isEqualTo(expectedRecords);
        assertSameRows("TRUE");
        assertThat(records(xid)).isEqualTo(1); // the marker stays until forget
        CompensationResult again = compensate(xid);
        assertThat(again.restored()).isZero();
        assertThat(again.conflicts()).isEmpty();
        assertSameRows("TRUE");
    }

    /** The rows of t_all matching {@code where} equal those of t_snap, compared by the server column by column. */
    private void assertSameRows(String where) throws SQLException {
        StringBuilder on = new StringBuilder();
        for (String col : COLUMNS) {
            on.append(on.length() == 0 ? "" : " AND ").append("BINARY a.").append(col).append(" <=> BINARY b.")
                    .append(col).append(" AND a.").append(col).append(" <=> b.").append(col);
        }
        String a = "(SELECT * FROM t_all WHERE " + where + ")";
        String b = "(SELECT * FROM t_snap WHERE " + where + ")";
        long inA = count("SELECT COUNT(*) FROM " + a + " x");
        long inB = count("SELECT COUNT(*) FROM " + b + " x");
        long same = count("SELECT COUNT(*) FROM " + a + " a JOIN " + b + " b ON " + on);
        if (inA != inB || same != inB) {
            throw new AssertionError("t_all differs from its snapshot (" + inA + " rows, " + inB + " expected, " + same
                    + " equal)\nnow:\n" + dump("t_all") + "before:\n" + dump("t_snap"));
        }
    }

    private String dump(String table) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Connection c = db.connectMaster(0); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, grp, i, u, d, f, fl, s, tx, dt, dtm, ts, tm, HEX(b), HEX(vb)"
                        + " FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                for (int i = 1; i <= COLUMNS.length; i++) {
                    sb.append(i == 1 ? "  " : " | ").append(rs.getString(i));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private long records(String xid) throws SQLException {
        return count("SELECT COUNT(*) FROM " + UndoLog.DEFAULT_TABLE + " WHERE xid = '" + xid + "'");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(string(sql));
    }

    private String string(String sql) throws SQLException {
        List<String> all = strings(sql);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connectMaster(0); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void assertRefused(Connection c, BranchRecorder r, String sql, String construct) {
        assertThatThrownBy(() -> r.beforeWrite(c, sql, List.of())).as(sql)
                .isInstanceOf(UndoUnsupportedException.class).hasMessageContaining(construct)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("0A000");
    }

    /**
     * Waits until connection {@code connectionId} is running its locking read of row {@code id} of t_all. The test's
     * blocker holds that row, so the statement cannot finish: it is blocked there. Not detected through
     * INNODB_LOCK_WAITS: MariaDB 10.11 does not always list this wait there (the primary-key read happens while the
     * optimizer reads const tables, state "Statistics", and INNODB_TRX then shows the waiting transaction as RUNNING).
     */
    private void awaitRowWait(long connectionId, long id) throws Exception {
        String expected = "FROM `t_all` WHERE (`id` = " + id + ") FOR UPDATE";
        CompletableFuture<Void> seen = CompletableFuture.runAsync(() -> {
            try (Connection c = db.connectMaster(0); PreparedStatement ps = c.prepareStatement(
                    "SELECT INFO FROM information_schema.PROCESSLIST WHERE ID = ?")) {
                ps.setLong(1, connectionId);
                while (true) {
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getString(1) != null && rs.getString(1).contains(expected)) {
                            return;
                        }
                    }
                    Thread.sleep(10);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, POOL);
        seen.get(30, TimeUnit.SECONDS);
    }

    /**
     * Waits until the fence (connection {@code connectionId}) is inside its marker INSERT. The open branch holds that
     * key, so the INSERT cannot finish: seen running, it waits. Watched through PROCESSLIST and INNODB_LOCK_WAITS both:
     * MariaDB 10.11 does not always list the wait in INNODB_LOCK_WAITS (see awaitRowWait).
     */
    private void awaitFenceWaiting(long connectionId) throws Exception {
        CompletableFuture<Void> seen = CompletableFuture.runAsync(() -> {
            try (Connection c = db.connectMaster(0); PreparedStatement ps = c.prepareStatement(
                    "SELECT INFO, (SELECT COUNT(*) FROM information_schema.INNODB_LOCK_WAITS)"
                            + " FROM information_schema.PROCESSLIST WHERE ID = ?")) {
                ps.setLong(1, connectionId);
                while (true) {
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && (rs.getLong(2) > 0 || (rs.getString(1) != null
                                && rs.getString(1).stripLeading().regionMatches(true, 0, "INSERT", 0, 6)))) {
                            return;
                        }
                    }
                    Thread.sleep(10);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, POOL);
        seen.get(30, TimeUnit.SECONDS);
    }
}

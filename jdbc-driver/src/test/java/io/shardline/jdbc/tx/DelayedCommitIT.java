package io.shardline.jdbc.tx;

import static io.shardline.jdbc.tx.TransferFixture.balance;
import static io.shardline.jdbc.tx.TransferFixture.eventually;
import static io.shardline.jdbc.tx.TransferFixture.state;
import static io.shardline.jdbc.tx.TransferFixture.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.consistency.tx.CommitObserver;
import io.shardline.consistency.tx.GlobalCommitException;
import io.shardline.consistency.tx.TransactionCoordinator;
import io.shardline.consistency.tx.TransactionMetrics;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delayed commit with compensation on three real MariaDB masters: commits everywhere or nowhere, with a shard
 * server killed between branch commits, a branch connection killed, and a concurrent write to a row compensation
 * would restore. Users are sharded by {@code user_id % 3}.
 */
@TestTopology(groups = 3, replicas = 0, shared = false)
class DelayedCommitIT {

    static final int GROUPS = 3;

    @TempDir
    Path logs;

    @BeforeEach
    void reset(TestDatabase db) throws SQLException {
        TransferFixture.reset(db, GROUPS);
    }

    private ShardlineDataSource open(TestDatabase db, CommitObserver observer) {
        return TransferFixture.dataSource(db, GROUPS, "DELAYED", logs, observer);
    }

    private static TransactionCoordinator coordinator(ShardlineDataSource ds) {
        return TransferFixture.coordinator(ds);
    }

    @Test
    void aTransferAcrossDataSourcesCommitsEverywhereAndLeavesNoUndoRecords(TestDatabase db) throws Exception {
        try (ShardlineDataSource ds = open(db, CommitObserver.NONE); Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            transfer(c, 1, 1, 2, new BigDecimal("10.00"));
            c.commit();
            assertThat(balance(db, GROUPS, 1)).isEqualByComparingTo("990.00");
            assertThat(balance(db, GROUPS, 2)).isEqualByComparingTo("1010.00");
            TransactionMetrics m = coordinator(ds).metrics();
            assertThat(m.globalCommits()).isEqualTo(1);
            assertThat(m.compensations()).isZero();
            // FINISHED and the undo clean-up run in the background, after the application has its answer.
            assertThat(eventually(5_000, () -> state(db, GROUPS).undoRecords() == 0)).isTrue();
            assertThat(state(db, GROUPS).consistent()).isTrue();
        }
    }

    @Test
    void aTransactionOnOneDataSourceIsAPlainLocalTransaction(TestDatabase db) throws Exception {
        try (ShardlineDataSource ds = open(db, CommitObserver.NONE); Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            transfer(c, 2, 1, 4, new BigDecimal("5.00")); // users 1 and 4 both live on ds_1
            c.commit();
            TransactionMetrics m = coordinator(ds).metrics();
            assertThat(m.localCommits()).isEqualTo(1);
            assertThat(m.globalCommits()).isZero();
            assertThat(state(db, GROUPS).undoRecords()).isZero();
            assertThat(undoTableExists(db, 1)).as("no undo table is even created").isFalse();
            assertThat(balance(db, GROUPS, 4)).isEqualByComparingTo("1005.00");
        }
    }

    @Test
    void rollbackLeavesNothingBehind(TestDatabase db) throws Exception {
        try (ShardlineDataSource ds = open(db, CommitObserver.NONE); Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            transfer(c, 3, 1, 2, new BigDecimal("10.00"));
            c.rollback();
        }
        TransferFixture.State s = state(db, GROUPS);
        assertThat(s.orders()).isZero();
        assertThat(s.undoRecords()).isZero();
        assertThat(s.consistent()).isTrue();
    }

    @Test
    void aShardKilledBetweenBranchCommitsIsCompensatedOnTheOthers(TestDatabase db) throws Exception {
        // Two transfers from user 0 (ds_0, the last resource) to users 1 (ds_1) and 2 (ds_2): commit order ds_1,
        // ds_2, ds_0. ds_2's server dies after ds_1 committed.
        CommitObserver killDs2 = observer(step -> {
            if (step.equals("before ds_2")) {
                db.topology().kill(db.topology().master(2));
            }
        });
        try (ShardlineDataSource ds = open(db, killDs2); Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            transfer(c, 10, 0, 1, new BigDecimal("10.00"));
            transfer(c, 11, 0, 2, new BigDecimal("20.00"));
            assertThatThrownBy(c::commit).isInstanceOfSatisfying(GlobalCommitException.class, e -> {
                // ds_2 cannot say whether it committed until it is back: in doubt, but ds_1 is already restored.
                assertThat(e.outcome()).isEqualTo(GlobalCommitException.Outcome.IN_DOUBT);
                assertThat(e.getSQLState()).isEqualTo("08007");
                assertThat(e.getMessage()).contains("commit failed on ds_2").contains("compensated [ds_1]");
            });
            assertThat(balance(db, GROUPS, 1)).as("ds_1 compensated at once").isEqualByComparingTo("1000.00");
            assertThat(balance(db, GROUPS, 0)).as("the last resource never committed").isEqualByComparingTo("1000.00");

            db.topology().restart(db.topology().master(2));
            // The resolver learns that ds_2 did not commit (its transaction died with the server) and settles.
            assertThat(eventually(20_000, () -> coordinator(ds).metrics().recovered() == 1)).isTrue();
            TransferFixture.State s = state(db, GROUPS);
            assertThat(s.consistent()).as(s.toString()).isTrue();
            assertThat(s.orders()).isZero();
            assertThat(s.balances()).allMatch(b -> b.endsWith("=1000.00"));
            assertThat(eventually(5_000, () -> state(db, GROUPS).undoRecords() == 0)).isTrue();
        }
    }

    @Test
    void theLastResourceKilledLeavesTheTransactionInDoubtUntilItAnswers(TestDatabase db) throws Exception {
        // Transfer 1 → 2: ds_1 written first (last resource), ds_2 commits first. ds_1's server dies before its commit.
        CommitObserver killDs1 = observer(step -> {
            if (step.equals("before ds_1")) {
                db.topology().kill(db.topology().master(1));
            }
        });
        try (ShardlineDataSource ds = open(db, killDs1); Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            transfer(c, 20, 1, 2, new BigDecimal("10.00"));
            assertThatThrownBy(c::commit).isInstanceOfSatisfying(GlobalCommitException.class,
                    e -> assertThat(e.outcome()).isEqualTo(GlobalCommitException.Outcome.IN_DOUBT));
            db.topology().restart(db.topology().master(1));
            assertThat(eventually(20_000, () -> coordinator(ds).metrics().recovered() == 1)).isTrue();
            assertThat(balance(db, GROUPS, 2)).as("ds_2 compensated once ds_1 proved it had not committed")
                    .isEqualByComparingTo("1000.00");
            assertThat(state(db, GROUPS).consistent()).isTrue();
            assertThat(state(db, GROUPS).orders()).isZero();
        }
    }

    @Test
    void aRowChangedBySomeoneElseIsNotOverwrittenAndIsReported(TestDatabase db) throws Exception {
        // Transfer 1 → 2: ds_2 commits first; then someone changes user 2's balance; then ds_1's commit fails
        // (its connection is killed), so ds_2 must be compensated — but not over the other writer's change.
        AtomicReference<Long> lastResourceConnection = new AtomicReference<>();
        CommitObserver interfere = observer(step -> {
            if (step.equals("after ds_2")) {
                try (Connection other = db.connectMaster(2); Statement s = other.createStatement()) {
                    s.executeUpdate("UPDATE t_account SET balance = 5000 WHERE user_id = 2");
                }
                killConnection(db, 1, lastResourceConnection.get());
            }
        });
        try (ShardlineDataSource ds = open(db, interfere); Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            transfer(c, 30, 1, 2, new BigDecimal("10.00"));
            lastResourceConnection.set(user1ConnectionId(c));
            assertThatThrownBy(c::commit).isInstanceOfSatisfying(GlobalCommitException.class, e -> {
                assertThat(e.outcome()).isEqualTo(GlobalCommitException.Outcome.MANUAL);
                assertThat(e.getMessage()).contains("t_account").contains("user_id=2").contains(e.xid());
            });
            assertThat(balance(db, GROUPS, 2)).as("the other writer's value stays").isEqualByComparingTo("5000.00");
            assertThat(balance(db, GROUPS, 1)).isEqualByComparingTo("1000.00");
            assertThat(state(db, GROUPS).ledger()).as("the ledger row was restored (deleted)").isZero();
            assertThat(coordinator(ds).metrics().manualResolutions()).isEqualTo(1);
            try (Connection c2 = db.connectMaster(2); Statement s = c2.createStatement()) {
                assertThat(TransferFixture.count(s, "SELECT COUNT(*) FROM shardline_undo_log WHERE status = 'MANUAL'"))
                        .as("the conflicting undo record is kept for a human").isPositive();
            }
        }
    }

    @Test
    void ddlAfterAWriteIsRefusedAndDdlBeforeAnyWriteRuns(TestDatabase db) throws Exception {
        try (ShardlineDataSource ds = open(db, CommitObserver.NONE); Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            transfer(c, 40, 1, 2, new BigDecimal("10.00"));
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("ALTER TABLE t_order ADD COLUMN extra INT"))
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getSQLState()).isEqualTo("25000");
                            assertThat(e.getMessage()).contains("ALTER TABLE t_order").contains("ds_1")
                                    .contains("ds_2");
                        });
            }
            c.rollback();
            assertThat(state(db, GROUPS).orders()).as("the refused DDL committed nothing").isZero();
            assertThat(balance(db, GROUPS, 1)).isEqualByComparingTo("1000.00");
            // What migration tools do: several DDL statements in a transaction before its first write.
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE t_order ADD COLUMN extra INT");
                s.execute("ALTER TABLE t_order DROP COLUMN extra");
            }
            transfer(c, 41, 1, 2, new BigDecimal("10.00"));
            c.commit();
            assertThat(balance(db, GROUPS, 2)).isEqualByComparingTo("1010.00");
            assertThat(coordinator(ds).metrics().globalCommits()).isEqualTo(1);
            assertThat(state(db, GROUPS).consistent()).isTrue();
        }
    }

    @Test
    void ddlThroughShardlineRefreshesTheTableShapesUndoCaptures(TestDatabase db) throws Exception {
        // Transfer 1 → 2 after ALTER TABLE added a column: ds_2 commits, the last resource ds_1 fails, ds_2 is
        // compensated. Its undo image must have the new column, or compensation leaves the column changed.
        AtomicReference<Long> lastResourceConnection = new AtomicReference<>();
        CommitObserver killLastResource = observer(step -> {
            if (lastResourceConnection.get() != null && step.equals("after ds_2")) { // not in the first transfer
                killConnection(db, 1, lastResourceConnection.get());
            }
        });
        try (ShardlineDataSource ds = open(db, killLastResource); Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            transfer(c, 50, 1, 2, new BigDecimal("1.00")); // undo capture on ds_2 learns t_account's shape
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE t_account ADD COLUMN tier INT NOT NULL DEFAULT 0");
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE t_account SET balance = balance - 5, tier = 7 WHERE user_id = 1");
                s.executeUpdate("UPDATE t_account SET balance = balance + 5, tier = 7 WHERE user_id = 2");
            }
            lastResourceConnection.set(user1ConnectionId(c));
            assertThatThrownBy(c::commit).isInstanceOf(GlobalCommitException.class);
            assertThat(eventually(10_000, () -> tier(db, 2) == 0)).as("tier of user 2 restored").isTrue();
            assertThat(balance(db, GROUPS, 2)).isEqualByComparingTo("1001.00");
            assertThat(balance(db, GROUPS, 1)).isEqualByComparingTo("999.00");
        }
    }

    @Test
    void ddlStraightOnTheShardsMakesCompensationManualInsteadOfPartial(TestDatabase db) throws Exception {
        // As above, but the column is added on the servers directly, behind Shardline's back, so undo capture works
        // from a stale shape and its images lack the column. Restoring them would put the balance back and leave
        // tier = 7: compensation must report the row for a human instead.
        AtomicReference<Long> lastResourceConnection = new AtomicReference<>();
        CommitObserver killLastResource = observer(step -> {
            if (lastResourceConnection.get() != null && step.equals("after ds_2")) {
                killConnection(db, 1, lastResourceConnection.get());
            }
        });
        try (ShardlineDataSource ds = open(db, killLastResource); Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            transfer(c, 60, 1, 2, new BigDecimal("1.00")); // undo capture on ds_2 caches t_account's shape
            c.commit();
            for (int g = 0; g < GROUPS; g++) {
                try (Connection direct = db.connectMaster(g); Statement s = direct.createStatement()) {
                    s.execute("ALTER TABLE t_account ADD COLUMN tier INT NOT NULL DEFAULT 0");
                }
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE t_account SET balance = balance - 5, tier = 7 WHERE user_id = 1");
                s.executeUpdate("UPDATE t_account SET balance = balance + 5, tier = 7 WHERE user_id = 2");
            }
            lastResourceConnection.set(user1ConnectionId(c));
            assertThatThrownBy(c::commit).isInstanceOf(GlobalCommitException.class);
            assertThat(eventually(10_000, () -> coordinator(ds).metrics().manualResolutions() == 1))
                    .as("user 2's row reported for manual resolution").isTrue();
            assertThat(tier(db, 2)).as("nothing restored half").isEqualTo(7);
            assertThat(balance(db, GROUPS, 2)).isEqualByComparingTo("1006.00");
            try (Connection c2 = db.connectMaster(2); Statement s = c2.createStatement()) {
                assertThat(TransferFixture.count(s, "SELECT COUNT(*) FROM shardline_undo_log WHERE status = 'MANUAL'"))
                        .as("the undo record is kept for a human").isPositive();
            }
        }
    }

    /** The server-side id of the connection that holds user 1's part (ds_1) of {@code c}'s open transaction. */
    private static long user1ConnectionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT CONNECTION_ID() FROM t_account WHERE user_id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void killConnection(TestDatabase db, int group, long id) throws SQLException {
        try (Connection admin = db.connectMaster(group); Statement s = admin.createStatement()) {
            s.execute("KILL CONNECTION " + id);
        }
    }

    private static int tier(TestDatabase db, int user) throws SQLException {
        try (Connection c = db.connectMaster(user % GROUPS); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT tier FROM t_account WHERE user_id = " + user)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean undoTableExists(TestDatabase db, int group) throws SQLException {
        try (Connection c = db.connectMaster(group); Statement s = c.createStatement()) {
            return TransferFixture.count(s, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                    + "DATABASE() AND table_name = 'shardline_undo_log'") > 0;
        }
    }

    /** An observer calling {@code action} with "before ds_N" / "after ds_N" at each branch commit. */
    static CommitObserver observer(ThrowingConsumer action) {
        return new CommitObserver() {
            @Override
            public void beforeBranchCommit(String xid, String dataSource, int index, int count) {
                action.acceptUnchecked("before " + dataSource);
            }

            @Override
            public void afterBranchCommit(String xid, String dataSource, int index, int count) {
                action.acceptUnchecked("after " + dataSource);
            }
        };
    }

    @FunctionalInterface
    interface ThrowingConsumer {
        void accept(String step) throws Exception;

        default void acceptUnchecked(String step) {
            try {
                accept(step);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

}

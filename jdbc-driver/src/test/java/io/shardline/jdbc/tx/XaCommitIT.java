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
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code transactions.mode: XA} on three real MariaDB masters: XA START/END/PREPARE/COMMIT, one-phase commit for one
 * branch, a server killed after the decision (its prepared branch survives the crash and is committed once it is
 * back), a branch lost before PREPARE (everything rolls back).
 */
@TestTopology(groups = 3, replicas = 0, shared = false)
class XaCommitIT {

    static final int GROUPS = 3;

    @TempDir
    Path logs;

    @BeforeEach
    void reset(TestDatabase db) throws SQLException {
        TransferFixture.reset(db, GROUPS);
    }

    private ShardlineDataSource open(TestDatabase db, CommitObserver observer) {
        return TransferFixture.dataSource(db, GROUPS, "XA", logs, observer);
    }

    private static TransactionCoordinator coordinator(ShardlineDataSource ds) {
        return TransferFixture.coordinator(ds);
    }

    @Test
    void aTransferCommitsEverywhereThroughXa(TestDatabase db) throws Exception {
        try (ShardlineDataSource ds = open(db, CommitObserver.NONE); Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            transfer(c, 1, 1, 2, new BigDecimal("10.00"));
            c.commit();
            assertThat(balance(db, GROUPS, 1)).isEqualByComparingTo("990.00");
            assertThat(balance(db, GROUPS, 2)).isEqualByComparingTo("1010.00");
            assertThat(coordinator(ds).metrics().xaCommits()).isEqualTo(1);
            assertThat(preparedBranches(db)).isZero();
            assertThat(state(db, GROUPS).consistent()).isTrue();
        }
    }

    @Test
    void oneDataSourceCommitsInOnePhase(TestDatabase db) throws Exception {
        try (ShardlineDataSource ds = open(db, CommitObserver.NONE); Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            transfer(c, 2, 1, 4, new BigDecimal("5.00"));
            c.commit();
            assertThat(balance(db, GROUPS, 4)).isEqualByComparingTo("1005.00");
            assertThat(coordinator(ds).metrics().xaCommits()).isEqualTo(1);
            assertThat(preparedBranches(db)).isZero();
        }
    }

    @Test
    void rollbackEndsEveryBranch(TestDatabase db) throws Exception {
        try (ShardlineDataSource ds = open(db, CommitObserver.NONE); Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            transfer(c, 3, 1, 2, new BigDecimal("10.00"));
            c.rollback();
            // the same connection goes on with a new transaction
            transfer(c, 4, 1, 2, new BigDecimal("1.00"));
            c.commit();
        }
        assertThat(balance(db, GROUPS, 2)).isEqualByComparingTo("1001.00");
        assertThat(state(db, GROUPS).orders()).isEqualTo(1);
        assertThat(preparedBranches(db)).isZero();
    }

    @Test
    void aServerKilledAfterTheDecisionCommitsItsPreparedBranchWhenItIsBack(TestDatabase db) throws Exception {
        CommitObserver killDs2 = new CommitObserver() {
            @Override
            public void decided(String xid) {
                db.topology().kill(db.topology().master(2));
            }
        };
        try (ShardlineDataSource ds = open(db, killDs2); Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            transfer(c, 5, 1, 2, new BigDecimal("10.00"));
            assertThatThrownBy(c::commit).isInstanceOfSatisfying(GlobalCommitException.class, e -> {
                assertThat(e.outcome()).isEqualTo(GlobalCommitException.Outcome.IN_DOUBT);
                assertThat(e.getMessage()).contains("[ds_2]");
            });
            assertThat(balance(db, GROUPS, 1)).isEqualByComparingTo("990.00");
            db.topology().restart(db.topology().master(2));
            // MariaDB keeps the prepared branch through the crash; the resolver commits it (the decision is logged).
            assertThat(eventually(20_000, () -> coordinator(ds).metrics().recovered() == 1)).isTrue();
            assertThat(balance(db, GROUPS, 2)).isEqualByComparingTo("1010.00");
            assertThat(state(db, GROUPS).consistent()).isTrue();
            assertThat(preparedBranches(db)).isZero();
        }
    }

    @Test
    void aBranchLostBeforePrepareRollsEverythingBack(TestDatabase db) throws Exception {
        try (ShardlineDataSource ds = open(db, CommitObserver.NONE); Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            transfer(c, 6, 1, 2, new BigDecimal("10.00"));
            long victim;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT CONNECTION_ID() FROM t_account WHERE user_id = 2")) {
                rs.next();
                victim = rs.getLong(1);
            }
            try (Connection admin = db.connectMaster(2); Statement s = admin.createStatement()) {
                s.execute("KILL CONNECTION " + victim);
            }
            assertThatThrownBy(c::commit).isInstanceOfSatisfying(GlobalCommitException.class,
                    e -> assertThat(e.outcome()).isEqualTo(GlobalCommitException.Outcome.ROLLED_BACK));
        }
        TransferFixture.State s = state(db, GROUPS);
        assertThat(s.orders()).isZero();
        assertThat(s.balances()).allMatch(b -> b.endsWith("=1000.00"));
        assertThat(preparedBranches(db)).isZero();
    }

    static long preparedBranches(TestDatabase db) throws SQLException {
        long n = 0;
        for (int g = 0; g < GROUPS; g++) {
            try (Connection c = db.connectMaster(g); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("XA RECOVER")) {
                while (rs.next()) {
                    n++;
                }
            }
        }
        return n;
    }
}

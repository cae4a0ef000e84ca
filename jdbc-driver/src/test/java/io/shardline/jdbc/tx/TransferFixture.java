package io.shardline.jdbc.tx;

import io.shardline.testkit.MariaDbNode;
import io.shardline.testkit.junit.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The business action of the transaction tests: a transfer between two users on different data sources, which
 * debits one account, credits the other, and writes an order (payer's shard) and a ledger row (payee's shard).
 * Invariants after every crash and recovery: the total balance is constant; orders = ledger rows.
 * Accounts are sharded by {@code user_id % groups}.
 */
final class TransferFixture {

    static final int USERS = 12;
    static final BigDecimal OPENING = new BigDecimal("1000.00");

    private TransferFixture() {
    }

    /** The configuration: {@code groups} data sources over the topology's masters, the given transactions section. */
    static String yaml(TestDatabase db, int groups, String mode, Path logDirectory, long resolveIntervalMs) {
        StringBuilder y = new StringBuilder("dataSources:\n");
        for (int g = 0; g < groups; g++) {
            y.append("  ds_").append(g).append(":\n")
                    .append("    master: {url: \"").append(db.jdbcUrl(db.topology().master(g)))
                    .append("\", username: ").append(MariaDbNode.USER).append("}\n")
                    .append("    pool: {maximumPoolSize: 6, minimumIdle: 1, connectionTimeoutMs: 3000}\n");
        }
        y.append("rules:\n  tables:\n");
        for (String table : List.of("t_account", "t_order", "t_ledger")) {
            y.append("    ").append(table).append(": {dataNodes: \"ds_${0..").append(groups - 1).append("}.")
                    .append(table).append("\", databaseStrategy: {column: user_id, algorithm: by_user}}\n");
        }
        y.append("  algorithms:\n    by_user: {type: MOD, props: {shardingCount: ").append(groups).append("}}\n");
        y.append("transactions:\n  mode: ").append(mode).append("\n");
        if (!mode.equals("LOCAL")) {
            y.append("  log: {directory: \"").append(logDirectory).append("\"}\n")
                    .append("  resolveIntervalMs: ").append(resolveIntervalMs).append('\n');
        }
        return y.toString();
    }

    /** A DataSource over the topology with the given transactions mode, log and commit observer. */
    static io.shardline.jdbc.ShardlineDataSource dataSource(TestDatabase db, int groups, String mode, Path logs,
            io.shardline.consistency.tx.CommitObserver observer) {
        io.shardline.jdbc.config.ShardlineConfig config = io.shardline.jdbc.config.ShardlineConfig.parse(
                yaml(db, groups, mode, logs, 200), mode.toLowerCase(java.util.Locale.ROOT) + "-commit-it.yaml");
        return io.shardline.jdbc.ShardlineDataSource.builder().config(config).commitObserver(observer).build();
    }

    static io.shardline.consistency.tx.TransactionCoordinator coordinator(io.shardline.jdbc.ShardlineDataSource ds) {
        return ds.transactions().orElseThrow();
    }

    /** (Re)creates the tables on every master and opens every account with {@link #OPENING}. */
    static void reset(TestDatabase db, int groups) throws SQLException {
        for (int g = 0; g < groups; g++) {
            try (Connection c = db.connectMaster(g); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS t_account, t_order, t_ledger, shardline_undo_log");
                s.execute("CREATE TABLE t_account (user_id BIGINT PRIMARY KEY, balance DECIMAL(12,2) NOT NULL, "
                        + "version INT NOT NULL DEFAULT 0)");
                s.execute("CREATE TABLE t_order (order_id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, "
                        + "amount DECIMAL(12,2) NOT NULL, note VARCHAR(40))");
                s.execute("CREATE TABLE t_ledger (entry_id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, "
                        + "amount DECIMAL(12,2) NOT NULL)");
                for (int u = 0; u < USERS; u++) {
                    if (u % groups == g) {
                        s.execute("INSERT INTO t_account (user_id, balance) VALUES (" + u + ", " + OPENING + ")");
                    }
                }
            }
        }
    }

    /**
     * One transfer in the current transaction of {@code c} (autocommit off): debit, credit, order, ledger. Does not
     * commit.
     */
    static void transfer(Connection c, long id, int from, int to, BigDecimal amount) throws SQLException {
        try (PreparedStatement debit = c.prepareStatement(
                "UPDATE t_account SET balance = balance - ?, version = version + 1 WHERE user_id = ?");
                PreparedStatement credit = c.prepareStatement(
                        "UPDATE t_account SET balance = balance + ?, version = version + 1 WHERE user_id = ?");
                PreparedStatement order = c.prepareStatement(
                        "INSERT INTO t_order (order_id, user_id, amount, note) VALUES (?, ?, ?, ?)");
                PreparedStatement ledger = c.prepareStatement(
                        "INSERT INTO t_ledger (entry_id, user_id, amount) VALUES (?, ?, ?)")) {
            debit.setBigDecimal(1, amount);
            debit.setLong(2, from);
            debit.executeUpdate();
            credit.setBigDecimal(1, amount);
            credit.setLong(2, to);
            credit.executeUpdate();
            order.setLong(1, id);
            order.setLong(2, from);
            order.setBigDecimal(3, amount);
            order.setString(4, "transfer to " + to);
            order.executeUpdate();
            ledger.setLong(1, id);
            ledger.setLong(2, to);
            ledger.setBigDecimal(3, amount);
            ledger.executeUpdate();
        }
    }

    /** What the masters hold now, read directly (not through Shardline). */
    record State(BigDecimal total, long orders, long ledger, long undoRecords, List<String> balances) {
        /** The invariants of the business action. */
        boolean consistent() {
            return total.compareTo(OPENING.multiply(BigDecimal.valueOf(USERS))) == 0 && orders == ledger;
        }
    }

    static State state(TestDatabase db, int groups) throws SQLException {
        BigDecimal total = BigDecimal.ZERO;
        long orders = 0;
        long ledger = 0;
        long undo = 0;
        List<String> balances = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            try (Connection c = db.connectMaster(g); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT user_id, balance FROM t_account ORDER BY user_id")) {
                    while (rs.next()) {
                        total = total.add(rs.getBigDecimal(2));
                        balances.add(rs.getLong(1) + "=" + rs.getBigDecimal(2));
                    }
                }
                orders += count(s, "SELECT COUNT(*) FROM t_order");
                ledger += count(s, "SELECT COUNT(*) FROM t_ledger");
                try {
                    undo += count(s, "SELECT COUNT(*) FROM shardline_undo_log");
                } catch (SQLException e) {
                    if (e.getErrorCode() != 1146) {
                        throw e;
                    }
                }
            }
        }
        return new State(total, orders, ledger, undo, balances);
    }

    static BigDecimal balance(TestDatabase db, int groups, int user) throws SQLException {
        try (Connection c = db.connectMaster(user % groups); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT balance FROM t_account WHERE user_id = " + user)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Polls until {@code check} holds or the timeout passes; returns whether it held. */
    static boolean eventually(long timeoutMs, Check check) throws Exception {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (true) {
            if (check.holds()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }
}

package io.shardline.router.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.router.merge.Collation;
import io.shardline.router.merge.ListCursor;
import io.shardline.router.merge.MergeEngine;
import io.shardline.router.merge.MergePlan;
import io.shardline.router.merge.RowCursor;
import io.shardline.router.plan.ExecutionUnit;
import io.shardline.sql.SqlParser;
import io.shardline.testkit.Topology;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden case's rewritten SQL runs on real MariaDB: the actual tables exist on two masters (ds_0, ds_1), DML
 * runs in a transaction that is rolled back, DDL in a scratch database of its own. For a query on several units the
 * shard rows must have the merge plan's width, and the merged rows must equal what one plain database holding every
 * row answers for the application's SQL (as a multiset; ordered on the visible ORDER BY keys).
 */
@TestTopology(groups = 2, replicas = 0)
class RewrittenSqlRunsIT {
    private static final SqlParser PARSER = new SqlParser();
    private static final SqlRewriter REWRITER = new SqlRewriter(GoldenCases.rule());
    private static final AtomicInteger SCRATCH = new AtomicInteger();

    private static final String ORDER = "(order_id BIGINT PRIMARY KEY, user_id INT, status VARCHAR(20),"
            + " amount DECIMAL(10,2), created_at DATETIME, note VARCHAR(100))";
    private static final String ITEM = "(item_id BIGINT PRIMARY KEY, order_id BIGINT, user_id INT, price DECIMAL(10,2),"
            + " qty INT)";
    private static final String USER = "(user_id INT PRIMARY KEY, name VARCHAR(50), age INT)";
    private static final String DICT = "(code VARCHAR(20) PRIMARY KEY, name VARCHAR(50))";
    private static final String CONFIG = "(k VARCHAR(50) PRIMARY KEY, v VARCHAR(100))";
    private static final String[] ORDERS_0 = {"(2004, 10, 'PAID', 10.50, '2024-01-01 10:00:00', 'a')",
        "(2008, 12, 'NEW', 20.00, '2024-01-02 10:00:00', NULL)", "(2012, 10, 'PAID', 5.25, '2024-01-03 10:00:00', 'b')",
        "(2016, 14, 'X', 100.00, '2024-01-04 10:00:00', 'c')"};
    private static final String[] ORDERS_1 = {"(2001, 11, 'PAID', 7.75, '2024-01-05 10:00:00', 'd')",
        "(2005, 13, 'NEW', 20.00, '2024-01-06 10:00:00', NULL)", "(2009, 11, 'CLOSED', 300.00, '2024-01-07 10:00:00', 'e')",
        "(2013, 15, 'PAID', 1.00, '2024-01-08 10:00:00', 'f')"};
    private static final String[] ITEMS_0 = {"(3100, 2004, 10, 2.50, 2)", "(3101, 2004, 10, 1.00, 1)", "(3102, 2008, 12, 3.00, 3)"};
    private static final String[] ITEMS_1 = {"(3200, 2001, 11, 4.00, 2)", "(3201, 2009, 11, 1.50, 5)", "(3202, 2009, 11, 1.50, 1)"};
    private static final String[] USERS_0 = {"(10, 'ann', 30)", "(12, 'bob', 40)"};
    private static final String[] USERS_1 = {"(11, 'cid', 25)", "(13, 'dan', 35)"};

    @TestFactory
    Stream<DynamicTest> everyRewrittenStatementRuns(Topology topology, TestDatabase db) throws SQLException {
        for (int g = 0; g < 2; g++) {
            try (Connection c = db.connectMaster(g)) {
                createFixture(c, g);
            }
        }
        String oracle = db.name() + "_oracle";
        topology.createDatabase(oracle);
        try (Connection c = topology.master(0).connect(oracle)) {
            createOracle(c);
        }
        return GoldenCases.load().stream().filter(c -> c.error() == null && c.runs())
                .map(c -> DynamicTest.dynamicTest(c.file() + ": " + c.comment(), () -> run(c, topology, db, oracle)));
    }

    private static void run(GoldenCases.Case c, Topology topology, TestDatabase db, String oracle) throws SQLException {
        RewriteResult result = REWRITER.rewrite(PARSER.parse(c.sql()), c.params(), c.route());
        String first = c.sql().trim().toUpperCase(Locale.ROOT);
        if (first.startsWith("CREATE") || first.startsWith("ALTER") || first.startsWith("DROP")
                || first.startsWith("TRUNCATE")) {
            String scratch = db.name() + "_ddl" + SCRATCH.incrementAndGet();
            topology.createDatabase(scratch);
            try {
                for (int g = 0; g < 2; g++) {
                    try (Connection conn = topology.master(g).connect(scratch)) {
                        createFixture(conn, g);
                    }
                }
                for (ExecutionUnit u : result.units()) {
                    try (Connection conn = topology.master(group(u)).connect(scratch)) {
                        execute(conn, u);
                    }
                }
            } finally {
                topology.dropDatabase(scratch);
            }
            return;
        }
        List<RowCursor> shards = new ArrayList<>();
        for (ExecutionUnit u : result.units()) {
            try (Connection conn = db.connectMaster(group(u))) {
                conn.setAutoCommit(false);
                try {
                    List<Object[]> rows = execute(conn, u);
                    if (rows != null && result.merge().isPresent()) {
                        int width = rows.isEmpty() ? -1 : rows.get(0).length;
                        MergePlan plan = result.merge().get();
                        if (!plan.widthUnknown() && width >= 0) {
                            assertThat(width).as("shard row width of " + u.sql()).isEqualTo(plan.columnCount());
                        }
                        shards.add(new ListCursor(rows, width < 0 ? columnCount(conn, u) : width));
                    }
                } finally {
                    conn.rollback();
                }
            }
        }
        if (result.merge().isPresent()) {
            compareWithOracle(c, result.merge().get(), shards, topology, oracle);
        }
    }

    /** Merged rows equal one database's answer. */
    private static void compareWithOracle(GoldenCases.Case c, MergePlan plan, List<RowCursor> shards,
            Topology topology, String oracle) throws SQLException {
        int width = shards.get(0).columnCount();
        MergePlan resolved = plan.resolve(width);
        List<Collation> collations = new ArrayList<>(Collections.nCopies(width, Collation.BINARY));
        List<String> names = new ArrayList<>(Collections.nCopies(width, "c"));
        List<String> merged = new ArrayList<>();
        try (RowCursor cursor = MergeEngine.merge(shards, resolved.bind(collations, names))) {
            while (cursor.next()) {
                merged.add(render(cursor, resolved.visibleColumns(), resolved));
            }
        }
        List<String> expected = new ArrayList<>();
        try (Connection conn = topology.master(0).connect(oracle);
                PreparedStatement ps = conn.prepareStatement(c.sql())) {
            bind(ps, c.params());
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
                ListCursor cursor = new ListCursor(rows, n);
                while (cursor.next()) {
                    expected.add(render(cursor, n, resolved));
                }
            }
        }
        boolean limited = resolved.limit() >= 0 || resolved.offset() > 0;
        if (limited && !keysVisible(resolved)) {
            assertThat(merged).as("row count of the merged result").hasSameSizeAs(expected);
            return;
        }
        if (!resolved.orderBy().isEmpty() && keysVisible(resolved)) {
            assertThat(keys(merged)).as("merged order").isEqualTo(keys(expected));
        }
        if (!limited) {
            assertThat(merged).as("merged rows").containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static boolean keysVisible(MergePlan plan) {
        if (plan.orderBy().isEmpty()) {
            return false;
        }
        for (MergePlan.Key key : plan.orderBy()) {
            if (key.column() >= plan.visibleColumns()) {
                return false;
            }
        }
        return true;
    }

    /** Each rendered row starts with its ORDER BY key values, then "|" and every visible value. */
    private static String render(RowCursor cursor, int visible, MergePlan plan) {
        StringBuilder b = new StringBuilder();
        for (MergePlan.Key key : plan.orderBy()) {
            if (key.column() < visible) {
                b.append(value(cursor.value(key.column()))).append(',');
            }
        }
        b.append('|');
        for (int i = 0; i < visible; i++) {
            b.append(value(cursor.value(i))).append(';');
        }
        return b.toString();
    }

    private static List<String> keys(List<String> rows) {
        List<String> out = new ArrayList<>();
        for (String r : rows) {
            out.add(r.substring(0, r.indexOf('|')));
        }
        return out;
    }

    private static String value(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Number) {
            return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    private static int group(ExecutionUnit u) {
        return Integer.parseInt(u.dataSource().substring(u.dataSource().lastIndexOf('_') + 1));
    }

    /** Executes a unit; the rows of a query (null for an update). */
    private static List<Object[]> execute(Connection conn, ExecutionUnit u) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(u.sql())) {
            bind(ps, u.parameters());
            if (!ps.execute()) {
                return null;
            }
            try (ResultSet rs = ps.getResultSet()) {
                int n = rs.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new SQLException(u.dataSource() + ": " + u.sql() + " " + u.parameters() + ": " + e.getMessage(), e);
        }
    }

    private static int columnCount(Connection conn, ExecutionUnit u) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(u.sql())) {
            bind(ps, u.parameters());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.getMetaData().getColumnCount();
            }
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private static void createFixture(Connection c, int group) throws SQLException {
        try (Statement s = c.createStatement()) {
            String bin = " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
            for (int t = 0; t < 4; t++) {
                s.execute("CREATE TABLE t_order_" + t + " " + ORDER + bin);
                s.execute("CREATE TABLE t_order_item_" + t + " " + ITEM + bin);
            }
            s.execute("CREATE TABLE t_user " + USER + bin);
            s.execute("CREATE TABLE t_dict " + DICT + bin);
            s.execute("CREATE TABLE t_config " + CONFIG + bin);
            insert(s, "t_order_" + group, group == 0 ? ORDERS_0 : ORDERS_1);
            insert(s, "t_order_item_" + group, group == 0 ? ITEMS_0 : ITEMS_1);
            insert(s, "t_user", group == 0 ? USERS_0 : USERS_1);
            insert(s, "t_dict", new String[] {"('PAID', 'Paid')", "('NEW', 'New')"});
            insert(s, "t_config", new String[] {"('timeout', '30')"});
        }
    }

    private static void createOracle(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            String bin = " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
            s.execute("CREATE TABLE t_order " + ORDER + bin);
            s.execute("CREATE TABLE t_order_item " + ITEM + bin);
            s.execute("CREATE TABLE t_user " + USER + bin);
            s.execute("CREATE TABLE t_dict " + DICT + bin);
            s.execute("CREATE TABLE t_config " + CONFIG + bin);
            insert(s, "t_order", ORDERS_0);
            insert(s, "t_order", ORDERS_1);
            insert(s, "t_order_item", ITEMS_0);
            insert(s, "t_order_item", ITEMS_1);
            insert(s, "t_user", USERS_0);
            insert(s, "t_user", USERS_1);
            insert(s, "t_dict", new String[] {"('PAID', 'Paid')", "('NEW', 'New')"});
            insert(s, "t_config", new String[] {"('timeout', '30')"});
        }
    }

    private static void insert(Statement s, String table, String[] rows) throws SQLException {
        s.execute("INSERT INTO " + table + " VALUES " + String.join(", ", rows));
    }
}

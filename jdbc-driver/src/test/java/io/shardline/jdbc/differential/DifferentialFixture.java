package io.shardline.jdbc.differential;

import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.config.ShardlineConfig;
import io.shardline.testkit.junit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The two sides of a differential test: one plain database holding every row in logical tables (the oracle)
 * and a Shardline DataSource over two testkit masters holding the same rows in shard tables. Both get the
 * same DDL and the same INSERTs; the sharded side receives them through Shardline itself, so loading the
 * data already exercises DDL routing and multi-row INSERT splitting.
 */
final class DifferentialFixture implements AutoCloseable {

    static final int ORDERS = 400;
    static final int ITEMS = 1000;
    static final int USERS = 40;
    static final int ACCOUNTS = 300;
    private static final String[] STATUSES = {"NEW", "PAID", "SHIPPED", "CANCELLED", "REFUNDED"};
    private static final String[] CITIES = {"Paris", "paris", "Berlin", null};

    final TestDatabase db;
    final String plainDatabase;
    final Connection plain;
    final ShardlineDataSource sharded;

    DifferentialFixture(TestDatabase db) throws SQLException {
        this.db = db;
        this.plainDatabase = db.name() + "_plain";
        try (Connection c = db.connectMaster(0); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + plainDatabase);
            s.execute("CREATE DATABASE " + plainDatabase);
        }
        plain = db.topology().master(0).connect(plainDatabase);
        String yaml = resource("shardline.yaml")
                .replace("${PORT_0}", Integer.toString(db.topology().master(0).port()))
                .replace("${PORT_1}", Integer.toString(db.topology().master(1).port()))
                .replace("diff_shard", db.name());
        sharded = ShardlineDataSource.builder().config(ShardlineConfig.parse(yaml, "differential/shardline.yaml"))
                .build();
        createSchemaAndRows();
    }

    private void createSchemaAndRows() throws SQLException {
        try (Connection shard = sharded.getConnection(); Statement ss = shard.createStatement();
                Statement ps = plain.createStatement()) {
            for (String line : resource("schema.sql").split("\n")) {
                if (line.isBlank() || line.startsWith("--")) {
                    continue;
                }
                ps.execute(line);
                try {
                    ss.execute(line);
                } catch (SQLException e) {
                    throw new SQLException("DDL through Shardline failed: " + line, e);
                }
            }
            List<String> inserts = new ArrayList<>();
            inserts.addAll(batches("INSERT INTO t_order (order_id, user_id, status, amount, created_at, note) VALUES ",
                    ORDERS, DifferentialFixture::orderRow));
            inserts.addAll(batches("INSERT INTO t_order_item (item_id, order_id, user_id, sku, qty, price) VALUES ",
                    ITEMS, DifferentialFixture::itemRow));
            inserts.addAll(batches("INSERT INTO t_user (user_id, name, city) VALUES ", USERS,
                    DifferentialFixture::userRow));
            inserts.addAll(batches("INSERT INTO t_account (account_id, owner, balance) VALUES ", ACCOUNTS,
                    i -> "(" + (i - 1) + ", 'o" + ((i - 1) % 17) + "', " + ((i - 1) * 91 % 1000) + ".50)"));
            inserts.add("INSERT INTO t_dict (code, label) VALUES ('NEW', 'new'), ('PAID', 'paid'), "
                    + "('SHIPPED', 'shipped'), ('CANCELLED', 'cancelled')");
            inserts.add("INSERT INTO t_config (k, v) VALUES ('mode', 'live'), ('region', 'eu'), ('version', '3')");
            for (String insert : inserts) {
                int expected = ps.executeUpdate(insert);
                int actual = ss.executeUpdate(insert);
                if (expected != actual) {
                    throw new AssertionError("insert through Shardline counted " + actual + " rows, the plain database "
                            + expected + ": " + insert.substring(0, 80));
                }
            }
        }
    }

    /** Rows in INSERTs of 50, the way an application bulk-loads. */
    private static List<String> batches(String prefix, int count, java.util.function.IntFunction<String> row) {
        List<String> out = new ArrayList<>();
        StringBuilder sql = new StringBuilder(prefix);
        for (int i = 1; i <= count; i++) {
            sql.append(row.apply(i));
            if (i % 50 == 0 || i == count) {
                out.add(sql.toString());
                sql = new StringBuilder(prefix);
            } else {
                sql.append(", ");
            }
        }
        return out;
    }

    static int userOf(long orderId) {
        return (int) (1 + orderId % USERS);
    }

    private static String orderRow(int id) {
        LocalDateTime created = LocalDateTime.of(2024, 1, 1, 0, 0).plusDays(id * 11L % 90).plusHours(id % 24)
                .plusMinutes(id % 7);
        String amount = new BigDecimal(id * 53 % 301).divide(BigDecimal.valueOf(4)).setScale(2).toPlainString();
        String note = id % 6 == 0 ? "NULL" : "'n" + (id % 13) + "'";
        return "(" + id + ", " + userOf(id) + ", '" + STATUSES[id % STATUSES.length] + "', " + amount + ", '"
                + created.toString().replace('T', ' ') + "', " + note + ")";
    }

    private static String itemRow(int id) {
        long orderId = 1 + (id * 7L % ORDERS);
        String price = new BigDecimal(id * 37 % 5000).movePointLeft(2).toPlainString();
        return "(" + id + ", " + orderId + ", " + userOf(orderId) + ", 'SKU-" + (id % 23) + "', " + (1 + id % 5) + ", "
                + price + ")";
    }

    private static String userRow(int id) {
        String city = CITIES[id % CITIES.length];
        return "(" + id + ", 'user" + id + "', " + (city == null ? "NULL" : "'" + city + "'") + ")";
    }

    /** A result as comparable text: labels, then one line per row (values via getString, NULL as ∅). */
    static List<String> read(ResultSet rs, boolean ordered) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        StringBuilder header = new StringBuilder("columns:");
        for (int i = 1; i <= n; i++) {
            header.append(' ').append(md.getColumnLabel(i)).append(':').append(md.getColumnType(i));
        }
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                String v = rs.getString(i);
                row.append(i == 1 ? "" : " | ").append(v == null ? "∅" : v);
            }
            rows.add(row.toString());
        }
        if (!ordered) {
            rows.sort(null);
        }
        rows.add(0, header.toString());
        return rows;
    }

    static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases(String name) {
        return (List<Map<String, Object>>) new Yaml().load(resource(name));
    }

    static String resource(String name) {
        try (InputStream in = DifferentialFixture.class.getResourceAsStream("/differential/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource differential/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        sharded.close();
        try (Statement s = plain.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + plainDatabase);
        }
        plain.close();
    }

    static String describe(List<?> params) {
        return params.isEmpty() ? "" : " with " + Arrays.deepToString(params.toArray());
    }
}

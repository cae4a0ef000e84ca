package io.shardline.jdbc.execute;

import io.shardline.jdbc.resultset.ColumnDescriptor;
import io.shardline.jdbc.resultset.MergedResultSet;
import io.shardline.jdbc.resultset.ShardValues;
import io.shardline.jdbc.resultset.ShardlineResultSetMetaData;
import io.shardline.router.merge.ListCursor;
import io.shardline.router.plan.GeneratedKeys;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Builds {@code getGeneratedKeys()} results for an {@link ShardExecutor.Outcome}. */
final class GeneratedKeyResults {

    /** Connector/J's label for generated keys, which Spring's KeyHolder and ORMs read. */
    static final String LABEL = "GENERATED_KEY";

    private GeneratedKeyResults() {
    }

    static ResultSet of(ShardExecutor.Outcome outcome, Statement owner) throws SQLException {
        if (outcome.plan.generatedKeys().isPresent()) {
            return planned(outcome.plan.generatedKeys().get(), owner);
        }
        int n = outcome.statements.length;
        if (n == 1 && outcome.statements[0] != null) {
            return new ShardResultSet(outcome.statements[0].getGeneratedKeys(), owner, outcome.logicalTables);
        }
        List<Object[]> rows = new ArrayList<>();
        ResultSetMetaData first = null;
        int columns = 0;
        for (int i = 0; i < n; i++) {
            if (outcome.statements[i] == null) {
                continue;
            }
            try (ResultSet keys = outcome.statements[i].getGeneratedKeys()) {
                ResultSetMetaData md = keys.getMetaData();
                if (first == null) {
                    first = md;
                    columns = md.getColumnCount();
                }
                while (keys.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = ShardValues.read(keys, c + 1, md.getColumnType(c + 1));
                    }
                    rows.add(row);
                }
                if (first == md) {
                    // Copy now: Connector/J's metadata belongs to the result set being closed.
                    ShardlineResultSetMetaData copy = ShardlineResultSetMetaData.copyOf(md, columns, t -> t);
                    first = copy;
                }
            }
        }
        if (first == null) {
            return planned(new GeneratedKeys(LABEL, List.of()), owner);
        }
        return new MergedResultSet(new ListCursor(rows, columns), (ShardlineResultSetMetaData) first, owner);
    }

    private static ResultSet planned(GeneratedKeys keys, Statement owner) {
        List<Object[]> rows = new ArrayList<>(keys.values().size());
        boolean numeric = true;
        for (Object v : keys.values()) {
            if (v instanceof Long || v instanceof Integer) {
                rows.add(new Object[] {BigInteger.valueOf(((Number) v).longValue())});
            } else {
                numeric = numeric && v instanceof Number;
                rows.add(new Object[] {v});
            }
        }
        // Like Connector/J: label GENERATED_KEY, BIGINT UNSIGNED read as BigInteger; named after the column so
        // that getLong("order_id") finds it too.
        ColumnDescriptor column = numeric
                ? new ColumnDescriptor(LABEL, keys.column(), "", "", Types.BIGINT, "BIGINT UNSIGNED", 20, 0,
                        ResultSetMetaData.columnNoNulls, false, 20, BigInteger.class.getName(), false, false)
                : new ColumnDescriptor(LABEL, keys.column(), "", "", Types.VARCHAR, "VARCHAR", 255, 0,
                        ResultSetMetaData.columnNoNulls, false, 255, String.class.getName(), false, true);
        return new MergedResultSet(new ListCursor(rows, 1), new ShardlineResultSetMetaData(List.of(column)), owner);
    }
}

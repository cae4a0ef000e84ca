package io.shardline.compat;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole result read as text: the columns (label and JDBC type) and every value as {@code getString}
 * returns it, {@code null} for SQL NULL. Text is what an application prints and what both paths must agree
 * on byte for byte; only floating columns are also compared numerically (see {@link ResultComparator}).
 */
public record QueryResult(List<Column> columns, List<List<String>> rows) {

    /** One result column as the driver describes it. */
    public record Column(String label, int jdbcType, String typeName) {

        /** FLOAT, REAL and DOUBLE: the only columns where a numeric tolerance can apply. */
        public boolean floating() {
            return jdbcType == Types.DOUBLE || jdbcType == Types.FLOAT || jdbcType == Types.REAL;
        }

        @Override
        public String toString() {
            return label + ":" + typeName;
        }
    }

    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Reads every row of {@code rs}. */
    public static QueryResult read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<Column> columns = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            columns.add(new Column(md.getColumnLabel(i), md.getColumnType(i), md.getColumnTypeName(i)));
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(rs.getString(i));
            }
            rows.add(java.util.Collections.unmodifiableList(row));
        }
        return new QueryResult(columns, rows);
    }
}

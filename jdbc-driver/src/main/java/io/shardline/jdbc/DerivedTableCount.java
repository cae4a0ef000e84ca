package io.shardline.jdbc;

import io.shardline.jdbc.resultset.ColumnDescriptor;
import io.shardline.jdbc.resultset.MergedResultSet;
import io.shardline.jdbc.resultset.ShardlineResultSetMetaData;
import io.shardline.router.merge.ListCursor;
import io.shardline.sql.Subqueries;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pagination count that ORM plug-ins wrap around a page's query, {@code SELECT COUNT(*) FROM (<query>) t}
 * (PageHelper writes {@code count(0)}): a derived table over sharded tables, which the router cannot route, whose
 * answer is simply how many rows the query returns. So the query runs through Shardline (its own routing, merging,
 * UNION or subqueries) and its rows are counted as they stream by: nothing is held, however many rows it returns.
 *
 * <p>Only that exact shape ({@link Subqueries#paginationCount}). Anything else over a derived table goes to the
 * router, which refuses it by name.
 */
final class DerivedTableCount {

    private DerivedTableCount() {
    }

    /** The count's one-row result, or empty when the statement is not that shape over sharded tables. */
    static Optional<ResultSet> run(ShardlineConnection connection, SubqueryPullout.Parsed parsed,
            List<Object> parameters, Statement owner) throws SQLException {
        Optional<Subqueries.Count> shape = Subqueries.paginationCount(parsed.statement());
        if (shape.isEmpty()) {
            return Optional.empty();
        }
        String inner = shape.get().derived().inner().text(parsed.statement().sql());
        if (!SubqueryPullout.touchesShardedTable(parsed.planner(), inner)) {
            return Optional.empty(); // the router runs it where those tables are
        }
        long rows = 0;
        try (PreparedStatement ps = SubqueryPullout.prepare(connection, inner, parameters)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
        }
        // As Connector/J describes MariaDB's COUNT: BIGINT, precision and display size 19 (of 21), never NULL.
        String label = shape.get().label();
        ColumnDescriptor count = new ColumnDescriptor(label, label, "", "", Types.BIGINT, "BIGINT", 19, 0,
                ResultSetMetaData.columnNoNulls, true, 19, Long.class.getName(), false, false);
        List<Object[]> one = new ArrayList<>(1);
        one.add(new Object[] {rows});
        return Optional.of(new MergedResultSet(new ListCursor(one, 1), new ShardlineResultSetMetaData(List.of(count)),
                owner));
    }
}

package io.shardline.jdbc;

import io.shardline.router.ShardingPlanner;
import io.shardline.router.rule.ShardingRule;
import io.shardline.sql.ParsedStatement;
import io.shardline.sql.SqlParseException;
import io.shardline.sql.Splicer;
import io.shardline.sql.Subqueries;
import io.shardline.sql.TextSplice;
import io.shardline.sql.facts.LockMode;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.StatementKind;
import io.shardline.sql.facts.TableRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Uncorrelated subqueries over sharded tables in a SELECT's conditions ({@code user_id IN (SELECT user_id FROM
 * t_user WHERE city = ?)}, {@code amount > (SELECT AVG(amount) FROM t_order)}, {@code EXISTS (...)}) run first,
 * through Shardline like any statement, and their rows take their place as parameters: an {@code IN} list
 * ({@code user_id IN (?, ?, ?)}, which the router then routes by value) or a constant subquery
 * ({@code (SELECT ? UNION ALL SELECT ?)}, so that scalar, EXISTS, ANY/ALL and row comparisons, NULLs and "more than
 * one row" behave exactly as before). The outer statement is then planned as usual.
 *
 * <p>Left in place, for the router to route or refuse: subqueries over unsharded tables only, subqueries in the select
 * list and derived tables (the types of their rows shape the result), and every subquery of a statement other than a
 * lock-free SELECT (a write or a locking read would not lock the subquery's rows). A correlated subquery cannot run
 * alone: the server's "unknown column" for it becomes a refusal that says so.
 *
 * <p>The subquery and the outer statement are two statements: outside a transaction they may see different commits,
 * as two statements of the application would (in a REPEATABLE READ transaction each shard keeps one snapshot for
 * both).
 */
final class SubqueryPullout {

    /** Values (rows × columns) one subquery may put into the statement; more is refused, naming the limit. */
    static final int MAX_VALUES = 10_000;

    /** ER_BAD_FIELD_ERROR: the subquery names a column of the outer query. */
    private static final int UNKNOWN_COLUMN = 1054;

    record Pulled(String sql, List<Object> parameters) {
    }

    private SubqueryPullout() {
    }

    /** The statement with its pulled-out subqueries replaced, or empty when there is none to pull out. */
    static Optional<Pulled> apply(ShardlineConnection connection, Parsed parse, List<Object> parameters)
            throws SQLException {
        ShardingPlanner planner = parse.planner();
        ParsedStatement parsed = parse.statement();
        String sql = parsed.sql();
        StatementFacts facts = parsed.facts();
        if (!facts.hasSubquery() || facts.kind() != StatementKind.SELECT || facts.lockMode() != LockMode.NONE
                || parameters.size() < facts.parameterCount() || !shardedInSubquery(facts, planner.rule())) {
            return Optional.empty();
        }
        List<Subqueries.Subquery> found;
        try {
            found = Subqueries.of(parsed);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<TextSplice> splices = new ArrayList<>();
        List<Object> out = new ArrayList<>(parameters.size());
        int consumed = 0;
        for (Subqueries.Subquery subquery : found) {
            if (subquery.context() == Subqueries.Context.SELECT_LIST
                    || subquery.context() == Subqueries.Context.DERIVED) {
                continue;
            }
            String inner = subquery.inner().text(sql);
            if (!touchesShardedTable(planner, inner)) {
                continue;
            }
            out.addAll(parameters.subList(consumed, subquery.firstParameter()));
            Rows rows = run(connection, inner, subquery.parameters(parameters));
            splices.add(replacement(subquery, rows, out));
            consumed = subquery.firstParameter() + subquery.parameterCount();
        }
        if (splices.isEmpty()) {
            return Optional.empty();
        }
        out.addAll(parameters.subList(consumed, parameters.size()));
        return Optional.of(new Pulled(Splicer.apply(sql, splices), out));
    }

    /** A statement parsed by the sharding planner's parser (cached), with that planner. */
    record Parsed(ShardingPlanner planner, ParsedStatement statement) {
    }

    /**
     * Empty when Shardline plans without a sharding planner, or cannot parse the statement (planning reports it).
     * Callers check {@link #mayHoldASubquery} first: this is a parse-cache lookup.
     */
    static Optional<Parsed> parse(ShardlineConnection connection, String sql) {
        if (!(connection.planner() instanceof ShardingPlanner planner)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parsed(planner, planner.parser().parse(sql)));
        } catch (SqlParseException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code sql} prepared on the application's logical connection, so that it goes the whole way (routing, merge,
     * the transaction, read-your-writes), with {@code parameters} bound.
     */
    static PreparedStatement prepare(ShardlineConnection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /**
     * A subquery needs a second SELECT: a scan for it is far cheaper than the parse-cache lookup that would say the
     * same on the statement path of every query (a point select's lookup costs about a microsecond).
     */
    static boolean mayHoldASubquery(String sql) {
        int first = indexOfSelect(sql, 0);
        return first >= 0 && indexOfSelect(sql, first + 6) >= 0;
    }

    private static int indexOfSelect(String sql, int from) {
        for (int i = from, last = sql.length() - 6; i <= last; i++) {
            char c = sql.charAt(i);
            if ((c == 's' || c == 'S') && sql.regionMatches(true, i, "SELECT", 0, 6)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean shardedInSubquery(StatementFacts facts, ShardingRule rule) {
        for (TableRef table : facts.tables()) {
            if (table.inSubquery() && rule.isSharded(table.name())) {
                return true;
            }
        }
        return false;
    }

    static boolean touchesShardedTable(ShardingPlanner planner, String sql) {
        try {
            return planner.touchesShardedTable(planner.parser().parse(sql).facts());
        } catch (SqlParseException e) {
            return false; // left in place: the router refuses what it cannot read
        }
    }

    /** A subquery's result: its width (also when it has no row) and its rows. */
    private record Rows(int columns, List<Object[]> rows) {
    }

    /** The subquery's rows, through Shardline. */
    private static Rows run(ShardlineConnection connection, String sql, List<Object> parameters)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = prepare(connection, sql, parameters)) {
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                int columns = md.getColumnCount();
                Read[] reads = new Read[columns];
                for (int c = 0; c < columns; c++) {
                    reads[c] = Read.of(md, c + 1);
                }
                long values = 0;
                while (rs.next()) {
                    values += columns;
                    if (values > MAX_VALUES) {
                        throw new SQLException("a subquery over sharded tables returned more than " + MAX_VALUES
                                + " values; Shardline runs such a subquery first and puts its rows into the statement,"
                                + " up to that many [subquery: " + sql + "]", "0A000");
                    }
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = reads[c].value(rs, md, c + 1);
                    }
                    rows.add(row);
                }
                return new Rows(columns, rows);
            }
        } catch (SQLException e) {
            SQLException unknown = unknownColumn(e);
            if (unknown != null) {
                throw new SQLException("a correlated subquery over sharded tables is not supported: it refers to the"
                        + " outer query (" + unknown.getMessage() + ") [subquery: " + sql + "]", "0A000", e);
            }
            throw e;
        }
    }

    /**
     * How a column's values are read so that, as parameters, they mean the same: exact numbers and strings as they
     * are, temporal values as the server's text (a DATETIME compared with it converts it back; Connector/J's objects
     * would lose fractions or fail on TIME beyond 24 hours), binary as bytes, YEAR as its number (Connector/J reads it
     * as a DATE), TINYINT(1) as 0/1, FLOAT as its exact double (its shortest text is another number), BIGINT UNSIGNED
     * above 2^63 as an exact decimal (Connector/J would send its BigInteger quoted). Decided once per column.
     */
    private enum Read {
        TEXT, BYTES, BOOLEAN, YEAR, OBJECT;

        static Read of(ResultSetMetaData md, int c) throws SQLException {
            if (md.getColumnTypeName(c).toUpperCase(Locale.ROOT).startsWith("YEAR")) {
                return YEAR;
            }
            return switch (md.getColumnType(c)) {
                case Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIME_WITH_TIMEZONE,
                        Types.TIMESTAMP_WITH_TIMEZONE, Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
                        Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB -> TEXT;
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BYTES;
                case Types.BIT, Types.BOOLEAN -> BOOLEAN;
                default -> OBJECT;
            };
        }

        Object value(ResultSet rs, ResultSetMetaData md, int c) throws SQLException {
            Object value = switch (this) {
                case TEXT -> rs.getString(c);
                case BYTES -> rs.getBytes(c);
                case YEAR -> rs.getLong(c);
                case BOOLEAN, OBJECT -> rs.getObject(c);
            };
            if (rs.wasNull()) {
                return null;
            }
            if (this == BOOLEAN) {
                if (value instanceof Boolean b) {
                    return b ? 1L : 0L;
                }
                throw new SQLException("a subquery over sharded tables returning a BIT column ('" + md.getColumnLabel(c)
                        + "') cannot be run first: select it as a number (col + 0)", "0A000");
            }
            if (value instanceof Float f) {
                return f.doubleValue();
            }
            return value instanceof java.math.BigInteger big ? new java.math.BigDecimal(big) : value;
        }
    }

    /** The server's own "unknown column" error behind {@code e} (the innermost of the shards' wrappers), or null. */
    private static SQLException unknownColumn(SQLException e) {
        SQLException found = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getErrorCode() == UNKNOWN_COLUMN) {
                found = s;
            }
        }
        return found;
    }

    /**
     * What replaces the subquery: for {@code IN} with one column and at least one row, the list of its values inside
     * the parentheses that were the subquery's; otherwise a constant subquery of the same rows (or none, of the same
     * width), so every operator around it keeps its meaning. The values are appended to {@code out}.
     */
    private static TextSplice replacement(Subqueries.Subquery subquery, Rows result, List<Object> out) {
        int columns = result.columns();
        List<Object[]> rows = result.rows();
        if (rows.isEmpty()) {
            StringBuilder none = new StringBuilder("(SELECT ");
            for (int c = 0; c < columns; c++) {
                none.append(c == 0 ? "NULL" : ", NULL");
            }
            none.append(" FROM DUAL WHERE 1 = 0)");
            return new TextSplice(subquery.enclosing().start(), subquery.enclosing().end(), none.toString());
        }
        StringBuilder text = new StringBuilder(rows.size() * (columns * 3 + 16));
        if (subquery.context() == Subqueries.Context.IN_LIST && columns == 1) {
            for (int r = 0; r < rows.size(); r++) {
                text.append(r == 0 ? "?" : ", ?");
                out.add(rows.get(r)[0]);
            }
            return new TextSplice(subquery.inner().start(), subquery.inner().end(), text.toString());
        }
        text.append('(');
        for (int r = 0; r < rows.size(); r++) {
            text.append(r == 0 ? "SELECT " : " UNION ALL SELECT ");
            for (int c = 0; c < columns; c++) {
                text.append(c == 0 ? "?" : ", ?");
                out.add(rows.get(r)[c]);
            }
        }
        return new TextSplice(subquery.enclosing().start(), subquery.enclosing().end(), text.append(')').toString());
    }
}

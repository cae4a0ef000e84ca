package io.shardline.jdbc.redundancy;

import io.shardline.consistency.redundancy.RedundantTable;
import io.shardline.sql.ParsedStatement;
import io.shardline.sql.SqlParseException;
import io.shardline.sql.SqlParser;
import io.shardline.sql.TextSpan;
import io.shardline.sql.facts.ComparisonOperator;
import io.shardline.sql.facts.OrderItem;
import io.shardline.sql.facts.Predicate;
import io.shardline.sql.facts.Projection;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.StatementKind;
import io.shardline.sql.facts.TableRef;
import io.shardline.sql.lexer.TokenStream;
import io.shardline.sql.lexer.TokenType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The read path of redundant copies. A single-table SELECT of a source whose WHERE pins the copy's second key
 * ({@code driver_id = ?} or {@code driver_id IN (...)} as a top-level AND term) and does not pin the source's sharding
 * columns would scatter over every source shard. Instead:
 * <ul>
 *   <li>when the copy holds every column the query names, the query runs on the copy (its table name is spliced);
 *   <li>otherwise the source keys are looked up in the copy, and the query runs on the source with
 *       {@code AND <key> IN (...) AND <sharding column> IN (...)} added, so it routes to the shards holding them.
 * </ul>
 * Anything else (joins, subqueries, unions, locking reads, expressions the copy cannot be shown to cover) runs
 * unchanged.
 */
public final class RedundantReads {

    private final RedundantWrites writes;
    private final SqlParser parser;

    public RedundantReads(RedundantWrites writes, SqlParser parser) {
        this.writes = writes;
        this.parser = parser;
    }

    /** A statement to run instead of the application's. */
    public record Rewritten(String sql, List<Object> parameters) {
    }

    /** The rewrite of {@code sql}, or empty to run it as written. */
    public Optional<Rewritten> rewrite(Connection c, String sql, List<Object> parameters) throws SQLException {
        ParsedStatement parsed;
        try {
            parsed = parser.parse(sql);
        } catch (SqlParseException e) {
            return Optional.empty();
        }
        StatementFacts f = parsed.facts();
        if (f.kind() != StatementKind.SELECT || f.tables().size() != 1 || f.hasJoin() || f.hasSubquery()
                || f.hasUnion() || f.where().isEmpty() || f.lockMode() != io.shardline.sql.facts.LockMode.NONE) {
            return Optional.empty();
        }
        TableRef table = f.tables().get(0);
        for (RedundantTable copy : writes.config().copiesOf(table.name())) {
            List<Predicate> terms = terms(f.where().get());
            Optional<List<Object>> seconds = secondKeyValues(parsed, terms, copy.secondKey(), parameters);
            if (seconds.isEmpty() || pinsAny(terms, copy.sourceShardingColumns())) {
                continue;
            }
            CopyRows rows = writes.rows(c, copy);
            if (copy.fullCopy() || covers(f, terms, rows.copied())) {
                TextSpan name = parsed.nameSpan(table);
                String out = sql.substring(0, name.start()) + copy.copyTable() + sql.substring(name.end());
                return Optional.of(new Rewritten(out, parameters));
            }
            return Optional.of(lookThrough(c, parsed, parameters, copy, seconds.get()));
        }
        return Optional.empty();
    }

    private Rewritten lookThrough(Connection c, ParsedStatement parsed, List<Object> parameters, RedundantTable copy,
            List<Object> seconds) throws SQLException {
        List<String> columns = new ArrayList<>();
        columns.add(copy.keyColumn());
        columns.addAll(copy.sourceShardingColumns());
        List<Map<String, Object>> found = LogicalSql.query(c, "SELECT " + LogicalSql.list(columns) + " FROM "
                + copy.copyTable() + " WHERE " + copy.secondKey() + " IN (" + LogicalSql.placeholders(seconds.size())
                + ")", seconds);
        StringBuilder extra = new StringBuilder();
        List<Object> added = new ArrayList<>();
        if (found.isEmpty()) {
            extra.append(" AND 1 = 0");
        } else {
            for (String col : columns) {
                Set<Object> values = new LinkedHashSet<>();
                for (Map<String, Object> row : found) {
                    values.add(LogicalSql.value(row, col));
                }
                extra.append(" AND ").append(col).append(" IN (").append(LogicalSql.placeholders(values.size()))
                        .append(")");
                added.addAll(values);
            }
        }
        String sql = parsed.sql();
        int[] where = whereBounds(parsed);
        int before = 0;
        TokenStream tokens = parsed.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.type(i) == TokenType.PLACEHOLDER && tokens.start(i) < where[1]) {
                before++;
            }
        }
        String rest = sql.substring(where[1]);
        String out = sql.substring(0, where[0]) + " (" + sql.substring(where[0], where[1]).strip() + ")" + extra
                + (rest.isEmpty() || Character.isWhitespace(rest.charAt(0)) ? rest : " " + rest);
        List<Object> params = new ArrayList<>(parameters.subList(0, before));
        params.addAll(added);
        params.addAll(parameters.subList(before, parameters.size()));
        return new Rewritten(out, params);
    }

    /** Offsets of the WHERE condition (after the WHERE keyword, up to the next clause or the end). */
    private static int[] whereBounds(ParsedStatement parsed) {
        TokenStream tokens = parsed.tokens();
        int depth = 0;
        int start = -1;
        int end = -1;
        int lastSignificant = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.type(i).isSignificant() || tokens.isChar(i, ';')) {
                continue;
            }
            if (tokens.isChar(i, '(')) {
                depth++;
            } else if (tokens.isChar(i, ')')) {
                depth--;
            } else if (depth == 0 && start < 0 && tokens.isWord(i, "WHERE")) {
                start = tokens.end(i);
            } else if (depth == 0 && start >= 0 && end < 0 && (tokens.isWord(i, "GROUP") || tokens.isWord(i, "ORDER")
                    || tokens.isWord(i, "LIMIT") || tokens.isWord(i, "HAVING") || tokens.isWord(i, "WINDOW"))) {
                end = tokens.start(i);
            }
            if (start >= 0 && end < 0) {
                lastSignificant = i;
            }
        }
        if (end < 0) {
            end = tokens.end(lastSignificant);
        }
        return new int[] {start, end};
    }

    private static List<Predicate> terms(Predicate where) {
        return where instanceof Predicate.And and ? and.children() : List.of(where);
    }

    private static Optional<List<Object>> secondKeyValues(ParsedStatement parsed, List<Predicate> terms,
            String secondKey, List<Object> parameters) {
        for (Predicate p : terms) {
            if (p instanceof Predicate.Comparison cmp && cmp.operator() == ComparisonOperator.EQ
                    && cmp.column().name().equalsIgnoreCase(secondKey)) {
                Optional<Object> v = parsed.resolve(cmp.value(), parameters);
                if (v.isPresent()) {
                    return Optional.of(List.of(v.get()));
                }
            }
            if (p instanceof Predicate.In in && in.column().name().equalsIgnoreCase(secondKey)) {
                List<Object> values = new ArrayList<>();
                for (var v : in.values()) {
                    Optional<Object> resolved = parsed.resolve(v, parameters);
                    if (resolved.isEmpty()) {
                        return Optional.empty();
                    }
                    values.add(resolved.get());
                }
                return Optional.of(values);
            }
        }
        return Optional.empty();
    }

    private static boolean pinsAny(List<Predicate> terms, List<String> columns) {
        for (Predicate p : terms) {
            String col = p instanceof Predicate.Comparison cmp && cmp.operator() == ComparisonOperator.EQ
                    ? cmp.column().name() : p instanceof Predicate.In in ? in.column().name() : null;
            if (col != null && RedundantTable.indexOf(columns, col) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether every column the query names is copied (a full copy covers everything). */
    private static boolean covers(StatementFacts f, List<Predicate> terms, List<String> copied) {
        for (Projection p : f.projections()) {
            switch (p.kind()) {
                case STAR -> {
                    return false;
                }
                case COLUMN -> {
                    if (RedundantTable.indexOf(copied, p.column().orElseThrow().name()) < 0) {
                        return false;
                    }
                }
                case AGGREGATE -> {
                    if (p.column().isPresent() && RedundantTable.indexOf(copied, p.column().get().name()) < 0) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        for (Predicate p : terms) {
            String col = p instanceof Predicate.Comparison cmp ? cmp.column().name()
                    : p instanceof Predicate.In in ? in.column().name()
                    : p instanceof Predicate.Between b ? b.column().name() : null;
            if (col == null || RedundantTable.indexOf(copied, col) < 0) {
                return false;
            }
        }
        List<OrderItem> items = new ArrayList<>(f.orderBy());
        items.addAll(f.groupBy());
        for (OrderItem o : items) {
            if (o.kind() == OrderItem.Kind.COLUMN
                    && RedundantTable.indexOf(copied, o.column().orElseThrow().name()) < 0
                    || o.kind() == OrderItem.Kind.EXPRESSION) {
                return false;
            }
        }
        return !f.having();
    }
}

package io.shardline.jdbc.redundancy;

import io.shardline.consistency.redundancy.MirrorRefusedException;
import io.shardline.consistency.redundancy.RedundantTable;
import io.shardline.consistency.redundancy.RowValues;
import io.shardline.consistency.redundancy.SourceWrite;
import io.shardline.jdbc.config.RedundancyConfig;
import io.shardline.sql.ParsedStatement;
import io.shardline.sql.SqlParseException;
import io.shardline.sql.SqlParser;
import io.shardline.sql.facts.StatementKind;
import io.shardline.sql.facts.TableRef;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The write path of redundant copies: a write to a source table is analysed before it runs ({@link SourceWrite};
 * what cannot be mirrored exactly is refused), the rows it will change are read and locked, and after it ran their
 * copies are rewritten on the copy's shards, all on the application's logical connection, so in its transaction
 * (delayed commit and compensation make the two shards' writes one logical transaction). In autocommit mode the
 * caller wraps the source write and its mirror in an internal transaction.
 *
 * <p>One instance per data source (thread-safe); a {@link Mirror} per statement.
 */
public final class RedundantWrites {

    private final RedundancyConfig config;
    private final SqlParser parser;
    private final Map<String, List<String>> fullColumns = new ConcurrentHashMap<>();

    public RedundantWrites(RedundancyConfig config, SqlParser parser) {
        this.config = config;
        this.parser = parser;
    }

    /** Present when the configuration declares copies. */
    public static Optional<RedundantWrites> of(RedundancyConfig config, SqlParser parser) {
        return config.tables().isEmpty() ? Optional.empty() : Optional.of(new RedundantWrites(config, parser));
    }

    public RedundancyConfig config() {
        return config;
    }

    /**
     * The mirror of a statement that writes a source table; empty for every other statement (reads, writes of other
     * tables, statements the parser cannot analyse: the planner reports those).
     *
     * @throws SQLException (SQLState 0A000) when the statement writes a source table in a way that cannot be mirrored
     */
    public Optional<Mirror> analyze(String sql, List<Object> parameters) throws SQLException {
        ParsedStatement parsed;
        try {
            parsed = parser.parse(sql);
        } catch (SqlParseException e) {
            return Optional.empty();
        }
        StatementKind kind = parsed.facts().kind();
        if (kind != StatementKind.INSERT && kind != StatementKind.UPDATE && kind != StatementKind.DELETE
                && kind != StatementKind.REPLACE && kind != StatementKind.TRUNCATE_TABLE) {
            return Optional.empty();
        }
        List<SourceWrite> writes = new ArrayList<>(1);
        for (TableRef t : parsed.facts().tables()) {
            if (t.inSubquery()) {
                continue;
            }
            for (RedundantTable copy : config.copiesOf(t.name())) {
                try {
                    writes.add(SourceWrite.analyze(parsed, parameters, copy));
                } catch (MirrorRefusedException e) {
                    throw new SQLException(e.getMessage(), "0A000", e);
                }
            }
        }
        return writes.isEmpty() ? Optional.empty() : Optional.of(new Mirror(writes));
    }

    /** Whether {@code sql} writes a source table (batches of such statements run entry by entry). */
    public boolean writesSource(String sql) {
        try {
            ParsedStatement parsed = parser.parse(sql);
            for (TableRef t : parsed.facts().tables()) {
                if (!t.inSubquery() && !config.copiesOf(t.name()).isEmpty()) {
                    return parsed.facts().kind() != StatementKind.SELECT;
                }
            }
            return false;
        } catch (SqlParseException e) {
            return false;
        }
    }

    /** The copy's row operations, the columns of a full copy read once from the source. */
    public CopyRows rows(Connection c, RedundantTable table) throws SQLException {
        if (!table.fullCopy()) {
            return new CopyRows(table, table.columns().orElseThrow());
        }
        List<String> columns = fullColumns.get(table.copyTable());
        if (columns == null) {
            columns = List.copyOf(LogicalSql.columns(c, table.sourceTable()));
            fullColumns.put(table.copyTable(), columns);
        }
        return new CopyRows(table, columns);
    }

    /** One statement's mirror: {@link #before} right before the source write runs, {@link #after} right after. */
    public final class Mirror {

        private final List<SourceWrite> writes;
        private final List<List<Map<String, Object>>> beforeRows = new ArrayList<>();

        Mirror(List<SourceWrite> writes) {
            this.writes = writes;
        }

        /** UPDATE/DELETE: reads and locks the rows the write will change (their copied columns). */
        public void before(Connection c) throws SQLException {
            beforeRows.clear();
            for (SourceWrite w : writes) {
                if (w.kind() == SourceWrite.Kind.INSERT) {
                    beforeRows.add(List.of());
                    continue;
                }
                CopyRows rows = rows(c, w.table());
                String sql = "SELECT " + LogicalSql.list(rows.copied()) + " FROM " + w.reference()
                        + (w.where().isEmpty() ? "" : " " + w.where()) + " FOR UPDATE";
                beforeRows.add(LogicalSql.query(c, sql, w.whereParameters()));
            }
        }

        /** Rewrites the copies of the rows the write changed. */
        public void after(Connection c) throws SQLException {
            for (int i = 0; i < writes.size(); i++) {
                SourceWrite w = writes.get(i);
                CopyRows rows = rows(c, w.table());
                switch (w.kind()) {
                    case INSERT -> {
                        for (Map<String, Object> keys : w.insertedKeys()) {
                            for (Map<String, Object> row : rows.sourceRow(c, keys, false)) {
                                rows.insert(c, row);
                            }
                        }
                    }
                    case DELETE -> {
                        for (Map<String, Object> row : beforeRows.get(i)) {
                            rows.delete(c, row);
                        }
                    }
                    case UPDATE -> {
                        for (Map<String, Object> before : beforeRows.get(i)) {
                            Map<String, Object> keys = new LinkedHashMap<>();
                            keys.put(w.table().keyColumn(), LogicalSql.value(before, w.table().keyColumn()));
                            for (String col : w.table().sourceShardingColumns()) {
                                keys.put(col, LogicalSql.value(before, col));
                            }
                            List<Map<String, Object>> after = rows.sourceRow(c, keys, false);
                            if (after.size() == 1
                                    && RowValues.firstDifference(before, after.get(0), rows.copied()) == null) {
                                continue; // no copied column changed
                            }
                            // The second key may have moved the row to another shard: delete, then insert.
                            rows.delete(c, before);
                            for (Map<String, Object> row : after) {
                                rows.insert(c, row);
                            }
                        }
                    }
                    default -> throw new IllegalStateException(w.kind().name());
                }
            }
        }
    }
}

package io.shardline.consistency.redundancy;

import io.shardline.sql.ParsedStatement;
import io.shardline.sql.WriteClauses;
import io.shardline.sql.facts.Assignment;
import io.shardline.sql.facts.InsertFacts;
import io.shardline.sql.facts.InsertRow;
import io.shardline.sql.facts.MySqlFeature;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.TableRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A write to a source table, cut into what mirroring needs. INSERT: the key and source sharding values of every row.
 * UPDATE/DELETE: the text of the table reference (with its alias) and of the WHERE clause with the parameters it uses,
 * so that {@code SELECT <columns> FROM <reference> <where> FOR UPDATE} reads exactly the rows the write changes.
 *
 * @param kind          INSERT, UPDATE or DELETE
 * @param table         the copy declaration whose source is written
 * @param reference     UPDATE/DELETE: the table reference as written; empty for INSERT
 * @param where         UPDATE/DELETE: {@code WHERE ...} as written, possibly empty
 * @param whereParameters the application parameters the WHERE clause uses, in order
 * @param insertedKeys  INSERT: per row, key column and source sharding columns → value
 */
public record SourceWrite(Kind kind, RedundantTable table, String reference, String where,
        List<Object> whereParameters, List<Map<String, Object>> insertedKeys) {

    /** The writes that are mirrored. */
    public enum Kind {
        /** INSERT ... VALUES / SET. */
        INSERT,
        /** Single-table UPDATE without ORDER BY / LIMIT. */
        UPDATE,
        /** Single-table DELETE without ORDER BY / LIMIT. */
        DELETE
    }

    /**
     * Cuts {@code parsed}, a statement that writes {@code table}'s source.
     *
     * @throws MirrorRefusedException for every write that cannot be mirrored exactly
     */
    public static SourceWrite analyze(ParsedStatement parsed, List<Object> parameters, RedundantTable table)
            throws MirrorRefusedException {
        StatementFacts facts = parsed.facts();
        String sql = parsed.sql();
        Kind kind = switch (facts.kind()) {
            case INSERT -> Kind.INSERT;
            case UPDATE -> Kind.UPDATE;
            case DELETE -> Kind.DELETE;
            case REPLACE -> throw refuse("REPLACE", table, "it deletes rows it does not name; use INSERT or UPDATE",
                    sql);
            case TRUNCATE_TABLE -> throw refuse("TRUNCATE TABLE", table,
                    "truncate the copy and the source together with DELETE, or bypass Shardline deliberately", sql);
            default -> throw refuse(facts.kind().name(), table, "only INSERT, UPDATE and DELETE are mirrored", sql);
        };
        List<TableRef> targets = new ArrayList<>();
        for (TableRef t : facts.tables()) {
            if (!t.inSubquery()) {
                targets.add(t);
            }
        }
        if (targets.size() != 1) {
            throw refuse("multi-table " + kind, table, "write one table per statement", sql);
        }
        if (facts.mysqlFeatures().contains(MySqlFeature.IGNORE)) {
            throw refuse(kind + " IGNORE", table, "rows the server skips cannot be told apart from written ones", sql);
        }
        if (kind == Kind.INSERT) {
            return new SourceWrite(kind, table, "", "", List.of(), insertedKeys(parsed, parameters, table));
        }
        if (!facts.orderBy().isEmpty() || facts.limit().isPresent()) {
            throw refuse(kind + " ... ORDER BY/LIMIT", table, "which rows it changes depends on the order; name the "
                    + "rows by key", sql);
        }
        for (Assignment a : facts.assignments()) {
            String column = a.column().name();
            if (column.equalsIgnoreCase(table.keyColumn())
                    || RedundantTable.indexOf(table.sourceShardingColumns(), column) >= 0) {
                throw refuse("UPDATE ... SET " + column, table, "the key and the source's sharding columns cannot "
                        + "change (delete and insert the row instead)", sql);
            }
        }
        return cut(kind, parsed, parameters, table, targets.get(0));
    }

    private static List<Map<String, Object>> insertedKeys(ParsedStatement parsed, List<Object> parameters,
            RedundantTable table) throws MirrorRefusedException {
        StatementFacts facts = parsed.facts();
        String sql = parsed.sql();
        InsertFacts insert = facts.insert().orElseThrow(() -> refuse("INSERT", table,
                "its rows could not be analysed", sql));
        if (insert.fromSelect()) {
            throw refuse("INSERT ... SELECT", table, "the inserted keys are not in the statement", sql);
        }
        if (!insert.onDuplicateKeyUpdate().isEmpty()
                || facts.mysqlFeatures().contains(MySqlFeature.ON_DUPLICATE_KEY_UPDATE)) {
            throw refuse("INSERT ... ON DUPLICATE KEY UPDATE", table,
                    "whether a row is inserted or updated is decided by the server", sql);
        }
        if (insert.columns().isEmpty()) {
            throw refuse("INSERT without a column list", table, "name the columns", sql);
        }
        List<String> needed = new ArrayList<>();
        needed.add(table.keyColumn());
        for (String c : table.sourceShardingColumns()) {
            if (RedundantTable.indexOf(needed, c) < 0) {
                needed.add(c);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>(insert.rows().size());
        for (InsertRow row : insert.rows()) {
            Map<String, Object> keys = new LinkedHashMap<>();
            for (String column : needed) {
                int i = RedundantTable.indexOf(insert.columns(), column);
                if (i < 0) {
                    throw refuse("INSERT without " + column, table, "the copy needs the row's " + column
                            + " from the statement (generated keys are not mirrored)", sql);
                }
                Optional<Object> value = parsed.resolve(row.values().get(i), parameters);
                if (value.isEmpty()) {
                    throw refuse("INSERT with an expression for " + column, table, "give " + column
                            + " as a literal or a parameter", sql);
                }
                keys.put(column, value.get());
            }
            rows.add(keys);
        }
        return rows;
    }

    /** Cuts the table reference and the WHERE clause (ORDER BY and LIMIT are refused before) out of the text. */
    private static SourceWrite cut(Kind kind, ParsedStatement parsed, List<Object> parameters, RedundantTable table,
            TableRef target) {
        WriteClauses clauses = WriteClauses.of(parsed, target, parameters);
        return new SourceWrite(kind, table, clauses.reference(), clauses.tail(), clauses.tailParameters(), List.of());
    }

    private static MirrorRefusedException refuse(String construct, RedundantTable table, String why, String sql) {
        return new MirrorRefusedException(construct, table.sourceTable(), table.copyTable(), why, sql);
    }
}

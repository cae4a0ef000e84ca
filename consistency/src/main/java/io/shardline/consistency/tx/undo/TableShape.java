package io.shardline.consistency.tx.undo;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What undo capture needs to know about one physical table: its columns (in table order) with their value kinds, its
 * primary key (from {@link DatabaseMetaData#getPrimaryKeys}) and its AUTO_INCREMENT column. Immutable; cached per table
 * by {@link UndoLog}.
 *
 * @param schema the schema the statement named, if any
 * @param name the table name
 * @param columns every column in table order
 * @param primaryKey the primary-key columns in key order; empty for a table without one
 * @param autoIncrement the AUTO_INCREMENT column, if any
 * @param triggers trigger names by event ({@code INSERT}, {@code UPDATE}, {@code DELETE}): their writes are not captured
 * @param deleteCascade a foreign key that changes other tables when a row of this one is deleted, if any
 */
record TableShape(Optional<String> schema, String name, List<Column> columns, List<Column> primaryKey,
        Optional<Column> autoIncrement, Map<String, String> triggers, Optional<String> deleteCascade) {

    TableShape {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        triggers = Map.copyOf(triggers);
    }

    /**
     * One column.
     *
     * @param name the column name
     * @param kind how its values are read and written
     * @param generated a generated (virtual/stored) column: read for images, never written
     */
    record Column(String name, ValueKind kind, boolean generated) {
        String quoted() {
            return Sql.quote(name);
        }
    }

    /** The table as undo records name it: {@code schema.name} or {@code name}. */
    String qualifiedName() {
        return schema.map(s -> s + "." + name).orElse(name);
    }

    /** The quoted table reference for generated SQL. */
    String quoted() {
        return schema.map(s -> Sql.quote(s) + "." + Sql.quote(name)).orElse(Sql.quote(name));
    }

    /** The column called {@code columnName} (case-insensitive, as MariaDB compares column names). */
    Optional<Column> column(String columnName) {
        for (Column c : columns) {
            if (c.name.equalsIgnoreCase(columnName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code columnName} is part of the primary key. */
    boolean isKeyColumn(String columnName) {
        for (Column c : primaryKey) {
            if (c.name.equalsIgnoreCase(columnName)) {
                return true;
            }
        }
        return false;
    }

    /** {@code a, b, CAST(c AS CHAR)}: reads every column exactly, in table order. */
    String selectList() {
        StringBuilder sb = new StringBuilder();
        for (Column c : columns) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(c.kind.readExpression(c.quoted()));
        }
        return sb.toString();
    }

    /** {@code (k1 = ? AND k2 = ?)}: matches one row by its primary key. */
    String keyCondition() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < primaryKey.size(); i++) {
            if (i > 0) {
                sb.append(" AND ");
            }
            Column k = primaryKey.get(i);
            sb.append(k.kind.matchCondition(k.quoted()));
        }
        return sb.append(')').toString();
    }

    /**
     * Reads the shape of {@code schema.name} (or of {@code name} in the connection's database).
     *
     * @throws SQLException if the table does not exist
     */
    static TableShape load(Connection c, Optional<String> schema, String name) throws SQLException {
        List<Column> columns = new ArrayList<>();
        Column autoIncrement = null;
        // information_schema gives MariaDB's own type names (DatabaseMetaData reports TINYINT(1) as BIT, for instance).
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE, EXTRA FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, schema.orElse(null));
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String extra = Optional.ofNullable(rs.getString(3)).orElse("").toLowerCase(Locale.ROOT);
                    Column col = new Column(rs.getString(1), ValueKind.of(rs.getString(2)), extra.contains("generated"));
                    columns.add(col);
                    if (extra.contains("auto_increment")) {
                        autoIncrement = col;
                    }
                }
            }
        }
        if (columns.isEmpty()) {
            throw new SQLException("undo capture: table " + schema.map(s -> s + ".").orElse("") + name
                    + " not found in database " + schema.orElse(c.getCatalog()), "42S02");
        }
        TreeMap<Integer, String> keyParts = new TreeMap<>();
        try (ResultSet rs = c.getMetaData().getPrimaryKeys(schema.orElse(c.getCatalog()), null, name)) {
            while (rs.next()) {
                keyParts.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        List<Column> key = new ArrayList<>();
        for (String k : keyParts.values()) {
            for (Column col : columns) {
                if (col.name.equalsIgnoreCase(k)) {
                    key.add(col);
                }
            }
        }
        Map<String, String> triggers = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT EVENT_MANIPULATION, TRIGGER_NAME FROM"
                + " information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = COALESCE(?, DATABASE())"
                + " AND EVENT_OBJECT_TABLE = ?")) {
            ps.setString(1, schema.orElse(null));
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    triggers.merge(rs.getString(1).toUpperCase(Locale.ROOT), rs.getString(2), (a, b) -> a + ", " + b);
                }
            }
        }
        String cascade = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT CONSTRAINT_NAME, TABLE_NAME, DELETE_RULE FROM"
                + " information_schema.REFERENTIAL_CONSTRAINTS WHERE UNIQUE_CONSTRAINT_SCHEMA = COALESCE(?, DATABASE())"
                + " AND REFERENCED_TABLE_NAME = ? AND DELETE_RULE NOT IN ('RESTRICT', 'NO ACTION')")) {
            ps.setString(1, schema.orElse(null));
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    cascade = "foreign key " + rs.getString(1) + " of " + rs.getString(2) + " (ON DELETE "
                            + rs.getString(3) + ")";
                }
            }
        }
        return new TableShape(schema, name, columns, key, Optional.ofNullable(autoIncrement), triggers,
                Optional.ofNullable(cascade));
    }
}

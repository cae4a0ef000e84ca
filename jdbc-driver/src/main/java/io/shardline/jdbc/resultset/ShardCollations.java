package io.shardline.jdbc.resultset;

import com.mysql.cj.CharsetMapping;
import com.mysql.cj.MysqlType;
import com.mysql.cj.result.Field;
import io.shardline.router.merge.Collation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The collation of each column of a shard result, for binding a merge plan: Connector/J reports the collation
 * id the server sent with each column; this maps it to a name and the name to a {@link Collation}, or to
 * {@code null} when Shardline does not reproduce that collation, or the column's order (ENUM and SET sort by
 * definition position): a merge that compares such a column is then refused by {@code MergePlan.bind}, naming it.
 *
 * <p>Ids are mapped with the server's own table ({@link #load}: {@code information_schema.COLLATIONS}, read once
 * per data source) because MariaDB and MySQL number some collations differently; {@link #of} uses Connector/J's
 * built-in (MySQL) table, which agrees with MariaDB for the common ids (8, 33, 45, 46, 63, 83, 224).
 */
public final class ShardCollations {

    private static final ShardCollations CONNECTOR_J = connectorJTable();

    /** Column definition flags of the protocol (include/mysql_com.h). */
    private static final int ENUM_FLAG = 0x100;
    private static final int SET_FLAG = 0x800;

    /** Collation name by id; null where unknown. */
    private final String[] names;

    private ShardCollations(String[] names) {
        this.names = names;
    }

    /** Per column, with Connector/J's built-in id table. */
    public static List<Collation> of(ResultSetMetaData metaData) throws SQLException {
        return CONNECTOR_J.collations(metaData);
    }

    /** Connector/J's built-in (MySQL) id table. */
    public static ShardCollations connectorJ() {
        return CONNECTOR_J;
    }

    /**
     * Reads the server's collation ids. Falls back to Connector/J's table when the server does not answer
     * (privileges, an old server): the common ids agree.
     */
    public static ShardCollations load(Connection connection) {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT ID, COLLATION_NAME FROM information_schema.COLLATIONS")) {
            String[] names = new String[256];
            while (rs.next()) {
                int id = rs.getInt(1);
                if (id >= names.length) {
                    names = Arrays.copyOf(names, Math.max(id + 1, names.length * 2));
                }
                names[id] = rs.getString(2);
            }
            return new ShardCollations(names);
        } catch (SQLException e) {
            return CONNECTOR_J;
        }
    }

    /** The collation name for an id, or null when unknown. */
    public String name(int collationId) {
        return collationId >= 0 && collationId < names.length ? names[collationId] : null;
    }

    /**
     * Per column (0-based list for 1-based columns) its {@link Collation}: BINARY for non-string columns and
     * binary strings, the collation of string columns, {@code null} where it is not reproduced (UCA, NO PAD)
     * or unknown (metadata that is not Connector/J's).
     */
    public List<Collation> collations(ResultSetMetaData metaData) throws SQLException {
        int count = metaData.getColumnCount();
        List<Collation> out = new ArrayList<>(count);
        Field[] fields = null;
        if (metaData.isWrapperFor(com.mysql.cj.jdbc.result.ResultSetMetaData.class)) {
            fields = metaData.unwrap(com.mysql.cj.jdbc.result.ResultSetMetaData.class).getFields();
        }
        for (int i = 0; i < count; i++) {
            if (fields == null) {
                out.add(isTextual(metaData.getColumnType(i + 1)) ? null : Collation.BINARY);
                continue;
            }
            Field field = fields[i];
            if (!isString(field.getMysqlType())) {
                out.add(Collation.BINARY);
                continue;
            }
            if (isEnumOrSet(field)) {
                // ENUM and SET sort by their position in the column definition, which the result does not carry
                out.add(null);
                continue;
            }
            out.add(collation(name(field.getCollationIndex())));
        }
        return out;
    }

    /** A collation by name, or null when Shardline does not reproduce it. */
    static Collation collation(String name) {
        if (name == null) {
            return null;
        }
        // Collation.forName would read utf8mb4_nopad_bin as PAD SPACE binary; NO PAD collations count trailing
        // spaces, which neither supported order does.
        if (name.toLowerCase(Locale.ROOT).contains("nopad")) {
            return null;
        }
        try {
            return Collation.forName(name);
        } catch (IllegalArgumentException unsupported) {
            return null;
        }
    }

    /** MariaDB reports ENUM and SET columns as CHAR; only the column flags tell them apart. */
    private static boolean isEnumOrSet(Field field) {
        return field.getMysqlType() == MysqlType.ENUM || field.getMysqlType() == MysqlType.SET
                || (field.getFlags() & (ENUM_FLAG | SET_FLAG)) != 0;
    }

    private static boolean isString(MysqlType type) {
        switch (type) {
            case CHAR, VARCHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, ENUM, SET, JSON:
                return true;
            default:
                return false;
        }
    }

    private static boolean isTextual(int jdbcType) {
        switch (jdbcType) {
            case java.sql.Types.CHAR, java.sql.Types.VARCHAR, java.sql.Types.LONGVARCHAR, java.sql.Types.NCHAR,
                    java.sql.Types.NVARCHAR, java.sql.Types.LONGNVARCHAR, java.sql.Types.CLOB:
                return true;
            default:
                return false;
        }
    }

    private static ShardCollations connectorJTable() {
        String[] names = new String[CharsetMapping.MAP_SIZE];
        for (int id = 1; id < names.length; id++) {
            names[id] = CharsetMapping.getStaticCollationNameForCollationIndex(id);
        }
        return new ShardCollations(names);
    }
}

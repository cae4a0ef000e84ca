package io.shardline.jdbc.resultset;

import io.shardline.router.merge.RowCursor;
import io.shardline.router.merge.ShardCursorException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Locale;
import java.util.Map;

/**
 * The application's {@link ResultSet} over a merged {@link RowCursor}: forward-only, read-only, values
 * converted as Connector/J converts the same column. Single-shard results do not come through here; they
 * are the shard's own result set.
 */
public final class MergedResultSet extends UnsupportedResultSetOperations {

    private final RowCursor cursor;
    private final ShardlineResultSetMetaData metaData;
    private final Statement statement;
    private boolean closed;
    private boolean onRow;
    private boolean afterLast;
    private int row;
    private boolean wasNull;
    private int fetchSize;

    public MergedResultSet(RowCursor cursor, ShardlineResultSetMetaData metaData, Statement statement) {
        if (cursor.columnCount() != metaData.getColumnCount()) {
            throw new IllegalArgumentException("cursor has " + cursor.columnCount() + " columns, metadata "
                    + metaData.getColumnCount());
        }
        this.cursor = cursor;
        this.metaData = metaData;
        this.statement = statement;
    }

    // ---- navigation ----

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (afterLast) {
            return false;
        }
        try {
            onRow = cursor.next();
        } catch (ShardCursorException e) {
            throw new SQLException(e.getMessage(), e.getCause() instanceof SQLException s ? s.getSQLState() : null,
                    e.getCause());
        } catch (IllegalStateException | IllegalArgumentException e) {
            // a merge that meets values it cannot compare: a JDBC caller expects an SQLException, never a bare
            // runtime exception out of next()
            throw new SQLException("Shardline could not merge the shards' rows: " + e.getMessage(), "HY000", e);
        }
        if (onRow) {
            row++;
        } else {
            afterLast = true;
        }
        return onRow;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onRow = false;
            cursor.close();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return row == 0 && !afterLast;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return afterLast && row > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return onRow && row == 1;
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return onRow ? row : 0;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return metaData;
    }

    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            if (metaData.getColumnLabel(i).equalsIgnoreCase(label)) {
                return i;
            }
        }
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            if (metaData.getColumnName(i).equalsIgnoreCase(label)) {
                return i;
            }
        }
        throw new SQLException("Column '" + label + "' not found", "S0022");
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public int getType() {
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getFetchDirection() {
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        if (direction != ResultSet.FETCH_FORWARD) {
            throw new SQLException("A merged result is forward-only", "S1009");
        }
    }

    @Override
    public int getFetchSize() {
        return fetchSize;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        if (rows < 0) {
            throw new SQLException("fetch size must be >= 0, was " + rows, "S1009");
        }
        fetchSize = rows;
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {
        // merged results carry no warnings of their own
    }

    // ---- values ----

    private Object value(int column) throws SQLException {
        checkOpen();
        if (!onRow) {
            throw new SQLException(afterLast ? "After end of result set" : "Before start of result set", "S1000");
        }
        metaData.column(column);
        Object v = cursor.value(column - 1);
        wasNull = v == null;
        return v;
    }

    private ColumnDescriptor describe(int column) throws SQLException {
        return metaData.column(column);
    }

    @Override
    public Object getObject(int column) throws SQLException {
        Object v = value(column);
        if (v instanceof ServerTime t) {
            // what Connector/J returns for TIME: java.sql.Time, and an error for values that are no time of day
            return Time.valueOf(ValueConversions.localTime(t, describe(column)));
        }
        return v;
    }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        Object v = value(column);
        return v == null ? null : ValueConversions.object(v, describe(column), type);
    }

    @Override
    public Object getObject(int column, Map<String, Class<?>> map) throws SQLException {
        return getObject(column);
    }

    @Override
    public String getString(int column) throws SQLException {
        Object v = value(column);
        return v == null ? null : ValueConversions.string(v, describe(column));
    }

    @Override
    public String getNString(int column) throws SQLException {
        return getString(column);
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        Object v = value(column);
        return v != null && ValueConversions.bool(v, describe(column));
    }

    @Override
    public byte getByte(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : ValueConversions.singleByte(v, describe(column));
    }

    @Override
    public short getShort(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : (short) ValueConversions.integral(v, describe(column), Short.MIN_VALUE, Short.MAX_VALUE,
                "short");
    }

    @Override
    public int getInt(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : (int) ValueConversions.integral(v, describe(column), Integer.MIN_VALUE,
                Integer.MAX_VALUE, "int");
    }

    @Override
    public long getLong(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : ValueConversions.integral(v, describe(column), Long.MIN_VALUE, Long.MAX_VALUE, "long");
    }

    @Override
    public float getFloat(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : (float) ValueConversions.floatingPoint(v, describe(column));
    }

    @Override
    public double getDouble(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : ValueConversions.floatingPoint(v, describe(column));
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        Object v = value(column);
        return v == null ? null : ValueConversions.decimal(v, describe(column));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
        BigDecimal d = getBigDecimal(column);
        return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int column) throws SQLException {
        Object v = value(column);
        return v == null ? null : ValueConversions.bytes(v, describe(column));
    }

    @Override
    public Date getDate(int column) throws SQLException {
        Object v = value(column);
        return v == null ? null : Date.valueOf(ValueConversions.localDate(v, describe(column)));
    }

    @Override
    public Time getTime(int column) throws SQLException {
        Object v = value(column);
        return v == null ? null : Time.valueOf(ValueConversions.localTime(v, describe(column)));
    }

    @Override
    public Timestamp getTimestamp(int column) throws SQLException {
        Object v = value(column);
        return v == null ? null : Timestamp.valueOf(ValueConversions.localDateTime(v, describe(column)));
    }

    @Override
    public Date getDate(int column, Calendar calendar) throws SQLException {
        Date d = getDate(column);
        if (d == null || calendar == null) {
            return d;
        }
        Calendar c = (Calendar) calendar.clone();
        c.clear();
        c.set(d.toLocalDate().getYear(), d.toLocalDate().getMonthValue() - 1, d.toLocalDate().getDayOfMonth());
        return new Date(c.getTimeInMillis());
    }

    @Override
    public Time getTime(int column, Calendar calendar) throws SQLException {
        return getTime(column);
    }

    @Override
    public Timestamp getTimestamp(int column, Calendar calendar) throws SQLException {
        Timestamp t = getTimestamp(column);
        if (t == null || calendar == null) {
            return t;
        }
        java.time.LocalDateTime local = t.toLocalDateTime();
        Timestamp out = Timestamp.from(local.atZone(calendar.getTimeZone().toZoneId()).toInstant());
        out.setNanos(local.getNano());
        return out;
    }

    @Override
    public InputStream getBinaryStream(int column) throws SQLException {
        byte[] bytes = getBytes(column);
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    @Override
    public InputStream getAsciiStream(int column) throws SQLException {
        return getBinaryStream(column);
    }

    @Override
    public Reader getCharacterStream(int column) throws SQLException {
        String s = getString(column);
        return s == null ? null : new StringReader(s);
    }

    @Override
    public Reader getNCharacterStream(int column) throws SQLException {
        return getCharacterStream(column);
    }

    // ---- by label ----

    @Override
    public Object getObject(String label) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
    }

    @Override
    public Object getObject(String label, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(label), map);
    }

    @Override
    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public String getNString(String label) throws SQLException {
        return getNString(findColumn(label));
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return getBoolean(findColumn(label));
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return getByte(findColumn(label));
    }

    @Override
    public short getShort(String label) throws SQLException {
        return getShort(findColumn(label));
    }

    @Override
    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    @Override
    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return getFloat(findColumn(label));
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return getDouble(findColumn(label));
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return getBigDecimal(findColumn(label));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
        return getBigDecimal(findColumn(label), scale);
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return getBytes(findColumn(label));
    }

    @Override
    public Date getDate(String label) throws SQLException {
        return getDate(findColumn(label));
    }

    @Override
    public Time getTime(String label) throws SQLException {
        return getTime(findColumn(label));
    }

    @Override
    public Timestamp getTimestamp(String label) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public Date getDate(String label, Calendar calendar) throws SQLException {
        return getDate(findColumn(label), calendar);
    }

    @Override
    public Time getTime(String label, Calendar calendar) throws SQLException {
        return getTime(findColumn(label), calendar);
    }

    @Override
    public Timestamp getTimestamp(String label, Calendar calendar) throws SQLException {
        return getTimestamp(findColumn(label), calendar);
    }

    @Override
    public InputStream getBinaryStream(String label) throws SQLException {
        return getBinaryStream(findColumn(label));
    }

    @Override
    public InputStream getAsciiStream(String label) throws SQLException {
        return getAsciiStream(findColumn(label));
    }

    @Override
    public Reader getCharacterStream(String label) throws SQLException {
        return getCharacterStream(findColumn(label));
    }

    @Override
    public Reader getNCharacterStream(String label) throws SQLException {
        return getNCharacterStream(findColumn(label));
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("Result set is closed", "S1000");
        }
    }

    @Override
    public String toString() {
        return "MergedResultSet[" + metaData.getColumnCount() + " columns, row " + row
                + (closed ? ", closed" : "") + "]";
    }

    @Override
    String describeForErrors() {
        return "merged result set".toLowerCase(Locale.ROOT);
    }
}

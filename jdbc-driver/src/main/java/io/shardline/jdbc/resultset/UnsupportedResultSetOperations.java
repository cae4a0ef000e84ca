package io.shardline.jdbc.resultset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * Everything a forward-only, read-only merged result cannot do, in one place: each method throws
 * {@link SQLFeatureNotSupportedException} naming itself (updates, scrolling, LOBs and other rarely used
 * accessors). {@link MergedResultSet} overrides what it supports.
 */
abstract class UnsupportedResultSetOperations implements ResultSet {

    /** Names the result set in error messages. */
    abstract String describeForErrors();

    SQLFeatureNotSupportedException unsupported(String method) {
        return new SQLFeatureNotSupportedException("ResultSet." + method + " is not supported on a "
                + describeForErrors() + " (forward-only, read-only)", "0A000");
    }

    @Override
    public java.io.InputStream getUnicodeStream(int arg0) throws SQLException {
        throw unsupported("getUnicodeStream");
    }

    @Override
    public java.io.InputStream getUnicodeStream(String arg0) throws SQLException {
        throw unsupported("getUnicodeStream");
    }

    @Override
    public String getCursorName() throws SQLException {
        throw unsupported("getCursorName");
    }

    @Override
    public boolean isLast() throws SQLException {
        throw unsupported("isLast");
    }

    @Override
    public void beforeFirst() throws SQLException {
        throw unsupported("beforeFirst");
    }

    @Override
    public void afterLast() throws SQLException {
        throw unsupported("afterLast");
    }

    @Override
    public boolean first() throws SQLException {
        throw unsupported("first");
    }

    @Override
    public boolean last() throws SQLException {
        throw unsupported("last");
    }

    @Override
    public boolean absolute(int arg0) throws SQLException {
        throw unsupported("absolute");
    }

    @Override
    public boolean relative(int arg0) throws SQLException {
        throw unsupported("relative");
    }

    @Override
    public boolean previous() throws SQLException {
        throw unsupported("previous");
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        throw unsupported("rowUpdated");
    }

    @Override
    public boolean rowInserted() throws SQLException {
        throw unsupported("rowInserted");
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        throw unsupported("rowDeleted");
    }

    @Override
    public void updateNull(int arg0) throws SQLException {
        throw unsupported("updateNull");
    }

    @Override
    public void updateBoolean(int arg0, boolean arg1) throws SQLException {
        throw unsupported("updateBoolean");
    }

    @Override
    public void updateByte(int arg0, byte arg1) throws SQLException {
        throw unsupported("updateByte");
    }

    @Override
    public void updateShort(int arg0, short arg1) throws SQLException {
        throw unsupported("updateShort");
    }

    @Override
    public void updateInt(int arg0, int arg1) throws SQLException {
        throw unsupported("updateInt");
    }

    @Override
    public void updateLong(int arg0, long arg1) throws SQLException {
        throw unsupported("updateLong");
    }

    @Override
    public void updateFloat(int arg0, float arg1) throws SQLException {
        throw unsupported("updateFloat");
    }

    @Override
    public void updateDouble(int arg0, double arg1) throws SQLException {
        throw unsupported("updateDouble");
    }

    @Override
    public void updateBigDecimal(int arg0, java.math.BigDecimal arg1) throws SQLException {
        throw unsupported("updateBigDecimal");
    }

    @Override
    public void updateString(int arg0, String arg1) throws SQLException {
        throw unsupported("updateString");
    }

    @Override
    public void updateBytes(int arg0, byte[] arg1) throws SQLException {
        throw unsupported("updateBytes");
    }

    @Override
    public void updateDate(int arg0, java.sql.Date arg1) throws SQLException {
        throw unsupported("updateDate");
    }

    @Override
    public void updateTime(int arg0, java.sql.Time arg1) throws SQLException {
        throw unsupported("updateTime");
    }

    @Override
    public void updateTimestamp(int arg0, java.sql.Timestamp arg1) throws SQLException {
        throw unsupported("updateTimestamp");
    }

    @Override
    public void updateAsciiStream(int arg0, java.io.InputStream arg1, int arg2) throws SQLException {
        throw unsupported("updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(int arg0, java.io.InputStream arg1, int arg2) throws SQLException {
        throw unsupported("updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(int arg0, java.io.Reader arg1, int arg2) throws SQLException {
        throw unsupported("updateCharacterStream");
    }

    @Override
    public void updateObject(int arg0, Object arg1, int arg2) throws SQLException {
        throw unsupported("updateObject");
    }

    @Override
    public void updateObject(int arg0, Object arg1) throws SQLException {
        throw unsupported("updateObject");
    }

    @Override
    public void updateNull(String arg0) throws SQLException {
        throw unsupported("updateNull");
    }

    @Override
    public void updateBoolean(String arg0, boolean arg1) throws SQLException {
        throw unsupported("updateBoolean");
    }

    @Override
    public void updateByte(String arg0, byte arg1) throws SQLException {
        throw unsupported("updateByte");
    }

    @Override
    public void updateShort(String arg0, short arg1) throws SQLException {
        throw unsupported("updateShort");
    }

    @Override
    public void updateInt(String arg0, int arg1) throws SQLException {
        throw unsupported("updateInt");
    }

    @Override
    public void updateLong(String arg0, long arg1) throws SQLException {
        throw unsupported("updateLong");
    }

    @Override
    public void updateFloat(String arg0, float arg1) throws SQLException {
        throw unsupported("updateFloat");
    }

    @Override
    public void updateDouble(String arg0, double arg1) throws SQLException {
        throw unsupported("updateDouble");
    }

    @Override
    public void updateBigDecimal(String arg0, java.math.BigDecimal arg1) throws SQLException {
        throw unsupported("updateBigDecimal");
    }

    @Override
    public void updateString(String arg0, String arg1) throws SQLException {
        throw unsupported("updateString");
    }

    @Override
    public void updateBytes(String arg0, byte[] arg1) throws SQLException {
        throw unsupported("updateBytes");
    }

    @Override
    public void updateDate(String arg0, java.sql.Date arg1) throws SQLException {
        throw unsupported("updateDate");
    }

    @Override
    public void updateTime(String arg0, java.sql.Time arg1) throws SQLException {
        throw unsupported("updateTime");
    }

    @Override
    public void updateTimestamp(String arg0, java.sql.Timestamp arg1) throws SQLException {
        throw unsupported("updateTimestamp");
    }

    @Override
    public void updateAsciiStream(String arg0, java.io.InputStream arg1, int arg2) throws SQLException {
        throw unsupported("updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(String arg0, java.io.InputStream arg1, int arg2) throws SQLException {
        throw unsupported("updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(String arg0, java.io.Reader arg1, int arg2) throws SQLException {
        throw unsupported("updateCharacterStream");
    }

    @Override
    public void updateObject(String arg0, Object arg1, int arg2) throws SQLException {
        throw unsupported("updateObject");
    }

    @Override
    public void updateObject(String arg0, Object arg1) throws SQLException {
        throw unsupported("updateObject");
    }

    @Override
    public void insertRow() throws SQLException {
        throw unsupported("insertRow");
    }

    @Override
    public void updateRow() throws SQLException {
        throw unsupported("updateRow");
    }

    @Override
    public void deleteRow() throws SQLException {
        throw unsupported("deleteRow");
    }

    @Override
    public void refreshRow() throws SQLException {
        throw unsupported("refreshRow");
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        throw unsupported("cancelRowUpdates");
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        throw unsupported("moveToInsertRow");
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        throw unsupported("moveToCurrentRow");
    }

    @Override
    public java.sql.Ref getRef(int arg0) throws SQLException {
        throw unsupported("getRef");
    }

    @Override
    public java.sql.Blob getBlob(int arg0) throws SQLException {
        throw unsupported("getBlob");
    }

    @Override
    public java.sql.Clob getClob(int arg0) throws SQLException {
        throw unsupported("getClob");
    }

    @Override
    public java.sql.Array getArray(int arg0) throws SQLException {
        throw unsupported("getArray");
    }

    @Override
    public java.sql.Ref getRef(String arg0) throws SQLException {
        throw unsupported("getRef");
    }

    @Override
    public java.sql.Blob getBlob(String arg0) throws SQLException {
        throw unsupported("getBlob");
    }

    @Override
    public java.sql.Clob getClob(String arg0) throws SQLException {
        throw unsupported("getClob");
    }

    @Override
    public java.sql.Array getArray(String arg0) throws SQLException {
        throw unsupported("getArray");
    }

    @Override
    public java.net.URL getURL(int arg0) throws SQLException {
        throw unsupported("getURL");
    }

    @Override
    public java.net.URL getURL(String arg0) throws SQLException {
        throw unsupported("getURL");
    }

    @Override
    public void updateRef(int arg0, java.sql.Ref arg1) throws SQLException {
        throw unsupported("updateRef");
    }

    @Override
    public void updateRef(String arg0, java.sql.Ref arg1) throws SQLException {
        throw unsupported("updateRef");
    }

    @Override
    public void updateBlob(int arg0, java.sql.Blob arg1) throws SQLException {
        throw unsupported("updateBlob");
    }

    @Override
    public void updateBlob(String arg0, java.sql.Blob arg1) throws SQLException {
        throw unsupported("updateBlob");
    }

    @Override
    public void updateClob(int arg0, java.sql.Clob arg1) throws SQLException {
        throw unsupported("updateClob");
    }

    @Override
    public void updateClob(String arg0, java.sql.Clob arg1) throws SQLException {
        throw unsupported("updateClob");
    }

    @Override
    public void updateArray(int arg0, java.sql.Array arg1) throws SQLException {
        throw unsupported("updateArray");
    }

    @Override
    public void updateArray(String arg0, java.sql.Array arg1) throws SQLException {
        throw unsupported("updateArray");
    }

    @Override
    public java.sql.RowId getRowId(int arg0) throws SQLException {
        throw unsupported("getRowId");
    }

    @Override
    public java.sql.RowId getRowId(String arg0) throws SQLException {
        throw unsupported("getRowId");
    }

    @Override
    public void updateRowId(int arg0, java.sql.RowId arg1) throws SQLException {
        throw unsupported("updateRowId");
    }

    @Override
    public void updateRowId(String arg0, java.sql.RowId arg1) throws SQLException {
        throw unsupported("updateRowId");
    }

    @Override
    public void updateNString(int arg0, String arg1) throws SQLException {
        throw unsupported("updateNString");
    }

    @Override
    public void updateNString(String arg0, String arg1) throws SQLException {
        throw unsupported("updateNString");
    }

    @Override
    public void updateNClob(int arg0, java.sql.NClob arg1) throws SQLException {
        throw unsupported("updateNClob");
    }

    @Override
    public void updateNClob(String arg0, java.sql.NClob arg1) throws SQLException {
        throw unsupported("updateNClob");
    }

    @Override
    public java.sql.NClob getNClob(int arg0) throws SQLException {
        throw unsupported("getNClob");
    }

    @Override
    public java.sql.NClob getNClob(String arg0) throws SQLException {
        throw unsupported("getNClob");
    }

    @Override
    public java.sql.SQLXML getSQLXML(int arg0) throws SQLException {
        throw unsupported("getSQLXML");
    }

    @Override
    public java.sql.SQLXML getSQLXML(String arg0) throws SQLException {
        throw unsupported("getSQLXML");
    }

    @Override
    public void updateSQLXML(int arg0, java.sql.SQLXML arg1) throws SQLException {
        throw unsupported("updateSQLXML");
    }

    @Override
    public void updateSQLXML(String arg0, java.sql.SQLXML arg1) throws SQLException {
        throw unsupported("updateSQLXML");
    }

    @Override
    public void updateNCharacterStream(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw unsupported("updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(String arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw unsupported("updateNCharacterStream");
    }

    @Override
    public void updateAsciiStream(int arg0, java.io.InputStream arg1, long arg2) throws SQLException {
        throw unsupported("updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(int arg0, java.io.InputStream arg1, long arg2) throws SQLException {
        throw unsupported("updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw unsupported("updateCharacterStream");
    }

    @Override
    public void updateAsciiStream(String arg0, java.io.InputStream arg1, long arg2) throws SQLException {
        throw unsupported("updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(String arg0, java.io.InputStream arg1, long arg2) throws SQLException {
        throw unsupported("updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(String arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw unsupported("updateCharacterStream");
    }

    @Override
    public void updateBlob(int arg0, java.io.InputStream arg1, long arg2) throws SQLException {
        throw unsupported("updateBlob");
    }

    @Override
    public void updateBlob(String arg0, java.io.InputStream arg1, long arg2) throws SQLException {
        throw unsupported("updateBlob");
    }

    @Override
    public void updateClob(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw unsupported("updateClob");
    }

    @Override
    public void updateClob(String arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw unsupported("updateClob");
    }

    @Override
    public void updateNClob(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw unsupported("updateNClob");
    }

    @Override
    public void updateNClob(String arg0, java.io.Reader arg1, long arg2) throws SQLException {
        throw unsupported("updateNClob");
    }

    @Override
    public void updateNCharacterStream(int arg0, java.io.Reader arg1) throws SQLException {
        throw unsupported("updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(String arg0, java.io.Reader arg1) throws SQLException {
        throw unsupported("updateNCharacterStream");
    }

    @Override
    public void updateAsciiStream(int arg0, java.io.InputStream arg1) throws SQLException {
        throw unsupported("updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(int arg0, java.io.InputStream arg1) throws SQLException {
        throw unsupported("updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(int arg0, java.io.Reader arg1) throws SQLException {
        throw unsupported("updateCharacterStream");
    }

    @Override
    public void updateAsciiStream(String arg0, java.io.InputStream arg1) throws SQLException {
        throw unsupported("updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(String arg0, java.io.InputStream arg1) throws SQLException {
        throw unsupported("updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(String arg0, java.io.Reader arg1) throws SQLException {
        throw unsupported("updateCharacterStream");
    }

    @Override
    public void updateBlob(int arg0, java.io.InputStream arg1) throws SQLException {
        throw unsupported("updateBlob");
    }

    @Override
    public void updateBlob(String arg0, java.io.InputStream arg1) throws SQLException {
        throw unsupported("updateBlob");
    }

    @Override
    public void updateClob(int arg0, java.io.Reader arg1) throws SQLException {
        throw unsupported("updateClob");
    }

    @Override
    public void updateClob(String arg0, java.io.Reader arg1) throws SQLException {
        throw unsupported("updateClob");
    }

    @Override
    public void updateNClob(int arg0, java.io.Reader arg1) throws SQLException {
        throw unsupported("updateNClob");
    }

    @Override
    public void updateNClob(String arg0, java.io.Reader arg1) throws SQLException {
        throw unsupported("updateNClob");
    }
}

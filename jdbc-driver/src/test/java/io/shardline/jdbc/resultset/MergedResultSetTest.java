package io.shardline.jdbc.resultset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.router.merge.ListCursor;
import io.shardline.router.merge.RowCursor;
import io.shardline.router.merge.ShardCursorException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergedResultSetTest {

    private static final ShardlineResultSetMetaData META = new ShardlineResultSetMetaData(List.of(
            new ColumnDescriptor("order_id", "order_id", "t_order", "shop", Types.BIGINT, "BIGINT", 20, 0,
                    java.sql.ResultSetMetaData.columnNoNulls, true, 20, "java.lang.Long", false, false),
            ColumnDescriptor.computed("total", Types.DECIMAL, "DECIMAL", 32, 2, "java.math.BigDecimal")));

    private static MergedResultSet resultSet(Object[]... rows) {
        return new MergedResultSet(new ListCursor(List.of(rows), 2), META, null);
    }

    @Test
    void walksForwardAndReportsPosition() throws SQLException {
        try (MergedResultSet rs = resultSet(new Object[] {1L, new BigDecimal("9.50")}, new Object[] {2L, null})) {
            assertThat(rs.isBeforeFirst()).isTrue();
            assertThat(rs.next()).isTrue();
            assertThat(rs.isFirst()).isTrue();
            assertThat(rs.getRow()).isEqualTo(1);
            assertThat(rs.getLong("ORDER_ID")).isEqualTo(1L);
            assertThat(rs.getString("total")).isEqualTo("9.50");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBigDecimal(2)).isNull();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getInt(2)).isZero();
            assertThat(rs.next()).isFalse();
            assertThat(rs.isAfterLast()).isTrue();
            assertThat(rs.next()).isFalse();
            assertThatThrownBy(() -> rs.getLong(1)).hasMessageContaining("After end of result set");
        }
    }

    @Test
    void namesWhatIsMissingOrUnsupported() throws SQLException {
        try (MergedResultSet rs = resultSet(new Object[] {1L, BigDecimal.ONE})) {
            assertThatThrownBy(() -> rs.getLong(1)).hasMessageContaining("Before start");
            rs.next();
            assertThatThrownBy(() -> rs.findColumn("amount")).hasMessageContaining("'amount' not found");
            assertThatThrownBy(() -> rs.getLong(3)).hasMessageContaining("Column index 3 is out of range 1..2");
            assertThatThrownBy(() -> rs.updateLong(1, 2L)).isInstanceOf(SQLFeatureNotSupportedException.class)
                    .hasMessageContaining("ResultSet.updateLong");
            assertThatThrownBy(rs::previous).isInstanceOf(SQLFeatureNotSupportedException.class)
                    .hasMessageContaining("ResultSet.previous");
            assertThatThrownBy(() -> rs.getObject(1, java.util.UUID.class))
                    .hasMessageContaining("order_id").hasMessageContaining("java.util.UUID");
        }
    }

    @Test
    void closingClosesTheCursorOnceAndRefusesFurtherUse() throws SQLException {
        int[] closes = {0};
        RowCursor cursor = new EmptyCursor() {
            @Override
            public void close() {
                closes[0]++;
            }
        };
        MergedResultSet rs = new MergedResultSet(cursor, META, null);
        rs.close();
        rs.close();
        assertThat(closes[0]).isEqualTo(1);
        assertThat(rs.isClosed()).isTrue();
        assertThatThrownBy(rs::next).hasMessageContaining("closed");
    }

    @Test
    void aFailingShardSurfacesAsSQLExceptionNamingIt() {
        RowCursor failing = new EmptyCursor() {
            @Override
            public boolean next() {
                throw new ShardCursorException("ds_1.t_order_3: connection lost",
                        new SQLException("Communications link failure", "08S01"));
            }
        };
        try (MergedResultSet rs = new MergedResultSet(failing, META, null)) {
            assertThatThrownBy(rs::next).isInstanceOf(SQLException.class)
                    .hasMessageContaining("ds_1.t_order_3")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08S01"));
        }
    }

    @Test
    void aMergeThatCannotCompareValuesSurfacesAsSQLException() {
        // found by sql-compat: TIME values of mixed Java types made next() throw a bare IllegalStateException
        RowCursor incomparable = new EmptyCursor() {
            @Override
            public boolean next() {
                throw new IllegalStateException("Cannot order java.sql.Time against java.lang.String in one merged column");
            }
        };
        try (MergedResultSet rs = new MergedResultSet(incomparable, META, null)) {
            assertThatThrownBy(rs::next).isInstanceOf(SQLException.class).hasMessageContaining("Cannot order")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HY000"));
        }
    }

    /** Two columns, no rows. */
    private static class EmptyCursor implements RowCursor {
        @Override
        public boolean next() {
            return false;
        }

        @Override
        public Object value(int column) {
            throw new IllegalStateException("no row");
        }

        @Override
        public int columnCount() {
            return 2;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void metadataMustMatchTheCursor() {
        assertThatThrownBy(() -> new MergedResultSet(new ListCursor(List.of(), 3), META, null))
                .hasMessageContaining("cursor has 3 columns, metadata 2");
    }
}

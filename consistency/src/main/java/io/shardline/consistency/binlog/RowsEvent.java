package io.shardline.consistency.binlog;

import java.util.List;

/**
 * Rows one binlog event changed in one table.
 *
 * @param source   the endpoint the event was read from
 * @param database the table's database (schema) on that server
 * @param table    the actual table name (a shard's table, not the logical one)
 * @param columns  column names, lower case, in table order; empty when the server does not log them
 *                 ({@code binlog_row_metadata=FULL} is needed)
 * @param rows     row images: writes and deletes one per row, updates before and after; values as JDBC would read
 *                 them for key purposes (integers as Long, unsigned BIGINT beyond Long as BigInteger, text as String,
 *                 binary as byte[])
 * @param gtid     the transaction's GTID ({@code domain-server-seq}), or empty
 */
public record RowsEvent(BinlogEndpoint source, String database, String table, List<String> columns,
        List<Object[]> rows, String gtid) {
}

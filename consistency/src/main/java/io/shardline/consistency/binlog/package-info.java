/**
 * Following binlogs from Java ({@code mysql-binlog-connector-java}). {@link io.shardline.consistency.binlog.BinlogFollower}
 * reads one server's binlog (a replica's, which holds what it applied with {@code log_slave_updates}) from a GTID
 * position, hands row events and DDL to a {@link io.shardline.consistency.binlog.BinlogSink}, and reconnects from the
 * last committed GTID after a disconnect or a restart of the server.
 */
package io.shardline.consistency.binlog;

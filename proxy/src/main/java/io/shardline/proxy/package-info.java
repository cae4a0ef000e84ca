/**
 * The standalone proxy: a Netty server speaking the MySQL client/server protocol in front of one
 * {@link io.shardline.jdbc.ShardlineDataSource}. {@link io.shardline.proxy.ProxyServer} listens and owns the threads;
 * each client connection is a {@code ClientSession} (the Netty handler: the order and the thread its commands run
 * in, and their dispatch), which logs the client in with {@code Handshake}, keeps its own Shardline connection and
 * settings in {@code SessionConnection}, answers SET/USE/BEGIN/COMMIT/ROLLBACK/SHOW with {@code SessionStatements}
 * and COM_STMT_* with {@code PreparedCommands}, and writes every answer with {@code ResultWriter}.
 * {@code PacketDecoder} frames the client's bytes; {@code PacketOutput} frames and streams the answers with
 * backpressure; {@code ColumnDef} and {@code Rows} describe and encode results; {@link io.shardline.proxy.ProxyError}
 * is the catalogue of errors sent as ERR packets; {@link io.shardline.proxy.ProxyConfig} is the proxy's YAML;
 * {@link io.shardline.proxy.Tls} the optional TLS; {@link io.shardline.proxy.ProxyMain} the command line.
 */
package io.shardline.proxy;

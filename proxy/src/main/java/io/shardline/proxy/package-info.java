/**
 * The standalone proxy: a Netty server speaking the MySQL client/server protocol in front of one
 * {@link io.shardline.jdbc.ShardlineDataSource}. {@link io.shardline.proxy.ProxyServer} listens and owns the threads;
 * each client connection is a {@code ClientSession} with its own Shardline connection; {@code PacketDecoder} frames
 * the client's bytes; {@code PacketOutput} frames and streams the answers with backpressure; {@code ColumnDef} and
 * {@code Rows} describe and encode results; {@link io.shardline.proxy.ProxyError} is the catalogue of errors sent as ERR
 * packets; {@link io.shardline.proxy.ProxyConfig} is the proxy's YAML; {@link io.shardline.proxy.Tls} the optional
 * TLS; {@link io.shardline.proxy.ProxyMain} the command line.
 */
package io.shardline.proxy;

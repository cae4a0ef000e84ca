package io.shardline.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.execute.DataSourceGroup;
import io.shardline.jdbc.config.RulesConfig;
import io.shardline.sql.SqlParser;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone proxy: a Netty server speaking the MySQL client/server protocol in front of one
 * {@link ShardlineDataSource}. Each client connection is a {@link ClientSession} owning one Shardline connection.
 *
 * <pre>{@code
 * try (ShardlineDataSource ds = ShardlineDataSource.fromYaml(path);
 *      ProxyServer proxy = ProxyServer.start(ds, ProxyConfig.load(users), new InetSocketAddress("127.0.0.1", 3307))) {
 *     ...  // mysql -h127.0.0.1 -P3307 -uapp -p
 * }
 * }</pre>
 *
 * {@link #close()} is the graceful shutdown: stop accepting, let running statements finish (up to a grace period),
 * close every session (open transactions roll back), then stop the threads. The data source stays the caller's.
 */
public final class ProxyServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyServer.class);

    private final ShardlineDataSource dataSource;
    private final ProxyConfig config;
    private final SqlParser parser = new SqlParser();
    private final EventLoopGroup boss;
    private final EventLoopGroup io;
    private final ThreadPoolExecutor workers;
    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionIds = new AtomicInteger();
    private final List<String> logicalTables;
    private final boolean tracksReads;
    private final List<HikariDataSource> shardPools = new ArrayList<>();
    private Channel listener;

    private ProxyServer(ShardlineDataSource dataSource, ProxyConfig config) {
        this.dataSource = dataSource;
        this.config = config;
        this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.io = new MultiThreadIoEventLoopGroup(config.ioThreads(), NioIoHandler.newFactory());
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "shardline-proxy-worker-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.workers.allowCoreThreadTimeOut(true);
        RulesConfig rules = dataSource.config().rules();
        Set<String> tables = new LinkedHashSet<>(rules.tables().keySet());
        tables.addAll(rules.broadcastTables());
        tables.addAll(rules.singleTables());
        this.logicalTables = List.copyOf(new ArrayList<>(tables));
        this.tracksReads = dataSource.readRouting().isPresent();
        for (DataSourceGroup group : dataSource.pools().groups()) {
            shardPools.add(group.master().pool());
            group.replicas().forEach(replica -> shardPools.add(replica.pool()));
        }
    }

    /** Starts listening on {@code address} (port 0 picks a free port; see {@link #port()}). */
    public static ProxyServer start(ShardlineDataSource dataSource, ProxyConfig config, InetSocketAddress address)
            throws InterruptedException {
        ProxyServer server = new ProxyServer(dataSource, config);
        server.bind(address);
        return server;
    }

    private void bind(InetSocketAddress address) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new IdleStateHandler(config.packetTimeoutMs(), 0, 0, TimeUnit.MILLISECONDS))
                                .addLast(new PacketDecoder(config.maxPacketBytes()))
                                .addLast(new ClientSession(ProxyServer.this, ch, connectionIds.incrementAndGet()));
                    }
                });
        try {
            listener = bootstrap.bind(address).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            shutdownThreads();
            throw e;
        }
        LOG.info("Shardline proxy listening on {} ({})", listener.localAddress(), config);
    }

    /** The port the proxy listens on. */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Client sessions open right now. */
    public int openSessions() {
        return sessions.size();
    }

    ProxyConfig config() {
        return config;
    }

    ShardlineDataSource dataSource() {
        return dataSource;
    }

    SqlParser parser() {
        return parser;
    }

    ExecutorService workers() {
        return workers;
    }

    /** Whether read-your-writes positions exist to carry from one Shardline connection of a session to the next. */
    boolean tracksReads() {
        return tracksReads;
    }

    List<String> logicalTables() {
        return logicalTables;
    }

    /**
     * Whether every shard pool has a connection idle right now. A read run on a network thread that had to wait for a
     * pool connection would hold that thread, and with it every session on it, including one whose COMMIT would give
     * a connection back, until the pool's timeout; such a read goes to a worker instead.
     */
    boolean shardPoolsHaveIdleConnections() {
        for (HikariDataSource pool : shardPools) {
            HikariPoolMXBean state = pool.getHikariPoolMXBean();
            if (state == null || state.getIdleConnections() == 0) {
                return false;
            }
        }
        return true;
    }

    boolean register(ClientSession session) {
        if (sessions.size() >= config.maxConnections()) {
            return false;
        }
        sessions.add(session);
        return true;
    }

    void unregister(ClientSession session) {
        sessions.remove(session);
    }

    /** Graceful shutdown with a grace period of 10 s for running statements. */
    @Override
    public void close() {
        close(10, TimeUnit.SECONDS);
    }

    /** Stops accepting, waits up to {@code grace} for statements that run, closes every session, stops threads. */
    public void close(long grace, TimeUnit unit) {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        long deadline = System.nanoTime() + unit.toNanos(grace);
        while (workers.getActiveCount() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        sessions.forEach(ClientSession::close);
        shutdownThreads();
        LOG.info("Shardline proxy stopped");
    }

    private void shutdownThreads() {
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("proxy workers still busy after 10 s; abandoning them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

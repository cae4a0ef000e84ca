package io.shardline.bench.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;

/**
 * The cheapest proxy there can be, as a yardstick: a Netty TCP relay that copies bytes between each client and its
 * own connection to one MariaDB server, on the same event loop, without looking at them. No parsing, no routing, no
 * pooling. Whatever it costs (two more loopback hops, their system calls and wake-ups) any proxy on this machine
 * pays as well, so its TPS is the ceiling a real proxy's TPS is measured against. Java NIO, like the Shardline
 * proxy: Netty's native epoll transport measured no different here (the inline proxy on epoll 0.41× direct TPS,
 * on NIO 0.44×, within noise).
 */
final class ByteRelay implements AutoCloseable {

    private final EventLoopGroup loops;
    private final Channel listener;

    private ByteRelay(int threads, int targetPort) throws InterruptedException {
        loops = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        listener = new ServerBootstrap().group(loops)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.AUTO_READ, false) // until the server side is connected
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel client) {
                        client.pipeline().addLast(new ClientSide(client, targetPort));
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    /** Starts a relay to {@code 127.0.0.1:targetPort} on a free port, with {@code threads} event loops. */
    static ByteRelay start(int threads, int targetPort) throws InterruptedException {
        return new ByteRelay(threads, targetPort);
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        loops.shutdownGracefully().syncUninterruptibly();
    }

    /** Copies what one side reads to the other side ({@code peer}) and closes the other side with it. */
    private static class Forward extends ChannelInboundHandlerAdapter {
        Channel peer;

        Forward(Channel peer) {
            this.peer = peer;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            peer.write(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            peer.flush();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (peer != null) {
                peer.close();
            }
        }
    }

    /** Client → server; connects its server side on the client's own event loop, as a relaying proxy would. */
    private static final class ClientSide extends Forward {
        private final Channel client;
        private final int targetPort;

        ClientSide(Channel client, int targetPort) {
            super(null); // the server side, once connected
            this.client = client;
            this.targetPort = targetPort;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            new Bootstrap().group(client.eventLoop())
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new Forward(client))
                    .connect("127.0.0.1", targetPort)
                    .addListener((ChannelFutureListener) f -> {
                        if (f.isSuccess()) {
                            peer = f.channel();
                            client.config().setAutoRead(true);
                        } else {
                            client.close();
                        }
                    });
        }
    }
}

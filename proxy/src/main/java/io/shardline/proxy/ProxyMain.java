package io.shardline.proxy;

import io.shardline.jdbc.ShardlineDataSource;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shardline-proxy --config shardline.yaml --users proxy.yaml --port 3307}: runs until SIGINT/SIGTERM. */
@Command(name = "shardline-proxy", mixinStandardHelpOptions = true, version = "Shardline proxy 0.1.0",
        description = "A MySQL-protocol server in front of Shardline: any MySQL client talks to the sharded database.")
public final class ProxyMain implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "Shardline YAML (data sources and sharding rules)")
    Path config;

    @Option(names = "--users", required = true, description = "proxy YAML: users, schema name, limits, TLS")
    Path users;

    @Option(names = "--port", defaultValue = "3307", description = "port to listen on (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    /** Runs the proxy; the exit code is picocli's. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ProxyMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ProxyConfig proxyConfig = ProxyConfig.load(users);
        ShardlineDataSource dataSource = ShardlineDataSource.fromYaml(config);
        ProxyServer server;
        try {
            server = ProxyServer.start(dataSource, proxyConfig, new InetSocketAddress(bind, port));
        } catch (RuntimeException | InterruptedException e) {
            dataSource.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            dataSource.close();
            stopped.countDown();
        }, "shardline-proxy-shutdown"));
        System.err.println("shardline-proxy: listening on " + bind + ":" + server.port() + ", schema '"
                + proxyConfig.schema() + "', TLS " + proxyConfig.tls().map(t -> t.required() ? "required" : "offered")
                .orElse("off") + "; Ctrl-C stops it");
        stopped.await();
        return 0;
    }
}

package io.shardline.spring;

import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code shardline.*} properties. Usually none is needed: {@code spring.datasource.url=jdbc:shardline:classpath:
 * shardline.yaml} names the configuration. {@code shardline.config} names it instead, as a Spring resource
 * location ({@code classpath:shardline.yaml}, {@code file:/etc/app/shardline.yaml}), and wins when both are set.
 */
@ConfigurationProperties(prefix = "shardline")
public final class ShardlineProperties {

    private String config;
    private Integer executorThreads;

    /** The YAML configuration as a Spring resource location; empty when {@code spring.datasource.url} names it. */
    public Optional<String> config() {
        return Optional.ofNullable(config).filter(s -> !s.isBlank());
    }

    public String getConfig() {
        return config;
    }

    public void setConfig(String config) {
        this.config = config;
    }

    /** Threads that run the shard statements of multi-shard plans; empty = the driver's default. */
    public Optional<Integer> executorThreads() {
        return Optional.ofNullable(executorThreads);
    }

    public Integer getExecutorThreads() {
        return executorThreads;
    }

    public void setExecutorThreads(Integer executorThreads) {
        this.executorThreads = executorThreads;
    }
}

package io.shardline.spring;

import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.ShardlineDriver;
import io.shardline.jdbc.config.ShardlineConfig;
import io.shardline.router.ShardingPlanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Makes the application's {@link DataSource} a {@link ShardlineDataSource}. Runs before Spring Boot's
 * {@link DataSourceAutoConfiguration}, whose pooled DataSource then backs off (there is a DataSource bean), while
 * everything built on "the" DataSource (the {@code DataSourceTransactionManager}, JPA, JdbcTemplate, MyBatis,
 * {@code spring.sql.init}) uses Shardline unchanged.
 *
 * <p>The configuration is {@code shardline.config} (a Spring resource location) or the location in
 * {@code spring.datasource.url=jdbc:shardline:<location>}, read as the driver reads it: {@code classpath:<resource>}
 * or a file path. {@code spring.datasource.username/password} are not used: credentials are per node in the YAML.
 * The DataSource is the context's own (not the driver's per-URL one), closed with the context.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(ShardlineDataSource.class)
@Conditional(OnShardlineConfigured.class)
@EnableConfigurationProperties(ShardlineProperties.class)
public class ShardlineAutoConfiguration {

    private static final String CLASSPATH = "classpath:";

    /** Counts statements by route opcode for {@link ShardlineMetrics}; wraps the DataSource's planner. */
    @Bean
    @ConditionalOnMissingBean
    public StatementCounter shardlineStatementCounter() {
        return new StatementCounter();
    }

    /** The application's DataSource, unless it defines one itself. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(DataSource.class)
    public ShardlineDataSource dataSource(ShardlineProperties properties, Environment environment,
            ResourceLoader resourceLoader, StatementCounter statements) {
        Location location = location(properties, environment);
        Resource resource = resourceLoader.getResource(location.springLocation());
        ShardlineConfig config = ShardlineConfig.parse(read(resource, location), location.springLocation());
        ShardlineDataSource.Builder builder = ShardlineDataSource.builder().config(config).url(location.url())
                .planner(rule -> statements.wrap(new ShardingPlanner(rule)));
        properties.executorThreads().ifPresent(builder::executorThreads);
        return builder.build();
    }

    /** Where the YAML is: {@code shardline.config} first, then the {@code jdbc:shardline:} URL. */
    static Location location(ShardlineProperties properties, Environment environment) {
        if (properties.config().isPresent()) {
            String config = properties.config().get();
            return new Location(config, ShardlineDriver.PREFIX + config);
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith(ShardlineDriver.PREFIX) || url.length() == ShardlineDriver.PREFIX.length()) {
            throw new IllegalStateException("spring.datasource.url must be jdbc:shardline:classpath:<resource> or "
                    + "jdbc:shardline:<file>, or shardline.config must name the YAML; spring.datasource.url was '"
                    + url + "'");
        }
        String rest = url.substring(ShardlineDriver.PREFIX.length());
        // The driver reads anything that is not classpath: as a file path; so does the starter (no URL schemes).
        return new Location(rest.startsWith(CLASSPATH) ? rest : "file:" + rest, url);
    }

    private static String read(Resource resource, Location location) {
        if (!resource.exists()) {
            throw new IllegalStateException("Shardline configuration " + location.springLocation() + " (from "
                    + location.url() + ") does not exist");
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Shardline configuration " + location.springLocation(), e);
        }
    }

    /**
     * @param springLocation the YAML as a Spring resource location
     * @param url            the {@code jdbc:shardline:} URL the DataSource reports
     */
    record Location(String springLocation, String url) {
    }
}

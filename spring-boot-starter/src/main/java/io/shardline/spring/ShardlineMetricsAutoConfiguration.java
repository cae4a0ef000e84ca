package io.shardline.spring;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.shardline.jdbc.ShardlineDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link ShardlineMetrics} for any {@link ShardlineDataSource} bean when Micrometer is there; Spring Boot's metrics
 * auto-configuration binds it to the application's registry like any {@link MeterBinder} bean.
 */
@AutoConfiguration(after = ShardlineAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(ShardlineDataSource.class)
public class ShardlineMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ShardlineMetrics shardlineMetrics(ShardlineDataSource dataSource, ObjectProvider<StatementCounter> statements) {
        return new ShardlineMetrics(dataSource, statements.getIfAvailable());
    }
}

package io.shardline.spring;

import io.shardline.jdbc.ShardlineDataSource;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code shardline} health indicator, for any {@link ShardlineDataSource} bean, when the actuator is there. */
@AutoConfiguration(after = ShardlineAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(ShardlineDataSource.class)
public class ShardlineHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "shardlineHealthIndicator")
    public ShardlineHealthIndicator shardlineHealthIndicator(ShardlineDataSource dataSource) {
        return new ShardlineHealthIndicator(dataSource);
    }
}

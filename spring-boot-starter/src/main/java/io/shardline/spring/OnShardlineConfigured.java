package io.shardline.spring;

import io.shardline.jdbc.ShardlineDriver;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application asks for Shardline: {@code shardline.config} is set or {@code spring.datasource.url}
 * is a {@code jdbc:shardline:} URL. Anything else leaves Spring Boot's own DataSource auto-configuration alone, so
 * having the starter on the class path changes nothing until the configuration says so.
 */
final class OnShardlineConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        String config = env.getProperty("shardline.config");
        if (config != null && !config.isBlank()) {
            return ConditionOutcome.match("shardline.config=" + config);
        }
        String url = env.getProperty("spring.datasource.url");
        if (url != null && url.startsWith(ShardlineDriver.PREFIX)) {
            return ConditionOutcome.match("spring.datasource.url=" + url);
        }
        return ConditionOutcome.noMatch("neither shardline.config nor a jdbc:shardline: spring.datasource.url is set");
    }
}

/**
 * Spring Boot auto-configuration for Shardline: {@link io.shardline.spring.ShardlineAutoConfiguration} makes the
 * application's {@code DataSource} a {@link io.shardline.jdbc.ShardlineDataSource} when
 * {@code spring.datasource.url=jdbc:shardline:...} or {@code shardline.config=...} is set, and adds a health
 * indicator ({@link io.shardline.spring.ShardlineHealthIndicator}) and Micrometer meters
 * ({@link io.shardline.spring.ShardlineMetrics}) when the actuator and Micrometer are on the class path.
 */
package io.shardline.spring;

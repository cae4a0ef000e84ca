/**
 * {@code ShardlineDataSource}, the {@code java.sql.Driver} for {@code jdbc:shardline:} URLs, and the
 * shard executor over HikariCP. Arrives with the sharding-core issue.
 */
package io.shardline.jdbc;

/**
 * The driver side of the result cache (issue #8): {@link io.shardline.jdbc.cache.ResultCaching} starts the
 * {@code consistency.cache} cache and one binlog follower per replica for a DataSource, answers hits with result sets
 * built from the copied rows and fills misses; {@link io.shardline.jdbc.cache.CacheSession} is one connection's part:
 * evictions at commit, and no cached reads of a table its open transaction wrote.
 */
package io.shardline.jdbc.cache;

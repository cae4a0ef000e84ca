/**
 * Executes route plans: one HikariCP pool per configured node ({@link io.shardline.jdbc.execute.ShardPools}),
 * data source groups and the read/write split point ({@link io.shardline.jdbc.execute.DataSourceGroup#nodeFor},
 * decided with read-your-writes by {@link io.shardline.jdbc.execute.ReadRouting}, per connection state in
 * {@link io.shardline.jdbc.execute.ReadWriteSession}),
 * the physical connections of a logical connection and its transaction
 * ({@link io.shardline.jdbc.execute.ShardConnections}), and the executor that runs units inline or in parallel
 * and merges their results ({@link io.shardline.jdbc.execute.ShardExecutor}). Failures name the shard
 * ({@link io.shardline.jdbc.execute.ShardFailureException}).
 */
package io.shardline.jdbc.execute;

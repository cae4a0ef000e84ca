/**
 * Immutable runtime sharding rules: {@link io.shardline.router.rule.ShardingRule} (built and
 * validated once, read concurrently by the router), {@link io.shardline.router.rule.TableRule},
 * {@link io.shardline.router.rule.ShardingStrategy}, {@link io.shardline.router.rule.BindingGroup} and
 * the data-node expression parser {@link io.shardline.router.rule.DataNodeExpression}.
 */
package io.shardline.router.rule;

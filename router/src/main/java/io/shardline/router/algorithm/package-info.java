/**
 * Sharding algorithms: the public extension interfaces
 * {@link io.shardline.router.algorithm.ShardingAlgorithm} and
 * {@link io.shardline.router.algorithm.ComplexShardingAlgorithm}, the built-in types (MOD, HASH_MOD,
 * RANGE, INLINE, INTERVAL, COMPLEX_INLINE, CLASS_BASED) and their factory
 * {@link io.shardline.router.algorithm.ShardingAlgorithms}.
 */
package io.shardline.router.algorithm;

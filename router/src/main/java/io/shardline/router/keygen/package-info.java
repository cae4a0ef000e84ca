/**
 * Key generators for INSERTs that omit the key column: SNOWFLAKE (with vibration) and UUID, created
 * by {@link io.shardline.router.keygen.KeyGenerators}.
 */
package io.shardline.router.keygen;

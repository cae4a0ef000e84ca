/**
 * YAML configuration: {@link io.shardline.jdbc.config.ShardlineConfig} reads a file through
 * SnakeYAML's node API (every value keeps its line), maps it onto typed records, validates structure
 * and references, and builds the router's immutable {@link io.shardline.router.rule.ShardingRule}.
 * Errors are {@link io.shardline.jdbc.config.ConfigException}s listing every problem as
 * {@code file:line: key.path: message}.
 */
package io.shardline.jdbc.config;

package io.shardline.jdbc.config;

/**
 * A table's key generation: {@code {column: order_id, generator: snowflake}}.
 *
 * @param column    the generated column
 * @param generator the key generator name
 */
public record KeyGenerateConfig(String column, String generator) {
}

package io.shardline.sql.facts;

/**
 * {@code column = value} in UPDATE ... SET, INSERT ... SET or ON DUPLICATE KEY UPDATE.
 *
 * @param column target column
 * @param value assigned value
 */
public record Assignment(ColumnRef column, Value value) {
}

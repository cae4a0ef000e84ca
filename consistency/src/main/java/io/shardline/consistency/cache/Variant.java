package io.shardline.consistency.cache;

import java.util.List;

/**
 * One statement of a key: its normalized text and parameters (byte arrays as their hex, so equal bytes are equal).
 *
 * @param sql        the statement text, whitespace collapsed outside quotes
 * @param parameters its parameters
 */
record Variant(String sql, List<Object> parameters) {
}

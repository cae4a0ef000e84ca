/**
 * Normalization (every statement: literals to placeholders, the cache key, the normalized-token to original-offset
 * map) and, on a cache miss, stripping of MySQL-only clauses before Calcite sees the text.
 */
package io.shardline.sql.normalize;

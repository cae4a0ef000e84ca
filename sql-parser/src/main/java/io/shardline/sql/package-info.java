/**
 * The parse stage. Entry point: {@link io.shardline.sql.SqlParser#parse(String)}, which returns a
 * {@link io.shardline.sql.ParsedStatement}: cached {@link io.shardline.sql.facts.StatementFacts} plus this statement's
 * literal values and original offsets. Rewrites splice the original text with {@link io.shardline.sql.Splicer}.
 * Errors are {@link io.shardline.sql.SqlParseException}.
 */
package io.shardline.sql;

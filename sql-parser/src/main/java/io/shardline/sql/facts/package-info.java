/**
 * Immutable, literal-independent facts about a statement: what the router, the merger and the consistency features
 * read. Values refer to application parameters or extracted literals by index (see {@link io.shardline.sql.facts.Value});
 * token ranges refer to normalized tokens and are resolved to original offsets by
 * {@link io.shardline.sql.ParsedStatement}.
 */
package io.shardline.sql.facts;

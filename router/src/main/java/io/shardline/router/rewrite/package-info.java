/**
 * Rewrite: turns a parsed statement and its route into one SQL text per route unit by splicing the application's
 * ORIGINAL text (actual table names, LIMIT, derived columns, row splits), never by unparsing, and describes how the
 * units' rows merge ({@link io.shardline.router.merge.MergePlan}). Entry point: {@link io.shardline.router.rewrite.SqlRewriter}.
 */
package io.shardline.router.rewrite;

/**
 * Analysis on a cache miss: Calcite for queries and DML, the lexer for session statements, transactions, SHOW and
 * DDL. Produces {@link io.shardline.sql.facts.StatementFacts}.
 */
package io.shardline.sql.analyze;

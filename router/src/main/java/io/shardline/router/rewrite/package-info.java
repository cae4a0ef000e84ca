/**
 * Rewrite: turns a parsed statement and its route into one SQL text per route unit by splicing the application's
 * ORIGINAL text, never by unparsing, and describes how the units' rows merge
 * ({@link io.shardline.router.merge.MergePlan}). Entry point: {@link io.shardline.router.rewrite.SqlRewriter}.
 *
 * <h2>Every statement</h2>
 * <ul>
 *   <li>Each sharded logical table reference becomes the unit's actual table ({@code shop.t_order} becomes
 *       {@code t_order_1}: the schema goes, backticks stay). Column qualifiers that name an unaliased sharded table
 *       ({@code t_order.user_id}, {@code shop.t_order.user_id}) are found in the lexer tokens and renamed too, so
 *       no alias is ever added (UPDATE and DELETE could not take one). Literals, comments and hints are never
 *       touched; with no edit the very same string comes back.</li>
 *   <li>DDL: the table spans the parser reports are renamed the same way.</li>
 *   <li>INSERT/REPLACE: a unit keeps only its {@code RouteUnit.insertRows}; the rows it does not get are cut out with
 *       one separator each, and their parameters leave the unit's parameter list. Generated keys are appended to the
 *       column list (or the SET list) and to each kept row as SQL literals, so parameter order never changes.</li>
 *   <li>IN lists: for each {@code RouteUnit.inLists} cut (a top-level {@code col IN (...)} on a sharding column), the
 *       list is replaced by the values the unit keeps, copied as written, with their parameters.</li>
 *   <li>Parameters: each unit gets exactly the values its text's {@code ?} need, in order: placeholders cut out are
 *       dropped, placeholders copied into derived columns are repeated.</li>
 * </ul>
 *
 * <h2>A SELECT on several units</h2>
 * <ul>
 *   <li>{@code LIMIT o, n}: shards get {@code 0} and {@code o + n} in place of the two values (capped at
 *       18446744073709551615; {@code ?} values become literals), the merge skips {@code o} and returns {@code n}.
 *       Shards get no LIMIT at all when their first rows are not the merged first rows: re-aggregated groups not
 *       ordered by the group columns, COUNT(DISTINCT) rows, DISTINCT not ordered by every column.</li>
 *   <li>ORDER BY / GROUP BY keys not in the select list (by alias, ordinal, column or same expression) are appended
 *       as hidden columns {@code __ORDER_BY_DERIVED_n} / {@code __GROUP_BY_DERIVED_n}; derived columns are always
 *       the last ones. Behind a {@code *} no position is known, so keys after it are derived too and the merge plan
 *       has an unknown width, its derived columns counted from the end.</li>
 *   <li>GROUP BY whose columns include every sharding column (database and table strategy) of every sharded table
 *       (or of a table bound to it): groups never span units, everything (HAVING too) is pushed down and the merge
 *       only orders. Otherwise the merge re-aggregates: COUNT, SUM, MIN, MAX in place; AVG from derived
 *       {@code SUM(x) AS __AVG_DERIVED_SUM_n} and {@code COUNT(x) AS __AVG_DERIVED_COUNT_n}; COUNT(DISTINCT x), when
 *       it is the only aggregate, from the distinct values ({@code x AS __COUNT_DISTINCT_DERIVED_0}, x added to the
 *       shards' GROUP BY). Without ORDER BY the shards get {@code ORDER BY <group columns>} so groups arrive
 *       contiguous and stream; the result is then ordered by the group columns.</li>
 *   <li>DISTINCT merges distinct over the visible columns.</li>
 * </ul>
 *
 * <h2>Refused (a {@link io.shardline.router.plan.PlanningException} naming the construct)</h2>
 * Expressions over aggregates and aggregates inside functions; aggregates the merge does not know (GROUP_CONCAT,
 * STD, BIT_AND, ...); window functions; SUM/AVG(DISTINCT); COUNT(DISTINCT) with other aggregates or over several
 * expressions; an aggregate after {@code *}; HAVING whose groups may span units; ORDER BY a column that is neither
 * selected, grouped nor one aggregate in a grouped query; ORDER BY outside a DISTINCT select list; an ordinal behind a
 * {@code *}; UNION; derived tables; SQL_CALC_FOUND_ROWS; LIMIT values that are expressions, strings, NULL, negative or
 * fractional; UPDATE/DELETE with LIMIT on several units; a generated key for an INSERT without a column list or for
 * INSERT ... SELECT.
 */
package io.shardline.router.rewrite;

/** MySQL lexer in front of Calcite, producing immutable statement facts; with a parse cache. */
package io.shardline.sql;

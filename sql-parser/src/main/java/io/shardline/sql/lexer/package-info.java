/** The MySQL lexer: tokens with offsets into the original text, comments and hints included. */
package io.shardline.sql.lexer;

package io.shardline.sql.lexer;

/**
 * One token: its type and its [start, end) char offsets into the ORIGINAL statement text.
 *
 * @param type lexical category
 * @param start offset of the first char
 * @param end offset after the last char
 */
public record Token(TokenType type, int start, int end) {

    /** The token's text, cut from the statement it was lexed from. */
    public String text(String sql) {
        return sql.substring(start, end);
    }
}

package io.shardline.sql.lexer;

/** Lexical categories of MySQL tokens. Comments, hints and executable-comment markers are not significant. */
public enum TokenType {
    /** A bare word: keyword or unquoted identifier (MySQL decides by context, so do we). */
    WORD(true),
    /** A backtick-quoted identifier; doubled backticks stand for one. */
    QUOTED_IDENTIFIER(true),
    /** A string in single or double quotes, with an optional {@code _charset} or {@code N} introducer. */
    STRING(true),
    /** An integer number such as {@code 42}. */
    INTEGER(true),
    /** A number with a fraction or exponent such as {@code 1.5} or {@code 2e10}. */
    DECIMAL(true),
    /** A hexadecimal literal: {@code X'4D'} or {@code 0x4D}. */
    HEX(true),
    /** A bit literal: {@code b'101'} or {@code 0b101}. */
    BIT(true),
    /** An application placeholder {@code ?}. */
    PLACEHOLDER(true),
    /** A user variable {@code @name}, {@code @'name'} or {@code @`name`}. */
    USER_VARIABLE(true),
    /** A system variable {@code @@name}, {@code @@session.name} or {@code @@global.name}. */
    SYSTEM_VARIABLE(true),
    /** An operator or punctuation: {@code = <=> ->> ( ) , ;} and the rest. */
    OPERATOR(true),
    /** A {@code -- } or {@code #} comment up to the end of the line. */
    LINE_COMMENT(false),
    /** A {@code /* ... *}{@code /} comment. */
    BLOCK_COMMENT(false),
    /** An optimizer hint {@code /*+ ... *}{@code /}. */
    HINT(false),
    /** The opening {@code /*!50100} (or {@code /*M!}) of an executable comment; its content is lexed normally. */
    EXECUTABLE_COMMENT_START(false),
    /** The closing {@code *}{@code /} of an executable comment. */
    EXECUTABLE_COMMENT_END(false);

    private final boolean significant;

    TokenType(boolean significant) {
        this.significant = significant;
    }

    /** Whether the token takes part in the statement (everything but comments, hints and comment markers). */
    public boolean isSignificant() {
        return significant;
    }

    /** Whether the token is a literal value (string, number, hex, bit) that normalization may extract. */
    public boolean isLiteral() {
        return this == STRING || this == INTEGER || this == DECIMAL || this == HEX || this == BIT;
    }
}

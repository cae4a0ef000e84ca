package io.shardline.sql.lexer;

import io.shardline.sql.SqlParseException;

/**
 * Hand-written MySQL lexer (default sql_mode: backslash escapes on, ANSI_QUOTES off, so {@code "..."} is a string).
 *
 * <p>It scans chars directly (no regex) and records every token, including comments, with offsets into the original
 * text. The content of an executable comment ({@code /*!50100 ... *}{@code /}) is lexed as ordinary tokens because
 * MySQL executes it; only its opening and closing markers are non-significant tokens.
 */
public final class MySqlLexer {

    private MySqlLexer() {
    }

    /**
     * Lexes {@code sql}.
     *
     * @throws SqlParseException for an unterminated string, identifier or comment, or a char MySQL does not accept
     */
    public static TokenStream lex(String sql) {
        TokenStream out = new TokenStream(sql, Math.max(16, sql.length() / 4));
        int n = sql.length();
        int i = 0;
        boolean inExecutableComment = false;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B) {
                i++;
                continue;
            }
            int start = i;
            if (inExecutableComment && c == '*' && i + 1 < n && sql.charAt(i + 1) == '/') {
                out.add(TokenType.EXECUTABLE_COMMENT_END, i, i + 2);
                inExecutableComment = false;
                i += 2;
                continue;
            }
            switch (c) {
                case '\'':
                case '"':
                    i = scanQuoted(sql, i, c, "string literal");
                    out.add(TokenType.STRING, start, i);
                    continue;
                case '`':
                    i = scanBacktick(sql, i);
                    out.add(TokenType.QUOTED_IDENTIFIER, start, i);
                    continue;
                case '#':
                    i = lineEnd(sql, i);
                    out.add(TokenType.LINE_COMMENT, start, i);
                    continue;
                case '?':
                    out.add(TokenType.PLACEHOLDER, i, i + 1);
                    i++;
                    continue;
                case '@':
                    i = scanVariable(sql, i, out);
                    continue;
                case '/':
                    if (i + 1 < n && sql.charAt(i + 1) == '*') {
                        if (i + 2 < n && sql.charAt(i + 2) == '!') {
                            i = executableStart(sql, i + 3);
                            out.add(TokenType.EXECUTABLE_COMMENT_START, start, i);
                            inExecutableComment = true;
                            continue;
                        }
                        if (i + 3 < n && sql.charAt(i + 2) == 'M' && sql.charAt(i + 3) == '!') {
                            i = executableStart(sql, i + 4);
                            out.add(TokenType.EXECUTABLE_COMMENT_START, start, i);
                            inExecutableComment = true;
                            continue;
                        }
                        int close = sql.indexOf("*/", i + 2);
                        if (close < 0) {
                            throw SqlParseException.at(sql, start, "unterminated comment", "", null);
                        }
                        boolean hint = i + 2 < n && sql.charAt(i + 2) == '+';
                        i = close + 2;
                        out.add(hint ? TokenType.HINT : TokenType.BLOCK_COMMENT, start, i);
                        continue;
                    }
                    out.add(TokenType.OPERATOR, i, i + 1);
                    i++;
                    continue;
                case '-':
                    if (i + 1 < n && sql.charAt(i + 1) == '-' && (i + 2 == n || isCommentSpace(sql.charAt(i + 2)))) {
                        i = lineEnd(sql, i);
                        out.add(TokenType.LINE_COMMENT, start, i);
                        continue;
                    }
                    if (i + 1 < n && sql.charAt(i + 1) == '>') {
                        i += (i + 2 < n && sql.charAt(i + 2) == '>') ? 3 : 2;
                        out.add(TokenType.OPERATOR, start, i);
                        continue;
                    }
                    out.add(TokenType.OPERATOR, i, i + 1);
                    i++;
                    continue;
                default:
                    break;
            }
            if (c >= '0' && c <= '9' || c == '.' && i + 1 < n && isDigit(sql.charAt(i + 1)) && !afterIdentifier(out, i)) {
                i = scanNumber(sql, i, out);
                continue;
            }
            if ((c == 'x' || c == 'X' || c == 'b' || c == 'B') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                boolean hex = c == 'x' || c == 'X';
                i = scanQuoted(sql, i + 1, '\'', hex ? "hex literal" : "bit literal");
                for (int d = start + 2; d < i - 1; d++) {
                    char digit = sql.charAt(d);
                    if (hex ? !isHexDigit(digit) : digit != '0' && digit != '1') {
                        throw SqlParseException.at(sql, d, hex ? "invalid hex literal" : "invalid bit literal", "", null);
                    }
                }
                if (hex && (i - 1 - (start + 2)) % 2 != 0) {
                    // MySQL requires an even number of digits in X'...' (0x... may be odd).
                    throw SqlParseException.at(sql, start, "invalid hex literal", "odd number of hex digits", null);
                }
                out.add(hex ? TokenType.HEX : TokenType.BIT, start, i);
                continue;
            }
            if ((c == 'n' || c == 'N') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                i = scanQuoted(sql, i + 1, '\'', "string literal");
                out.add(TokenType.STRING, start, i);
                continue;
            }
            if (isIdentifierChar(c)) {
                i++;
                while (i < n && isIdentifierChar(sql.charAt(i))) {
                    i++;
                }
                // A charset introducer glued to a string: _utf8mb4'abc'.
                if (c == '_' && i < n && (sql.charAt(i) == '\'' || sql.charAt(i) == '"')) {
                    i = scanQuoted(sql, i, sql.charAt(i), "string literal");
                    out.add(TokenType.STRING, start, i);
                    continue;
                }
                out.add(TokenType.WORD, start, i);
                continue;
            }
            i = scanOperator(sql, i);
            if (i == start) {
                throw SqlParseException.at(sql, start, "unexpected character '" + c + "'", "", null);
            }
            out.add(TokenType.OPERATOR, start, i);
        }
        if (inExecutableComment) {
            throw SqlParseException.at(sql, n, "unterminated executable comment", "", null);
        }
        return out;
    }

    /** ".5" glued to a preceding identifier is a qualifier dot ({@code t.5col}), not a number. */
    private static boolean afterIdentifier(TokenStream out, int dot) {
        if (out.size() == 0) {
            return false;
        }
        int last = out.size() - 1;
        TokenType t = out.type(last);
        return (t == TokenType.WORD || t == TokenType.QUOTED_IDENTIFIER) && out.end(last) == dot;
    }

    private static boolean isCommentSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Letters, digits, {@code _}, {@code $} and every non-ASCII char may appear in an unquoted identifier. */
    static boolean isIdentifierChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$' || c >= 0x80;
    }

    private static int lineEnd(String sql, int i) {
        int n = sql.length();
        while (i < n && sql.charAt(i) != '\n') {
            i++;
        }
        return i;
    }

    private static int executableStart(String sql, int i) {
        int n = sql.length();
        int digits = 0;
        while (i < n && digits < 6 && isDigit(sql.charAt(i))) {
            i++;
            digits++;
        }
        return i;
    }

    /** Scans a quoted run starting at the opening quote; returns the offset after the closing quote. */
    private static int scanQuoted(String sql, int open, char quote, String what) {
        int n = sql.length();
        int i = open + 1;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw SqlParseException.at(sql, open, "unterminated " + what, "", null);
    }

    private static int scanBacktick(String sql, int open) {
        int n = sql.length();
        int i = open + 1;
        while (i < n) {
            if (sql.charAt(i) == '`') {
                if (i + 1 < n && sql.charAt(i + 1) == '`') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw SqlParseException.at(sql, open, "unterminated quoted identifier", "", null);
    }

    private static int scanVariable(String sql, int at, TokenStream out) {
        int n = sql.length();
        int i = at + 1;
        if (i < n && sql.charAt(i) == '@') {
            i++;
            // @@global.x, @@session.x, @@x: word chars and dots.
            int nameStart = i;
            while (i < n && (isIdentifierChar(sql.charAt(i)) || sql.charAt(i) == '.')) {
                i++;
            }
            if (i == nameStart) {
                throw SqlParseException.at(sql, at, "system variable without a name", "", null);
            }
            out.add(TokenType.SYSTEM_VARIABLE, at, i);
            return i;
        }
        if (i < n && (sql.charAt(i) == '\'' || sql.charAt(i) == '"')) {
            i = scanQuoted(sql, i, sql.charAt(i), "user variable name");
        } else if (i < n && sql.charAt(i) == '`') {
            i = scanBacktick(sql, i);
        } else {
            int nameStart = i;
            while (i < n && (isIdentifierChar(sql.charAt(i)) || sql.charAt(i) == '.')) {
                i++;
            }
            if (i == nameStart) {
                throw SqlParseException.at(sql, at, "user variable without a name", "", null);
            }
        }
        out.add(TokenType.USER_VARIABLE, at, i);
        return i;
    }

    private static int scanNumber(String sql, int start, TokenStream out) {
        int n = sql.length();
        int i = start;
        if (sql.charAt(i) == '0' && i + 1 < n) {
            char p = sql.charAt(i + 1);
            if ((p == 'x' || p == 'X') && i + 2 < n && isHexDigit(sql.charAt(i + 2))) {
                int j = i + 2;
                while (j < n && isHexDigit(sql.charAt(j))) {
                    j++;
                }
                if (j == n || !isIdentifierChar(sql.charAt(j))) {
                    out.add(TokenType.HEX, start, j);
                    return j;
                }
            }
            if ((p == 'b' || p == 'B') && i + 2 < n && (sql.charAt(i + 2) == '0' || sql.charAt(i + 2) == '1')) {
                int j = i + 2;
                while (j < n && (sql.charAt(j) == '0' || sql.charAt(j) == '1')) {
                    j++;
                }
                if (j == n || !isIdentifierChar(sql.charAt(j))) {
                    out.add(TokenType.BIT, start, j);
                    return j;
                }
            }
        }
        boolean decimal = false;
        while (i < n && isDigit(sql.charAt(i))) {
            i++;
        }
        if (i < n && sql.charAt(i) == '.') {
            decimal = true;
            i++;
            while (i < n && isDigit(sql.charAt(i))) {
                i++;
            }
        }
        if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) {
                j++;
            }
            if (j < n && isDigit(sql.charAt(j))) {
                decimal = true;
                i = j;
                while (i < n && isDigit(sql.charAt(i))) {
                    i++;
                }
            }
        }
        if (!decimal && i < n && isIdentifierChar(sql.charAt(i))) {
            // MySQL allows identifiers that start with digits, e.g. 1abc.
            while (i < n && isIdentifierChar(sql.charAt(i))) {
                i++;
            }
            out.add(TokenType.WORD, start, i);
            return i;
        }
        out.add(decimal ? TokenType.DECIMAL : TokenType.INTEGER, start, i);
        return i;
    }

    /** Longest-match MySQL operators; returns {@code start} if the char is not an operator. */
    private static int scanOperator(String sql, int start) {
        int n = sql.length();
        char c = sql.charAt(start);
        char d = start + 1 < n ? sql.charAt(start + 1) : '\0';
        char e = start + 2 < n ? sql.charAt(start + 2) : '\0';
        switch (c) {
            case '<':
                if (d == '=' && e == '>') {
                    return start + 3;
                }
                if (d == '=' || d == '>' || d == '<') {
                    return start + 2;
                }
                return start + 1;
            case '>':
                return d == '=' || d == '>' ? start + 2 : start + 1;
            case '!':
                return d == '=' ? start + 2 : start + 1;
            case ':':
                return d == '=' ? start + 2 : start + 1;
            case '|':
                return d == '|' ? start + 2 : start + 1;
            case '&':
                return d == '&' ? start + 2 : start + 1;
            case '=': case '~': case '^': case '+': case '*': case '%': case '(': case ')': case ',': case ';':
            case '.': case '{': case '}':
                return start + 1;
            default:
                return start;
        }
    }
}

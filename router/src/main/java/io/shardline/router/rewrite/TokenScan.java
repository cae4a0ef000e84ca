package io.shardline.router.rewrite;

import io.shardline.sql.lexer.TokenStream;
import io.shardline.sql.lexer.TokenType;
import java.util.Locale;

/** Small helpers over the lexer tokens of the original text (significant tokens only). */
final class TokenScan {
    private final TokenStream ts;
    private final String sql;

    TokenScan(TokenStream ts) {
        this.ts = ts;
        this.sql = ts.sql();
    }

    TokenStream tokens() {
        return ts;
    }

    int size() {
        return ts.size();
    }

    /** First token whose start is at or after {@code offset}. */
    int firstAt(int offset) {
        int lo = 0;
        int hi = ts.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts.start(mid) < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Next significant token after {@code i}, or -1. */
    int next(int i) {
        for (int j = i + 1; j < ts.size(); j++) {
            if (ts.type(j).isSignificant()) {
                return j;
            }
        }
        return -1;
    }

    /** Previous significant token before {@code i}, or -1. */
    int previous(int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (ts.type(j).isSignificant()) {
                return j;
            }
        }
        return -1;
    }

    /** First significant token at or after offset {@code start} and before {@code end}, or -1. */
    int firstIn(int start, int end) {
        for (int j = firstAt(start); j < ts.size() && ts.start(j) < end; j++) {
            if (ts.type(j).isSignificant()) {
                return j;
            }
        }
        return -1;
    }

    /** Last significant token inside [start, end), or -1. */
    int lastIn(int start, int end) {
        int found = -1;
        for (int j = firstAt(start); j < ts.size() && ts.start(j) < end; j++) {
            if (ts.type(j).isSignificant()) {
                found = j;
            }
        }
        return found;
    }

    boolean isIdentifier(int i) {
        TokenType t = ts.type(i);
        return t == TokenType.WORD || t == TokenType.QUOTED_IDENTIFIER;
    }

    boolean isQuoted(int i) {
        return ts.type(i) == TokenType.QUOTED_IDENTIFIER;
    }

    boolean isChar(int i, char c) {
        return i >= 0 && ts.isChar(i, c);
    }

    boolean isWord(int i, String upper) {
        return i >= 0 && ts.isWord(i, upper);
    }

    /** An identifier's value: backticks removed, doubled backticks undone. */
    String identifier(int i) {
        if (ts.type(i) != TokenType.QUOTED_IDENTIFIER) {
            return sql.substring(ts.start(i), ts.end(i));
        }
        return sql.substring(ts.start(i) + 1, ts.end(i) - 1).replace("``", "`");
    }

    /** Whether identifier token {@code i} names {@code name} (case-insensitively), without allocating for words. */
    boolean identifierIs(int i, String name) {
        if (ts.type(i) == TokenType.WORD) {
            int len = ts.end(i) - ts.start(i);
            return len == name.length() && sql.regionMatches(true, ts.start(i), name, 0, len);
        }
        return ts.type(i) == TokenType.QUOTED_IDENTIFIER && identifier(i).equalsIgnoreCase(name);
    }

    /** The matching {@code )} of the {@code (} at token {@code open}, or -1. */
    int matchingParen(int open) {
        int depth = 0;
        for (int j = open; j < ts.size(); j++) {
            if (ts.isChar(j, '(')) {
                depth++;
            } else if (ts.isChar(j, ')')) {
                depth--;
                if (depth == 0) {
                    return j;
                }
            }
        }
        return -1;
    }

    /** A comparable rendering of the significant tokens in [start, end): identifiers lower case, the rest verbatim. */
    String shape(int start, int end) {
        StringBuilder b = new StringBuilder();
        for (int j = firstAt(start); j < ts.size() && ts.start(j) < end; j++) {
            if (!ts.type(j).isSignificant()) {
                continue;
            }
            b.append(isIdentifier(j) ? identifier(j).toLowerCase(Locale.ROOT) : sql.substring(ts.start(j), ts.end(j)));
            b.append(' ');
        }
        return b.toString();
    }

    int start(int i) {
        return ts.start(i);
    }

    int end(int i) {
        return ts.end(i);
    }

    TokenType type(int i) {
        return ts.type(i);
    }
}

package io.shardline.sql.facts;

/**
 * A run of normalized tokens, {@code first..last} inclusive. Normalized token indexes are literal-independent (one
 * normalized token per significant lexer token, a folded negative number counting as one), so cached facts stay valid
 * for every statement with the same normalized text. Resolve to ORIGINAL char offsets with
 * {@code ParsedStatement.start(range)} / {@code end(range)}.
 *
 * @param first index of the first normalized token
 * @param last index of the last normalized token (inclusive)
 */
public record TokenRange(int first, int last) {
    public TokenRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("bad token range " + first + ".." + last);
        }
    }

    /** A range of one token. */
    public static TokenRange of(int token) {
        return new TokenRange(token, token);
    }
}

package io.shardline.sql.normalize;

import io.shardline.sql.lexer.TokenStream;
import io.shardline.sql.lexer.TokenType;

/**
 * The result of normalizing one statement: its cache key and the per-statement bindings of normalized tokens.
 *
 * <p>A normalized token is one significant lexer token, except that a negative number ({@code -5} after an operator
 * or keyword) and adjacent strings ({@code 'a' 'b'}, which MySQL concatenates) are one normalized token spanning
 * several lexer tokens. Literals are replaced in the key, so two statements
 * that differ only in literal values (or in comments, hints and whitespace) have equal keys and equal normalized token
 * structure.
 *
 * <p>The key renders application placeholders as {@code ?} and extracted literals as {@code :?}: the two kinds must
 * not share a cache entry because facts say which kind each value is.
 */
public final class NormalizedStatement {
    /** A plain token (keyword, identifier, operator, variable). */
    public static final byte PLAIN = 0;
    /** An application {@code ?}. */
    public static final byte PARAMETER = 1;
    /** A literal replaced by a placeholder in the key; its value is extracted. */
    public static final byte EXTRACTED_LITERAL = 2;
    /** A literal kept verbatim in the key because it is structural (ORDER BY ordinal, typed DATE literal, ...). */
    public static final byte KEPT_LITERAL = 3;

    private final TokenStream tokens;
    private final String key;
    private final int[] firstToken;
    private final int[] lastToken;
    private final byte[] roles;
    private final int[] valueIndex;
    private final int size;
    private final int[] literalUnits;
    private final int literalCount;
    private final int parameterCount;

    NormalizedStatement(TokenStream tokens, String key, int[] firstToken, int[] lastToken, byte[] roles,
            int[] valueIndex, int size, int[] literalUnits, int literalCount, int parameterCount) {
        this.tokens = tokens;
        this.key = key;
        this.firstToken = firstToken;
        this.lastToken = lastToken;
        this.roles = roles;
        this.valueIndex = valueIndex;
        this.size = size;
        this.literalUnits = literalUnits;
        this.literalCount = literalCount;
        this.parameterCount = parameterCount;
    }

    /** The lexed tokens of the original text. */
    public TokenStream tokens() {
        return tokens;
    }

    /** The original text. */
    public String sql() {
        return tokens.sql();
    }

    /** The cache key: normalized tokens joined by single spaces, literals as {@code :?}, parameters as {@code ?}. */
    public String key() {
        return key;
    }

    /** Number of normalized tokens. */
    public int size() {
        return size;
    }

    /** Start offset of normalized token {@code u} in the original text. */
    public int start(int u) {
        return tokens.start(firstToken[u]);
    }

    /** End offset (exclusive) of normalized token {@code u} in the original text. */
    public int end(int u) {
        return tokens.end(lastToken[u]);
    }

    /** Lexer token index of the first lexer token of normalized token {@code u}. */
    public int firstToken(int u) {
        return firstToken[u];
    }

    /** Lexer token index of the last lexer token of normalized token {@code u}. */
    public int lastToken(int u) {
        return lastToken[u];
    }

    /** Lexical type of normalized token {@code u} (of its last lexer token, so {@code -5} is an INTEGER). */
    public TokenType type(int u) {
        return tokens.type(lastToken[u]);
    }

    /** One of {@link #PLAIN}, {@link #PARAMETER}, {@link #EXTRACTED_LITERAL}, {@link #KEPT_LITERAL}. */
    public byte role(int u) {
        return roles[u];
    }

    /** For a PARAMETER: the application parameter index; for an EXTRACTED_LITERAL: the literal index; else -1. */
    public int valueIndex(int u) {
        return valueIndex[u];
    }

    /** Number of extracted literals. */
    public int literalCount() {
        return literalCount;
    }

    /** Normalized token holding extracted literal {@code j}. */
    public int literalUnit(int j) {
        return literalUnits[j];
    }

    /** Number of application placeholders. */
    public int parameterCount() {
        return parameterCount;
    }

    /** Whether normalized token {@code u} is the word {@code upper} (case-insensitive). */
    public boolean isWord(int u, String upper) {
        return u >= 0 && u < size && firstToken[u] == lastToken[u] && tokens.isWord(firstToken[u], upper);
    }

    /** Whether normalized token {@code u} is the single-char operator {@code c}. */
    public boolean isChar(int u, char c) {
        return u >= 0 && u < size && firstToken[u] == lastToken[u] && tokens.isChar(firstToken[u], c);
    }

    /** Whether normalized token {@code u} is the operator {@code op}. */
    public boolean isOperator(int u, String op) {
        return u >= 0 && u < size && firstToken[u] == lastToken[u] && tokens.isOperator(firstToken[u], op);
    }

    /** The original text of normalized token {@code u} (allocates). */
    public String text(int u) {
        return tokens.sql().substring(start(u), end(u));
    }
}

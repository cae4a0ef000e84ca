package io.shardline.sql.lexer;

import java.util.Arrays;

/**
 * The tokens of one statement, stored column-wise in int arrays so that lexing a statement allocates a handful of
 * arrays rather than one object per token. Offsets refer to the original text.
 */
public final class TokenStream {
    private static final TokenType[] TYPES = TokenType.values();

    private final String sql;
    private byte[] types;
    private int[] starts;
    private int[] ends;
    private int size;

    TokenStream(String sql, int capacity) {
        this.sql = sql;
        this.types = new byte[capacity];
        this.starts = new int[capacity];
        this.ends = new int[capacity];
    }

    void add(TokenType type, int start, int end) {
        if (size == starts.length) {
            int n = size * 2 + 8;
            types = Arrays.copyOf(types, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
        }
        types[size] = (byte) type.ordinal();
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    /** The original statement text. */
    public String sql() {
        return sql;
    }

    /** Number of tokens, significant or not. */
    public int size() {
        return size;
    }

    /** Type of token {@code i}. */
    public TokenType type(int i) {
        return TYPES[types[i]];
    }

    /** Start offset of token {@code i} in the original text. */
    public int start(int i) {
        return starts[i];
    }

    /** End offset (exclusive) of token {@code i} in the original text. */
    public int end(int i) {
        return ends[i];
    }

    /** Token {@code i} as a record (allocates; for tests and tools, not the hot path). */
    public Token token(int i) {
        return new Token(type(i), starts[i], ends[i]);
    }

    /** Whether token {@code i} is the word {@code upperCaseWord}, compared case-insensitively without allocating. */
    public boolean isWord(int i, String upperCaseWord) {
        if (types[i] != TokenType.WORD.ordinal()) {
            return false;
        }
        int len = ends[i] - starts[i];
        return len == upperCaseWord.length() && sql.regionMatches(true, starts[i], upperCaseWord, 0, len);
    }

    /** Whether token {@code i} is the operator {@code op} exactly. */
    public boolean isOperator(int i, String op) {
        if (types[i] != TokenType.OPERATOR.ordinal()) {
            return false;
        }
        int len = ends[i] - starts[i];
        return len == op.length() && sql.startsWith(op, starts[i]);
    }

    /** Whether token {@code i} is the single-char operator {@code c}. */
    public boolean isChar(int i, char c) {
        return types[i] == TokenType.OPERATOR.ordinal() && ends[i] - starts[i] == 1 && sql.charAt(starts[i]) == c;
    }
}

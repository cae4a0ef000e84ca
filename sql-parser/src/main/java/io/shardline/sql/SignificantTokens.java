package io.shardline.sql;

import io.shardline.sql.lexer.TokenStream;
import java.util.function.IntPredicate;

/** The statement's significant tokens (no comments or hints), and scans over them that respect parentheses. */
final class SignificantTokens {

    private SignificantTokens() {
    }

    /** Indexes into {@code tokens} of its significant tokens, in order. */
    static int[] of(TokenStream tokens) {
        int count = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.type(i).isSignificant()) {
                count++;
            }
        }
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.type(i).isSignificant()) {
                out[k++] = i;
            }
        }
        return out;
    }

    /**
     * The first position {@code k} in {@code [from, to)} outside any parentheses opened in that range whose token
     * {@code match} accepts (parentheses themselves are never offered), or -1.
     */
    static int firstAtTopLevel(TokenStream tokens, int[] significant, int from, int to, IntPredicate match) {
        int depth = 0;
        for (int k = from; k < to; k++) {
            int i = significant[k];
            if (tokens.isChar(i, '(')) {
                depth++;
            } else if (tokens.isChar(i, ')')) {
                depth--;
            } else if (depth == 0 && match.test(k)) {
                return k;
            }
        }
        return -1;
    }

    /** The position of the ')' closing the '(' at position {@code open}, before {@code to}. */
    static int matching(TokenStream tokens, int[] significant, int open, int to) {
        int depth = 0;
        for (int k = open; k < to; k++) {
            if (tokens.isChar(significant[k], '(')) {
                depth++;
            } else if (tokens.isChar(significant[k], ')') && --depth == 0) {
                return k;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses from offset " + tokens.start(significant[open]));
    }
}

package io.shardline.sql.normalize;

import io.shardline.sql.lexer.TokenStream;
import io.shardline.sql.lexer.TokenType;

/**
 * Turns lexer tokens into normalized tokens and the cache key. This runs for every statement, hit or miss, so it is a
 * single pass over int arrays with one StringBuilder; no regex, streams or formatting.
 *
 * <p>Literals are extracted except where they are structure rather than data: an integer that is an ORDER BY / GROUP
 * BY ordinal, and the string of a typed literal ({@code DATE '2024-01-01'}). A minus sign directly in front of a
 * number, where a value is expected, is folded into the literal.
 */
public final class Normalizer {

    private Normalizer() {
    }

    /** Normalizes lexed tokens. */
    public static NormalizedStatement normalize(TokenStream tokens) {
        String sql = tokens.sql();
        int n = tokens.size();
        int[] first = new int[n];
        int[] last = new int[n];
        byte[] roles = new byte[n];
        int[] valueIndex = new int[n];
        int[] literalUnits = new int[Math.max(4, n / 2)];
        int literals = 0;
        int parameters = 0;
        int size = 0;
        StringBuilder key = new StringBuilder(sql.length());
        // ORDER BY / GROUP BY list state: the paren depth the list lives at, or -1.
        int depth = 0;
        int orderListDepth = -1;
        // Inside the length/precision parentheses of a CAST/CONVERT target type, e.g. CHAR(10), DECIMAL(10, 2).
        int typeArgsDepth = -1;
        for (int t = 0; t < n; t++) {
            TokenType type = tokens.type(t);
            if (!type.isSignificant()) {
                continue;
            }
            int u = size++;
            first[u] = t;
            last[u] = t;
            valueIndex[u] = -1;
            byte role = NormalizedStatement.PLAIN;
            if (type == TokenType.OPERATOR) {
                char c = sql.charAt(tokens.start(t));
                if (c == '(' && tokens.end(t) - tokens.start(t) == 1) {
                    depth++;
                    if (u >= 2 && isTypeWithArguments(tokens, first, last, u)) {
                        typeArgsDepth = depth;
                    }
                } else if (c == ')' && tokens.end(t) - tokens.start(t) == 1) {
                    depth--;
                    if (orderListDepth > depth) {
                        orderListDepth = -1;
                    }
                    if (typeArgsDepth > depth) {
                        typeArgsDepth = -1;
                    }
                } else if (c == '-' && tokens.end(t) - tokens.start(t) == 1) {
                    int next = nextSignificant(tokens, t + 1);
                    if (next > 0 && (tokens.type(next) == TokenType.INTEGER || tokens.type(next) == TokenType.DECIMAL)
                            && valueExpected(tokens, first, last, u)) {
                        last[u] = next;
                        t = next;
                        type = tokens.type(next);
                    }
                }
            } else if (type == TokenType.WORD) {
                if (tokens.isWord(t, "BY") && u > 0 && (isWordUnit(tokens, first, last, u - 1, "ORDER")
                        || isWordUnit(tokens, first, last, u - 1, "GROUP"))) {
                    orderListDepth = depth;
                } else if (depth == orderListDepth && endsOrderList(tokens, t)) {
                    orderListDepth = -1;
                }
            }
            if (type == TokenType.STRING) {
                // MySQL concatenates adjacent strings: 'a' 'b' is one literal 'ab'.
                int next = nextSignificant(tokens, t + 1);
                while (next > 0 && tokens.type(next) == TokenType.STRING) {
                    last[u] = next;
                    t = next;
                    next = nextSignificant(tokens, t + 1);
                }
            }
            if (type == TokenType.PLACEHOLDER) {
                role = NormalizedStatement.PARAMETER;
                valueIndex[u] = parameters++;
            } else if (type.isLiteral()) {
                if (typeArgsDepth == depth && type == TokenType.INTEGER
                        || keepLiteral(tokens, first, last, u, t, orderListDepth == depth)) {
                    role = NormalizedStatement.KEPT_LITERAL;
                } else {
                    role = NormalizedStatement.EXTRACTED_LITERAL;
                    if (literals == literalUnits.length) {
                        literalUnits = java.util.Arrays.copyOf(literalUnits, literals * 2);
                    }
                    literalUnits[literals] = u;
                    valueIndex[u] = literals++;
                }
            }
            roles[u] = role;
            if (u > 0) {
                key.append(' ');
            }
            if (role == NormalizedStatement.PARAMETER) {
                key.append('?');
            } else if (role == NormalizedStatement.EXTRACTED_LITERAL) {
                key.append(":?");
            } else {
                key.append(sql, tokens.start(first[u]), tokens.end(last[u]));
            }
        }
        return new NormalizedStatement(tokens, key.toString(), first, last, roles, valueIndex, size, literalUnits,
                literals, parameters);
    }

    private static boolean isTypeWithArguments(TokenStream tokens, int[] first, int[] last, int u) {
        int typeWord = last[u - 1];
        int before = last[u - 2];
        if (tokens.type(typeWord) != TokenType.WORD || !(tokens.isWord(before, "AS") || tokens.isChar(before, ','))) {
            return false;
        }
        return tokens.isWord(typeWord, "CHAR") || tokens.isWord(typeWord, "VARCHAR") || tokens.isWord(typeWord, "NCHAR")
                || tokens.isWord(typeWord, "BINARY") || tokens.isWord(typeWord, "VARBINARY")
                || tokens.isWord(typeWord, "DECIMAL") || tokens.isWord(typeWord, "DEC") || tokens.isWord(typeWord, "NUMERIC")
                || tokens.isWord(typeWord, "FLOAT") || tokens.isWord(typeWord, "DOUBLE")
                || tokens.isWord(typeWord, "DATETIME") || tokens.isWord(typeWord, "TIME")
                || tokens.isWord(typeWord, "TIMESTAMP");
    }

    private static int nextSignificant(TokenStream tokens, int from) {
        for (int t = from; t < tokens.size(); t++) {
            if (tokens.type(t).isSignificant()) {
                return t;
            }
        }
        return -1;
    }

    private static boolean isWordUnit(TokenStream tokens, int[] first, int[] last, int u, String word) {
        return first[u] == last[u] && tokens.isWord(first[u], word);
    }

    /** A minus is a sign (not subtraction) at the start, after an operator other than ')' or after a keyword. */
    private static boolean valueExpected(TokenStream tokens, int[] first, int[] last, int u) {
        if (u == 0) {
            return true;
        }
        int p = last[u - 1];
        TokenType pt = tokens.type(p);
        if (pt == TokenType.OPERATOR) {
            return !tokens.isChar(p, ')');
        }
        if (pt == TokenType.WORD) {
            return Keywords.isMySqlReserved(tokens.sql(), tokens.start(p), tokens.end(p));
        }
        return false;
    }

    private static boolean endsOrderList(TokenStream tokens, int t) {
        return tokens.isWord(t, "LIMIT") || tokens.isWord(t, "HAVING") || tokens.isWord(t, "UNION")
                || tokens.isWord(t, "FOR") || tokens.isWord(t, "LOCK") || tokens.isWord(t, "WINDOW")
                || tokens.isWord(t, "INTO") || tokens.isWord(t, "ORDER") || tokens.isWord(t, "WITH");
    }

    private static boolean keepLiteral(TokenStream tokens, int[] first, int[] last, int u, int t, boolean inOrderList) {
        TokenType type = tokens.type(t);
        if (u == 0) {
            return false;
        }
        int prev = last[u - 1];
        if (type == TokenType.STRING && first[u - 1] == prev
                && (tokens.isWord(prev, "DATE") || tokens.isWord(prev, "TIME") || tokens.isWord(prev, "TIMESTAMP"))) {
            return true;
        }
        if (type != TokenType.INTEGER || !inOrderList || first[u] != last[u]) {
            return false;
        }
        if (!(tokens.isWord(prev, "BY") || tokens.isChar(prev, ','))) {
            return false;
        }
        int next = nextSignificant(tokens, t + 1);
        return next < 0 || tokens.isChar(next, ',') || tokens.isChar(next, ')') || tokens.isChar(next, ';')
                || tokens.isWord(next, "ASC") || tokens.isWord(next, "DESC") || endsOrderList(tokens, next);
    }
}

package io.shardline.sql.normalize;

import io.shardline.sql.facts.LiteralValue;
import io.shardline.sql.lexer.TokenType;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Decodes the text of a literal token into its typed value, the way MySQL reads it (default sql_mode). */
public final class LiteralDecoder {

    private LiteralDecoder() {
    }

    /** Decodes extracted literal {@code j} of {@code ns}. */
    public static LiteralValue decode(NormalizedStatement ns, int j) {
        int u = ns.literalUnit(j);
        String sql = ns.sql();
        int start = ns.start(u);
        int end = ns.end(u);
        int lexStart = ns.tokens().start(ns.lastToken(u));
        boolean negative = ns.firstToken(u) != ns.lastToken(u) && type(ns, u) != TokenType.STRING;
        TokenType type = ns.type(u);
        String text = sql.substring(lexStart, end);
        switch (type) {
            case STRING: {
                if (ns.firstToken(u) == ns.lastToken(u)) {
                    return new LiteralValue(LiteralValue.Type.STRING, string(text), start, end);
                }
                StringBuilder joined = new StringBuilder();
                for (int t = ns.firstToken(u); t <= ns.lastToken(u); t++) {
                    if (ns.tokens().type(t) == TokenType.STRING) {
                        joined.append(string(sql.substring(ns.tokens().start(t), ns.tokens().end(t))));
                    }
                }
                return new LiteralValue(LiteralValue.Type.STRING, joined.toString(), start, end);
            }
            case INTEGER: {
                BigInteger v = new BigInteger(text);
                if (negative) {
                    v = v.negate();
                }
                Object value = v.bitLength() < 64 ? (Object) v.longValue() : v;
                return new LiteralValue(LiteralValue.Type.INTEGER, value, start, end);
            }
            case DECIMAL: {
                if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
                    double d = Double.parseDouble(text);
                    return new LiteralValue(LiteralValue.Type.DOUBLE, negative ? -d : d, start, end);
                }
                BigDecimal d = new BigDecimal(text);
                return new LiteralValue(LiteralValue.Type.DECIMAL, negative ? d.negate() : d, start, end);
            }
            case HEX:
                return new LiteralValue(LiteralValue.Type.HEX, hex(text), start, end);
            case BIT:
                return new LiteralValue(LiteralValue.Type.BIT, bits(text), start, end);
            default:
                throw new IllegalStateException("not a literal: " + type);
        }
    }

    private static TokenType type(NormalizedStatement ns, int u) {
        return ns.type(u);
    }

    /** Resolves MySQL escapes of a quoted string, with an optional {@code _charset} or {@code N} introducer. */
    static String string(String text) {
        int q = 0;
        while (text.charAt(q) != '\'' && text.charAt(q) != '"') {
            q++;
        }
        char quote = text.charAt(q);
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = q + 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == quote && text.charAt(i + 1) == quote) {
                sb.append(quote);
                i++;
                continue;
            }
            if (c == '\\' && i + 1 < text.length() - 1) {
                char e = text.charAt(++i);
                switch (e) {
                    case '0':
                        sb.append('\0');
                        break;
                    case 'b':
                        sb.append('\b');
                        break;
                    case 'n':
                        sb.append('\n');
                        break;
                    case 'r':
                        sb.append('\r');
                        break;
                    case 't':
                        sb.append('\t');
                        break;
                    case 'Z':
                        sb.append((char) 26);
                        break;
                    case '%':
                    case '_':
                        // MySQL keeps the backslash for \% and \_ (they matter to LIKE).
                        sb.append('\\').append(e);
                        break;
                    default:
                        sb.append(e);
                }
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static byte[] hex(String text) {
        String digits;
        if (text.charAt(0) == '0') {
            digits = text.substring(2);
        } else {
            digits = text.substring(2, text.length() - 1);
        }
        if (digits.length() % 2 == 1) {
            digits = "0" + digits;
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private static Object bits(String text) {
        String digits = text.charAt(0) == '0' ? text.substring(2) : text.substring(2, text.length() - 1);
        if (digits.isEmpty()) {
            return 0L;
        }
        BigInteger v = new BigInteger(digits, 2);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }
}

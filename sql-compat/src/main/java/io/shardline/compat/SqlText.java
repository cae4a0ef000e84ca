package io.shardline.compat;

import java.util.Locale;

/** The little lexical knowledge the runner needs: comments, strings, parentheses and ORDER BY. */
final class SqlText {

    private SqlText() {
    }

    static String stripLeadingComments(String sql) {
        String s = sql.strip();
        while (true) {
            if (s.startsWith("--") || s.startsWith("#")) {
                int nl = s.indexOf('\n');
                s = nl < 0 ? "" : s.substring(nl + 1).strip();
            } else if (s.startsWith("/*")) {
                int end = s.indexOf("*/");
                s = end < 0 ? "" : s.substring(end + 2).strip();
            } else {
                return s;
            }
        }
    }

    /**
     * Whether the statement's outermost query is ordered: an ORDER BY outside parentheses, strings and
     * comments (for a UNION, the ORDER BY that applies to the whole union).
     */
    static boolean hasTopLevelOrderBy(String sql) {
        String masked = maskedTopLevel(sql).toUpperCase(Locale.ROOT);
        return masked.matches("(?s).*\\bORDER\\s+BY\\b.*");
    }

    /** The text with strings, comments and everything inside parentheses replaced by spaces. */
    static String maskedTopLevel(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int depth = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < n) {
                    char d = sql.charAt(j);
                    if (d == '\\' && c != '`') {
                        j += 2;
                        continue;
                    }
                    if (d == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                pad(out, Math.min(j + 1, n) - i);
                i = Math.min(j + 1, n);
            } else if (c == '#' || (c == '-' && sql.startsWith("-- ", i))) {
                int nl = sql.indexOf('\n', i);
                int end = nl < 0 ? n : nl;
                pad(out, end - i);
                i = end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                int end = close < 0 ? n : close + 2;
                pad(out, end - i);
                i = end;
            } else {
                if (c == '(') {
                    depth++;
                    out.append(' ');
                } else if (c == ')') {
                    depth--;
                    out.append(' ');
                } else {
                    out.append(depth == 0 ? c : ' ');
                }
                i++;
            }
        }
        return out.toString();
    }

    private static void pad(StringBuilder out, int count) {
        for (int k = 0; k < count; k++) {
            out.append(' ');
        }
    }
}

package io.shardline.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One statement of a corpus file with its annotations.
 *
 * @param category the file's category (its name without a numeric prefix and {@code .sql})
 * @param name     {@code -- name:} or {@code file:line}
 * @param sql      the statement as written, without its final {@code ;}
 * @param params   {@code -- params:} values bound in order (empty: sent as a plain Statement)
 * @param ordered  {@code -- ordered:} when given; otherwise rows compare in order iff the statement ends with
 *                 a top-level ORDER BY (the corpus promises that such an ORDER BY fixes the order)
 * @param location file and line, for reports
 */
public record CorpusEntry(String category, String name, String sql, List<Object> params, Optional<Boolean> ordered,
        String location) {

    /** What the statement does, from its first keyword. */
    public enum Kind {
        /** Returns rows (SELECT, WITH, parenthesised SELECT, SHOW, DESCRIBE). */
        QUERY,
        /** Changes rows; its update count is compared and the queries after it check the effect. */
        DML,
        /** Changes the schema; compared by success, checked by the queries after it. */
        DDL
    }

    public CorpusEntry {
        params = java.util.Collections.unmodifiableList(new ArrayList<>(params));
    }

    public Kind kind() {
        String word = firstWord(sql);
        switch (word) {
            case "SELECT", "WITH", "(", "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "VALUES", "TABLE":
                return Kind.QUERY;
            case "INSERT", "UPDATE", "DELETE", "REPLACE":
                return Kind.DML;
            default:
                return Kind.DDL;
        }
    }

    /** Whether rows are compared in order. */
    public boolean isOrdered() {
        return ordered.orElseGet(() -> SqlText.hasTopLevelOrderBy(sql));
    }

    private static String firstWord(String sql) {
        String s = SqlText.stripLeadingComments(sql);
        if (s.startsWith("(")) {
            return "(";
        }
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return s.substring(0, end).toUpperCase(Locale.ROOT);
    }
}

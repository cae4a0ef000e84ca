package io.shardline.sql;

/**
 * The one error type of the parser: the statement is malformed or uses a construct Shardline does not analyse.
 *
 * <p>It names the place (1-based line and column in the ORIGINAL text, plus a snippet of that line with a
 * caret under the offending position) and the construct, so a user can tell at a glance what to change.
 */
public final class SqlParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final int offset;
    private final String snippet;
    private final String construct;

    private SqlParseException(String message, int line, int column, int offset, String snippet,
            String construct, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
        this.offset = offset;
        this.snippet = snippet;
        this.construct = construct;
    }

    /**
     * Builds the exception for {@code offset} in {@code sql}.
     *
     * @param sql the original statement text
     * @param offset char offset of the problem in {@code sql} (clamped into range)
     * @param construct short name of the unsupported or malformed construct, e.g. {@code "multi-table UPDATE"}
     * @param detail optional extra explanation, may be empty
     * @param cause underlying cause or {@code null}
     */
    public static SqlParseException at(String sql, int offset, String construct, String detail, Throwable cause) {
        int off = Math.max(0, Math.min(offset, sql.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < off; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int lineEnd = sql.indexOf('\n', lineStart);
        if (lineEnd < 0) {
            lineEnd = sql.length();
        }
        int column = off - lineStart + 1;
        // Keep the snippet readable for huge statements: at most 60 chars either side of the caret.
        int from = Math.max(lineStart, off - 60);
        int to = Math.min(lineEnd, off + 60);
        StringBuilder snippet = new StringBuilder();
        snippet.append(sql, from, to).append('\n');
        for (int i = from; i < off; i++) {
            snippet.append(sql.charAt(i) == '\t' ? '\t' : ' ');
        }
        snippet.append('^');
        StringBuilder message = new StringBuilder();
        message.append("Unsupported or malformed SQL: ").append(construct)
                .append(" at line ").append(line).append(", column ").append(column);
        if (detail != null && !detail.isEmpty()) {
            message.append(" (").append(detail).append(')');
        }
        message.append('\n').append(snippet);
        return new SqlParseException(message.toString(), line, column, off, snippet.toString(), construct, cause);
    }

    /** 1-based line of the problem in the original text. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem in the original text. */
    public int column() {
        return column;
    }

    /** 0-based char offset of the problem in the original text. */
    public int offset() {
        return offset;
    }

    /** The offending line (trimmed to 60 chars either side) and a caret line under the problem. */
    public String snippet() {
        return snippet;
    }

    /** Name of the construct that is not supported or malformed, e.g. {@code "multi-table UPDATE"}. */
    public String construct() {
        return construct;
    }
}

package io.shardline.jdbc.config;

/**
 * One configuration error, located.
 *
 * @param source  the file or resource name
 * @param line    1-based line number
 * @param path    the key path, e.g. {@code rules.tables.t_order.dataNodes}; empty for the whole document
 * @param message what is wrong, never containing a password
 */
public record ConfigProblem(String source, int line, String path, String message) {

    /** {@code source:line: path: message}. */
    @Override
    public String toString() {
        return source + ":" + line + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}

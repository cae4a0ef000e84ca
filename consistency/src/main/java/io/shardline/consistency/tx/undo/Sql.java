package io.shardline.consistency.tx.undo;

/** Identifier quoting for generated SQL. */
final class Sql {
    private Sql() {
    }

    /** {@code `name`}, with backticks inside doubled. */
    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** {@code (?, ?, ?)} with {@code n} placeholders. */
    static String placeholders(int n) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.append(')').toString();
    }
}

package io.shardline.router.rewrite;

/**
 * A place in the original text that names a logical table: a table reference ({@code [schema.]name}) or a column
 * qualifier ({@code [schema.]name} before {@code .column}). Each unit replaces it with its actual table, if it has one.
 *
 * @param start first char (of the schema, when one is written: it is dropped)
 * @param end after the table name
 * @param logicalLower the logical table, lower case (the key of {@code RouteUnit.actualTables})
 * @param written the name as written (without backticks)
 * @param quoted the name was backticked; the actual name is backticked too
 * @param schema a schema qualifier is part of the range
 */
record RenameSite(int start, int end, String logicalLower, String written, boolean quoted, boolean schema) {

    /** The replacement for actual table {@code actual}, or null when the text already says it. */
    String replacement(String actual) {
        if (!schema && actual.equals(written)) {
            return null;
        }
        return quoted ? '`' + actual.replace("`", "``") + '`' : actual;
    }
}

package io.shardline.sql.facts;

/**
 * One assignment of a SET statement.
 *
 * @param scope which kind of variable
 * @param name the variable name without {@code @}/{@code @@} and scope prefix ({@code NAMES} for SET NAMES, the
 *     characteristics text for SET TRANSACTION)
 * @param value the value ({@code Expression} for words like {@code utf8mb4} or {@code ON})
 */
public record SessionVariable(Scope scope, String name, Value value) {

    /** Where a SET assignment goes. */
    public enum Scope {
        /** A session system variable ({@code SET x=}, {@code SET SESSION x=}, {@code @@x}, {@code @@session.x}). */
        SESSION,
        /** A global system variable ({@code SET GLOBAL x=}, {@code @@global.x}, PERSIST). */
        GLOBAL,
        /** A user variable {@code @x}. */
        USER,
        /** SET NAMES charset [COLLATE c]. */
        NAMES,
        /** SET CHARACTER SET / CHARSET. */
        CHARACTER_SET,
        /** SET [GLOBAL|SESSION] TRANSACTION characteristics. */
        TRANSACTION
    }
}

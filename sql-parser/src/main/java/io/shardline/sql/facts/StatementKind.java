package io.shardline.sql.facts;

/** What a statement is. The router switches on this; every constant says how the statement was understood. */
public enum StatementKind {
    /** A query (SELECT, UNION, WITH); fully analysed by Calcite. */
    SELECT,
    /** INSERT ... VALUES / SET / SELECT; fully analysed. */
    INSERT,
    /** REPLACE ... VALUES / SET / SELECT (delete-then-insert); analysed like INSERT. */
    REPLACE,
    /** Single-table UPDATE; fully analysed, ORDER BY / LIMIT recorded from the tokens. */
    UPDATE,
    /** Single-table DELETE; fully analysed, ORDER BY / LIMIT recorded from the tokens. */
    DELETE,
    /** SET of session, global or user variables, SET NAMES, SET CHARACTER SET, SET TRANSACTION; classified. */
    SET,
    /** USE schema; classified, the schema is in {@code detail}. */
    USE,
    /** SHOW ...; classified, what is shown is in {@code detail}. */
    SHOW,
    /** DESCRIBE/DESC/EXPLAIN of a table or statement; classified. */
    EXPLAIN,
    /** BEGIN, START TRANSACTION; classified. */
    BEGIN,
    /** COMMIT; classified. */
    COMMIT,
    /** ROLLBACK (without TO SAVEPOINT); classified. */
    ROLLBACK,
    /** SAVEPOINT name, RELEASE SAVEPOINT name, ROLLBACK TO [SAVEPOINT] name; classified, the name is in {@code detail}. */
    SAVEPOINT,
    /** XA START/END/PREPARE/COMMIT/ROLLBACK/RECOVER; classified, the sub-command is in {@code detail}. */
    XA,
    /** CREATE TABLE; classified with the table's token span so it can be rewritten per shard. */
    CREATE_TABLE,
    /** ALTER TABLE; classified with table token spans. */
    ALTER_TABLE,
    /** DROP TABLE (one or more tables); classified with table token spans. */
    DROP_TABLE,
    /** TRUNCATE [TABLE]; classified with the table token span. */
    TRUNCATE_TABLE,
    /** CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX ... ON table; classified with the table token span. */
    CREATE_INDEX,
    /** DROP INDEX ... ON table; classified with the table token span. */
    DROP_INDEX,
    /** Other DDL (CREATE/DROP DATABASE, VIEW, ...); classified, not analysed. */
    OTHER_DDL,
    /** LOCK TABLES / UNLOCK TABLES; classified. */
    LOCK_TABLES,
    /** Anything else the lexer recognises by its first word (CALL, DO, KILL, FLUSH, GRANT, ...); classified only. */
    OTHER;

    /** DDL: MariaDB commits the open transaction before it, and a table may change shape. */
    public boolean changesSchema() {
        return switch (this) {
            case CREATE_TABLE, ALTER_TABLE, DROP_TABLE, TRUNCATE_TABLE, CREATE_INDEX, DROP_INDEX, OTHER_DDL -> true;
            default -> false;
        };
    }
}

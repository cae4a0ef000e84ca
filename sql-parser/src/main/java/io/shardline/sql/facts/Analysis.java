package io.shardline.sql.facts;

/** How deeply a statement was understood. */
public enum Analysis {
    /** Grammar-analysed: tables, predicates and clauses are complete and exact. */
    FULL,
    /** Recognised by the lexer only: kind, and for DDL the table spans; nothing else may be assumed. */
    CLASSIFIED
}

package io.shardline.sql.facts;

/** MySQL-only syntax the normalizer recognised and removed (or rewrote) before Calcite saw the statement. */
public enum MySqlFeature {
    /** INSERT IGNORE / UPDATE IGNORE / DELETE IGNORE. */
    IGNORE,
    /** INSERT ... SET col = value. */
    INSERT_SET,
    /** INSERT ... ON DUPLICATE KEY UPDATE. */
    ON_DUPLICATE_KEY_UPDATE,
    /** LOW_PRIORITY, DELAYED, HIGH_PRIORITY or QUICK on a write. */
    WRITE_PRIORITY,
    /** ORDER BY on a single-table UPDATE or DELETE. */
    DML_ORDER_BY,
    /** LIMIT on a single-table UPDATE or DELETE. */
    DML_LIMIT,
    /** USE/FORCE/IGNORE INDEX hints. */
    INDEX_HINT,
    /** SQL_CALC_FOUND_ROWS. */
    SQL_CALC_FOUND_ROWS,
    /** Other select modifiers: SQL_NO_CACHE, HIGH_PRIORITY, STRAIGHT_JOIN, SQL_SMALL_RESULT, ... */
    SELECT_MODIFIER,
    /** FOR UPDATE / FOR SHARE / LOCK IN SHARE MODE (see the lock mode). */
    LOCKING_CLAUSE,
    /** {@code col->'$.path'}, rewritten to JSON_EXTRACT for analysis. */
    JSON_EXTRACT_OPERATOR,
    /** {@code col->>'$.path'}, rewritten to JSON_UNQUOTE(JSON_EXTRACT(...)) for analysis. */
    JSON_UNQUOTE_OPERATOR,
    /** REGEXP / RLIKE (analysed as a non-routing condition). */
    REGEXP,
    /** The null-safe equality {@code <=>}. */
    NULL_SAFE_EQUAL,
    /** {@code &&}, {@code ||} or {@code !} as logical operators. */
    SYMBOLIC_LOGICAL_OPERATOR,
    /** {@code expr COLLATE name} in a query (removed for analysis; the collation does not change the shape). */
    COLLATE,
    /** MATCH (...) AGAINST (...) full-text search (analysed as a non-routing condition). */
    FULLTEXT_SEARCH,
    /** {@code INSERT ... VALUE (...)} (singular keyword) or INSERT without INTO. */
    INSERT_SYNTAX_VARIANT
}

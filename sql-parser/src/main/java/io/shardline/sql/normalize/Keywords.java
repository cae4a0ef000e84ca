package io.shardline.sql.normalize;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Keyword knowledge the normalizer needs: MySQL's reserved words (a word that is not reserved in MySQL is a valid
 * unquoted identifier there), and Calcite's reserved words (which must be backtick-quoted before Calcite sees them
 * when MySQL uses them as identifiers, e.g. a column named {@code status}, {@code value} or {@code year}).
 */
public final class Keywords {
    private static final Set<String> MYSQL_RESERVED = new HashSet<>();
    private static volatile Set<String> calciteReserved;
    private static volatile Set<String> calciteKeywords;

    static {
        String words = "ACCESSIBLE ADD ALL ALTER ANALYZE AND AS ASC ASENSITIVE BEFORE BETWEEN BIGINT BINARY BLOB BOTH BY "
                + "CALL CASCADE CASE CHANGE CHAR CHARACTER CHECK COLLATE COLUMN CONDITION CONSTRAINT CONTINUE CONVERT CREATE "
                + "CROSS CUBE CUME_DIST CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER CURSOR DATABASE DATABASES "
                + "DAY_HOUR DAY_MICROSECOND DAY_MINUTE DAY_SECOND DEC DECIMAL DECLARE DEFAULT DELAYED DELETE DENSE_RANK DESC "
                + "DESCRIBE DETERMINISTIC DISTINCT DISTINCTROW DIV DOUBLE DROP DUAL EACH ELSE ELSEIF EMPTY ENCLOSED ESCAPED "
                + "EXCEPT EXISTS EXIT EXPLAIN FALSE FETCH FIRST_VALUE FLOAT FLOAT4 FLOAT8 FOR FORCE FOREIGN FROM FULLTEXT "
                + "FUNCTION GENERATED GET GRANT GROUP GROUPING GROUPS HAVING HIGH_PRIORITY HOUR_MICROSECOND HOUR_MINUTE "
                + "HOUR_SECOND IF IGNORE IN INDEX INFILE INNER INOUT INSENSITIVE INSERT INT INT1 INT2 INT3 INT4 INT8 INTEGER "
                + "INTERSECT INTERVAL INTO IS ITERATE JOIN JSON_TABLE KEY KEYS KILL LAG LAST_VALUE LATERAL LEAD LEADING "
                + "LEAVE LEFT LIKE LIMIT LINEAR LINES LOAD LOCALTIME LOCALTIMESTAMP LOCK LONG LONGBLOB LONGTEXT LOOP "
                + "LOW_PRIORITY MATCH MAXVALUE MEDIUMBLOB MEDIUMINT MEDIUMTEXT MIDDLEINT MINUTE_MICROSECOND MINUTE_SECOND "
                + "MOD MODIFIES NATURAL NOT NO_WRITE_TO_BINLOG NTH_VALUE NTILE NULL NUMERIC OF ON OPTIMIZE OPTIMIZER_COSTS "
                + "OPTION OPTIONALLY OR ORDER OUT OUTER OUTFILE OVER PARTITION PERCENT_RANK PRECISION PRIMARY PROCEDURE "
                + "PURGE RANGE RANK READ READS READ_WRITE REAL RECURSIVE REFERENCES REGEXP RELEASE RENAME REPEAT REPLACE "
                + "REQUIRE RESIGNAL RESTRICT RETURN REVOKE RIGHT RLIKE ROW ROWS ROW_NUMBER SCHEMA SCHEMAS SECOND_MICROSECOND "
                + "SELECT SENSITIVE SEPARATOR SET SHOW SIGNAL SMALLINT SPATIAL SPECIFIC SQL SQLEXCEPTION SQLSTATE "
                + "SQLWARNING SQL_BIG_RESULT SQL_CALC_FOUND_ROWS SQL_SMALL_RESULT SSL STARTING STORED STRAIGHT_JOIN SYSTEM "
                + "TABLE TERMINATED THEN TINYBLOB TINYINT TINYTEXT TO TRAILING TRIGGER TRUE UNDO UNION UNIQUE UNLOCK "
                + "UNSIGNED UPDATE USAGE USE USING UTC_DATE UTC_TIME UTC_TIMESTAMP VALUES VARBINARY VARCHAR VARCHARACTER "
                + "VARYING VIRTUAL WHEN WHERE WHILE WINDOW WITH WRITE XOR YEAR_MONTH ZEROFILL";
        for (String w : words.split(" ")) {
            MYSQL_RESERVED.add(w);
        }
    }

    private Keywords() {
    }

    /** Whether {@code sql[start, end)} is a MySQL reserved word. */
    public static boolean isMySqlReserved(String sql, int start, int end) {
        return MYSQL_RESERVED.contains(sql.substring(start, end).toUpperCase(Locale.ROOT));
    }

    /** Whether the upper-case {@code word} is reserved by Calcite's parser but not by MySQL. */
    public static boolean needsQuotingForCalcite(String upperWord) {
        return calciteReserved().contains(upperWord) && !MYSQL_RESERVED.contains(upperWord);
    }

    /** Whether the upper-case {@code word} is a MySQL reserved word. */
    public static boolean isMySqlReservedWord(String upperWord) {
        return MYSQL_RESERVED.contains(upperWord);
    }

    /** Whether the upper-case {@code word} is reserved by Calcite's parser. */
    public static boolean isCalciteReserved(String upperWord) {
        return calciteReserved().contains(upperWord);
    }

    /** Whether the upper-case {@code word} is any keyword (reserved or not) of Calcite's parser. */
    public static boolean isCalciteKeyword(String upperWord) {
        Set<String> s = calciteKeywords;
        if (s == null) {
            Set<String> built = new HashSet<>();
            org.apache.calcite.sql.parser.SqlAbstractParserImpl.Metadata md =
                    org.apache.calcite.sql.parser.SqlParser.create("").getMetadata();
            for (String w : md.getTokens()) {
                if (md.isKeyword(w)) {
                    built.add(w);
                }
            }
            calciteKeywords = built;
            s = built;
        }
        return s.contains(upperWord);
    }

    private static Set<String> calciteReserved() {
        Set<String> s = calciteReserved;
        if (s == null) {
            Set<String> built = new HashSet<>();
            org.apache.calcite.sql.parser.SqlAbstractParserImpl.Metadata md =
                    org.apache.calcite.sql.parser.SqlParser.create("").getMetadata();
            for (String w : md.getTokens()) {
                if (md.isReservedWord(w)) {
                    built.add(w);
                }
            }
            calciteReserved = built;
            s = built;
        }
        return s;
    }
}

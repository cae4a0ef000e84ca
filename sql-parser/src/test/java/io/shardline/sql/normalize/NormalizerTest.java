package io.shardline.sql.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.sql.lexer.MySqlLexer;
import org.junit.jupiter.api.Test;

class NormalizerTest {

    private static NormalizedStatement norm(String sql) {
        return Normalizer.normalize(MySqlLexer.lex(sql));
    }

    @Test
    void keyReplacesLiteralsAndKeepsApplicationPlaceholdersDistinct() {
        assertThat(norm("SELECT * FROM t WHERE a = ? AND b = 'x' AND c IN (1, -2)").key())
                .isEqualTo("SELECT * FROM t WHERE a = ? AND b = :? AND c IN ( :? , :? )");
    }

    @Test
    void statementsDifferingOnlyInLiteralsCommentsOrSpacingShareAKey() {
        String a = norm("SELECT * FROM t_order WHERE order_id = 1").key();
        assertThat(norm("SELECT  *  FROM t_order /* x */ WHERE order_id = 99999").key()).isEqualTo(a);
        assertThat(norm("SELECT /*+ HINT */ * FROM t_order WHERE order_id = 'abc' -- c").key()).isEqualTo(a);
        assertThat(norm("SELECT * FROM t_order WHERE order_id = -5").key()).isEqualTo(a);
    }

    @Test
    void parameterAndLiteralInTheSamePlaceHaveDifferentKeys() {
        assertThat(norm("SELECT * FROM t WHERE a = ? AND b = 5").key())
                .isNotEqualTo(norm("SELECT * FROM t WHERE a = 5 AND b = ?").key());
    }

    @Test
    void orderByAndGroupByOrdinalsAreStructure() {
        assertThat(norm("SELECT a, b FROM t ORDER BY 1").key()).isNotEqualTo(norm("SELECT a, b FROM t ORDER BY 2").key());
        assertThat(norm("SELECT a, b FROM t GROUP BY 2, 1 ORDER BY 1 DESC LIMIT 5").key())
                .isEqualTo("SELECT a , b FROM t GROUP BY 2 , 1 ORDER BY 1 DESC LIMIT :?");
        // A literal inside an ORDER BY function call is data.
        assertThat(norm("SELECT a FROM t ORDER BY FIELD(a, 3, 1)").literalCount()).isEqualTo(2);
    }

    @Test
    void negativeNumbersFoldIntoOneLiteralOnlyWhereAValueIsExpected() {
        NormalizedStatement n = norm("SELECT a - 1, -2 FROM t WHERE x = -3");
        assertThat(n.literalCount()).isEqualTo(3);
        assertThat(n.key()).isEqualTo("SELECT a - :? , :? FROM t WHERE x = :?");
        assertThat(n.text(n.literalUnit(1))).isEqualTo("-2");
        assertThat(n.text(n.literalUnit(2))).isEqualTo("-3");
    }

    @Test
    void literalsAndParametersAreNumberedSeparatelyInTextOrder() {
        NormalizedStatement n = norm("INSERT INTO t VALUES (?, 'a', ?, 2)");
        assertThat(n.parameterCount()).isEqualTo(2);
        assertThat(n.literalCount()).isEqualTo(2);
        assertThat(LiteralDecoder.decode(n, 0).value()).isEqualTo("a");
        assertThat(LiteralDecoder.decode(n, 1).value()).isEqualTo(2L);
    }

    @Test
    void literalDecoding() {
        assertThat(LiteralDecoder.decode(norm("SELECT 'O\\'Reilly'"), 0).value()).isEqualTo("O'Reilly");
        assertThat(LiteralDecoder.decode(norm("SELECT 'It''s'"), 0).value()).isEqualTo("It's");
        assertThat(LiteralDecoder.decode(norm("SELECT \"a\"\"b\""), 0).value()).isEqualTo("a\"b");
        assertThat(LiteralDecoder.decode(norm("SELECT _utf8mb4'zoë'"), 0).value()).isEqualTo("zoë");
        assertThat(LiteralDecoder.decode(norm("SELECT 'a\\%b\\_c\\n'"), 0).value()).isEqualTo("a\\%b\\_c\n");
        assertThat(LiteralDecoder.decode(norm("SELECT X'4142'"), 0).value()).isEqualTo(new byte[] {0x41, 0x42});
        assertThat(LiteralDecoder.decode(norm("SELECT 0x141"), 0).value()).isEqualTo(new byte[] {0x01, 0x41});
        assertThat(LiteralDecoder.decode(norm("SELECT b'1010'"), 0).value()).isEqualTo(10L);
        assertThat(LiteralDecoder.decode(norm("SELECT 1.50"), 0).value()).isEqualTo(new java.math.BigDecimal("1.50"));
        assertThat(LiteralDecoder.decode(norm("SELECT -1e2"), 0).value()).isEqualTo(-100.0);
        assertThat(LiteralDecoder.decode(norm("SELECT 18446744073709551615"), 0).value())
                .isEqualTo(new java.math.BigInteger("18446744073709551615"));
    }

    @Test
    void typedDateLiteralIsKept() {
        NormalizedStatement n = norm("SELECT * FROM t WHERE d > DATE '2024-01-01' AND e = '2024-01-01'");
        assertThat(n.literalCount()).isEqualTo(1);
        assertThat(n.key()).contains("DATE '2024-01-01'");
    }
}

package io.shardline.sql.lexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.sql.SqlParseException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MySqlLexerTest {

    private static List<String> render(String sql) {
        TokenStream ts = MySqlLexer.lex(sql);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ts.size(); i++) {
            out.add(ts.type(i) + ":" + sql.substring(ts.start(i), ts.end(i)));
        }
        return out;
    }

    @Test
    void stringsWithBothEscapeStylesAreSingleTokens() {
        assertThat(render("'O\\'Reilly' 'It''s' \"a\\\"b\" \"x''y\""))
                .containsExactly("STRING:'O\\'Reilly'", "STRING:'It''s'", "STRING:\"a\\\"b\"", "STRING:\"x''y\"");
    }

    @Test
    void introducersAndNationalStrings() {
        assertThat(render("_utf8mb4'x' N'y' _binary\"z\" _utf8mb4 'w'"))
                .containsExactly("STRING:_utf8mb4'x'", "STRING:N'y'", "STRING:_binary\"z\"", "WORD:_utf8mb4", "STRING:'w'");
    }

    @Test
    void backtickIdentifiersWithDoubledBackticks() {
        assertThat(render("`a``b` `select`")).containsExactly("QUOTED_IDENTIFIER:`a``b`", "QUOTED_IDENTIFIER:`select`");
    }

    @Test
    void commentsAndHints() {
        assertThat(render("a -- c\nb #d\nc /* e */ d /*+ HINT(x) */ e"))
                .containsExactly("WORD:a", "LINE_COMMENT:-- c", "WORD:b", "LINE_COMMENT:#d", "WORD:c",
                        "BLOCK_COMMENT:/* e */", "WORD:d", "HINT:/*+ HINT(x) */", "WORD:e");
    }

    @Test
    void doubleDashNeedsWhitespaceToStartAComment() {
        assertThat(render("a--1")).containsExactly("WORD:a", "OPERATOR:-", "OPERATOR:-", "INTEGER:1");
        assertThat(render("a --")).containsExactly("WORD:a", "LINE_COMMENT:--");
    }

    @Test
    void executableCommentContentIsLexed() {
        assertThat(render("SELECT /*!40001 SQL_NO_CACHE */ 1 /*M!100500 x */"))
                .containsExactly("WORD:SELECT", "EXECUTABLE_COMMENT_START:/*!40001", "WORD:SQL_NO_CACHE",
                        "EXECUTABLE_COMMENT_END:*/", "INTEGER:1", "EXECUTABLE_COMMENT_START:/*M!100500", "WORD:x",
                        "EXECUTABLE_COMMENT_END:*/");
    }

    @Test
    void numbersHexAndBits() {
        assertThat(render("1 1.5 .5 1e3 1.5E-2 0x1F X'1f' 0b101 b'11' 0xZ"))
                .containsExactly("INTEGER:1", "DECIMAL:1.5", "DECIMAL:.5", "DECIMAL:1e3", "DECIMAL:1.5E-2", "HEX:0x1F",
                        "HEX:X'1f'", "BIT:0b101", "BIT:b'11'", "WORD:0xZ");
    }

    @Test
    void qualifierDotIsNotANumber() {
        assertThat(render("t.5x")).containsExactly("WORD:t", "OPERATOR:.", "WORD:5x");
    }

    @Test
    void placeholdersAndVariables() {
        assertThat(render("? @x @'a b' @`c` @@version @@global.read_only @@session.sql_mode"))
                .containsExactly("PLACEHOLDER:?", "USER_VARIABLE:@x", "USER_VARIABLE:@'a b'", "USER_VARIABLE:@`c`",
                        "SYSTEM_VARIABLE:@@version", "SYSTEM_VARIABLE:@@global.read_only",
                        "SYSTEM_VARIABLE:@@session.sql_mode");
    }

    @Test
    void operatorsUseLongestMatch() {
        assertThat(render("<=> <= >= <> != << >> -> ->> := || && = < > ! ~ ^ & | + - * / % ( ) , ; . { }"))
                .extracting(s -> s.substring(s.indexOf(':') + 1))
                .containsExactly("<=>", "<=", ">=", "<>", "!=", "<<", ">>", "->", "->>", ":=", "||", "&&", "=", "<", ">",
                        "!", "~", "^", "&", "|", "+", "-", "*", "/", "%", "(", ")", ",", ";", ".", "{", "}");
    }

    @Test
    void tokensAndWhitespaceGapsCoverTheInputExactly() {
        String sql = "SELECT /* c */ `a`, 'x''y' -- z\n FROM t WHERE b = ? # end";
        TokenStream ts = MySqlLexer.lex(sql);
        int at = 0;
        for (int i = 0; i < ts.size(); i++) {
            assertThat(sql.substring(at, ts.start(i))).isBlank();
            at = ts.end(i);
        }
        assertThat(sql.substring(at)).isBlank();
    }

    @Test
    void unterminatedConstructsAreErrorsAtTheirStart() {
        assertThatThrownBy(() -> MySqlLexer.lex("SELECT 'abc"))
                .isInstanceOfSatisfying(SqlParseException.class, e -> {
                    assertThat(e.construct()).isEqualTo("unterminated string literal");
                    assertThat(e.column()).isEqualTo(8);
                });
        assertThatThrownBy(() -> MySqlLexer.lex("SELECT /*! 1"))
                .isInstanceOfSatisfying(SqlParseException.class,
                        e -> assertThat(e.construct()).isEqualTo("unterminated executable comment"));
        assertThatThrownBy(() -> MySqlLexer.lex("SELECT \\"))
                .isInstanceOfSatisfying(SqlParseException.class,
                        e -> assertThat(e.construct()).isEqualTo("unexpected character '\\'"));
    }
}

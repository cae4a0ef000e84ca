package io.shardline.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SplicerTest {

    @Test
    void noEditsReturnsTheInputItself() {
        String sql = "SELECT 1 -- x\n";
        assertThat(Splicer.apply(sql, List.of())).isSameAs(sql);
    }

    @Test
    void editsApplyInOffsetOrderWhateverTheirListOrder() {
        String sql = "SELECT * FROM a JOIN b";
        assertThat(Splicer.apply(sql, List.of(new TextSplice(21, 22, "b_1"), new TextSplice(14, 15, "a_1"))))
                .isEqualTo("SELECT * FROM a_1 JOIN b_1");
    }

    @Test
    void insertionsAndDeletions() {
        assertThat(Splicer.apply("SELECT a FROM t", List.of(new TextSplice(8, 8, ", b"), new TextSplice(6, 7, ""))))
                .isEqualTo("SELECTa, b FROM t");
    }

    @Test
    void overlappingOrOutOfRangeEditsAreRejected() {
        assertThatThrownBy(() -> Splicer.apply("abcdef", List.of(new TextSplice(1, 3, "x"), new TextSplice(2, 4, "y"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlapping");
        assertThatThrownBy(() -> Splicer.apply("abc", List.of(new TextSplice(1, 9, "x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beyond");
        assertThatThrownBy(() -> new TextSplice(3, 2, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}

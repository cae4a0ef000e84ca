package io.shardline.router.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CollationTest {

    @Test
    void generalCiIgnoresCaseAndLatinAccentsButBinaryDoesNot() {
        assertThat(Collation.GENERAL_CI.compare("a", "B")).isNegative();
        assertThat(Collation.BINARY.compare("a", "B")).isPositive();
        assertThat(Collation.GENERAL_CI.compare("Müller", "MULLER")).isZero();
        assertThat(Collation.GENERAL_CI.compare("élan", "Elan")).isZero();
        assertThat(Collation.GENERAL_CI.compare("straße", "STRASE")).isZero();
        assertThat(Collation.BINARY.compare("élan", "elan")).isNotZero();
    }

    @Test
    void trailingSpacesDoNotCountButLeadingOnesDo() {
        assertThat(Collation.GENERAL_CI.compare("abc  ", "ABC")).isZero();
        assertThat(Collation.BINARY.compare("abc  ", "abc")).isZero();
        assertThat(Collation.BINARY.compare(" abc", "abc")).isNegative();
        assertThat(Collation.GENERAL_CI.groupKey("Abc ")).isEqualTo(Collation.GENERAL_CI.groupKey("aBC"));
    }

    @Test
    void generalCiWeighsEverySupplementaryCharacterTheSame() {
        assertThat(Collation.GENERAL_CI.compare("😀", "😺")).isZero();
        assertThat(Collation.BINARY.compare("😀", "😺")).isNegative();
    }

    @Test
    void prefixSortsFirst() {
        assertThat(Collation.GENERAL_CI.compare("ab", "abc")).isNegative();
        assertThat(Collation.GENERAL_CI.compare("abc", "ab")).isPositive();
    }

    @Test
    void namesMapToCollationsAndUnknownOnesAreRefused() {
        assertThat(Collation.forName("utf8mb4_general_ci")).isEqualTo(Collation.GENERAL_CI);
        assertThat(Collation.forName("utf8mb4_bin")).isEqualTo(Collation.BINARY);
        assertThat(Collation.forName("binary")).isEqualTo(Collation.BINARY);
        assertThatThrownBy(() -> Collation.forName("utf8mb4_unicode_520_ci")).hasMessageContaining("UCA");
        assertThatThrownBy(() -> Collation.forName("latin1_swedish_ci"))
                .hasMessageContaining("latin1_swedish_ci").hasMessageContaining("not supported");
    }
}

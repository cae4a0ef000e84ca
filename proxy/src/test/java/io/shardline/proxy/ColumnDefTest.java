package io.shardline.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnDefTest {

    @Test
    void fractionalDigitsComeFromThePrecisionWhenTheScaleIsZero() {
        assertThat(ColumnDef.fractionalDigits(0, 19, 19)).isZero();
        assertThat(ColumnDef.fractionalDigits(0, 23, 19)).isEqualTo(3);
        assertThat(ColumnDef.fractionalDigits(0, 26, 19)).isEqualTo(6);
        assertThat(ColumnDef.fractionalDigits(0, 10, 10)).isZero();
        assertThat(ColumnDef.fractionalDigits(0, 17, 10)).isEqualTo(6);
        assertThat(ColumnDef.fractionalDigits(2, 19, 19)).isEqualTo(2);
    }
}

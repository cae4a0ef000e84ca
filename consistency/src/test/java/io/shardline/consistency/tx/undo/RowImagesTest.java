package io.shardline.consistency.tx.undo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RowImagesTest {

    @Test
    void timestampInstantsRoundTripWithTheirFractionDigits() {
        for (String epoch : new String[] {"1", "1700000000", "1700000000.000500", "2147483647.999999", "86400.5"}) {
            BigDecimal e = new BigDecimal(epoch);
            assertThat(RowImages.epoch(RowImages.utcText(e))).as(epoch).isEqualTo(e);
        }
        assertThat(RowImages.utcText(new BigDecimal("1700000000.000500"))).isEqualTo("2023-11-14 22:13:20.000500 UTC");
    }

    @Test
    void bigUnsignedIntegersBindAsExactDecimals() {
        Object v = RowImages.bindValue(ValueKind.INTEGER,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(
                        new java.math.BigInteger("18446744073709551615")));
        assertThat(v).isEqualTo(new BigDecimal("18446744073709551615"));
    }
}

package io.shardline.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** The binary protocol's temporal layouts (length byte, then only the fields that are not zero). */
class RowsTest {

    private static String dateTime(String text) {
        ByteBuf out = Unpooled.buffer();
        Rows.writeDateTime(out, text);
        return ByteBufUtil.hexDump(out);
    }

    private static String time(String text) {
        ByteBuf out = Unpooled.buffer();
        Rows.writeTime(out, text);
        return ByteBufUtil.hexDump(out);
    }

    @Test
    void dateTimeUsesTheShortestLayout() {
        assertThat(dateTime("0000-00-00")).isEqualTo("00");
        assertThat(dateTime("2024-02-29")).isEqualTo("04" + "e807" + "02" + "1d");
        assertThat(dateTime("2024-02-29 00:00:00")).isEqualTo("04e807021d");
        assertThat(dateTime("2024-02-29 23:59:58")).isEqualTo("07e807021d" + "173b3a");
        assertThat(dateTime("2024-02-29 23:59:58.5")).isEqualTo("0be807021d173b3a" + "20a10700"); // 500000 µs
    }

    @Test
    void timeCarriesSignAndDays() {
        assertThat(time("00:00:00")).isEqualTo("00");
        assertThat(time("12:34:56")).isEqualTo("08" + "00" + "00000000" + "0c2238");
        assertThat(time("-838:59:58.000001")).isEqualTo("0c" + "01" + "22000000" + "163b3a" + "01000000");
    }
}

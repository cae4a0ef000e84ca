package io.shardline.consistency.redundancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.sql.SqlParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceWriteTest {

    private static final RedundantTable COPY = new RedundantTable("t_order_by_driver", "t_order", "order_id",
            List.of("user_id"), "driver_id", Optional.empty(), RepairPolicy.SOURCE_WINS);
    private final SqlParser parser = new SqlParser();

    private SourceWrite analyze(String sql, Object... params) throws MirrorRefusedException {
        return SourceWrite.analyze(parser.parse(sql), List.of(params), COPY);
    }

    @Test
    void updateKeepsItsAliasAndTheWhereParameters() throws Exception {
        SourceWrite w = analyze("UPDATE t_order o SET o.amount = ?, status = 'x' WHERE o.user_id = ? AND "
                + "/* kept */ o.status IN (?, 'y') -- dropped: it would swallow the FOR UPDATE appended after it\n;", 5, 10,
                "new");
        assertThat(w.kind()).isEqualTo(SourceWrite.Kind.UPDATE);
        assertThat(w.reference()).isEqualTo("t_order o");
        assertThat(w.where()).isEqualTo("WHERE o.user_id = ? AND /* kept */ o.status IN (?, 'y')");
        assertThat(w.whereParameters()).containsExactly(10, "new");
    }

    @Test
    void deleteWithoutWhereCoversTheWholeTable() throws Exception {
        SourceWrite w = analyze("DELETE FROM t_order");
        assertThat(w.reference()).isEqualTo("t_order");
        assertThat(w.where()).isEmpty();
    }

    @Test
    void insertRowsCarryTheirKeys() throws Exception {
        SourceWrite w = analyze("INSERT INTO t_order (user_id, order_id, driver_id) VALUES (?, 7, ?), (11, ?, NULL)",
                10, 3, 8);
        assertThat(w.insertedKeys()).containsExactly(Map.of("order_id", 7L, "user_id", 10),
                Map.of("order_id", 8, "user_id", 11L));
    }

    @Test
    void refusesWhatCannotBeMirrored() {
        assertThatThrownBy(() -> analyze("INSERT INTO t_order (order_id, user_id) VALUES (1, NOW() + 0)"))
                .isInstanceOf(MirrorRefusedException.class).hasMessageContaining("expression for user_id");
        assertThatThrownBy(() -> analyze("DELETE FROM t_order WHERE user_id = 1 LIMIT 2"))
                .hasMessageContaining("ORDER BY/LIMIT");
        assertThatThrownBy(() -> analyze("UPDATE t_order SET order_id = 2 WHERE order_id = 1"))
                .hasMessageContaining("SET order_id");
        assertThatThrownBy(() -> analyze("REPLACE INTO t_order (order_id, user_id) VALUES (1, 2)"))
                .hasMessageStartingWith("REPLACE on 't_order' cannot be mirrored onto its redundant copy "
                        + "'t_order_by_driver'");
    }
}

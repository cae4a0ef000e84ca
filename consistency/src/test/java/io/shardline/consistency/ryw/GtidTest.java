package io.shardline.consistency.ryw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GtidTest {

    @Test
    void parsesAndPrintsMariaDbGtids() {
        Gtid g = Gtid.parse(" 1-100-42 ");
        assertThat(g).isEqualTo(new Gtid(1, 100, 42));
        assertThat(g.toString()).isEqualTo("1-100-42");
        assertThatThrownBy(() -> Gtid.parse("3E11FA47-71CA-11E1-9E33-C80AA9429562:23"))
                .hasMessageContaining("not a MariaDB GTID");
        assertThatThrownBy(() -> Gtid.parse("1-2")).hasMessageContaining("'1-2'");
    }

    @Test
    void positionsCompareSequenceNumbersWithinADomain() {
        GtidPosition p = GtidPosition.parse("0-1-5,1-100-42");
        assertThat(p.seq(1)).isEqualTo(42);
        assertThat(p.seq(2)).isEqualTo(-1);
        assertThat(p.hasApplied(1, 42)).isTrue();
        assertThat(p.hasApplied(1, 43)).isFalse();
        // The server id does not order anything: a different server's later seq in the same domain is applied.
        assertThat(GtidPosition.parse("1-200-50").hasApplied(1, 42)).isTrue();
        assertThat(p.covers(GtidPosition.parse("1-100-40"))).isTrue();
        assertThat(p.covers(GtidPosition.parse("1-100-40,2-1-1"))).isFalse();
        assertThat(GtidPosition.parse("")).isEqualTo(GtidPosition.EMPTY);
        // Lag ignores domains the replica never replicated, except the group's own.
        GtidPosition master = GtidPosition.parse("0-1-900,1-100-42");
        assertThat(GtidPosition.parse("1-100-42").coversReplicated(master, 1)).isTrue();
        assertThat(GtidPosition.parse("1-100-41").coversReplicated(master, 1)).isFalse();
        assertThat(GtidPosition.parse("0-1-900").coversReplicated(master, 1)).as("lacks the group's domain").isFalse();
        assertThat(GtidPosition.parse("0-1-899,1-100-42").coversReplicated(master, 1)).isFalse();
        assertThatThrownBy(() -> GtidPosition.parse("1-1-1,1-1-2")).hasMessageContaining("domain 1 appears twice");
    }

    @Test
    void causalTokensRoundTripAndMerge() {
        CausalToken t = CausalToken.parse("ds_0=1-100-42;ds_1=2-200-17");
        assertThat(t.positions()).containsEntry("ds_0", new Gtid(1, 100, 42));
        assertThat(CausalToken.parse(t.toString())).isEqualTo(t);
        CausalToken later = new CausalToken(Map.of("ds_0", new Gtid(1, 100, 50)));
        assertThat(t.merge(later).positions().get("ds_0").seq()).isEqualTo(50);
        assertThat(later.merge(t).positions().get("ds_0").seq()).isEqualTo(50);
        assertThat(CausalToken.parse("").isEmpty()).isTrue();
        assertThatThrownBy(() -> CausalToken.parse("ds_0:1-1-1")).hasMessageContaining("group=domain-server-seq");
    }
}

package io.shardline.consistency.ryw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeartbeatTest {

    private final Heartbeat hb = new Heartbeat("shardline_heartbeat", true, 100, 50, 10_000, 1.5);

    @Test
    void windowIsMaxLagTimesFactorPlusIntervalWithinBounds() {
        assertThat(hb.window(0)).isEqualTo(100);        // caught up: one interval
        assertThat(hb.window(1_000)).isEqualTo(1_600);  // 1 s × 1.5 + 100 ms
        assertThat(hb.window(2_000)).isEqualTo(3_100);
        assertThat(hb.window(7_000)).isEqualTo(10_000); // capped
        assertThat(hb.window(-1)).isEqualTo(10_000);    // unknown: the maximum
        Heartbeat tight = new Heartbeat("hb", false, 10, 500, 1_000, 1);
        assertThat(tight.window(0)).isEqualTo(500);     // floor
        assertThat(tight.window(700)).isEqualTo(710);
    }

    @Test
    void lagIsLatestMasterBeatMinusTheReplicasNeverNegative() {
        long master = 1_764_550_000_123_456L;
        assertThat(Heartbeat.lagMillis(master, master)).isZero();
        assertThat(Heartbeat.lagMillis(master, master - 2_000_500)).isEqualTo(2_000);
        // A replica row newer than the master's last beat we saw (we read it before the next beat): 0.
        assertThat(Heartbeat.lagMillis(master, master + 100_000)).isZero();
        assertThat(hb.healthLagMillis(2_000)).isEqualTo(2_100);
    }

    @Test
    void peakHoldsTheLargestLagOverTheHold() {
        PeakLag peak = new PeakLag(2_000);
        long ms = 1_000_000L;
        assertThat(peak.add(0, 100)).isEqualTo(100);
        assertThat(peak.add(500 * ms, 2_000)).isEqualTo(2_000);
        // A whole-second-delayed replica swings down to ~1 s; the peak holds.
        assertThat(peak.add(1_000 * ms, 1_050)).isEqualTo(2_000);
        assertThat(peak.add(2_400 * ms, 1_900)).isEqualTo(2_000);
        assertThat(peak.add(2_600 * ms, 1_000)).isEqualTo(1_900); // the 2,000 sample is older than the hold
        assertThat(peak.add(5_000 * ms, 0)).isZero();             // delay removed: shrinks once the hold passes
    }

    @Test
    void rejectsUnsafeSettings() {
        assertThat(Heartbeat.isIdentifier("shardline_heartbeat")).isTrue();
        assertThat(Heartbeat.isIdentifier("hb; DROP TABLE x")).isFalse();
        assertThatThrownBy(() -> new Heartbeat("a b", true, 100, 50, 100, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Heartbeat("hb", true, 100, 500, 100, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Heartbeat("hb", true, 100, 50, 100, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(hb.peakHoldMillis()).isEqualTo(2_000);
        assertThat(hb.ddl()).isEqualTo("CREATE TABLE IF NOT EXISTS shardline_heartbeat (name VARCHAR(64) NOT NULL "
                + "PRIMARY KEY, ts TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6))");
    }
}

package io.shardline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void showsShareRateAndEta() {
        assertThat(ReconcileCommand.ProgressBar.line(250, 1000, 123.4, Duration.ofSeconds(75)))
                .isEqualTo("[########......................]  25% 250/1000 rows 123 rows/s ETA 1:15");
        assertThat(ReconcileCommand.ProgressBar.line(1000, 1000, 10, Duration.ZERO))
                .startsWith("[##############################] 100% ");
    }
}

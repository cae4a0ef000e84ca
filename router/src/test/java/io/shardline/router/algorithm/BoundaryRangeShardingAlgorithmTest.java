package io.shardline.router.algorithm;

import static io.shardline.router.algorithm.AlgorithmFixtures.standard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoundaryRangeShardingAlgorithmTest {

    static final List<String> TABLES = List.of("t_0", "t_1", "t_2");
    final ShardingAlgorithm range = standard("RANGE", "boundaries", "1000, 2000");

    @Test
    void boundariesStartTheNextShard() {
        assertThat(range.shard(TABLES, "id", -5L)).isEqualTo("t_0");
        assertThat(range.shard(TABLES, "id", 999)).isEqualTo("t_0");
        assertThat(range.shard(TABLES, "id", 1000)).isEqualTo("t_1");
        assertThat(range.shard(TABLES, "id", 1999L)).isEqualTo("t_1");
        assertThat(range.shard(TABLES, "id", 2000L)).isEqualTo("t_2");
        assertThat(range.shard(TABLES, "id", Long.MAX_VALUE)).isEqualTo("t_2");
    }

    @Test
    void rangesPruneToOverlappingShards() {
        assertThat(range.shardRange(TABLES, "id", ValueRange.of(1500, true, 2000, false))).containsExactly("t_1");
        assertThat(range.shardRange(TABLES, "id", ValueRange.closed(1500, 2000))).containsExactly("t_1", "t_2");
        assertThat(range.shardRange(TABLES, "id", ValueRange.atMost(999))).containsExactly("t_0");
        assertThat(range.shardRange(TABLES, "id", ValueRange.lessThan(1000))).containsExactly("t_0");
        assertThat(range.shardRange(TABLES, "id", ValueRange.greaterThan(999))).containsExactly("t_1", "t_2");
        assertThat(range.shardRange(TABLES, "id", ValueRange.all())).isEqualTo(TABLES);
        assertThat(range.shardRange(TABLES, "id", ValueRange.of(5, false, 6, false))).isEmpty();
    }

    @Test
    void boundariesMustBeStrictlyAscendingIntegers() {
        assertThatThrownBy(() -> standard("RANGE", "boundaries", "2000,1000"))
                .hasMessage("boundaries: must be strictly ascending, but 1000 follows 2000");
        assertThatThrownBy(() -> standard("RANGE", "boundaries", "10,,20"))
                .hasMessage("boundaries: empty element in '10,,20'");
        assertThatThrownBy(() -> standard("RANGE", "boundaries", "10,x"))
                .hasMessage("boundaries: 'x' is not an integer");
    }
}

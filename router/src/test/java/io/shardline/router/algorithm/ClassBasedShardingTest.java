package io.shardline.router.algorithm;

import static io.shardline.router.algorithm.AlgorithmFixtures.props;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ClassBasedShardingTest {

    /** A user algorithm: routes to the target whose index is the value's length, with a configured offset. */
    public static final class LengthAlgorithm implements ShardingAlgorithm {
        private int offset;

        @Override
        public void init(Properties props) {
            offset = Integer.parseInt(props.getProperty("offset", "0"));
            if (props.containsKey("className")) {
                throw new IllegalStateException("className must not be passed on");
            }
        }

        @Override
        public String shard(List<String> targets, String column, Object value) {
            return targets.get((value.toString().length() + offset) % targets.size());
        }
    }

    /** Not an algorithm. */
    public static final class NotAnAlgorithm {
    }

    @Test
    void loadsTheUserClassAndPassesTheOtherProps() {
        AlgorithmInstance instance = ShardingAlgorithms.create("class_based",
                props("className", LengthAlgorithm.class.getName(), "offset", "1"));
        assertThat(instance.type()).isEqualTo("CLASS_BASED");
        // "abc" has length 3, +1 = 4, mod 3 targets = 1
        assertThat(instance.standard().orElseThrow().shard(List.of("a", "b", "c"), "k", "abc")).isEqualTo("b");
    }

    @Test
    void usesTheThreadContextClassLoader() {
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        ClassLoader empty = new ClassLoader(null) {
        };
        Thread.currentThread().setContextClassLoader(empty);
        try {
            assertThatThrownBy(() -> ShardingAlgorithms.create("CLASS_BASED",
                    props("className", LengthAlgorithm.class.getName())))
                    .hasMessageContaining("not found by the thread context class loader");
        } finally {
            Thread.currentThread().setContextClassLoader(original);
        }
    }

    @Test
    void missingClassIsAClearError() {
        assertThatThrownBy(() -> ShardingAlgorithms.create("CLASS_BASED", props("className", "com.example.Nope")))
                .isInstanceOfSatisfying(AlgorithmException.class, e -> assertThat(e.property()).contains("className"))
                .hasMessage("className: class 'com.example.Nope' not found by the thread context class loader");
    }

    @Test
    void classThatIsNotAnAlgorithmIsAClearError() {
        assertThatThrownBy(() -> ShardingAlgorithms.create("CLASS_BASED",
                props("className", NotAnAlgorithm.class.getName())))
                .hasMessage("className: class '" + NotAnAlgorithm.class.getName() + "' implements neither "
                        + "io.shardline.router.algorithm.ShardingAlgorithm nor "
                        + "io.shardline.router.algorithm.ComplexShardingAlgorithm");
    }

    @Test
    void missingClassNameAndUnknownTypeAreClearErrors() {
        assertThatThrownBy(() -> ShardingAlgorithms.create("CLASS_BASED", props()))
                .hasMessage("className: required by CLASS_BASED");
        assertThatThrownBy(() -> ShardingAlgorithms.create("MODD", props()))
                .hasMessage("unknown algorithm type 'MODD' (known: CLASS_BASED, COMPLEX_INLINE, HASH_MOD, INLINE,"
                        + " INTERVAL, MOD, RANGE)");
    }
}

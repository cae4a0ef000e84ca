package io.shardline.router.algorithm;

import java.util.Objects;
import java.util.Optional;

/**
 * A configured algorithm as created by {@link ShardingAlgorithms#create}: a single-column
 * {@link ShardingAlgorithm}, a multi-column {@link ComplexShardingAlgorithm}, or (for a user class)
 * both.
 *
 * @param type      the configured type, upper case (e.g. {@code MOD})
 * @param algorithm the initialized instance
 */
public record AlgorithmInstance(String type, Object algorithm) {

    /** Checks that the instance implements at least one of the two interfaces. */
    public AlgorithmInstance {
        Objects.requireNonNull(type, "type");
        if (!(algorithm instanceof ShardingAlgorithm) && !(algorithm instanceof ComplexShardingAlgorithm)) {
            throw new IllegalArgumentException("not a sharding algorithm: " + algorithm);
        }
    }

    /** The single-column form, if the algorithm has one. */
    public Optional<ShardingAlgorithm> standard() {
        return algorithm instanceof ShardingAlgorithm s ? Optional.of(s) : Optional.empty();
    }

    /** The multi-column form, if the algorithm has one. */
    public Optional<ComplexShardingAlgorithm> complex() {
        return algorithm instanceof ComplexShardingAlgorithm c ? Optional.of(c) : Optional.empty();
    }
}

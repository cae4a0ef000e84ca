package io.shardline.router.algorithm;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A multi-column sharding algorithm (strategies configured with {@code columns: [a, b]}).
 *
 * <p>The router passes, per sharding column, the exact values the statement constrains it to
 * ({@code a = 1}, {@code a IN (1, 2)}) and, separately, the ranges. A column absent from both maps
 * is unconstrained. Implementations must be thread-safe after {@link #init(Properties)}.
 */
public interface ComplexShardingAlgorithm {

    /**
     * Configures the algorithm once, before any routing; see {@link ShardingAlgorithm#init(Properties)}.
     *
     * @param props the {@code props} of the algorithm's configuration, never null
     */
    default void init(Properties props) {
    }

    /**
     * Routes a statement constrained on several columns.
     *
     * @param targets     available targets in configuration order, never empty
     * @param exactValues per column, the non-empty collection of exact values it may take
     * @param ranges      per column, the range it is constrained to
     * @return the targets the statement could touch (a subset of {@code targets}); all targets when
     *     the constraints are not enough to prune
     */
    Collection<String> shard(List<String> targets, Map<String, ? extends Collection<?>> exactValues,
            Map<String, ValueRange> ranges);
}

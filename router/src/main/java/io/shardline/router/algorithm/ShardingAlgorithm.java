package io.shardline.router.algorithm;

import java.util.List;
import java.util.Properties;

/**
 * A single-column sharding algorithm: the public extension point for users (configure it with type
 * {@code CLASS_BASED} and {@code props.className}).
 *
 * <p>The router calls it once for the database level (targets are data source names) and once for
 * the table level (targets are the actual tables of one data source). Values arrive as the Java
 * objects the application bound or the parser extracted: {@code Long}, {@code Integer},
 * {@code BigDecimal}, {@code String}, {@code LocalDate}, {@code LocalDateTime}, ...
 *
 * <p>Implementations must be thread-safe after {@link #init(Properties)} and should not allocate
 * needlessly in {@link #shard}: it runs once per statement.
 */
public interface ShardingAlgorithm {

    /**
     * Configures the algorithm once, before any routing. Throw {@link AlgorithmException#invalidProperty}
     * naming the offending property so that configuration errors can point at the YAML line.
     *
     * @param props the {@code props} of the algorithm's configuration, never null
     */
    default void init(Properties props) {
    }

    /**
     * Routes one exact value ({@code column = value} or one element of an IN list).
     *
     * @param targets available targets in configuration order, never empty
     * @param column  the sharding column the value belongs to
     * @param value   the value, never null
     * @return exactly one element of {@code targets}
     * @throws AlgorithmException when the value cannot be routed
     */
    String shard(List<String> targets, String column, Object value);

    /**
     * Routes a range ({@code BETWEEN}, {@code <}, {@code >=}, ...). The default cannot prune and
     * returns every target, which is always correct.
     *
     * @param targets available targets in configuration order, never empty
     * @param column  the sharding column the range belongs to
     * @param range   the range; either bound may be absent
     * @return the targets the range could touch, in {@code targets} order (a subset of {@code targets})
     */
    default List<String> shardRange(List<String> targets, String column, ValueRange range) {
        return targets;
    }
}

package io.shardline.router.keygen;

import java.util.Properties;

/**
 * Generates values for a table's key column when an INSERT leaves it out. Thread-safe after
 * {@link #init(Properties)}.
 */
public interface KeyGenerator {

    /**
     * Configures the generator once; fail with {@link io.shardline.router.algorithm.AlgorithmException#invalidProperty}
     * naming the property.
     */
    default void init(Properties props) {
    }

    /** The next key: a {@code Long} or a {@code String}, never null. */
    Comparable<?> nextKey();
}

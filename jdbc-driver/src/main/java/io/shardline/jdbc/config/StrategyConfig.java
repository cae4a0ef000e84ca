package io.shardline.jdbc.config;

import java.util.List;

/**
 * A database or table strategy: {@code {column: user_id, algorithm: db_mod}} or
 * {@code {columns: [user_id, order_id], algorithm: log_complex}}.
 *
 * @param columns   the sharding columns (one for {@code column})
 * @param complex   whether it was written with {@code columns} (multi-column)
 * @param algorithm the algorithm name
 */
public record StrategyConfig(List<String> columns, boolean complex, String algorithm) {

    /** Copies the columns. */
    public StrategyConfig {
        columns = List.copyOf(columns);
    }
}

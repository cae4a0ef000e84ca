package io.shardline.router.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keys Shardline generated for an INSERT that did not supply its key column, one per row in the statement's
 * row order. The router generates them before routing (the key is often the sharding column), the rewriter
 * splices them into each unit's SQL, and {@code Statement.getGeneratedKeys()} returns them.
 *
 * @param column the key column, as configured
 * @param values one generated value per INSERT row (Long for Snowflake, String for UUID)
 */
public record GeneratedKeys(String column, List<Object> values) {

    public GeneratedKeys {
        if (column == null || column.isEmpty()) {
            throw new IllegalArgumentException("generated keys need a column");
        }
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }
}

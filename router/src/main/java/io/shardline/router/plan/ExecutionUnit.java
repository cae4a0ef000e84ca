package io.shardline.router.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One statement for one data source: the rewritten SQL (the application's text with actual table names
 * and other edits spliced in) and the parameters to bind, in placeholder order.
 *
 * @param dataSource the data source (group) name from the configuration
 * @param sql        the SQL to execute there
 * @param parameters values for its {@code ?} placeholders, in order; elements may be {@code null}
 */
public record ExecutionUnit(String dataSource, String sql, List<Object> parameters) {

    public ExecutionUnit {
        if (dataSource == null || dataSource.isEmpty()) {
            throw new IllegalArgumentException("execution unit needs a data source");
        }
        if (sql == null || sql.isEmpty()) {
            throw new IllegalArgumentException("execution unit for " + dataSource + " needs SQL");
        }
        // List.copyOf refuses nulls, and SQL NULL parameters are ordinary.
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }
}

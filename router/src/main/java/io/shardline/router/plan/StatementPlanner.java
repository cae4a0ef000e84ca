package io.shardline.router.plan;

import java.util.List;

/**
 * Turns one application statement into a {@link RoutePlan}: parse, route, rewrite. The JDBC driver and the
 * proxy call it and execute the plan; it never touches JDBC itself.
 */
public interface StatementPlanner {

    /**
     * Plans a statement.
     *
     * @param sql        the application's SQL, exactly as sent
     * @param parameters bound values for its {@code ?} placeholders, in order (elements may be null)
     * @param context    session state that affects routing (hints, transaction)
     * @return the plan
     * @throws PlanningException when the statement cannot be routed correctly; the message names the construct
     */
    RoutePlan plan(String sql, List<Object> parameters, PlanningContext context);
}

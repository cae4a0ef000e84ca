package io.shardline.router.plan;

import java.util.Optional;

/**
 * The session state a plan depends on, passed explicitly (never a ThreadLocal).
 *
 * @param inTransaction      the logical connection is inside an explicit transaction
 * @param forceMaster        a force-master hint applies to this statement
 * @param forcedDataSource   a hint that forces every unit onto this data source
 */
public record PlanningContext(boolean inTransaction, boolean forceMaster, Optional<String> forcedDataSource) {

    /** Autocommit, no hints. */
    public static final PlanningContext DEFAULT = new PlanningContext(false, false, Optional.empty());
}

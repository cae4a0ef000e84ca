package io.shardline.router.route;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where one copy of a statement runs: a data source, and the actual table that stands for each logical sharded
 * table in it. Tables absent from the map (broadcast and single tables, unknown tables) keep their names.
 *
 * @param dataSource   data source (group) name from the configuration
 * @param actualTables logical table name, lower case → actual table name on that data source
 * @param insertRows   INSERT only: indexes (0-based, ascending) of the statement's VALUES rows this unit
 *                     gets; empty for every other statement and for an INSERT ... SELECT
 */
public record RouteUnit(String dataSource, Map<String, String> actualTables, List<Integer> insertRows) {

    public RouteUnit {
        if (dataSource == null || dataSource.isEmpty()) {
            throw new IllegalArgumentException("route unit needs a data source");
        }
        TreeMap<String, String> lower = new TreeMap<>();
        actualTables.forEach((logic, actual) -> lower.put(logic.toLowerCase(Locale.ROOT), actual));
        actualTables = java.util.Collections.unmodifiableMap(lower);
        insertRows = List.copyOf(insertRows);
    }

    public RouteUnit(String dataSource, Map<String, String> actualTables) {
        this(dataSource, actualTables, List.of());
    }

    /** The actual name for {@code logicTable} here, or the logical name itself when it is not sharded. */
    public String actualTable(String logicTable) {
        return actualTables.getOrDefault(logicTable.toLowerCase(Locale.ROOT), logicTable);
    }
}

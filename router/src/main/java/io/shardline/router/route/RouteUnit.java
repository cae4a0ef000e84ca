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
 * @param inLists      IN lists on a sharding column whose values this unit gets only in part: the shard is sent
 *                     just the values whose rows can live there (no row elsewhere can match the others)
 */
public record RouteUnit(String dataSource, Map<String, String> actualTables, List<Integer> insertRows,
        List<InListCut> inLists) {

    /**
     * One IN list cut down for a unit: {@code predicate} is a top-level conjunct of the WHERE on a sharding
     * column; {@code keptValues} are the indexes (0-based, ascending, never empty) of the values this unit keeps.
     */
    public record InListCut(io.shardline.sql.facts.Predicate.In predicate, List<Integer> keptValues) {
        public InListCut {
            keptValues = List.copyOf(keptValues);
            if (keptValues.isEmpty()) {
                throw new IllegalArgumentException("an IN list cut keeps at least one value");
            }
        }
    }

    public RouteUnit {
        if (dataSource == null || dataSource.isEmpty()) {
            throw new IllegalArgumentException("route unit needs a data source");
        }
        TreeMap<String, String> lower = new TreeMap<>();
        actualTables.forEach((logic, actual) -> lower.put(logic.toLowerCase(Locale.ROOT), actual));
        actualTables = java.util.Collections.unmodifiableMap(lower);
        insertRows = List.copyOf(insertRows);
        inLists = List.copyOf(inLists);
    }

    public RouteUnit(String dataSource, Map<String, String> actualTables, List<Integer> insertRows) {
        this(dataSource, actualTables, insertRows, List.of());
    }

    public RouteUnit(String dataSource, Map<String, String> actualTables) {
        this(dataSource, actualTables, List.of(), List.of());
    }

    /** This unit with the given IN list cuts. */
    public RouteUnit withInLists(List<InListCut> cuts) {
        return new RouteUnit(dataSource, actualTables, insertRows, cuts);
    }

    /** The actual name for {@code logicTable} here, or the logical name itself when it is not sharded. */
    public String actualTable(String logicTable) {
        return actualTables.getOrDefault(logicTable.toLowerCase(Locale.ROOT), logicTable);
    }
}

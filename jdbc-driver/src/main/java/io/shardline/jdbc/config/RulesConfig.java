package io.shardline.jdbc.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code rules} section.
 *
 * @param tables            sharded tables by logical name, in document order
 * @param bindingGroups     groups of sharded tables that are co-located
 * @param broadcastTables   tables copied to every data source
 * @param singleTables      unsharded tables on the default data source
 * @param defaultDataSource where single tables live
 * @param algorithms        sharding algorithms by name
 * @param keyGenerators     key generators by name
 */
public record RulesConfig(Map<String, TableConfig> tables, List<List<String>> bindingGroups,
        List<String> broadcastTables, List<String> singleTables, Optional<String> defaultDataSource,
        Map<String, AlgorithmConfig> algorithms, Map<String, AlgorithmConfig> keyGenerators) {

    /** No rules: every table is unsharded. */
    public static final RulesConfig EMPTY = new RulesConfig(Map.of(), List.of(), List.of(), List.of(),
            Optional.empty(), Map.of(), Map.of());
}

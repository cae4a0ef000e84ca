package io.shardline.jdbc.config;

import java.util.Optional;

/**
 * One sharded table.
 *
 * @param name             the logical table
 * @param dataNodes        the data-node expression(s), e.g. {@code ds_${0..1}.t_order_${0..3}} (a YAML
 *                         list is joined with commas)
 * @param databaseStrategy how to pick the data source; empty means every data source of the nodes
 * @param tableStrategy    how to pick the actual table; empty means every table of the data source
 * @param keyGenerator     key generation, if any
 */
public record TableConfig(String name, String dataNodes, Optional<StrategyConfig> databaseStrategy,
        Optional<StrategyConfig> tableStrategy, Optional<KeyGenerateConfig> keyGenerator) {
}

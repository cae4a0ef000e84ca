package io.shardline.router.route;

import io.shardline.router.algorithm.ComplexShardingAlgorithm;
import io.shardline.router.algorithm.ShardingAlgorithm;
import io.shardline.router.algorithm.ShardingAlgorithms;
import io.shardline.router.keygen.KeyGenerator;
import io.shardline.router.rule.KeyGeneration;
import io.shardline.router.rule.ShardingRule;
import io.shardline.router.rule.ShardingStrategy;
import io.shardline.router.rule.TableRule;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one rule every route test runs against. Work expected routes out from this description:
 *
 * <pre>
 * data sources      ds_0, ds_1, ds_2 (default data source ds_0)
 * t_order           ds_${0..1}.t_order_${0..1}       db: user_id % 2 (MOD)   table: order_id % 2 (MOD)
 *                   key generation order_id: 1000, 1001, 1002, ... (fresh per rule)
 * t_order_item      ds_${0..1}.t_order_item_${0..1}  same strategies, bound to t_order;
 *                   key generation item_id: 5000, 5001, ... (not a sharding column)
 * t_user            ds_0.t_user_${[0,2]}, ds_1.t_user_${[1,3]}
 *                   db: user_id % 2 (MOD)   table: INLINE t_user_${user_id % 4}   (not bound)
 * t_range           ds_${0..2}.t_range_${0..1}       db: RANGE on id, boundaries 1000,2000
 *                   (id &lt; 1000 → ds_0, 1000..1999 → ds_1, ≥ 2000 → ds_2)   table: id % 2 (MOD)
 * t_log             ds_1.t_log_${['202401'..'202406']} db: NONE   table: INTERVAL on create_time, monthly,
 *                   2024-01-01 00:00:00 .. 2024-06-30 23:59:59, suffix yyyyMM
 * t_complex         ds_${0..1}.t_complex_${0..1}     db: COMPLEX_INLINE ds_${(user_id + merchant_id) % 2} on
 *                   [user_id, merchant_id]   table: order_id % 2 (MOD)
 * t_spread          ds_0.t_spread_${0..1}, ds_1.t_spread_${2..3}   db: NONE   table: id % 4 (MOD) over all four
 *                   (the data source follows from the table)
 * t_sku             ds_0.t_sku_${0..3}   db: NONE   table: HASH_MOD(4) on the string column sku (general_ci key)
 * t_config          broadcast
 * t_single          single (on the default data source ds_0)
 * </pre>
 */
final class RouteTestRule {

    private RouteTestRule() {
    }

    /** A fresh rule (fresh key counters), so every case sees keys 1000, 1001, ... from its first row. */
    static ShardingRule create() {
        ShardingStrategy byUser = ShardingStrategy.standard("user_id", "db_mod2", mod(2));
        ShardingStrategy byOrder = ShardingStrategy.standard("order_id", "tbl_mod2", mod(2));
        TableRule order = TableRule.builder("t_order").dataNodes("ds_${0..1}.t_order_${0..1}")
                .databaseStrategy(byUser).tableStrategy(byOrder)
                .keyGeneration(new KeyGeneration("order_id", "counter", counter(1000))).build();
        TableRule item = TableRule.builder("t_order_item").dataNodes("ds_${0..1}.t_order_item_${0..1}")
                .databaseStrategy(byUser).tableStrategy(byOrder)
                .keyGeneration(new KeyGeneration("item_id", "counter", counter(5000))).build();
        TableRule user = TableRule.builder("t_user").dataNodes("ds_0.t_user_${[0,2]}, ds_1.t_user_${[1,3]}")
                .databaseStrategy(byUser)
                .tableStrategy(ShardingStrategy.standard("user_id", "user_inline",
                        standard("INLINE", "expression", "t_user_${user_id % 4}")))
                .build();
        TableRule range = TableRule.builder("t_range").dataNodes("ds_${0..2}.t_range_${0..1}")
                .databaseStrategy(ShardingStrategy.standard("id", "range_db", standard("RANGE", "boundaries", "1000,2000")))
                .tableStrategy(ShardingStrategy.standard("id", "tbl_mod2", mod(2)))
                .build();
        TableRule log = TableRule.builder("t_log")
                .dataNodes("ds_1.t_log_${['202401','202402','202403','202404','202405','202406']}")
                .tableStrategy(ShardingStrategy.standard("create_time", "month", standard("INTERVAL",
                        "datetimeLower", "2024-01-01 00:00:00", "datetimeUpper", "2024-06-30 23:59:59",
                        "unit", "MONTH", "suffixPattern", "yyyyMM")))
                .build();
        TableRule complex = TableRule.builder("t_complex").dataNodes("ds_${0..1}.t_complex_${0..1}")
                .databaseStrategy(ShardingStrategy.complex(List.of("user_id", "merchant_id"), "cx_db",
                        complex("COMPLEX_INLINE", "expression", "ds_${(user_id + merchant_id) % 2}")))
                .tableStrategy(byOrder)
                .build();
        TableRule spread = TableRule.builder("t_spread").dataNodes("ds_0.t_spread_${0..1}, ds_1.t_spread_${2..3}")
                .tableStrategy(ShardingStrategy.standard("id", "mod4", mod(4)))
                .build();
        TableRule sku = TableRule.builder("t_sku").dataNodes("ds_0.t_sku_${0..3}")
                .tableStrategy(ShardingStrategy.standard("sku", "sku_hash", standard("HASH_MOD", "shardingCount", "4")))
                .build();
        return ShardingRule.builder()
                .dataSources("ds_0", "ds_1", "ds_2")
                .table(order).table(item).table(user).table(range).table(log).table(complex).table(spread).table(sku)
                .bindingGroup("t_order", "t_order_item")
                .broadcastTables(List.of("t_config"))
                .singleTables(List.of("t_single"))
                .defaultDataSource("ds_0")
                .build();
    }

    static KeyGenerator counter(long first) {
        AtomicLong next = new AtomicLong(first);
        return next::getAndIncrement;
    }

    static ShardingAlgorithm mod(int count) {
        return standard("MOD", "shardingCount", Integer.toString(count));
    }

    static ShardingAlgorithm standard(String type, String... keyValues) {
        return ShardingAlgorithms.create(type, props(keyValues)).standard().orElseThrow();
    }

    static ComplexShardingAlgorithm complex(String type, String... keyValues) {
        return ShardingAlgorithms.create(type, props(keyValues)).complex().orElseThrow();
    }

    static Properties props(String... keyValues) {
        Properties props = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }
}

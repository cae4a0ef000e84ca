package io.shardline.jdbc.execute;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.consistency.ryw.ServerFlavor;
import io.shardline.jdbc.config.DataSourceConfig;
import io.shardline.jdbc.config.NodeConfig;
import io.shardline.jdbc.config.PoolConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardPoolsTest {

    @Test
    void connectorJDefaultsAreAddedUnlessTheUrlSetsThem() {
        assertThat(ShardPools.withDefaults("jdbc:mysql://h:3306/db")).isEqualTo("jdbc:mysql://h:3306/db?"
                + "cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048&useServerPrepStmts=false"
                + "&useLocalSessionState=true&cacheServerConfiguration=true&rewriteBatchedStatements=true");
        String own = ShardPools.withDefaults("jdbc:mysql://h/db?sslMode=DISABLED&cachePrepStmts=false&USELOCALSESSIONSTATE=false");
        assertThat(own).startsWith("jdbc:mysql://h/db?sslMode=DISABLED&cachePrepStmts=false&USELOCALSESSIONSTATE=false&")
                .contains("prepStmtCacheSize=250").doesNotContain("cachePrepStmts=true")
                .doesNotContain("useLocalSessionState=true");
        assertThat(ShardPools.withDefaults("jdbc:mariadb://h/db")).isEqualTo("jdbc:mariadb://h/db");
    }

    @Test
    void addressesNameHostAndPort() {
        assertThat(ShardPools.address("jdbc:mysql://127.0.0.1:3316/shop_1?x=1")).isEqualTo("127.0.0.1:3316");
        assertThat(ShardPools.address("jdbc:mysql://db.example/shop")).isEqualTo("db.example:3306");
        assertThat(ShardPools.address("jdbc:mysql://user:pw@h:1/x")).isEqualTo("h:1");
    }

    @Test
    void theFlavorIsConfiguredOrDetectedOnlyWhenSplittingNeedsIt() {
        NodeConfig unreachable = new NodeConfig("jdbc:mysql://127.0.0.1:1/none?connectTimeout=2000", "u", "");
        assertThat(ShardPools.flavor(config(unreachable, DataSourceConfig.Flavor.MYSQL), true))
                .isEqualTo(ServerFlavor.MYSQL);
        assertThat(ShardPools.flavor(config(unreachable, DataSourceConfig.Flavor.MARIADB), true))
                .isEqualTo(ServerFlavor.MARIADB);
        assertThat(ShardPools.flavor(config(unreachable, DataSourceConfig.Flavor.AUTO), false))
                .as("no read/write splitting: nothing to detect").isEqualTo(ServerFlavor.MARIADB);
        assertThat(ShardPools.flavor(config(unreachable, DataSourceConfig.Flavor.AUTO), true))
                .as("unreachable master: the safe default, its pool reports the failure").isEqualTo(ServerFlavor.MARIADB);
    }

    private static DataSourceConfig config(NodeConfig master, DataSourceConfig.Flavor flavor) {
        return new DataSourceConfig("ds_0", master, List.of(), PoolConfig.DEFAULTS, flavor);
    }
}

package io.shardline.jdbc.execute;

import static org.assertj.core.api.Assertions.assertThat;

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
}

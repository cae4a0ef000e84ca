package io.shardline.consistency.binlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BinlogEndpointTest {

    private static BinlogEndpoint of(String url) {
        return new BinlogEndpoint("ds_0", url, "repl", "secret", 10_001);
    }

    @Test
    void hostPortAndDatabaseComeFromTheJdbcUrl() {
        BinlogEndpoint e = of("jdbc:mysql://10.0.0.2:3307/shop_0?useSSL=false&password=x");
        assertThat(e.host()).isEqualTo("10.0.0.2");
        assertThat(e.port()).isEqualTo(3307);
        assertThat(e.database()).isEqualTo("shop_0");
        assertThat(e.describe()).isEqualTo("ds_0/10.0.0.2:3307");
        assertThat(e.toString()).doesNotContain("secret");
    }

    @Test
    void defaultsAndUserInfo() {
        BinlogEndpoint e = of("jdbc:mariadb://app@db.example?x=1");
        assertThat(e.host()).isEqualTo("db.example");
        assertThat(e.port()).isEqualTo(3306);
        assertThat(e.database()).isEmpty();
        assertThatThrownBy(() -> of("jdbc:mysql:nohost").host()).hasMessageContaining("ds_0");
    }
}

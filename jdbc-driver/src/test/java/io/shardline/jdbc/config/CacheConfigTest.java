package io.shardline.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheConfigTest {

    private static final String BASE = "dataSources:\n  ds_0: {master: {url: \"jdbc:mysql://h/db0\", username: u}}\n";

    @Test
    void fullExampleDocumentsEveryCacheKey() {
        CacheConfig cache = ShardlineConfig.loadClasspath("config/full-example.yaml").cache();
        assertThat(cache.enabled()).isTrue();
        assertThat(cache.tables().get("t_order").keyColumns()).containsExactly("order_id");
        assertThat(cache.tables().get("t_order").ttlMillis()).isEqualTo(30_000);
        assertThat(cache.tables().get("t_order").maximumSize()).isEqualTo(100_000);
        assertThat(cache.binlog()).isEqualTo(new CacheConfig.Binlog(true, "repl", "repl-s3cret", 20_000, 200));
        assertThat(cache.binlog().toString()).doesNotContain("repl-s3cret");
    }

    @Test
    void withoutTheSectionNothingIsCachedAndDefaultsFillTheRest() {
        assertThat(ShardlineConfig.parse(BASE, "t.yaml").cache()).isSameAs(CacheConfig.NONE);
        assertThat(CacheConfig.NONE.enabled()).isFalse();
        CacheConfig cache = ShardlineConfig.parse(BASE + "cache:\n  tables:\n    t_user: {keyColumns: [ID], ttlMs: 5}\n",
                "t.yaml").cache();
        assertThat(cache.tables().get("t_user").keyColumns()).as("lower case").containsExactly("id");
        assertThat(cache.tables().get("t_user").maximumSize()).isEqualTo(10_000);
        assertThat(cache.binlog()).isEqualTo(CacheConfig.Binlog.DEFAULTS);
    }
}

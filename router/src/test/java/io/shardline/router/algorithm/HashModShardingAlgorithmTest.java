package io.shardline.router.algorithm;

import static io.shardline.router.algorithm.AlgorithmFixtures.standard;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashModShardingAlgorithmTest {

    static final List<String> TABLES = List.of("t_0", "t_1", "t_2", "t_3");

    @Test
    void fnv1aMatchesPublishedTestVectors() {
        // Reference values from the FNV specification's test suite (draft-eastlake-fnv).
        assertThat(HashModShardingAlgorithm.fnv1a("")).isEqualTo(0x811C9DC5);
        assertThat(HashModShardingAlgorithm.fnv1a("a")).isEqualTo(0xE40C292C);
        assertThat(HashModShardingAlgorithm.fnv1a("foobar")).isEqualTo(0xBF9CF968);
    }

    @Test
    void decimalFastPathHashesTheSameBytesAsTheString() {
        for (long v : new long[] {0, 7, 10, 99, 100, 123456789, -42, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(HashModShardingAlgorithm.fnv1aDecimal(v)).as("value %d", v)
                    .isEqualTo(HashModShardingAlgorithm.fnv1a(Long.toString(v)));
        }
    }

    @Test
    void utf8EncodingIsHashedByteByByte() {
        // "é" is C3 A9 in UTF-8; hash those two bytes by hand.
        int h = 0x811C9DC5;
        h = (h ^ 0xC3) * 0x01000193;
        h = (h ^ 0xA9) * 0x01000193;
        assertThat(HashModShardingAlgorithm.fnv1a("é")).isEqualTo(h);
    }

    @Test
    void finalizerIsMurmur3Fmix32() {
        assertThat(HashModShardingAlgorithm.fmix32(0)).isZero();
        int h = 1;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        assertThat(HashModShardingAlgorithm.fmix32(1)).isEqualTo(h);
    }

    @Test
    void equalSqlValuesOfDifferentJavaTypesLandOnTheSameShard() {
        ShardingAlgorithm hash = standard("HASH_MOD", "shardingCount", "4");
        String expected = "t_" + Integer.toUnsignedLong(
                HashModShardingAlgorithm.fmix32(HashModShardingAlgorithm.fnv1a("7"))) % 4;
        assertThat(hash.shard(TABLES, "k", 7)).isEqualTo(expected);
        assertThat(hash.shard(TABLES, "k", 7L)).isEqualTo(expected);
        assertThat(hash.shard(TABLES, "k", "7")).isEqualTo(expected);
        assertThat(hash.shard(TABLES, "k", new BigDecimal("7.00"))).isEqualTo(expected);
    }

    @Test
    void spreadsSequentialKeysEvenly() {
        ShardingAlgorithm hash = standard("HASH_MOD", "shardingCount", "4");
        int[] counts = new int[4];
        for (long id = 0; id < 40_000; id++) {
            counts[Integer.parseInt(hash.shard(TABLES, "k", id).substring(2))]++;
        }
        for (int count : counts) {
            assertThat(count).isBetween(9_500, 10_500);
        }
        int[] stringCounts = new int[4];
        for (int i = 0; i < 40_000; i++) {
            stringCounts[Integer.parseInt(hash.shard(TABLES, "k", "user-" + i).substring(2))]++;
        }
        for (int count : stringCounts) {
            assertThat(count).isBetween(9_500, 10_500);
        }
    }

    @Test
    void rangesTouchEveryTarget() {
        ShardingAlgorithm hash = standard("HASH_MOD", "shardingCount", "4");
        assertThat(hash.shardRange(TABLES, "k", ValueRange.closed(1, 2))).isEqualTo(TABLES);
    }

    @Test
    void stringsEqualUnderGeneralCiLandOnTheSameShard() {
        // found by sql-compat: WHERE sku = 'sku-0042' missed the row stored as 'SKU-0042' on a _general_ci column
        ShardingAlgorithm hash = standard("HASH_MOD", "shardingCount", "4");
        String expected = hash.shard(TABLES, "k", "SKU-0042");
        assertThat(hash.shard(TABLES, "k", "sku-0042")).isEqualTo(expected);
        assertThat(hash.shard(TABLES, "k", "Sku-0042  ")).isEqualTo(expected);
        assertThat(hash.shard(TABLES, "k", "Zürich")).isEqualTo(hash.shard(TABLES, "k", "zurich"));
        assertThat(hash.shard(TABLES, "k", "7")).isEqualTo(hash.shard(TABLES, "k", 7));
    }

    @Test
    void binaryCollationKeepsCaseButDropsTrailingSpaces() {
        ShardingAlgorithm hash = standard("HASH_MOD", "shardingCount", "4", "collation", "utf8mb4_bin");
        assertThat(hash.shard(TABLES, "k", "abc ")).isEqualTo(hash.shard(TABLES, "k", "abc"));
        String expected = "t_" + Integer.toUnsignedLong(
                HashModShardingAlgorithm.fmix32(HashModShardingAlgorithm.fnv1a("user-1"))) % 4;
        assertThat(hash.shard(TABLES, "k", "user-1")).isEqualTo(expected);
    }

    @Test
    void ucaCollationIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> standard("HASH_MOD", "shardingCount", "4", "collation", "utf8mb4_unicode_ci"))
                .hasMessageContaining("utf8mb4_unicode_ci").hasMessageContaining("collation");
    }
}

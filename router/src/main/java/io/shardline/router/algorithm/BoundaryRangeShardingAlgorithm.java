package io.shardline.router.algorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code RANGE}: strictly ascending integer {@code boundaries} (e.g. {@code 1000,2000}) cut the number
 * line into {@code boundaries + 1} shards: {@code v < 1000} → suffix 0, {@code 1000 <= v < 2000} →
 * suffix 1, {@code v >= 2000} → suffix 2 (suffix rule in {@link ShardingValues}). Values must be
 * integral. Ranges prune to the shards they overlap.
 */
public final class BoundaryRangeShardingAlgorithm implements ShardingAlgorithm {

    /** The type name used in configuration. */
    public static final String TYPE = "RANGE";

    private long[] boundaries;

    @Override
    public void init(Properties props) {
        AlgorithmProperties p = AlgorithmProperties.of(TYPE, props).allowOnly("boundaries");
        List<Long> list = p.requiredLongList("boundaries");
        long[] parsed = new long[list.size()];
        for (int i = 0; i < parsed.length; i++) {
            parsed[i] = list.get(i);
            if (i > 0 && parsed[i] <= parsed[i - 1]) {
                throw AlgorithmException.invalidProperty("boundaries",
                        "must be strictly ascending, but " + parsed[i] + " follows " + parsed[i - 1]);
            }
        }
        boundaries = parsed;
    }

    /** The number of shards, boundaries + 1. */
    public int shardCount() {
        return boundaries.length + 1;
    }

    @Override
    public String shard(List<String> targets, String column, Object value) {
        return ShardingValues.targetWithSuffix(targets, shardOf(ShardingValues.toLong(value, TYPE)), TYPE, value);
    }

    private int shardOf(long v) {
        // Linear: boundary lists are short, and this allocates nothing.
        int shard = 0;
        while (shard < boundaries.length && v >= boundaries[shard]) {
            shard++;
        }
        return shard;
    }

    @Override
    public List<String> shardRange(List<String> targets, String column, ValueRange range) {
        long low = Long.MIN_VALUE;
        long high = Long.MAX_VALUE;
        if (range.hasLower()) {
            if (!ShardingValues.isIntegral(range.lower())) {
                return targets;
            }
            low = ShardingValues.toLong(range.lower(), TYPE);
            if (!range.lowerInclusive()) {
                if (low == Long.MAX_VALUE) {
                    return List.of();
                }
                low++;
            }
        }
        if (range.hasUpper()) {
            if (!ShardingValues.isIntegral(range.upper())) {
                return targets;
            }
            high = ShardingValues.toLong(range.upper(), TYPE);
            if (!range.upperInclusive()) {
                if (high == Long.MIN_VALUE) {
                    return List.of();
                }
                high--;
            }
        }
        if (high < low) {
            return List.of();
        }
        int first = shardOf(low);
        int last = shardOf(high);
        List<String> result = new ArrayList<>();
        for (String target : targets) {
            long suffix = ShardingValues.suffixOf(target);
            if (suffix >= first && suffix <= last) {
                result.add(target);
            }
        }
        return result;
    }
}

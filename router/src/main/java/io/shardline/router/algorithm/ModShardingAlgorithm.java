package io.shardline.router.algorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code MOD}: {@code floorMod(value, shardingCount)} picks the target with that numeric suffix (see
 * {@link ShardingValues} for the suffix rule). Values must be integral. Props: {@code shardingCount}
 * (required, ≥ 1). A closed integer range narrower than {@code shardingCount} prunes to the residues
 * it covers; wider or open ranges touch every target.
 */
public final class ModShardingAlgorithm implements ShardingAlgorithm {

    /** The type name used in configuration. */
    public static final String TYPE = "MOD";

    private long shardingCount;

    @Override
    public void init(Properties props) {
        AlgorithmProperties p = AlgorithmProperties.of(TYPE, props).allowOnly("shardingCount");
        shardingCount = p.requiredLong("shardingCount", 1, Integer.MAX_VALUE);
    }

    /** The configured modulus. */
    public long shardingCount() {
        return shardingCount;
    }

    @Override
    public String shard(List<String> targets, String column, Object value) {
        long residue = Math.floorMod(ShardingValues.toLong(value, TYPE), shardingCount);
        return ShardingValues.targetWithSuffix(targets, residue, TYPE, value);
    }

    @Override
    public List<String> shardRange(List<String> targets, String column, ValueRange range) {
        if (!range.hasLower() || !range.hasUpper()
                || !ShardingValues.isIntegral(range.lower()) || !ShardingValues.isIntegral(range.upper())) {
            return targets;
        }
        long low = ShardingValues.toLong(range.lower(), TYPE) + (range.lowerInclusive() ? 0 : 1);
        long high = ShardingValues.toLong(range.upper(), TYPE) - (range.upperInclusive() ? 0 : 1);
        if (high < low) {
            return List.of();
        }
        // Overflow-safe "high - low + 1 >= shardingCount".
        if (high - low >= shardingCount - 1 || high - low < 0) {
            return targets;
        }
        boolean[] hit = new boolean[(int) shardingCount];
        for (long v = low; v <= high; v++) {
            hit[(int) Math.floorMod(v, shardingCount)] = true;
        }
        List<String> result = new ArrayList<>();
        for (String target : targets) {
            long suffix = ShardingValues.suffixOf(target);
            if (suffix >= 0 && suffix < shardingCount && hit[(int) suffix]) {
                result.add(target);
            }
        }
        return result;
    }
}

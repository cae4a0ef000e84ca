package io.shardline.router.algorithm;

import io.shardline.router.merge.Collation;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * {@code HASH_MOD}: hashes the value's canonical string and picks the target whose numeric suffix is
 * {@code hash mod shardingCount}. Works for any value type {@link ShardingValues#canonical} knows, so
 * {@code 7}, {@code 7L}, {@code "7"} and {@code 7.00} land on the same shard.
 *
 * <p><b>The hash, fixed forever</b> (changing it moves data): take the UTF-8 bytes of the canonical
 * string; compute 32-bit FNV-1a (offset basis {@code 0x811C9DC5}, prime {@code 0x01000193}); then
 * apply the MurmurHash3 32-bit finalizer ({@code h ^= h>>>16; h *= 0x85EBCA6B; h ^= h>>>13;
 * h *= 0xC2B2AE35; h ^= h>>>16}) so low bits depend on every byte; read the result as an unsigned
 * 32-bit integer. It uses only integer arithmetic and no JVM-provided hash codes, so every JVM agrees.
 * Ranges cannot be pruned.
 *
 * <p><b>Strings hash by their collation key</b>, because the database compares them by collation: under the
 * default {@code utf8mb4_general_ci} a query for {@code 'sku-0042'} must find the row stored as
 * {@code 'SKU-0042'}, and {@code 'Zürich'} the row {@code 'zurich '}. So a string is first replaced by one
 * character per general_ci weight with trailing spaces dropped ({@link Collation#groupKey}), then hashed as
 * above; strings the database treats as equal land on one shard. The prop {@code collation} says how the
 * sharding column compares: {@code utf8mb4_general_ci} (the default; also right for {@code _bin} columns,
 * which only see fewer values as equal) or {@code binary} / {@code *_bin} (exact code points, trailing spaces
 * dropped as PAD SPACE does). UCA collations ({@code *_unicode_ci}, {@code *_0900_*}) are refused: their
 * equality is not reproduced yet, and a route that misses equal strings returns wrong answers.
 */
public final class HashModShardingAlgorithm implements ShardingAlgorithm {

    /** The type name used in configuration. */
    public static final String TYPE = "HASH_MOD";

    private static final int FNV_OFFSET = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;

    private long shardingCount;
    private Collation collation = Collation.GENERAL_CI;

    @Override
    public void init(Properties props) {
        AlgorithmProperties p = AlgorithmProperties.of(TYPE, props).allowOnly("shardingCount", "collation");
        shardingCount = p.requiredLong("shardingCount", 1, Integer.MAX_VALUE);
        String name = p.optionalString("collation");
        if (name != null) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.equals("binary") || n.endsWith("_bin")) {
                collation = Collation.BINARY;
            } else if (n.endsWith("_general_ci")) {
                collation = Collation.GENERAL_CI;
            } else {
                throw AlgorithmException.invalidProperty("collation", "'" + name + "' is not supported by " + TYPE
                        + "; supported: *_general_ci (the default), *_bin, binary (UCA collations such as *_unicode_ci"
                        + " are not reproduced yet)");
            }
        }
    }

    @Override
    public String shard(List<String> targets, String column, Object value) {
        Object key = value instanceof String s ? collation.groupKey(s) : value;
        long residue = Integer.toUnsignedLong(hash(key)) % shardingCount;
        return ShardingValues.targetWithSuffix(targets, residue, TYPE, value);
    }

    /** The documented hash of a value's canonical string (see the class comment). */
    public static int hash(Object value) {
        int h;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            // Same bytes as the decimal string, without building it.
            h = fnv1aDecimal(((Number) value).longValue());
        } else if (value instanceof String s) {
            h = fnv1a(s);
        } else {
            h = fnv1a(ShardingValues.canonical(value));
        }
        return fmix32(h);
    }

    /** 32-bit FNV-1a of the UTF-8 encoding of {@code s}. */
    static int fnv1a(String s) {
        int h = FNV_OFFSET;
        for (int i = 0, n = s.length(); i < n; i++) {
            int c = s.charAt(i);
            if (c < 0x80) {
                h = (h ^ c) * FNV_PRIME;
            } else if (c < 0x800) {
                h = (h ^ (0xC0 | (c >> 6))) * FNV_PRIME;
                h = (h ^ (0x80 | (c & 0x3F))) * FNV_PRIME;
            } else if (Character.isHighSurrogate((char) c) && i + 1 < n
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint((char) c, s.charAt(++i));
                h = (h ^ (0xF0 | (cp >> 18))) * FNV_PRIME;
                h = (h ^ (0x80 | ((cp >> 12) & 0x3F))) * FNV_PRIME;
                h = (h ^ (0x80 | ((cp >> 6) & 0x3F))) * FNV_PRIME;
                h = (h ^ (0x80 | (cp & 0x3F))) * FNV_PRIME;
            } else {
                if (Character.isSurrogate((char) c)) {
                    c = '?'; // what String.getBytes(UTF_8) emits for a lone surrogate
                    h = (h ^ c) * FNV_PRIME;
                    continue;
                }
                h = (h ^ (0xE0 | (c >> 12))) * FNV_PRIME;
                h = (h ^ (0x80 | ((c >> 6) & 0x3F))) * FNV_PRIME;
                h = (h ^ (0x80 | (c & 0x3F))) * FNV_PRIME;
            }
        }
        return h;
    }

    /** 32-bit FNV-1a of the ASCII decimal representation of {@code v}. */
    static int fnv1aDecimal(long v) {
        if (v == Long.MIN_VALUE) {
            return fnv1a(Long.toString(v));
        }
        int h = FNV_OFFSET;
        if (v < 0) {
            h = (h ^ '-') * FNV_PRIME;
            v = -v;
        }
        long divisor = 1;
        while (divisor <= v / 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            int digit = (int) (v / divisor % 10);
            h = (h ^ ('0' + digit)) * FNV_PRIME;
        }
        return h;
    }

    /** The MurmurHash3 32-bit finalizer. */
    static int fmix32(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}

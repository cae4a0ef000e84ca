package io.shardline.router.keygen;

import io.shardline.router.algorithm.AlgorithmProperties;
import java.util.Properties;
import java.util.UUID;

/**
 * {@code UUID}: random (version 4) UUIDs as 32 lower-case hex digits without dashes, which fits a
 * {@code CHAR(32)} column. No props.
 */
public final class UuidKeyGenerator implements KeyGenerator {

    /** The type name used in configuration. */
    public static final String TYPE = "UUID";

    @Override
    public void init(Properties props) {
        AlgorithmProperties.of(TYPE, props).allowOnly();
    }

    @Override
    public Comparable<?> nextKey() {
        UUID uuid = UUID.randomUUID();
        return hex(uuid.getMostSignificantBits()) + hex(uuid.getLeastSignificantBits());
    }

    private static String hex(long bits) {
        String digits = Long.toHexString(bits);
        return "0".repeat(16 - digits.length()) + digits;
    }
}

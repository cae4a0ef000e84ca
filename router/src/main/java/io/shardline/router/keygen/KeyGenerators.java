package io.shardline.router.keygen;

import io.shardline.router.algorithm.AlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** Creates key generators from their configured type name and props. */
public final class KeyGenerators {

    /** Every type name, as shown in error messages. */
    public static final List<String> TYPES = List.of(SnowflakeKeyGenerator.TYPE, UuidKeyGenerator.TYPE);

    private KeyGenerators() {
    }

    /**
     * Creates and initializes a generator.
     *
     * @throws AlgorithmException for an unknown type, or from {@code init}, naming the property
     */
    public static KeyGenerator create(String type, Properties props) {
        String normalized = type == null ? "" : type.trim().toUpperCase(Locale.ROOT);
        KeyGenerator generator;
        switch (normalized) {
            case SnowflakeKeyGenerator.TYPE:
                generator = new SnowflakeKeyGenerator();
                break;
            case UuidKeyGenerator.TYPE:
                generator = new UuidKeyGenerator();
                break;
            default:
                throw AlgorithmException.config("unknown key generator type '" + type + "' (known: "
                        + String.join(", ", TYPES) + ")", null);
        }
        Properties copy = new Properties();
        if (props != null) {
            copy.putAll(props);
        }
        generator.init(copy);
        return generator;
    }
}

package io.shardline.jdbc.config;

import java.util.Map;
import java.util.Properties;

/**
 * A named algorithm or key generator definition.
 *
 * @param name  the name strategies and tables refer to
 * @param type  the type, e.g. {@code MOD}, {@code INLINE}, {@code SNOWFLAKE}
 * @param props its properties as strings, in document order (lists are joined with commas)
 */
public record AlgorithmConfig(String name, String type, Map<String, String> props) {

    /** Copies the props. */
    public AlgorithmConfig {
        props = Map.copyOf(props);
    }

    /** The props as {@link Properties}, as algorithms take them. */
    public Properties properties() {
        Properties properties = new Properties();
        properties.putAll(props);
        return properties;
    }
}

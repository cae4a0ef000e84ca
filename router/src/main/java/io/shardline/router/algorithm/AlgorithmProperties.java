package io.shardline.router.algorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed values out of an algorithm's {@code props}, failing with an {@link AlgorithmException}
 * that names the property. Public so that user algorithms can validate the same way.
 */
public final class AlgorithmProperties {

    private final String owner;
    private final Properties props;

    private AlgorithmProperties(String owner, Properties props) {
        this.owner = owner;
        this.props = props;
    }

    /**
     * @param owner the algorithm type, used in messages (e.g. {@code MOD})
     * @param props the properties to read
     */
    public static AlgorithmProperties of(String owner, Properties props) {
        return new AlgorithmProperties(owner, props == null ? new Properties() : props);
    }

    /** Fails on any property not in {@code known}; typos must not be silently ignored. */
    public AlgorithmProperties allowOnly(String... known) {
        Set<String> allowed = Set.of(known);
        for (String name : new TreeSet<>(props.stringPropertyNames())) {
            if (!allowed.contains(name)) {
                throw AlgorithmException.invalidProperty(name,
                        "unknown property of " + owner + " (known: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    /** A required, non-blank string. */
    public String requiredString(String name) {
        String value = props.getProperty(name);
        if (value == null || value.isBlank()) {
            throw AlgorithmException.invalidProperty(name, "required by " + owner);
        }
        return value.trim();
    }

    /** An optional string; null when absent or blank. */
    public String optionalString(String name) {
        String value = props.getProperty(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A required integer within {@code [min, max]}. */
    public long requiredLong(String name, long min, long max) {
        return parseLong(name, requiredString(name), min, max);
    }

    /** An optional integer within {@code [min, max]}, else the default. */
    public long optionalLong(String name, long defaultValue, long min, long max) {
        String value = optionalString(name);
        return value == null ? defaultValue : parseLong(name, value, min, max);
    }

    /** A required comma-separated list of integers. */
    public List<Long> requiredLongList(String name) {
        String value = requiredString(name);
        List<Long> result = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                throw AlgorithmException.invalidProperty(name, "empty element in '" + value + "'");
            }
            result.add(parseLong(name, trimmed, Long.MIN_VALUE, Long.MAX_VALUE));
        }
        return result;
    }

    private static long parseLong(String name, String value, long min, long max) {
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw AlgorithmException.invalidProperty(name, "'" + value + "' is not an integer");
        }
        if (parsed < min || parsed > max) {
            throw AlgorithmException.invalidProperty(name, parsed + " is out of range ["
                    + (min == Long.MIN_VALUE ? "-inf" : String.valueOf(min)) + ", "
                    + (max == Long.MAX_VALUE ? "+inf" : String.valueOf(max)) + "]");
        }
        return parsed;
    }
}

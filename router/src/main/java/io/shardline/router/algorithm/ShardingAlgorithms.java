package io.shardline.router.algorithm;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Creates algorithms from their configured type name and props; the one place built-in types are
 * wired (see the class of each type for its props).
 */
public final class ShardingAlgorithms {

    /** {@code CLASS_BASED}: a user class named by {@code props.className}. */
    public static final String CLASS_BASED = "CLASS_BASED";

    /** Every type name, sorted, as shown in error messages. */
    public static final List<String> TYPES = List.of(CLASS_BASED, ComplexInlineShardingAlgorithm.TYPE,
            HashModShardingAlgorithm.TYPE, InlineShardingAlgorithm.TYPE, IntervalShardingAlgorithm.TYPE,
            ModShardingAlgorithm.TYPE, BoundaryRangeShardingAlgorithm.TYPE);

    private ShardingAlgorithms() {
    }

    /**
     * Creates and initializes an algorithm.
     *
     * @param type  a type name from {@link #TYPES}, case-insensitive
     * @param props its props (not modified)
     * @throws AlgorithmException for an unknown type, or from the algorithm's {@code init}, naming the property
     */
    public static AlgorithmInstance create(String type, Properties props) {
        String normalized = type == null ? "" : type.trim().toUpperCase(Locale.ROOT);
        Properties copy = new Properties();
        if (props != null) {
            copy.putAll(props);
        }
        Object algorithm;
        switch (normalized) {
            case "MOD":
                algorithm = new ModShardingAlgorithm();
                break;
            case "HASH_MOD":
                algorithm = new HashModShardingAlgorithm();
                break;
            case "RANGE":
                algorithm = new BoundaryRangeShardingAlgorithm();
                break;
            case "INLINE":
                algorithm = new InlineShardingAlgorithm();
                break;
            case "INTERVAL":
                algorithm = new IntervalShardingAlgorithm();
                break;
            case "COMPLEX_INLINE":
                algorithm = new ComplexInlineShardingAlgorithm();
                break;
            case CLASS_BASED:
                algorithm = instantiate(copy);
                break;
            default:
                throw AlgorithmException.config("unknown algorithm type '" + type + "' (known: "
                        + String.join(", ", TYPES) + ")", null);
        }
        try {
            if (algorithm instanceof ShardingAlgorithm s) {
                s.init(copy);
            } else {
                ((ComplexShardingAlgorithm) algorithm).init(copy);
            }
        } catch (AlgorithmException e) {
            throw e;
        } catch (RuntimeException e) {
            // A user's init threw something else: keep it, but say whose it was.
            throw AlgorithmException.config(normalized + " algorithm " + algorithm.getClass().getName()
                    + " failed to initialize: " + e, e);
        }
        return new AlgorithmInstance(normalized, algorithm);
    }

    /**
     * Loads {@code props.className} with the thread context class loader (falling back to this
     * library's loader) and removes {@code className} from the props the instance will see.
     */
    private static Object instantiate(Properties props) {
        String className = props.getProperty("className");
        if (className == null || className.isBlank()) {
            throw AlgorithmException.invalidProperty("className", "required by CLASS_BASED");
        }
        className = className.trim();
        props.remove("className");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ShardingAlgorithms.class.getClassLoader();
        }
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw AlgorithmException.invalidProperty("className", "class '" + className
                    + "' not found by the thread context class loader", e);
        }
        if (!ShardingAlgorithm.class.isAssignableFrom(type) && !ComplexShardingAlgorithm.class.isAssignableFrom(type)) {
            throw AlgorithmException.invalidProperty("className", "class '" + className + "' implements neither "
                    + ShardingAlgorithm.class.getName() + " nor " + ComplexShardingAlgorithm.class.getName());
        }
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw AlgorithmException.invalidProperty("className", "class '" + className
                    + "' has no public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw AlgorithmException.invalidProperty("className", "constructor of '" + className + "' failed: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw AlgorithmException.invalidProperty("className", "cannot instantiate '" + className + "': " + e, e);
        }
    }
}

package io.shardline.testkit.junit;

import io.shardline.testkit.Topology;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 side of {@link TestTopology}: starts (or reuses) the topology, creates the class's database,
 * resolves {@link Topology} and {@link TestDatabase} parameters and cleans up. Shared topologies live in
 * the root context's store, so JUnit stops them when the whole run ends (and the testkit's shutdown hook
 * does if the JVM ends first).
 */
public final class TopologyExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TopologyExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        TestTopology shape = shapeOf(context);
        Topology topology = shape.shared() ? shared(context, shape) : own(context, shape);
        String database = databaseName(context.getRequiredTestClass());
        topology.createDatabase(database);
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(Topology.class, topology);
        store.put(TestDatabase.class, new TestDatabase(database, topology));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        TestDatabase database = store.get(TestDatabase.class, TestDatabase.class);
        if (database == null) {
            return;
        }
        boolean allUp = database.topology().nodes().stream().allMatch(n -> n.isRunning());
        if (allUp) {
            database.topology().dropDatabase(database.name());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Topology.class || type == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Object value = context.getStore(NAMESPACE).get(type);
        if (value == null) {
            throw new ParameterResolutionException("No " + type.getSimpleName() + " for " + context.getDisplayName()
                    + ": is the class annotated with @TestTopology?");
        }
        return value;
    }

    private static Topology shared(ExtensionContext context, TestTopology shape) {
        String key = "shared-" + shape.groups() + "x" + shape.replicas();
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(key, k -> new ClosingTopology(start(shape)), ClosingTopology.class)
                .topology();
    }

    private static Topology own(ExtensionContext context, TestTopology shape) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent("own", k -> new ClosingTopology(start(shape)), ClosingTopology.class)
                .topology();
    }

    private static Topology start(TestTopology shape) {
        return Topology.builder().groups(shape.groups()).replicasPerGroup(shape.replicas()).start();
    }

    private static TestTopology shapeOf(ExtensionContext context) {
        Optional<Class<?>> type = context.getTestClass();
        while (type.isPresent()) {
            Optional<TestTopology> found = AnnotationSupport.findAnnotation(type.get(), TestTopology.class);
            if (found.isPresent()) {
                return found.get();
            }
            type = Optional.ofNullable(type.get().getEnclosingClass());
        }
        throw new ExtensionConfigurationException(
                "TopologyExtension needs @TestTopology on " + context.getDisplayName() + " or an enclosing class");
    }

    /** {@code t_<simple name>_<hash of the full name>}: readable, unique per class, at most 64 characters. */
    static String databaseName(Class<?> testClass) {
        String simple = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String hash = Integer.toHexString(testClass.getName().hashCode());
        String prefix = "t_" + simple;
        if (prefix.length() > 64 - hash.length() - 1) {
            prefix = prefix.substring(0, 64 - hash.length() - 1);
        }
        return prefix + "_" + hash;
    }

    /** Lets JUnit's store stop a topology when its scope ends. */
    private record ClosingTopology(Topology topology) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            topology.close();
        }
    }
}

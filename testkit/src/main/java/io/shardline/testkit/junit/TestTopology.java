package io.shardline.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a real MariaDB topology. Test methods (and lifecycle methods) may declare
 * parameters of type {@link io.shardline.testkit.Topology} and {@link TestDatabase}; the class gets a
 * database of its own, created on every master before its first test and dropped after its last.
 *
 * <pre>{@code
 * @TestTopology(groups = 2, replicas = 1)
 * class OrdersIT {
 *     @Test
 *     void readsBack(Topology topology, TestDatabase db) throws SQLException { ... }
 * }
 * }</pre>
 *
 * A shared topology (the default) is started once per shape and test run and serves every class that
 * asks for the same shape; such classes must not kill, restart, delay or pause nodes. Classes that do
 * ask for {@code shared = false} and get a topology of their own, stopped after the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TopologyExtension.class)
public @interface TestTopology {

    /** Number of master groups. */
    int groups() default 2;

    /** Replicas per master group. */
    int replicas() default 1;

    /** Share the topology with other classes of the same shape (read the class Javadoc before turning off). */
    boolean shared() default true;
}

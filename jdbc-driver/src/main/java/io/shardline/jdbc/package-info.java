/**
 * The JDBC face of Shardline: {@link io.shardline.jdbc.ShardlineDataSource} (from YAML or a builder), the
 * {@code java.sql.Driver} for {@code jdbc:shardline:<file>} and {@code jdbc:shardline:classpath:<resource>} URLs,
 * and the logical {@code Connection}, {@code Statement} and {@code PreparedStatement}. Each statement is planned
 * ({@link io.shardline.router.plan.StatementPlanner}) and the plan run by {@link io.shardline.jdbc.execute}.
 * Methods Shardline does not support throw {@link java.sql.SQLFeatureNotSupportedException} naming themselves,
 * from the generated {@code Unsupported*Operations} base classes.
 */
package io.shardline.jdbc;

package io.shardline.router.rule;

import io.shardline.router.algorithm.ComplexShardingAlgorithm;
import io.shardline.router.algorithm.ShardingAlgorithm;
import java.util.List;
import java.util.Objects;

/**
 * How one level (database or table) of a sharded table picks its targets: which columns, which
 * algorithm. {@link None} means the level is not sharded: every target of that level is used.
 */
public sealed interface ShardingStrategy {

    /** The kinds of strategy. */
    enum Kind {
        /** Not sharded at this level: statements go to every target of the level. */
        NONE,
        /** One column, a {@link ShardingAlgorithm}. */
        STANDARD,
        /** Several columns, a {@link ComplexShardingAlgorithm}. */
        COMPLEX
    }

    /** The strategy's kind. */
    Kind kind();

    /** The sharding columns, in configuration order; empty for {@link None}. */
    List<String> columns();

    /** The configured algorithm name; empty for {@link None}. */
    String algorithmName();

    /** The strategy of an unsharded level. */
    static ShardingStrategy none() {
        return None.INSTANCE;
    }

    /** A single-column strategy. */
    static ShardingStrategy standard(String column, String algorithmName, ShardingAlgorithm algorithm) {
        return new Standard(column, algorithmName, algorithm);
    }

    /** A multi-column strategy. */
    static ShardingStrategy complex(List<String> columns, String algorithmName, ComplexShardingAlgorithm algorithm) {
        return new Complex(columns, algorithmName, algorithm);
    }

    /** Not sharded at this level. */
    final class None implements ShardingStrategy {
        static final None INSTANCE = new None();

        private None() {
        }

        @Override
        public Kind kind() {
            return Kind.NONE;
        }

        @Override
        public List<String> columns() {
            return List.of();
        }

        @Override
        public String algorithmName() {
            return "";
        }

        @Override
        public String toString() {
            return "NONE";
        }
    }

    /**
     * One sharding column.
     *
     * @param column        the sharding column
     * @param algorithmName the algorithm's configured name
     * @param algorithm     the algorithm
     */
    record Standard(String column, String algorithmName, ShardingAlgorithm algorithm) implements ShardingStrategy {
        /** Requires every field. */
        public Standard {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(algorithmName, "algorithmName");
            Objects.requireNonNull(algorithm, "algorithm");
            if (column.isBlank()) {
                throw new IllegalArgumentException("sharding column is blank");
            }
        }

        @Override
        public Kind kind() {
            return Kind.STANDARD;
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public String toString() {
            return "STANDARD(" + column + ", " + algorithmName + ")";
        }
    }

    /**
     * Several sharding columns.
     *
     * @param columns       the sharding columns, at least one, no duplicates
     * @param algorithmName the algorithm's configured name
     * @param algorithm     the algorithm
     */
    record Complex(List<String> columns, String algorithmName, ComplexShardingAlgorithm algorithm)
            implements ShardingStrategy {
        /** Requires every field and distinct, non-blank columns. */
        public Complex {
            columns = List.copyOf(columns);
            Objects.requireNonNull(algorithmName, "algorithmName");
            Objects.requireNonNull(algorithm, "algorithm");
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("complex strategy needs at least one column");
            }
            if (columns.stream().anyMatch(String::isBlank) || columns.stream().distinct().count() != columns.size()) {
                throw new IllegalArgumentException("complex strategy columns must be distinct and non-blank: " + columns);
            }
        }

        @Override
        public Kind kind() {
            return Kind.COMPLEX;
        }

        @Override
        public String toString() {
            return "COMPLEX(" + columns + ", " + algorithmName + ")";
        }
    }
}

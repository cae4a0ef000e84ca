package io.shardline.sql.facts;

import java.util.List;

/**
 * The WHERE condition as a tree the router can evaluate: AND/OR structure is kept exactly, leaves the router can use
 * are typed, and everything else is {@link Other} (so an OR with an {@code Other} branch cannot be pruned).
 */
public sealed interface Predicate
        permits Predicate.And, Predicate.Or, Predicate.Comparison, Predicate.In, Predicate.Between, Predicate.Other {

    /** All children hold. */
    record And(List<Predicate> children) implements Predicate {
        public And {
            children = List.copyOf(children);
        }
    }

    /** At least one child holds. */
    record Or(List<Predicate> children) implements Predicate {
        public Or {
            children = List.copyOf(children);
        }
    }

    /** {@code column op value} where the value is a parameter or extracted literal. */
    record Comparison(ColumnRef column, ComparisonOperator operator, Value value) implements Predicate {
    }

    /** {@code column IN (v1, v2, ...)}; every value is a parameter or extracted literal. */
    record In(ColumnRef column, List<Value> values) implements Predicate {
        public In {
            values = List.copyOf(values);
        }
    }

    /** {@code column BETWEEN low AND high}. */
    record Between(ColumnRef column, Value low, Value high) implements Predicate {
    }

    /** A condition the router cannot use (LIKE, NOT, functions, column = column, subqueries ...). */
    record Other(String description) implements Predicate {
    }
}

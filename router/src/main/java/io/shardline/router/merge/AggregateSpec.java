package io.shardline.router.merge;

/**
 * One aggregate column of a merge.
 *
 * @param function     what to compute
 * @param outputColumn the column whose merged value this sets
 * @param inputColumn  the shard column read: the partial aggregate itself for COUNT, SUM, MIN and MAX;
 *                     the derived SUM for AVG; the derived value column for COUNT_DISTINCT
 * @param countColumn  AVG only: the derived COUNT column; -1 otherwise
 * @param collation    how strings compare for MIN, MAX and COUNT_DISTINCT
 */
public record AggregateSpec(AggregateFunction function, int outputColumn, int inputColumn, int countColumn,
        Collation collation) {

    public AggregateSpec {
        if (function == AggregateFunction.AVG && countColumn < 0) {
            throw new IllegalArgumentException("AVG needs a derived COUNT column");
        }
        if (collation == null) {
            throw new IllegalArgumentException("aggregate needs a collation (BINARY for non-strings)");
        }
    }

    /** COUNT, SUM, MIN or MAX whose partial value sits in the output column itself. */
    public static AggregateSpec of(AggregateFunction function, int column, Collation collation) {
        if (function == AggregateFunction.AVG || function == AggregateFunction.COUNT_DISTINCT) {
            throw new IllegalArgumentException(function + " needs derived columns; use avg() or countDistinct()");
        }
        return new AggregateSpec(function, column, column, -1, collation);
    }

    public static AggregateSpec avg(int outputColumn, int sumColumn, int countColumn) {
        return new AggregateSpec(AggregateFunction.AVG, outputColumn, sumColumn, countColumn, Collation.BINARY);
    }

    public static AggregateSpec countDistinct(int outputColumn, int valueColumn, Collation collation) {
        return new AggregateSpec(AggregateFunction.COUNT_DISTINCT, outputColumn, valueColumn, -1, collation);
    }
}

package io.shardline.router.merge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One group being merged: the first row's values for plain columns and an accumulator per aggregate. */
final class GroupState {
    /** MariaDB's default {@code div_precision_increment}: AVG of DECIMAL gets this many more digits. */
    private static final int DIV_PRECISION_INCREMENT = 4;

    private final Object[] row;
    private final List<AggregateSpec> aggregates;
    private final Accumulator[] accumulators;

    GroupState(int columnCount, List<AggregateSpec> aggregates) {
        this.row = new Object[columnCount];
        this.aggregates = aggregates;
        this.accumulators = new Accumulator[aggregates.size()];
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i] = Accumulator.of(aggregates.get(i));
        }
    }

    /** Starts the group from its first row. */
    GroupState first(RowCursor cursor) {
        for (int c = 0; c < row.length; c++) {
            row[c] = cursor.value(c);
        }
        add(cursor);
        return this;
    }

    void add(RowCursor cursor) {
        for (Accumulator accumulator : accumulators) {
            accumulator.add(cursor);
        }
    }

    /** The merged row: plain columns from the first row, aggregates computed. */
    Object[] finish() {
        for (int i = 0; i < accumulators.length; i++) {
            row[aggregates.get(i).outputColumn()] = accumulators[i].result();
        }
        return row;
    }

    private abstract static class Accumulator {
        final AggregateSpec spec;

        Accumulator(AggregateSpec spec) {
            this.spec = spec;
        }

        static Accumulator of(AggregateSpec spec) {
            return switch (spec.function()) {
                case COUNT -> new Count(spec);
                case SUM -> new Sum(spec);
                case MIN -> new Extreme(spec, -1);
                case MAX -> new Extreme(spec, 1);
                case AVG -> new Avg(spec);
                case COUNT_DISTINCT -> new CountDistinct(spec);
            };
        }

        abstract void add(RowCursor cursor);

        abstract Object result();
    }

    private static final class Count extends Accumulator {
        private long count;

        Count(AggregateSpec spec) {
            super(spec);
        }

        @Override
        void add(RowCursor cursor) {
            Object v = cursor.value(spec.inputColumn());
            if (v != null) {
                count += ((Number) v).longValue();
            }
        }

        @Override
        Object result() {
            return count;
        }
    }

    /**
     * Adds numbers keeping the shards' type: DECIMAL sums stay exact {@code BigDecimal}, DOUBLE sums stay
     * {@code Double}, integer sums stay {@code Long}; a mix is promoted as MariaDB would type the column.
     */
    private static final class NumberSum {
        private static final int INTEGRAL = 1;
        private static final int DECIMAL = 2;
        private static final int FLOATING = 3;

        private int kind;
        private long integral;
        private BigDecimal decimal = BigDecimal.ZERO;
        private double floating;

        void add(Number n) {
            int k = n instanceof Double || n instanceof Float ? FLOATING : Values.isIntegral(n) ? INTEGRAL : DECIMAL;
            kind = Math.max(kind, k);
            if (k == FLOATING) {
                floating += n.doubleValue();
            } else if (k == INTEGRAL) {
                integral = Math.addExact(integral, n.longValue());
            } else {
                decimal = decimal.add(Values.decimal(n));
            }
        }

        boolean isEmpty() {
            return kind == 0;
        }

        Number value() {
            return switch (kind) {
                case INTEGRAL -> integral;
                case DECIMAL -> decimal.add(BigDecimal.valueOf(integral));
                default -> floating + decimal.doubleValue() + integral;
            };
        }
    }

    private static final class Sum extends Accumulator {
        private final NumberSum sum = new NumberSum();

        Sum(AggregateSpec spec) {
            super(spec);
        }

        @Override
        void add(RowCursor cursor) {
            Object v = cursor.value(spec.inputColumn());
            if (v != null) {
                sum.add((Number) v);
            }
        }

        @Override
        Object result() {
            return sum.isEmpty() ? null : sum.value();
        }
    }

    private static final class Extreme extends Accumulator {
        private final int sign;
        private Object best;

        Extreme(AggregateSpec spec, int sign) {
            super(spec);
            this.sign = sign;
        }

        @Override
        void add(RowCursor cursor) {
            Object v = cursor.value(spec.inputColumn());
            if (v != null && (best == null || sign * Values.compare(v, best, spec.collation()) > 0)) {
                best = v;
            }
        }

        @Override
        Object result() {
            return best;
        }
    }

    private static final class Avg extends Accumulator {
        private final NumberSum sum = new NumberSum();
        private long count;

        Avg(AggregateSpec spec) {
            super(spec);
        }

        @Override
        void add(RowCursor cursor) {
            Object s = cursor.value(spec.inputColumn());
            Object c = cursor.value(spec.countColumn());
            if (s != null) {
                sum.add((Number) s);
            }
            if (c != null) {
                count += ((Number) c).longValue();
            }
        }

        @Override
        Object result() {
            if (count == 0 || sum.isEmpty()) {
                return null;
            }
            Number total = sum.value();
            if (total instanceof Double) {
                return total.doubleValue() / count;
            }
            BigDecimal decimal = Values.decimal(total);
            int scale = Math.min(38, Math.max(0, decimal.scale()) + DIV_PRECISION_INCREMENT);
            return decimal.divide(BigDecimal.valueOf(count), scale, RoundingMode.HALF_UP);
        }
    }

    private static final class CountDistinct extends Accumulator {
        private final Set<Object> seen = new HashSet<>();

        CountDistinct(AggregateSpec spec) {
            super(spec);
        }

        @Override
        void add(RowCursor cursor) {
            Object v = cursor.value(spec.inputColumn());
            if (v != null) {
                seen.add(Values.groupKey(v, spec.collation()));
            }
        }

        @Override
        Object result() {
            return (long) seen.size();
        }
    }
}

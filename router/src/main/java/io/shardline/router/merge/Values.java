package io.shardline.router.merge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Comparison and grouping of column values the way MariaDB does it, for merges. */
final class Values {

    /** Stands for SQL NULL in group keys: NULLs form one group, and one DISTINCT value. */
    private static final Object NULL_KEY = new Object() {
        @Override
        public String toString() {
            return "NULL";
        }
    };

    private Values() {
    }

    /** Orders two values of one column; NULL is the smallest value, as in MariaDB. */
    static int compare(Object a, Object b, Collation collation) {
        if (a == b) {
            return 0;
        }
        if (a == null) {
            return -1;
        }
        if (b == null) {
            return 1;
        }
        if (a instanceof String sa && b instanceof String sb) {
            return collation.compare(sa, sb);
        }
        if (a instanceof Number na && b instanceof Number nb) {
            return compareNumbers(na, nb);
        }
        if (a instanceof byte[] ba && b instanceof byte[] bb) {
            return Arrays.compareUnsigned(ba, bb);
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable) {
            @SuppressWarnings("unchecked")
            Comparable<Object> ca = (Comparable<Object>) a;
            return ca.compareTo(b);
        }
        throw new IllegalStateException("Cannot order " + a.getClass().getName() + " against "
                + b.getClass().getName() + " in one merged column");
    }

    static int compare(RowCursor a, RowCursor b, SortKey[] keys) {
        for (SortKey key : keys) {
            int c = compare(a.value(key.column()), b.value(key.column()), key.collation());
            if (c != 0) {
                return key.descending() ? -c : c;
            }
        }
        return 0;
    }

    static int compare(Object[] a, Object[] b, SortKey[] keys) {
        for (SortKey key : keys) {
            int c = compare(a[key.column()], b[key.column()], key.collation());
            if (c != 0) {
                return key.descending() ? -c : c;
            }
        }
        return 0;
    }

    private static int compareNumbers(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (a instanceof Double || a instanceof Float || b instanceof Double || b instanceof Float) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return decimal(a).compareTo(decimal(b));
    }

    static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (isIntegral(n)) {
            return BigDecimal.valueOf(n.longValue());
        }
        return BigDecimal.valueOf(n.doubleValue());
    }

    /** A key equal for values that compare equal: 1, 1L and 1.00 group together; so do 'a' and 'A' under _ci. */
    static Object groupKey(Object v, Collation collation) {
        if (v == null) {
            return NULL_KEY;
        }
        if (v instanceof String s) {
            return collation.groupKey(s);
        }
        if (v instanceof Number n) {
            if (isIntegral(n)) {
                return n.longValue();
            }
            if (n instanceof Double || n instanceof Float) {
                double d = n.doubleValue();
                return d == 0.0 ? 0.0 : d; // -0.0 groups with 0.0
            }
            BigDecimal d = decimal(n);
            return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }
        if (v instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        return v;
    }

    /** A hashable multi-column key. */
    record Key(Object[] parts) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(parts, k.parts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(parts);
        }

        @Override
        public String toString() {
            return Arrays.toString(parts);
        }
    }
}

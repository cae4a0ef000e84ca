package io.shardline.router.rewrite;

import io.shardline.sql.ParsedStatement;
import io.shardline.sql.facts.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/** A LIMIT value, literal or parameter, as the whole number the merge counts with. */
public final class LimitValues {

    private LimitValues() {
    }

    /**
     * The value of {@code value}, a LIMIT offset or row count of {@code statement}.
     *
     * @throws IllegalArgumentException naming what the value is when it is not a whole number of at least 0: an
     *     expression, NULL, a string (one database refuses a quoted LIMIT value too, and Connector/J sends a string
     *     parameter quoted), a fraction, a negative number
     */
    public static BigInteger of(ParsedStatement statement, Value value, List<Object> parameters) {
        if (value instanceof Value.Expression) {
            throw new IllegalArgumentException("LIMIT with an expression");
        }
        Object v = statement.resolve(value, parameters)
                .orElseThrow(() -> new IllegalArgumentException("LIMIT value NULL"));
        BigInteger b;
        if (v instanceof BigInteger big) {
            b = big;
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            b = BigInteger.valueOf(((Number) v).longValue());
        } else if (v instanceof BigDecimal decimal) {
            try {
                b = decimal.toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("LIMIT value " + v + " is not an integer");
            }
        } else if (v instanceof String) {
            throw new IllegalArgumentException("LIMIT value '" + v + "' is a string, not an integer");
        } else {
            throw new IllegalArgumentException("LIMIT value " + v + " is not an integer");
        }
        if (b.signum() < 0) {
            throw new IllegalArgumentException("negative LIMIT value " + b);
        }
        return b;
    }
}

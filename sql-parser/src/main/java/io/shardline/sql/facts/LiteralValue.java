package io.shardline.sql.facts;

/**
 * The typed value of one extracted literal of one statement.
 *
 * @param type lexical type
 * @param value decoded value: {@code String} for strings (escapes resolved, introducer dropped), {@code Long} or
 *     {@code java.math.BigInteger} for integers, {@code java.math.BigDecimal} for decimals, {@code Double} for numbers
 *     with an exponent, {@code byte[]} for hex literals, {@code Long} (or {@code BigInteger} beyond 63 bits) for
 *     bit literals
 * @param start offset of the literal in the original text (including a folded minus sign)
 * @param end offset after the literal
 */
public record LiteralValue(Type type, Object value, int start, int end) {

    /** The literal's type. */
    public enum Type {
        /** A quoted string. */
        STRING,
        /** An integer. */
        INTEGER,
        /** A fixed-point number. */
        DECIMAL,
        /** A floating-point number (with exponent). */
        DOUBLE,
        /** A hexadecimal literal. */
        HEX,
        /** A bit literal. */
        BIT
    }
}

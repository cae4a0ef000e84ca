package io.shardline.consistency.ryw;

import io.shardline.router.merge.Collation;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Canonical form of a key value, so that the same row written with {@code setInt(5)} and read with
 * {@code setString("5")} or {@code setLong(5L)} is one tracked key. Numbers that are integers become {@link Long};
 * strings that spell an integer too; other strings become their {@code utf8mb4_general_ci} weight string (case,
 * accents and trailing spaces fold as MariaDB's default collation compares), so near-equal strings may share an
 * entry: that costs a master read, never a stale one.
 */
public final class KeyValues {

    private KeyValues() {
    }

    /** The canonical value, or null for SQL NULL (which no equality matches). */
    public static Object canonical(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b.toString();
        }
        if (value instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            if (s.scale() <= 0 && s.precision() - s.scale() < 19) {
                return s.longValueExact();
            }
            return s.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            if (v == Math.rint(v) && Math.abs(v) < 9.0e18) {
                return (long) v;
            }
            return Double.toString(v);
        }
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof byte[] bytes) {
            StringBuilder hex = new StringBuilder(bytes.length * 2 + 2).append("0x");
            for (byte x : bytes) {
                hex.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
            }
            return hex.toString();
        }
        String s = value.toString();
        Long integer = integer(s);
        if (integer != null) {
            return integer;
        }
        // The weight string under utf8mb4_general_ci (MariaDB's default): case, accents and trailing spaces fold
        // exactly as the server compares. For _bin columns this is coarser than the column, which is safe.
        return Collation.GENERAL_CI.groupKey(s);
    }

    private static Long integer(String s) {
        int n = s.length();
        if (n == 0 || n > 19) {
            return null;
        }
        int i = s.charAt(0) == '-' ? 1 : 0;
        if (i == n) {
            return null;
        }
        for (int k = i; k < n; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package io.shardline.jdbc.execute;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Binds a planned parameter value to a shard statement. */
public final class Parameters {

    private Parameters() {
    }

    /**
     * Binds {@code value} at {@code index} (1-based). Temporal values with a fraction of a second go as text
     * ({@code 2024-01-02 03:04:05.123456}), which the server converts exactly: Connector/J 9.x takes MariaDB 10.x
     * (handshake version {@code 5.5.5-10.x}) for a server without fractional seconds and drops them from
     * {@code LocalDateTime}, {@code LocalTime} and {@code Timestamp} parameters, whatever
     * {@code sendFractionalSeconds} says. Whole seconds keep Connector/J's own binding.
     *
     * <p>A {@code Timestamp} is written as the JVM's wall-clock time, which is what Connector/J sends with its
     * default {@code connectionTimeZone=LOCAL}; with another {@code connectionTimeZone} in the node URL,
     * bind {@code LocalDateTime} values instead. {@code Instant}, {@code OffsetDateTime} and
     * {@code ZonedDateTime} are left to Connector/J (its zone conversion applies, and so does its truncation).
     */
    public static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof LocalDateTime t && t.getNano() != 0) {
            ps.setString(index, text(t));
        } else if (value instanceof Timestamp t && t.getNanos() != 0) {
            // Connector/J sends a Timestamp as the JVM's local wall time by default, as toLocalDateTime does.
            ps.setString(index, text(t.toLocalDateTime()));
        } else if (value instanceof LocalTime t && t.getNano() != 0) {
            ps.setString(index, t.toString());
        } else {
            ps.setObject(index, value);
        }
    }

    private static String text(LocalDateTime t) {
        // ISO text with a space: the MariaDB/MySQL literal form; seconds are always printed when nanos != 0.
        String iso = t.toString();
        return iso.replace('T', ' ');
    }
}

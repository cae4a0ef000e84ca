package io.shardline.jdbc.resultset;

import java.time.LocalTime;

/**
 * A TIME value as a merge holds it: MariaDB's TIME is a signed duration ({@code -838:59:59} to
 * {@code 838:59:59}), which {@code java.sql.Time} cannot hold, so every TIME value of a merged column is kept as
 * the server's text plus its signed length in nanoseconds. One class for every value keeps a column comparable
 * across shards (in-range values as {@code java.sql.Time} and others as text could not be ordered together), and
 * ordering by the length is the server's order.
 */
public final class ServerTime implements Comparable<ServerTime> {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;

    private final String text;
    private final long nanos;

    private ServerTime(String text, long nanos) {
        this.text = text;
        this.nanos = nanos;
    }

    /** Parses the server's text: {@code [-]H+:MM:SS[.fraction]}. */
    public static ServerTime parse(String text) {
        String t = text.trim();
        boolean negative = t.startsWith("-");
        String body = negative ? t.substring(1) : t;
        String[] parts = body.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a TIME value: '" + text + "'");
        }
        String seconds = parts[2];
        long fraction = 0;
        int dot = seconds.indexOf('.');
        if (dot >= 0) {
            String digits = (seconds.substring(dot + 1) + "000000000").substring(0, 9);
            fraction = Long.parseLong(digits);
            seconds = seconds.substring(0, dot);
        }
        long total = (Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60 + Long.parseLong(seconds))
                * NANOS_PER_SECOND + fraction;
        return new ServerTime(text, negative ? -total : total);
    }

    /** The value as a time of day, when it is one (0 to 24 hours). */
    public boolean isTimeOfDay() {
        return nanos >= 0 && nanos < NANOS_PER_DAY;
    }

    /** The time of day; only when {@link #isTimeOfDay()}. */
    public LocalTime toLocalTime() {
        return LocalTime.ofNanoOfDay(nanos);
    }

    @Override
    public int compareTo(ServerTime other) {
        return Long.compare(nanos, other.nanos);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerTime other && other.nanos == nanos;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(nanos);
    }

    /** The server's text, as Connector/J's {@code getString} returns it. */
    @Override
    public String toString() {
        return text;
    }
}

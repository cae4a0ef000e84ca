package io.shardline.router.algorithm;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * {@code INTERVAL}: time-based shards. Interval {@code i} covers
 * {@code [datetimeLower + i*amount unit, datetimeLower + (i+1)*amount unit)} up to the interval that
 * contains {@code datetimeUpper}; its target is the one whose name ends with the interval start
 * formatted by {@code suffixPattern} (a {@link DateTimeFormatter} pattern such as {@code yyyyMM}),
 * the character before the suffix not being a digit.
 *
 * <p>Props: {@code datetimeLower}, {@code datetimeUpper} (required; {@code yyyy-MM-dd},
 * {@code yyyy-MM-dd HH:mm:ss} or ISO {@code yyyy-MM-ddTHH:mm:ss}), {@code unit} ({@code DAY} or
 * {@code MONTH}, required), {@code amount} (≥ 1, default 1), {@code suffixPattern} (required; must give
 * every interval a distinct suffix). Values: {@code LocalDateTime}, {@code LocalDate},
 * {@code java.sql.Timestamp}, {@code java.sql.Date}, or strings in the formats above. Values outside
 * [lower, upper] cannot be routed; ranges prune to the intervals they overlap.
 */
public final class IntervalShardingAlgorithm implements ShardingAlgorithm {

    /** The type name used in configuration. */
    public static final String TYPE = "INTERVAL";

    /** Guards against a typo like a DAY unit over a century building a huge suffix table. */
    static final int MAX_INTERVALS = 100_000;


    private LocalDateTime lower;
    private LocalDateTime upper;
    private ChronoUnit unit;
    private long amount;
    private String[] suffixes;

    @Override
    public void init(Properties props) {
        AlgorithmProperties p = AlgorithmProperties.of(TYPE, props)
                .allowOnly("datetimeLower", "datetimeUpper", "unit", "amount", "suffixPattern");
        lower = parseProperty(p, "datetimeLower");
        upper = parseProperty(p, "datetimeUpper");
        if (upper.isBefore(lower)) {
            throw AlgorithmException.invalidProperty("datetimeUpper",
                    "'" + upper + "' is before datetimeLower '" + lower + "'");
        }
        String unitName = p.requiredString("unit").toUpperCase(Locale.ROOT);
        switch (unitName) {
            case "DAY":
            case "DAYS":
                unit = ChronoUnit.DAYS;
                break;
            case "MONTH":
            case "MONTHS":
                unit = ChronoUnit.MONTHS;
                break;
            default:
                throw AlgorithmException.invalidProperty("unit", "'" + unitName + "' is not DAY or MONTH");
        }
        amount = p.optionalLong("amount", 1, 1, 10_000);
        String pattern = p.requiredString("suffixPattern");
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw AlgorithmException.invalidProperty("suffixPattern",
                    "'" + pattern + "' is not a valid date-time pattern: " + e.getMessage(), e);
        }
        long count = unit.between(lower, upper) / amount + 1;
        if (count > MAX_INTERVALS) {
            throw AlgorithmException.invalidProperty("datetimeUpper",
                    "gives " + count + " intervals; at most " + MAX_INTERVALS + " are allowed");
        }
        suffixes = new String[(int) count];
        Map<String, LocalDateTime> seen = new HashMap<>();
        for (int i = 0; i < count; i++) {
            LocalDateTime start = lower.plus(i * amount, unit);
            String suffix;
            try {
                suffix = formatter.format(start);
            } catch (DateTimeException e) {
                throw AlgorithmException.invalidProperty("suffixPattern",
                        "'" + pattern + "' cannot format a local date-time: " + e.getMessage(), e);
            }
            if (suffix.isEmpty()) {
                throw AlgorithmException.invalidProperty("suffixPattern", "'" + pattern + "' gives an empty suffix");
            }
            LocalDateTime previous = seen.putIfAbsent(suffix, start);
            if (previous != null) {
                throw AlgorithmException.invalidProperty("suffixPattern", "'" + pattern + "' gives the same suffix '"
                        + suffix + "' to the intervals starting " + previous + " and " + start);
            }
            suffixes[i] = suffix;
        }
    }

    /** The suffix of every interval, in time order. */
    public List<String> suffixes() {
        return List.of(suffixes);
    }

    @Override
    public String shard(List<String> targets, String column, Object value) {
        LocalDateTime time = toDateTime(value);
        if (time == null) {
            throw AlgorithmException.routing(TYPE + " cannot shard value '" + value + "' ("
                    + value.getClass().getSimpleName() + "): not a date or date-time");
        }
        if (time.isBefore(lower) || time.isAfter(upper)) {
            throw AlgorithmException.noTarget(TYPE + " cannot shard value '" + value + "': outside [datetimeLower "
                    + lower + ", datetimeUpper " + upper + "]");
        }
        String suffix = suffixes[index(time)];
        for (int i = 0, size = targets.size(); i < size; i++) {
            if (hasSuffix(targets.get(i), suffix)) {
                return targets.get(i);
            }
        }
        throw AlgorithmException.routing(TYPE + " routed value '" + value + "' to suffix '" + suffix
                + "' but no target has that suffix among " + targets);
    }

    @Override
    public List<String> shardRange(List<String> targets, String column, ValueRange range) {
        int first = 0;
        int last = suffixes.length - 1;
        if (range.hasLower()) {
            LocalDateTime from = toDateTime(range.lower());
            if (from == null) {
                return targets;
            }
            if (from.isAfter(upper)) {
                return List.of();
            }
            if (!from.isBefore(lower)) {
                first = index(from);
            }
        }
        if (range.hasUpper()) {
            LocalDateTime to = toDateTime(range.upper());
            if (to == null) {
                return targets;
            }
            if (to.isBefore(lower) || (!range.upperInclusive() && to.equals(lower))) {
                return List.of();
            }
            if (!to.isAfter(upper)) {
                last = index(to);
                // "< start of interval i" does not touch interval i.
                if (!range.upperInclusive() && lower.plus(last * amount, unit).equals(to)) {
                    last--;
                }
            }
        }
        List<String> result = new ArrayList<>();
        for (String target : targets) {
            for (int i = first; i <= last; i++) {
                if (hasSuffix(target, suffixes[i])) {
                    result.add(target);
                    break;
                }
            }
        }
        return result;
    }

    private int index(LocalDateTime time) {
        return (int) (unit.between(lower, time) / amount);
    }

    private static boolean hasSuffix(String target, String suffix) {
        if (!target.endsWith(suffix)) {
            return false;
        }
        int before = target.length() - suffix.length() - 1;
        return before < 0 || !Character.isDigit(suffix.charAt(0)) || !Character.isDigit(target.charAt(before));
    }

    private static LocalDateTime parseProperty(AlgorithmProperties p, String name) {
        String text = p.requiredString(name);
        LocalDateTime parsed = parse(text);
        if (parsed == null) {
            throw AlgorithmException.invalidProperty(name,
                    "'" + text + "' is not a date-time (use yyyy-MM-dd HH:mm:ss or yyyy-MM-dd)");
        }
        return parsed;
    }

    private static LocalDateTime toDateTime(Object value) {
        return ShardingValues.toDateTime(value);
    }

    private static LocalDateTime parse(String text) {
        return ShardingValues.toDateTime(text);
    }
}

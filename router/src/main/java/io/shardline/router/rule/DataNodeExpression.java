package io.shardline.router.rule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands data-node expressions such as {@code ds_${0..1}.t_order_${0..3}}.
 *
 * <p>Grammar: a comma-separated list of items; an item is literal text with {@code ${...}} groups,
 * each group either an inclusive integer range {@code ${0..3}} or a list {@code ${[0, 2, 5]}} of
 * integers or quoted strings ({@code ${['a','b']}}). An item expands to the cartesian product of its
 * groups, the leftmost group varying slowest: {@code ds_${0..1}.t_${0..1}} gives {@code ds_0.t_0,
 * ds_0.t_1, ds_1.t_0, ds_1.t_1}. Whitespace around items and inside groups is ignored. Expansion
 * order is kept; duplicates are an error.
 */
public final class DataNodeExpression {

    /** Expansions larger than this are surely a typo (e.g. {@code ${0..100000}}). */
    public static final int MAX_NAMES = 65_536;

    private DataNodeExpression() {
    }

    /** Expands an expression into data nodes, each of the form {@code dataSource.table}. */
    public static List<DataNode> dataNodes(String expression) {
        List<String> names = expand(expression);
        List<DataNode> nodes = new ArrayList<>(names.size());
        for (String name : names) {
            int dot = name.indexOf('.');
            if (dot <= 0 || dot == name.length() - 1 || name.indexOf('.', dot + 1) >= 0) {
                throw new InlineExpressionException(expression, Math.max(1, expression.indexOf(firstPart(name)) + 1),
                        "'" + name + "' is not of the form dataSource.table");
            }
            nodes.add(new DataNode(name.substring(0, dot), name.substring(dot + 1)));
        }
        return List.copyOf(nodes);
    }

    private static String firstPart(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, Math.max(0, dot));
    }

    /** Expands an expression into names, in order. */
    public static List<String> expand(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new InlineExpressionException(String.valueOf(expression), 1, "expression is empty");
        }
        List<String> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int itemStart = 0;
        int depth = 0;
        for (int i = 0; i <= expression.length(); i++) {
            boolean atEnd = i == expression.length();
            char c = atEnd ? ',' : expression.charAt(i);
            if (!atEnd && c == '$' && i + 1 < expression.length() && expression.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ',' && (depth == 0 || atEnd)) {
                int itemFirst = itemStart;
                while (itemFirst < i && Character.isWhitespace(expression.charAt(itemFirst))) {
                    itemFirst++;
                }
                for (String name : expandItem(expression, itemStart, i)) {
                    if (!seen.add(name)) {
                        throw new InlineExpressionException(expression, itemFirst + 1, "'" + name + "' appears twice");
                    }
                    result.add(name);
                    if (result.size() > MAX_NAMES) {
                        throw new InlineExpressionException(expression, itemStart + 1,
                                "expands to more than " + MAX_NAMES + " names");
                    }
                }
                itemStart = i + 1;
            }
        }
        return List.copyOf(result);
    }

    /** Expands expression[from, to). */
    private static List<String> expandItem(String expr, int from, int to) {
        while (from < to && Character.isWhitespace(expr.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(expr.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            throw new InlineExpressionException(expr, from + 1, "empty item");
        }
        List<String> partial = new ArrayList<>();
        partial.add("");
        int i = from;
        StringBuilder literal = new StringBuilder();
        while (i < to) {
            char c = expr.charAt(i);
            if (c == '$' && i + 1 < to && expr.charAt(i + 1) == '{') {
                int close = expr.indexOf('}', i + 2);
                if (close < 0 || close >= to) {
                    throw new InlineExpressionException(expr, i + 1, "'${' is never closed by '}'");
                }
                List<String> values = groupValues(expr, i + 2, close, i);
                List<String> next = new ArrayList<>(partial.size() * values.size());
                String lit = literal.toString();
                literal.setLength(0);
                for (String prefix : partial) {
                    for (String value : values) {
                        next.add(prefix + lit + value);
                    }
                }
                if (next.size() > MAX_NAMES) {
                    throw new InlineExpressionException(expr, from + 1, "expands to more than " + MAX_NAMES + " names");
                }
                partial = next;
                i = close + 1;
            } else if (c == '}' || c == '{' || c == '$') {
                throw new InlineExpressionException(expr, i + 1, "unexpected '" + c + "'");
            } else if (Character.isWhitespace(c)) {
                throw new InlineExpressionException(expr, i + 1, "whitespace inside a name");
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            String lit = literal.toString();
            partial.replaceAll(prefix -> prefix + lit);
        }
        return partial;
    }

    /** The values of the group expr[from, to), which started with '${' at groupStart. */
    private static List<String> groupValues(String expr, int from, int to, int groupStart) {
        String body = expr.substring(from, to).trim();
        int bodyOffset = from + (expr.substring(from, to).indexOf(body.isEmpty() ? "}" : body));
        if (body.isEmpty()) {
            throw new InlineExpressionException(expr, groupStart + 1, "empty '${}'");
        }
        if (body.startsWith("[")) {
            if (!body.endsWith("]")) {
                throw new InlineExpressionException(expr, groupStart + 1, "list '" + body + "' is not closed by ']'");
            }
            return listValues(expr, body.substring(1, body.length() - 1), bodyOffset + 1);
        }
        int dots = body.indexOf("..");
        if (dots < 0) {
            throw new InlineExpressionException(expr, bodyOffset + 1,
                    "expected a range like ${0..3} or a list like ${[0,2]} but found '" + body + "'");
        }
        long low = parseBound(expr, body.substring(0, dots).trim(), bodyOffset);
        long high = parseBound(expr, body.substring(dots + 2).trim(), bodyOffset + dots + 2);
        if (high < low) {
            throw new InlineExpressionException(expr, bodyOffset + 1, "range " + low + ".." + high + " is empty");
        }
        if (high - low >= MAX_NAMES) {
            throw new InlineExpressionException(expr, bodyOffset + 1, "range " + low + ".." + high + " is too large");
        }
        List<String> values = new ArrayList<>((int) (high - low + 1));
        for (long v = low; v <= high; v++) {
            values.add(Long.toString(v));
        }
        return values;
    }

    private static long parseBound(String expr, String text, int offset) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InlineExpressionException(expr, offset + 1, "range bound '" + text + "' is not an integer");
        }
    }

    private static List<String> listValues(String expr, String inner, int offset) {
        List<String> values = new ArrayList<>();
        int start = 0;
        for (String raw : inner.split(",", -1)) {
            String item = raw.trim();
            int position = offset + start + 1;
            start += raw.length() + 1;
            if (item.isEmpty()) {
                throw new InlineExpressionException(expr, position, "empty list element");
            }
            char q = item.charAt(0);
            if (q == '\'' || q == '"') {
                if (item.length() < 2 || item.charAt(item.length() - 1) != q) {
                    throw new InlineExpressionException(expr, position, "unterminated string " + item);
                }
                values.add(item.substring(1, item.length() - 1));
            } else {
                try {
                    values.add(Long.toString(Long.parseLong(item)));
                } catch (NumberFormatException e) {
                    throw new InlineExpressionException(expr, position,
                            "list element '" + item + "' is neither an integer nor a quoted string");
                }
            }
        }
        return values;
    }
}

package io.shardline.router.algorithm;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed inline expression such as {@code t_order_${order_id % 4}}: literal text, concatenated with
 * the value of each {@code ${...}} part.
 *
 * <p>Inside {@code ${...}} only integer arithmetic is allowed, which is what makes it safe (no
 * scripting engine, no method calls): {@code + - * / %} with Java {@code long} semantics
 * ({@code /} truncates, {@code %} keeps the sign of the dividend), unary minus, parentheses, decimal
 * integer literals and column names. A part that is just a column name renders the value's canonical
 * string ({@link ShardingValues#canonical}), so {@code t_log_${region}} works for strings too; a
 * column used in arithmetic must hold an integral value.
 */
final class InlineTemplate {

    private final String source;
    /** Literal parts are Strings, expression parts are Nodes, in template order. */
    private final Object[] parts;
    private final List<String> variables;
    /** Per variable slot: whether some arithmetic (not bare-column) part uses it. */
    private final boolean[] arithmeticSlots;
    /** For {@link #isSingleArithmetic()} templates: {@code prefix${single}suffix}. */
    private final Node single;
    private final String singlePrefix;
    private final String singleSuffix;

    private InlineTemplate(String source, Object[] parts, List<String> variables) {
        this.source = source;
        this.parts = parts;
        this.variables = variables;
        this.arithmeticSlots = new boolean[variables.size()];
        Node only = null;
        int expressions = 0;
        String prefix = "";
        String suffix = "";
        for (Object part : parts) {
            if (part instanceof Node node) {
                expressions++;
                only = node;
                for (int slot = 0; slot < arithmeticSlots.length; slot++) {
                    arithmeticSlots[slot] |= !(node instanceof Var) && node.uses(slot);
                }
            } else if (only == null) {
                prefix = (String) part;
            } else {
                suffix = (String) part;
            }
        }
        boolean isSingle = expressions == 1 && variables.size() <= 1;
        this.single = isSingle ? only : null;
        this.singlePrefix = prefix;
        this.singleSuffix = suffix;
    }

    /**
     * Parses a template.
     *
     * @param property the property the template came from, named in errors
     * @throws AlgorithmException naming the property, the expression and the 1-based position
     */
    static InlineTemplate parse(String source, String property) {
        return new Parser(source, property).parseTemplate();
    }

    /** The template as configured. */
    String source() {
        return source;
    }

    /** The column names the template references, in order of first appearance. */
    List<String> variables() {
        return variables;
    }

    /**
     * What binding-table checks compare: the expression parts in a normalized form, without the
     * literal text (two tables' templates differ in the table-name prefix, not in the arithmetic).
     */
    String fingerprint() {
        StringBuilder sb = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Node node) {
                sb.append("${").append(node).append('}');
            }
        }
        return sb.toString();
    }

    /** Whether the template is {@code prefix${expr}suffix} with at most one column (fast path). */
    boolean isSingleArithmetic() {
        return single != null;
    }

    /**
     * Renders the template with one value per {@link #variables()} slot.
     *
     * @param algorithm named in errors
     */
    String render(Object[] values, String algorithm) {
        StringBuilder sb = new StringBuilder(source.length() + 8);
        long[] longs = null;
        for (Object part : parts) {
            if (part instanceof String literal) {
                sb.append(literal);
            } else if (part instanceof Var var) {
                sb.append(ShardingValues.canonical(values[var.slot]));
            } else {
                if (longs == null) {
                    longs = new long[values.length];
                    for (int i = 0; i < values.length; i++) {
                        // Only columns used in arithmetic must be integers; a bare column may be a string.
                        longs[i] = arithmeticSlots[i] ? ShardingValues.toLong(values[i], algorithm) : 0;
                    }
                }
                sb.append(((Node) part).eval(longs, this));
            }
        }
        return sb.toString();
    }

    /**
     * Fast path for {@link #isSingleArithmetic()} templates: finds the target equal to the rendering
     * for an integral value without building a string. Returns the index or -1.
     */
    int indexOfRendering(List<String> targets, long value) {
        long n = single.eval1(value, this);
        for (int i = 0, size = targets.size(); i < size; i++) {
            String t = targets.get(i);
            if (t.startsWith(singlePrefix) && t.endsWith(singleSuffix)
                    && decimalEquals(t, singlePrefix.length(), t.length() - singleSuffix.length(), n)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code s[from, to)} is exactly the decimal representation of {@code n}. */
    static boolean decimalEquals(String s, int from, int to, long n) {
        if (to <= from) {
            return false;
        }
        if (n == Long.MIN_VALUE) {
            return s.substring(from, to).equals(Long.toString(n));
        }
        boolean negative = n < 0;
        long rest = negative ? -n : n;
        int i = to;
        do {
            if (i <= from || s.charAt(--i) != (char) ('0' + rest % 10)) {
                return false;
            }
            rest /= 10;
        } while (rest != 0);
        if (negative) {
            return i - 1 == from && s.charAt(from) == '-';
        }
        return i == from;
    }

    AlgorithmException divisionByZero() {
        return AlgorithmException.routing("division by zero in inline expression '" + source + "'");
    }

    @Override
    public String toString() {
        return source;
    }

    // ---- expression tree --------------------------------------------------------------------------

    abstract static class Node {
        abstract long eval(long[] vars, InlineTemplate owner);

        /** Evaluates with every variable bound to {@code x} (templates with at most one variable). */
        abstract long eval1(long x, InlineTemplate owner);

        abstract boolean uses(int slot);
    }

    static final class Const extends Node {
        final long value;

        Const(long value) {
            this.value = value;
        }

        @Override
        long eval(long[] vars, InlineTemplate owner) {
            return value;
        }

        @Override
        long eval1(long x, InlineTemplate owner) {
            return value;
        }

        @Override
        boolean uses(int slot) {
            return false;
        }

        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    static final class Var extends Node {
        final int slot;
        final String name;

        Var(int slot, String name) {
            this.slot = slot;
            this.name = name;
        }

        @Override
        long eval(long[] vars, InlineTemplate owner) {
            return vars[slot];
        }

        @Override
        long eval1(long x, InlineTemplate owner) {
            return x;
        }

        @Override
        boolean uses(int slot) {
            return this.slot == slot;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final class Negate extends Node {
        final Node operand;

        Negate(Node operand) {
            this.operand = operand;
        }

        @Override
        long eval(long[] vars, InlineTemplate owner) {
            return -operand.eval(vars, owner);
        }

        @Override
        long eval1(long x, InlineTemplate owner) {
            return -operand.eval1(x, owner);
        }

        @Override
        boolean uses(int slot) {
            return operand.uses(slot);
        }

        @Override
        public String toString() {
            return "(-" + operand + ")";
        }
    }

    static final class Binary extends Node {
        final char op;
        final Node left;
        final Node right;

        Binary(char op, Node left, Node right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        long eval(long[] vars, InlineTemplate owner) {
            return apply(left.eval(vars, owner), right.eval(vars, owner), owner);
        }

        @Override
        long eval1(long x, InlineTemplate owner) {
            return apply(left.eval1(x, owner), right.eval1(x, owner), owner);
        }

        private long apply(long a, long b, InlineTemplate owner) {
            switch (op) {
                case '+':
                    return a + b;
                case '-':
                    return a - b;
                case '*':
                    return a * b;
                case '/':
                    if (b == 0) {
                        throw owner.divisionByZero();
                    }
                    return a / b;
                case '%':
                    if (b == 0) {
                        throw owner.divisionByZero();
                    }
                    return a % b;
                default:
                    throw new IllegalStateException("operator " + op);
            }
        }

        @Override
        boolean uses(int slot) {
            return left.uses(slot) || right.uses(slot);
        }

        @Override
        public String toString() {
            return "(" + left + " " + op + " " + right + ")";
        }
    }

    // ---- parser -----------------------------------------------------------------------------------

    private static final class Parser {
        private final String src;
        private final String property;
        private final List<String> variables = new ArrayList<>();
        private int pos;
        private int end;

        Parser(String src, String property) {
            this.src = src;
            this.property = property;
        }

        InlineTemplate parseTemplate() {
            if (src == null || src.isEmpty()) {
                throw AlgorithmException.invalidProperty(property, "inline expression is empty");
            }
            List<Object> parts = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            int i = 0;
            while (i < src.length()) {
                char c = src.charAt(i);
                if (c == '$' && i + 1 < src.length() && src.charAt(i + 1) == '{') {
                    int close = src.indexOf('}', i + 2);
                    if (close < 0) {
                        throw error(i, "'${' is never closed by '}'");
                    }
                    int nested = src.indexOf("${", i + 2);
                    if (nested >= 0 && nested < close) {
                        throw error(nested, "'${' cannot be nested");
                    }
                    if (literal.length() > 0) {
                        parts.add(literal.toString());
                        literal.setLength(0);
                    }
                    pos = i + 2;
                    end = close;
                    skipSpaces();
                    if (pos == end) {
                        throw error(pos, "empty '${}'");
                    }
                    Node node = parseSum();
                    skipSpaces();
                    if (pos != end) {
                        throw error(pos, "unexpected '" + src.charAt(pos) + "'");
                    }
                    parts.add(node);
                    i = close + 1;
                } else if (c == '}') {
                    throw error(i, "'}' without a matching '${'");
                } else {
                    literal.append(c);
                    i++;
                }
            }
            if (literal.length() > 0) {
                parts.add(literal.toString());
            }
            return new InlineTemplate(src, parts.toArray(), List.copyOf(variables));
        }

        private Node parseSum() {
            Node left = parseProduct();
            while (true) {
                skipSpaces();
                if (pos < end && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                    char op = src.charAt(pos++);
                    left = new Binary(op, left, parseProduct());
                } else {
                    return left;
                }
            }
        }

        private Node parseProduct() {
            Node left = parseUnary();
            while (true) {
                skipSpaces();
                if (pos < end && (src.charAt(pos) == '*' || src.charAt(pos) == '/' || src.charAt(pos) == '%')) {
                    char op = src.charAt(pos++);
                    left = new Binary(op, left, parseUnary());
                } else {
                    return left;
                }
            }
        }

        private Node parseUnary() {
            skipSpaces();
            if (pos < end && src.charAt(pos) == '-') {
                pos++;
                return new Negate(parseUnary());
            }
            return parsePrimary();
        }

        private Node parsePrimary() {
            skipSpaces();
            if (pos >= end) {
                throw error(pos, "expected a number, column or '(' but the expression ended");
            }
            char c = src.charAt(pos);
            if (c == '(') {
                int open = pos++;
                Node inner = parseSum();
                skipSpaces();
                if (pos >= end || src.charAt(pos) != ')') {
                    throw error(open, "'(' is never closed");
                }
                pos++;
                return inner;
            }
            if (c >= '0' && c <= '9') {
                int start = pos;
                while (pos < end && src.charAt(pos) >= '0' && src.charAt(pos) <= '9') {
                    pos++;
                }
                try {
                    return new Const(Long.parseLong(src.substring(start, pos)));
                } catch (NumberFormatException e) {
                    throw error(start, "number too large");
                }
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < end && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                    pos++;
                }
                String name = src.substring(start, pos);
                int slot = variables.indexOf(name);
                if (slot < 0) {
                    slot = variables.size();
                    variables.add(name);
                }
                return new Var(slot, name);
            }
            throw error(pos, "expected a number, column or '(' but found '" + c + "'");
        }

        private void skipSpaces() {
            while (pos < end && Character.isWhitespace(src.charAt(pos))) {
                pos++;
            }
        }

        private AlgorithmException error(int index, String what) {
            return AlgorithmException.invalidProperty(property,
                    "malformed inline expression '" + src + "' at position " + (index + 1) + ": " + what);
        }
    }
}

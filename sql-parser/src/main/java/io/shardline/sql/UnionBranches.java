package io.shardline.sql;

import io.shardline.sql.lexer.TokenStream;
import io.shardline.sql.lexer.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A top-level UNION cut, as written, into its SELECT branches and the ORDER BY / LIMIT that applies to the whole
 * result, so that each branch can be routed as a statement of its own. The cut is made with the lexer's tokens:
 * strings, comments and parenthesised subqueries never end a branch early, and a UNION inside a subquery is not
 * a top-level one.
 *
 * <p>As in MySQL, a trailing ORDER BY or LIMIT after an unparenthesised last SELECT belongs to the whole UNION
 * ({@code SELECT a FROM x UNION SELECT a FROM y ORDER BY a}); a parenthesised branch keeps its own.
 *
 * @param sql      the statement's original text
 * @param branches the SELECTs, in text order
 * @param tail     the UNION's own ORDER BY / LIMIT as written, possibly empty
 * @param tailFirstParameter index of the tail's first placeholder among the statement's
 * @param tailParameterCount placeholders in the tail
 */
public record UnionBranches(String sql, List<Branch> branches, TextSpan tail, int tailFirstParameter,
        int tailParameterCount) {

    /**
     * One SELECT of the UNION.
     *
     * @param span           the SELECT's text (inside its parentheses, if it has them)
     * @param distinct       the operator before it is {@code UNION} or {@code UNION DISTINCT} (false for the first)
     * @param firstParameter index of its first placeholder among the statement's
     * @param parameterCount placeholders in it
     */
    public record Branch(TextSpan span, boolean distinct, int firstParameter, int parameterCount) {

        /** The SELECT as written. */
        public String text(String sql) {
            return span.text(sql);
        }

        /** Its parameters out of the statement's. */
        public List<Object> parameters(List<Object> all) {
            return all.subList(firstParameter, firstParameter + parameterCount);
        }
    }

    public UnionBranches {
        branches = List.copyOf(branches);
    }

    /**
     * How many leading branches are deduplicated together. In MySQL a DISTINCT union overrides every ALL union to
     * its left: {@code A UNION ALL B UNION C} is DISTINCT over all three, {@code A UNION B UNION ALL C} keeps C's
     * duplicates. 0 when every operator is UNION ALL.
     */
    public int distinctBranches() {
        for (int i = branches.size() - 1; i > 0; i--) {
            if (branches.get(i).distinct()) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The tail's parameters out of the statement's. */
    public List<Object> tailParameters(List<Object> all) {
        return all.subList(tailFirstParameter, tailFirstParameter + tailParameterCount);
    }

    /**
     * Cuts {@code parsed} when its top level is a UNION.
     *
     * @return empty when there is no top-level UNION (one inside a subquery does not count)
     * @throws IllegalArgumentException naming the construct for a top-level INTERSECT or EXCEPT, a WITH clause, a
     *     parenthesised UNION as a whole, or a branch that is not a SELECT
     */
    public static Optional<UnionBranches> of(ParsedStatement parsed) {
        String sql = parsed.sql();
        TokenStream tokens = parsed.tokens();
        int[] significant = SignificantTokens.of(tokens);
        int n = significant.length;
        // Operators at depth 0: [first token, last token] of each "UNION [ALL | DISTINCT]".
        List<int[]> operators = new ArrayList<>();
        List<Boolean> distinct = new ArrayList<>();
        java.util.function.IntPredicate setOperation = at -> isSetOperation(tokens, significant[at]);
        int k = SignificantTokens.firstAtTopLevel(tokens, significant, 0, n, setOperation);
        while (k >= 0) {
            int i = significant[k];
            if (!tokens.isWord(i, "UNION")) {
                throw new IllegalArgumentException(tokens.token(i).text(sql).toUpperCase(java.util.Locale.ROOT)
                        + " is not supported in a statement over sharded tables (only UNION and UNION ALL are)");
            }
            int last = k;
            boolean isDistinct = true;
            if (k + 1 < n && tokens.isWord(significant[k + 1], "ALL")) {
                last = k + 1;
                isDistinct = false;
            } else if (k + 1 < n && tokens.isWord(significant[k + 1], "DISTINCT")) {
                last = k + 1;
            }
            operators.add(new int[] {k, last});
            distinct.add(isDistinct);
            k = SignificantTokens.firstAtTopLevel(tokens, significant, last + 1, n, setOperation);
        }
        if (operators.isEmpty()) {
            return Optional.empty();
        }
        if (tokens.isWord(significant[0], "WITH")) {
            throw new IllegalArgumentException("a WITH clause before a UNION over sharded tables is not supported");
        }
        int end = n;
        while (end > 0 && tokens.isChar(significant[end - 1], ';')) {
            end--;
        }
        List<Branch> branches = new ArrayList<>(operators.size() + 1);
        TextSpan tail = new TextSpan(tokens.end(significant[end - 1]), tokens.end(significant[end - 1]));
        for (int b = 0; b <= operators.size(); b++) {
            int from = b == 0 ? 0 : operators.get(b - 1)[1] + 1;
            int to = b == operators.size() ? end : operators.get(b)[0]; // exclusive, in significant[] indexes
            boolean lastBranch = b == operators.size();
            if (from >= to) {
                throw new IllegalArgumentException("an empty SELECT in the UNION at offset "
                        + (from < n ? tokens.start(significant[from]) : sql.length()));
            }
            int bodyFrom = from;
            int bodyTo = to;
            if (tokens.isChar(significant[from], '(')) {
                int close = SignificantTokens.matching(tokens, significant, from, to);
                if (close != to - 1) {
                    if (!lastBranch) {
                        throw new IllegalArgumentException("unexpected text after the parenthesised SELECT at offset "
                                + tokens.start(significant[from]) + " of the UNION");
                    }
                    tail = new TextSpan(tokens.start(significant[close + 1]), tokens.end(significant[to - 1]));
                }
                bodyFrom = from + 1;
                bodyTo = close;
            } else if (lastBranch) {
                int tailAt = unionTail(tokens, significant, from, to);
                if (tailAt < to) {
                    tail = new TextSpan(tokens.start(significant[tailAt]), tokens.end(significant[to - 1]));
                    bodyTo = tailAt;
                }
            }
            if (bodyFrom >= bodyTo || !tokens.isWord(significant[bodyFrom], "SELECT")) {
                throw new IllegalArgumentException("every branch of a UNION over sharded tables must be a SELECT (at"
                        + " offset " + tokens.start(significant[Math.min(bodyFrom, n - 1)]) + ")");
            }
            TextSpan span = new TextSpan(tokens.start(significant[bodyFrom]), tokens.end(significant[bodyTo - 1]));
            branches.add(new Branch(span, b > 0 && distinct.get(b - 1), 0, 0));
        }
        // Placeholders, counted in text order: each branch's, then the tail's.
        int[] counts = new int[branches.size() + 1];
        int[] firsts = new int[branches.size() + 1];
        java.util.Arrays.fill(firsts, -1);
        int seen = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.type(i) != TokenType.PLACEHOLDER) {
                continue;
            }
            int at = tokens.start(i);
            int owner = branches.size(); // the tail, unless a branch holds it
            for (int b = 0; b < branches.size(); b++) {
                if (at >= branches.get(b).span().start() && at < branches.get(b).span().end()) {
                    owner = b;
                    break;
                }
            }
            if (owner == branches.size() && !(at >= tail.start() && at < tail.end())) {
                throw new IllegalArgumentException("a placeholder between the SELECTs of a UNION, at offset " + at);
            }
            if (firsts[owner] < 0) {
                firsts[owner] = seen;
            }
            counts[owner]++;
            seen++;
        }
        List<Branch> counted = new ArrayList<>(branches.size());
        int next = 0;
        for (int b = 0; b < branches.size(); b++) {
            Branch branch = branches.get(b);
            counted.add(new Branch(branch.span(), branch.distinct(), next, counts[b]));
            next += counts[b];
        }
        return Optional.of(new UnionBranches(sql, counted, tail, next, counts[branches.size()]));
    }

    /**
     * Whether the statement's top level is a set operation (UNION, INTERSECT, EXCEPT), as opposed to one inside a
     * subquery, where the outer query's clauses are the statement's own.
     */
    public static boolean atTopLevel(ParsedStatement parsed) {
        TokenStream tokens = parsed.tokens();
        int[] significant = SignificantTokens.of(tokens);
        return SignificantTokens.firstAtTopLevel(tokens, significant, 0, significant.length,
                k -> isSetOperation(tokens, significant[k])) >= 0;
    }

    private static boolean isSetOperation(TokenStream tokens, int i) {
        return tokens.isWord(i, "UNION") || tokens.isWord(i, "INTERSECT") || tokens.isWord(i, "EXCEPT")
                || tokens.isWord(i, "MINUS");
    }

    /** Where the UNION's ORDER BY / LIMIT starts in the last, unparenthesised SELECT; {@code to} when it has none. */
    private static int unionTail(TokenStream tokens, int[] significant, int from, int to) {
        int at = SignificantTokens.firstAtTopLevel(tokens, significant, from, to, k -> tokens.isWord(significant[k],
                "LIMIT") || tokens.isWord(significant[k], "ORDER") && k + 1 < to
                && tokens.isWord(significant[k + 1], "BY"));
        return at < 0 ? to : at;
    }
}

package io.shardline.sql;

import io.shardline.sql.facts.LiteralValue;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.TableRef;
import io.shardline.sql.facts.TokenRange;
import io.shardline.sql.facts.Value;
import io.shardline.sql.lexer.TokenStream;
import io.shardline.sql.normalize.LiteralDecoder;
import io.shardline.sql.normalize.NormalizedStatement;
import java.util.List;
import java.util.Optional;

/**
 * One parsed statement: the shared, literal-independent {@link StatementFacts} plus what belongs to this statement
 * alone: its original text, its tokens, its extracted literal values and the map from normalized tokens to original
 * offsets. Immutable.
 *
 * <p>Values in the facts are resolved here: {@link Value.Parameter} {@code i} is the application's parameter {@code i}
 * (0-based, JDBC index {@code i + 1}); {@link Value.Literal} {@code j} is {@link #literal(int) literal(j)}.
 */
public final class ParsedStatement {
    private final NormalizedStatement normalized;
    private final StatementFacts facts;

    ParsedStatement(NormalizedStatement normalized, StatementFacts facts) {
        this.normalized = normalized;
        this.facts = facts;
    }

    /** The facts (shared with every statement of the same normalized text). */
    public StatementFacts facts() {
        return facts;
    }

    /** The original text, exactly as the application sent it. */
    public String sql() {
        return normalized.sql();
    }

    /** The normalized text: the cache key. */
    public String normalizedText() {
        return normalized.key();
    }

    /** The lexer tokens of the original text (including comments and hints). */
    public TokenStream tokens() {
        return normalized.tokens();
    }

    /** Original start offset of a normalized token range. */
    public int start(TokenRange range) {
        return normalized.start(range.first());
    }

    /** Original end offset (exclusive) of a normalized token range. */
    public int end(TokenRange range) {
        return normalized.end(range.last());
    }

    /** Original text span of a normalized token range. */
    public TextSpan span(TokenRange range) {
        return new TextSpan(start(range), end(range));
    }

    /** Original span of a table reference's {@code [schema.]name} (the part a per-shard rewrite replaces). */
    public TextSpan span(TableRef table) {
        return span(table.span());
    }

    /** Original span of just the table name token of a reference. */
    public TextSpan nameSpan(TableRef table) {
        return new TextSpan(normalized.start(table.nameToken()), normalized.end(table.nameToken()));
    }

    /**
     * Original text span of a value: the {@code ?} of a parameter, the (possibly multi-token, e.g. {@code -5} or
     * {@code 'a' 'b'}) text of an extracted literal, or an expression's range. Used to splice values out per shard.
     */
    public TextSpan span(Value value) {
        if (value instanceof Value.Literal literal) {
            int u = normalized.literalUnit(literal.index());
            return new TextSpan(normalized.start(u), normalized.end(u));
        }
        if (value instanceof Value.Parameter parameter) {
            for (int u = 0, n = normalized.size(); u < n; u++) {
                if (normalized.role(u) == NormalizedStatement.PARAMETER && normalized.valueIndex(u) == parameter.index()) {
                    return new TextSpan(normalized.start(u), normalized.end(u));
                }
            }
            throw new IllegalArgumentException("no placeholder ?" + parameter.index() + " in: " + sql());
        }
        return span(((Value.Expression) value).range());
    }

    /** Number of extracted literals. */
    public int literalCount() {
        return normalized.literalCount();
    }

    /** Typed value of extracted literal {@code j} (decoded on demand). */
    public LiteralValue literal(int j) {
        return LiteralDecoder.decode(normalized, j);
    }

    /**
     * Resolves a value for routing: an application parameter from {@code parameters} (0-based list), a literal from
     * this statement; empty for an expression.
     */
    public Optional<Object> resolve(Value value, List<?> parameters) {
        if (value instanceof Value.Parameter) {
            return Optional.ofNullable(parameters.get(((Value.Parameter) value).index()));
        }
        if (value instanceof Value.Literal) {
            return Optional.of(literal(((Value.Literal) value).index()).value());
        }
        return Optional.empty();
    }

    /** A compact, human-readable rendering of the facts with this statement's spans and literal values. */
    public String describe() {
        return FactsRenderer.render(this);
    }

    @Override
    public String toString() {
        return describe();
    }
}

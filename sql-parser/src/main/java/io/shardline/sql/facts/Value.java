package io.shardline.sql.facts;

/**
 * A value in a predicate, an insert row, an assignment or LIMIT.
 *
 * <p>Numbering: application parameters and extracted literals are two separate 0-based sequences, each in the order
 * they appear in the original text. {@link Parameter#index()} {@code i} is the application's i-th {@code ?} (JDBC
 * index {@code i + 1}); {@link Literal#index()} {@code j} is the j-th literal the normalizer extracted, whose typed
 * value is {@code ParsedStatement.literal(j)}. Anything else is an {@link Expression} over a token range.
 */
public sealed interface Value permits Value.Parameter, Value.Literal, Value.Expression {

    /** The application's own {@code ?} number {@code index} (0-based). */
    record Parameter(int index) implements Value {
    }

    /** Extracted literal number {@code index} (0-based); its value is per statement, see {@code ParsedStatement}. */
    record Literal(int index) implements Value {
    }

    /** Any other expression (function call, arithmetic, column, NULL, DEFAULT ...), as normalized tokens. */
    record Expression(TokenRange range) implements Value {
    }
}

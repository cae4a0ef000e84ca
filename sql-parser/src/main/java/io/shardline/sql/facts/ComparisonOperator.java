package io.shardline.sql.facts;

/** Comparison operators a router can use, always written as {@code column op value}. */
public enum ComparisonOperator {
    /** {@code =} (and {@code <=>}, which is {@code =} for non-NULL values). */
    EQ("="),
    /** {@code <}. */
    LT("<"),
    /** {@code <=}. */
    LE("<="),
    /** {@code >}. */
    GT(">"),
    /** {@code >=}. */
    GE(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The SQL symbol. */
    public String symbol() {
        return symbol;
    }

    /** The operator with its sides swapped ({@code 5 < a} is {@code a > 5}). */
    public ComparisonOperator flip() {
        switch (this) {
            case LT:
                return GT;
            case LE:
                return GE;
            case GT:
                return LT;
            case GE:
                return LE;
            default:
                return this;
        }
    }
}

package io.shardline.router.rule;

/** A malformed data-node expression; names the expression and the 1-based position of the fault. */
public final class InlineExpressionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String expression;
    private final int position;

    InlineExpressionException(String expression, int position, String reason) {
        super("malformed expression '" + expression + "' at position " + position + ": " + reason);
        this.expression = expression;
        this.position = position;
    }

    /** The whole expression as given. */
    public String expression() {
        return expression;
    }

    /** The 1-based position of the fault in {@link #expression()}. */
    public int position() {
        return position;
    }
}

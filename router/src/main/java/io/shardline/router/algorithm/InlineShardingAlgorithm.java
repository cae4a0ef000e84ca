package io.shardline.router.algorithm;

import java.util.List;
import java.util.Properties;

/**
 * {@code INLINE}: the target is the rendering of {@code props.expression}, an inline template over the
 * strategy's one column such as {@code t_order_${order_id % 4}} (grammar in {@link InlineTemplate}).
 * The rendering must be one of the targets. Ranges cannot be pruned: every target.
 */
public final class InlineShardingAlgorithm implements ShardingAlgorithm {

    /** The type name used in configuration. */
    public static final String TYPE = "INLINE";

    private InlineTemplate template;
    private boolean fastPath;

    @Override
    public void init(Properties props) {
        AlgorithmProperties p = AlgorithmProperties.of(TYPE, props).allowOnly("expression");
        template = InlineTemplate.parse(p.requiredString("expression"), "expression");
        if (template.variables().size() > 1) {
            throw AlgorithmException.invalidProperty("expression", "INLINE expression '" + template.source()
                    + "' uses several columns " + template.variables() + "; use COMPLEX_INLINE");
        }
        fastPath = template.isSingleArithmetic();
    }

    /** The columns the expression references (at most one). */
    public List<String> referencedColumns() {
        return template.variables();
    }

    /** See {@link InlineTemplate#fingerprint()}; equal fingerprints route binding tables alike. */
    public String fingerprint() {
        return template.fingerprint();
    }

    /** The configured expression. */
    public String expression() {
        return template.source();
    }

    @Override
    public String shard(List<String> targets, String column, Object value) {
        if (fastPath && ShardingValues.isIntegral(value)) {
            long v = ShardingValues.toLong(value, TYPE);
            int index = template.indexOfRendering(targets, v);
            if (index >= 0) {
                return targets.get(index);
            }
            throw notATarget(targets, value, template.render(new Object[] {value}, TYPE));
        }
        String rendered = template.render(new Object[] {value}, TYPE);
        for (int i = 0, size = targets.size(); i < size; i++) {
            if (targets.get(i).equals(rendered)) {
                return targets.get(i);
            }
        }
        throw notATarget(targets, value, rendered);
    }

    private AlgorithmException notATarget(List<String> targets, Object value, String rendered) {
        return AlgorithmException.noTarget("INLINE expression '" + template.source() + "' gave '" + rendered
                + "' for value '" + value + "', which is not among the targets " + targets);
    }
}

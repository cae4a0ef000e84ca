package io.shardline.router.algorithm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * {@code COMPLEX_INLINE}: like {@code INLINE} over several columns, e.g.
 * {@code t_order_${(user_id + order_id) % 4}}. When every column of the expression has exact values,
 * the targets are the renderings of every combination of them (an IN list on each column gives their
 * cartesian product); otherwise the statement may touch every target.
 */
public final class ComplexInlineShardingAlgorithm implements ComplexShardingAlgorithm {

    /** The type name used in configuration. */
    public static final String TYPE = "COMPLEX_INLINE";

    /** Cartesian products larger than this are not enumerated; the statement goes everywhere. */
    private static final int MAX_COMBINATIONS = 4096;

    private InlineTemplate template;

    @Override
    public void init(Properties props) {
        AlgorithmProperties p = AlgorithmProperties.of(TYPE, props).allowOnly("expression");
        template = InlineTemplate.parse(p.requiredString("expression"), "expression");
    }

    /** The columns the expression references. */
    public List<String> referencedColumns() {
        return template.variables();
    }

    /** See {@link InlineTemplate#fingerprint()}. */
    public String fingerprint() {
        return template.fingerprint();
    }

    @Override
    public Collection<String> shard(List<String> targets, Map<String, ? extends Collection<?>> exactValues,
            Map<String, ValueRange> ranges) {
        List<String> variables = template.variables();
        List<List<?>> columns = new ArrayList<>(variables.size());
        long combinations = 1;
        for (String variable : variables) {
            Collection<?> values = lookup(exactValues, variable);
            if (values == null || values.isEmpty()) {
                return targets;
            }
            combinations *= values.size();
            if (combinations > MAX_COMBINATIONS) {
                return targets;
            }
            columns.add(new ArrayList<>(values));
        }
        Set<String> rendered = new LinkedHashSet<>();
        Object[] slots = new Object[variables.size()];
        int[] cursor = new int[variables.size()];
        while (true) {
            for (int i = 0; i < slots.length; i++) {
                slots[i] = columns.get(i).get(cursor[i]);
            }
            String name = template.render(slots, TYPE);
            if (!targets.contains(name)) {
                throw AlgorithmException.routing("COMPLEX_INLINE expression '" + template.source() + "' gave '"
                        + name + "' for " + describe(variables, slots) + ", which is not among the targets " + targets);
            }
            rendered.add(name);
            int i = slots.length - 1;
            while (i >= 0 && ++cursor[i] == columns.get(i).size()) {
                cursor[i] = 0;
                i--;
            }
            if (i < 0) {
                break;
            }
        }
        List<String> result = new ArrayList<>(rendered.size());
        for (String target : targets) {
            if (rendered.contains(target)) {
                result.add(target);
            }
        }
        return result;
    }

    private static Collection<?> lookup(Map<String, ? extends Collection<?>> exactValues, String column) {
        Collection<?> values = exactValues.get(column);
        if (values != null) {
            return values;
        }
        for (Map.Entry<String, ? extends Collection<?>> e : exactValues.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String describe(List<String> variables, Object[] slots) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < slots.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(variables.get(i)).append('=').append(slots[i]);
        }
        return sb.toString();
    }
}

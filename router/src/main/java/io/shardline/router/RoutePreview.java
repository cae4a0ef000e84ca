package io.shardline.router;

import io.shardline.router.merge.MergePlan;
import io.shardline.router.merge.UnionPlan;
import io.shardline.router.plan.ExecutionUnit;
import io.shardline.router.plan.RoutePlan;
import java.math.BigDecimal;
import java.util.List;

/**
 * A route plan as JSON, so users can see where a statement goes and what each shard receives:
 * <pre>{"sql": "...", "opcode": "MULTI", "query": true, "needsMaster": false,
 *  "units": [{"dataSource": "ds_0", "sql": "...", "parameters": [1]}],
 *  "merge": {"columns": 3, "visible": 2, ...}, "generatedKeys": {"column": "order_id", "values": [..]}}</pre>
 * Written by hand: a handful of fields does not justify a JSON library on every user's classpath.
 */
public final class RoutePreview {

    private RoutePreview() {
    }

    public static String toJson(String sql, RoutePlan plan) {
        StringBuilder out = new StringBuilder(256).append('{');
        field(out, "sql").append(quote(sql)).append(", ");
        field(out, "opcode").append(quote(plan.opcode().name())).append(", ");
        field(out, "query").append(plan.query()).append(", ");
        field(out, "needsMaster").append(plan.needsMaster()).append(", ");
        field(out, "units").append('[');
        for (int i = 0; i < plan.units().size(); i++) {
            ExecutionUnit unit = plan.units().get(i);
            out.append(i == 0 ? "{" : ", {");
            field(out, "dataSource").append(quote(unit.dataSource())).append(", ");
            field(out, "sql").append(quote(unit.sql())).append(", ");
            field(out, "parameters");
            values(out, unit.parameters()).append('}');
        }
        out.append(']');
        plan.merge().ifPresent(merge -> mergeJson(out.append(", "), merge));
        plan.union().ifPresent(union -> unionJson(out.append(", "), union));
        plan.generatedKeys().ifPresent(keys -> {
            field(out.append(", "), "generatedKeys").append('{');
            field(out, "column").append(quote(keys.column())).append(", ");
            field(out, "values");
            values(out, keys.values()).append('}');
        });
        return out.append('}').toString();
    }

    private static void mergeJson(StringBuilder out, MergePlan merge) {
        field(out, "merge").append('{');
        field(out, "columns").append(merge.columnCount()).append(", ");
        field(out, "visible").append(merge.visibleColumns()).append(", ");
        field(out, "shardOrder").append(keys(merge.shardOrder())).append(", ");
        field(out, "groupBy").append(merge.groupBy()).append(", ");
        field(out, "aggregates").append('[');
        for (int i = 0; i < merge.aggregates().size(); i++) {
            MergePlan.AggregateRef a = merge.aggregates().get(i);
            out.append(i == 0 ? "" : ", ").append(quote(a.function() + "(" + a.inputColumn()
                    + (a.countColumn() >= 0 ? "/" + a.countColumn() : "") + ")->" + a.outputColumn()));
        }
        out.append("], ");
        field(out, "orderBy").append(keys(merge.orderBy())).append(", ");
        field(out, "distinct").append(merge.distinct()).append(", ");
        field(out, "offset").append(merge.offset()).append(", ");
        field(out, "limit").append(merge.limit()).append('}');
    }

    private static void unionJson(StringBuilder out, UnionPlan union) {
        field(out, "union").append('{');
        field(out, "branches").append('[');
        for (int i = 0; i < union.branches().size(); i++) {
            UnionPlan.Branch branch = union.branches().get(i);
            out.append(i == 0 ? "{" : ", {");
            field(out, "units").append(branch.units());
            branch.merge().ifPresent(merge -> mergeJson(out.append(", "), merge));
            out.append('}');
        }
        out.append("], ");
        field(out, "distinctBranches").append(union.distinctBranches()).append(", ");
        field(out, "orderBy").append('[');
        for (int i = 0; i < union.orderBy().size(); i++) {
            out.append(i == 0 ? "" : ", ").append(quote(union.orderBy().get(i).toString()));
        }
        out.append("], ");
        field(out, "offset").append(union.offset()).append(", ");
        field(out, "limit").append(union.limit()).append('}');
    }

    private static String keys(List<MergePlan.Key> keys) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < keys.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(quote(keys.get(i).column() + (keys.get(i).descending() ? " DESC"
                    : " ASC")));
        }
        return out.append(']').toString();
    }

    private static StringBuilder field(StringBuilder out, String name) {
        return out.append('"').append(name).append("\": ");
    }

    private static StringBuilder values(StringBuilder out, List<Object> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            out.append(i == 0 ? "" : ", ");
            if (v == null) {
                out.append("null");
            } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short
                    || v instanceof Byte || v instanceof BigDecimal || v instanceof java.math.BigInteger) {
                out.append(v);
            } else if (v instanceof byte[] bytes) {
                out.append(quote("0x" + java.util.HexFormat.of().formatHex(bytes)));
            } else {
                out.append(quote(v.toString()));
            }
        }
        return out.append(']');
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

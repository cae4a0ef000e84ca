package io.shardline.sql;

import io.shardline.sql.facts.Assignment;
import io.shardline.sql.facts.InsertFacts;
import io.shardline.sql.facts.InsertRow;
import io.shardline.sql.facts.Limit;
import io.shardline.sql.facts.LiteralValue;
import io.shardline.sql.facts.LockMode;
import io.shardline.sql.facts.MySqlFeature;
import io.shardline.sql.facts.OrderItem;
import io.shardline.sql.facts.Predicate;
import io.shardline.sql.facts.Projection;
import io.shardline.sql.facts.SessionVariable;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.TableRef;
import io.shardline.sql.facts.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders facts of one statement as compact text, one field per clause, e.g.
 * {@code kind: SELECT; tables: [t_order AS o]; where: AND(o.user_id = ?0, o.status IN (#0:'A', #1:'B'))}.
 * Values: {@code ?i} is application parameter i, {@code #j:v} is extracted literal j with value v,
 * {@code {text}} is an expression shown as its original text. Only non-default fields are rendered.
 */
public final class FactsRenderer {

    private FactsRenderer() {
    }

    /** All non-default fields joined by {@code "; "}. */
    public static String render(ParsedStatement ps) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : fields(ps).entrySet()) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(e.getKey());
            if (!e.getValue().isEmpty()) {
                sb.append(": ").append(e.getValue());
            }
        }
        return sb.toString();
    }

    /** Field name to rendering; flags render as an empty string. */
    public static Map<String, String> fields(ParsedStatement ps) {
        StatementFacts f = ps.facts();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", f.kind().name());
        m.put("analysis", f.analysis().name());
        if (!f.tables().isEmpty()) {
            m.put("tables", list(f.tables(), t -> table(t)));
            m.put("spans", list(f.tables(), t -> {
                TextSpan s = ps.span(t);
                return s.start() + ".." + s.end();
            }));
        }
        if (!f.projections().isEmpty()) {
            m.put("projections", list(f.projections(), p -> projection(ps, p)));
        }
        if (f.distinct()) {
            m.put("distinct", "");
        }
        f.where().ifPresent(w -> m.put("where", predicate(ps, w)));
        if (!f.groupBy().isEmpty()) {
            m.put("groupBy", list(f.groupBy(), o -> order(ps, o)));
        }
        if (f.having()) {
            m.put("having", "");
        }
        if (!f.orderBy().isEmpty()) {
            m.put("orderBy", list(f.orderBy(), o -> order(ps, o)));
        }
        f.limit().ifPresent(l -> m.put("limit", limit(ps, l)));
        StringBuilder shape = new StringBuilder();
        if (f.hasJoin()) {
            shape.append("join");
        }
        if (f.hasSubquery()) {
            shape.append(shape.length() > 0 ? ", " : "").append("subquery");
        }
        if (f.hasUnion()) {
            shape.append(shape.length() > 0 ? ", " : "").append("union");
        }
        if (shape.length() > 0) {
            m.put("shape", shape.toString());
        }
        if (!f.outerJoins().isEmpty()) {
            m.put("outerJoins", f.outerJoins().toString());
        }
        f.insert().ifPresent(i -> m.put("insert", insert(ps, i)));
        if (!f.assignments().isEmpty()) {
            m.put("set", list(f.assignments(), a -> assignment(ps, a)));
        }
        if (f.lockMode() != LockMode.NONE) {
            m.put("lock", f.lockMode().name());
        }
        if (!f.mysqlFeatures().isEmpty()) {
            TreeSet<String> names = new TreeSet<>();
            for (MySqlFeature feature : f.mysqlFeatures()) {
                names.add(feature.name());
            }
            m.put("mysql", "[" + String.join(", ", names) + "]");
        }
        if (!f.sessionVariables().isEmpty()) {
            m.put("variables", list(f.sessionVariables(), v -> variable(ps, v)));
        }
        f.detail().ifPresent(d -> m.put("detail", d));
        m.put("params", f.parameterCount() + "/" + f.literalCount());
        return m;
    }

    private interface Fn<T> {
        String apply(T t);
    }

    private static <T> String list(List<T> items, Fn<T> fn) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(fn.apply(items.get(i)));
        }
        return sb.append(']').toString();
    }

    private static String table(TableRef t) {
        StringBuilder sb = new StringBuilder();
        t.schema().ifPresent(s -> sb.append(s).append('.'));
        sb.append(t.name());
        t.alias().ifPresent(a -> sb.append(" AS ").append(a));
        if (t.inSubquery()) {
            sb.append(" (sub)");
        }
        return sb.toString();
    }

    private static String projection(ParsedStatement ps, Projection p) {
        StringBuilder sb = new StringBuilder();
        switch (p.kind()) {
            case STAR:
                sb.append('*');
                break;
            case QUALIFIED_STAR:
            case COLUMN:
                sb.append(p.column().get());
                break;
            case AGGREGATE:
                sb.append(p.aggregate().get().name()).append('(');
                if (p.distinct()) {
                    sb.append("DISTINCT ");
                }
                sb.append(p.column().map(Object::toString).orElse(p.aggregate().get().name().equals("COUNT")
                        && ps.span(p.span()).text(ps.sql()).replace(" ", "").contains("(*)") ? "*" : "{expr}"));
                sb.append(')');
                break;
            default:
                sb.append('{').append(ps.span(p.span()).text(ps.sql())).append('}');
                return sb.toString();
        }
        p.alias().ifPresent(a -> sb.append(" AS ").append(a));
        return sb.toString();
    }

    private static String order(ParsedStatement ps, OrderItem o) {
        String s;
        switch (o.kind()) {
            case ORDINAL:
                s = "#" + o.ordinal();
                break;
            case ALIAS:
                s = "alias " + o.column().get();
                break;
            case COLUMN:
                s = o.column().get().toString();
                break;
            default:
                s = "{" + ps.span(o.span()).text(ps.sql()) + "}";
        }
        return o.descending() ? s + " DESC" : s;
    }

    private static String limit(ParsedStatement ps, Limit l) {
        StringBuilder sb = new StringBuilder();
        l.offset().ifPresent(v -> sb.append("offset ").append(value(ps, v)).append(' '));
        l.rowCount().ifPresent(v -> sb.append("count ").append(value(ps, v)));
        if (l.commaForm()) {
            sb.append(" (comma)");
        }
        return sb.toString().trim();
    }

    private static String insert(ParsedStatement ps, InsertFacts i) {
        StringBuilder sb = new StringBuilder();
        sb.append('(').append(String.join(", ", i.columns())).append(')');
        if (i.fromSelect()) {
            sb.append(" SELECT");
        }
        if (i.setForm()) {
            sb.append(" SET");
        }
        if (!i.rows().isEmpty()) {
            sb.append(" rows=").append(i.rows().size());
            // Small inserts show every row; large ones the first only, the count says the rest.
            List<InsertRow> shown = i.rows().size() <= 3 ? i.rows() : i.rows().subList(0, 1);
            sb.append(' ').append(list(shown, r -> list(r.values(), v -> value(ps, v))));
        }
        if (!i.onDuplicateKeyUpdate().isEmpty()) {
            sb.append(" onDuplicate=").append(list(i.onDuplicateKeyUpdate(), a -> assignment(ps, a)));
        }
        return sb.toString();
    }

    private static String assignment(ParsedStatement ps, Assignment a) {
        return a.column() + " = " + value(ps, a.value());
    }

    private static String variable(ParsedStatement ps, SessionVariable v) {
        return v.scope().name() + " " + v.name() + " = " + value(ps, v.value());
    }

    /** Renders a predicate tree. */
    public static String predicate(ParsedStatement ps, Predicate p) {
        if (p instanceof Predicate.And) {
            return "AND" + group(ps, ((Predicate.And) p).children());
        }
        if (p instanceof Predicate.Or) {
            return "OR" + group(ps, ((Predicate.Or) p).children());
        }
        if (p instanceof Predicate.Comparison) {
            Predicate.Comparison c = (Predicate.Comparison) p;
            return c.column() + " " + c.operator().symbol() + " " + value(ps, c.value());
        }
        if (p instanceof Predicate.In) {
            Predicate.In in = (Predicate.In) p;
            if (in.values().size() > 5) {
                return in.column() + " IN (" + in.values().size() + " values, first " + value(ps, in.values().get(0))
                        + ")";
            }
            StringBuilder sb = new StringBuilder(in.column() + " IN (");
            for (int i = 0; i < in.values().size(); i++) {
                sb.append(i > 0 ? ", " : "").append(value(ps, in.values().get(i)));
            }
            return sb.append(')').toString();
        }
        if (p instanceof Predicate.Between) {
            Predicate.Between b = (Predicate.Between) p;
            return b.column() + " BETWEEN " + value(ps, b.low()) + " AND " + value(ps, b.high());
        }
        return "OTHER(" + ((Predicate.Other) p).description() + ")";
    }

    private static String group(ParsedStatement ps, List<Predicate> children) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < children.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(predicate(ps, children.get(i)));
        }
        return sb.append(')').toString();
    }

    /** Renders a value: {@code ?i}, {@code #j:literal} or {@code {original text}}. */
    public static String value(ParsedStatement ps, Value v) {
        if (v instanceof Value.Parameter) {
            return "?" + ((Value.Parameter) v).index();
        }
        if (v instanceof Value.Literal) {
            int j = ((Value.Literal) v).index();
            LiteralValue lit = ps.literal(j);
            return "#" + j + ":" + literal(lit);
        }
        return "{" + ps.span(((Value.Expression) v).range()).text(ps.sql()) + "}";
    }

    private static String literal(LiteralValue lit) {
        switch (lit.type()) {
            case STRING:
                return "'" + lit.value() + "'";
            case HEX: {
                StringBuilder sb = new StringBuilder("x'");
                for (byte b : (byte[]) lit.value()) {
                    sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
                }
                return sb.append('\'').toString();
            }
            case BIT:
                return "b" + lit.value();
            default:
                return String.valueOf(lit.value());
        }
    }
}

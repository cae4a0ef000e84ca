package io.shardline.router.rewrite;

import io.shardline.router.merge.MergePlan;
import io.shardline.router.plan.ExecutionUnit;
import io.shardline.router.plan.GeneratedKeys;
import io.shardline.router.plan.PlanningException;
import io.shardline.router.route.RouteResult;
import io.shardline.router.route.RouteUnit;
import io.shardline.router.rule.ShardingRule;
import io.shardline.sql.ParsedStatement;
import io.shardline.sql.Splicer;
import io.shardline.sql.TextSplice;
import io.shardline.sql.TextSpan;
import io.shardline.sql.facts.InsertFacts;
import io.shardline.sql.facts.InsertRow;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.StatementKind;
import io.shardline.sql.facts.TableRef;
import io.shardline.sql.facts.Value;
import io.shardline.sql.lexer.TokenType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Rewrites one routed statement into one SQL text per route unit by splicing the application's ORIGINAL text: actual
 * table names (and the column qualifiers that name a table), the unit's INSERT rows and generated keys, and for a
 * query on several units the derived columns, LIMIT and ORDER BY a merge needs, described by a {@link MergePlan}.
 * Never unparses: comments, hints, spacing and literals survive byte for byte, and a statement with no edit comes back
 * as the same string. Thread-safe and stateless apart from the rule.
 */
public final class SqlRewriter {
    private static final RewriteResult NOTHING = new RewriteResult(List.of(), Optional.empty());
    private static final Comparator<Splice> BY_START = Comparator.comparingInt(s -> s.start);

    private final ShardingRule rule;

    public SqlRewriter(ShardingRule rule) {
        this.rule = rule;
    }

    /**
     * Rewrites {@code statement} for every unit of {@code route}.
     *
     * @param parameters the application's parameter values, in placeholder order (elements may be null)
     * @throws PlanningException naming the construct when the statement cannot be rewritten correctly for several
     *     units
     */
    public RewriteResult rewrite(ParsedStatement statement, List<Object> parameters, RouteResult route) {
        List<RouteUnit> units = route.units();
        if (units.isEmpty()) {
            return NOTHING;
        }
        StatementFacts f = statement.facts();
        TokenScan tokens = new TokenScan(statement.tokens());
        List<RenameSite> sites = renameSites(statement, tokens);
        boolean multi = units.size() > 1;
        StatementKind kind = f.kind();
        List<StructEdit> common = List.of();
        Optional<MergePlan> merge = Optional.empty();
        if (multi && kind == StatementKind.SELECT) {
            MultiShardSelect.Plan plan = MultiShardSelect.plan(statement, parameters, rule, tokens);
            common = plan.edits();
            merge = Optional.of(plan.merge());
        } else if (multi && (kind == StatementKind.UPDATE || kind == StatementKind.DELETE) && f.limit().isPresent()) {
            throw new PlanningException("cannot rewrite for several shards: " + kind + " with LIMIT across "
                    + units.size() + " shards (each shard would apply its own LIMIT)");
        }
        InsertPlan insert = kind == StatementKind.INSERT || kind == StatementKind.REPLACE
                ? InsertPlan.of(statement, tokens, route.generatedKeys()) : null;
        List<ExecutionUnit> out = new ArrayList<>(units.size());
        for (RouteUnit unit : units) {
            out.add(render(statement, parameters, unit, sites, common, insert, tokens));
        }
        return new RewriteResult(out, merge);
    }

    // ------------------------------------------------------------------ per unit

    private static ExecutionUnit render(ParsedStatement st, List<Object> parameters, RouteUnit unit,
            List<RenameSite> sites, List<StructEdit> common, InsertPlan insert, TokenScan tokens) {
        String sql = st.sql();
        String[] renames = new String[sites.size()];
        List<Splice> edits = new ArrayList<>(sites.size() + common.size() + 2);
        for (int i = 0; i < sites.size(); i++) {
            RenameSite site = sites.get(i);
            String actual = unit.actualTables().get(site.logicalLower());
            if (actual != null) {
                renames[i] = site.replacement(actual);
                if (renames[i] != null) {
                    edits.add(new Splice(site.start(), site.end(), renames[i], null));
                }
            }
        }
        boolean paramsChange = false;
        for (StructEdit e : common) {
            edits.add(renderStruct(e, sql, sites, renames, tokens));
            paramsChange = true;
        }
        if (insert != null) {
            paramsChange |= insert.edits(unit, edits);
        }
        for (RouteUnit.InListCut cut : unit.inLists()) {
            edits.add(inListSplice(st, cut));
            paramsChange = true;
        }
        if (edits.size() > 1) {
            edits.sort(BY_START);
        }
        List<TextSplice> splices = new ArrayList<>(edits.size());
        for (Splice e : edits) {
            splices.add(new TextSplice(e.start, e.end, e.text));
        }
        String rewritten = Splicer.apply(sql, splices);
        List<Object> unitParameters = paramsChange ? parameters(parameters, edits, tokens) : parameters;
        return new ExecutionUnit(unit.dataSource(), rewritten, unitParameters);
    }

    /**
     * The values of an IN list that this unit keeps, replacing the list from its first value to its last; the
     * kept values' text is copied as written, their parameters carried in order.
     */
    private static Splice inListSplice(ParsedStatement st, RouteUnit.InListCut cut) {
        List<Value> values = cut.predicate().values();
        String sql = st.sql();
        StringBuilder text = new StringBuilder();
        List<Integer> carried = new ArrayList<>(cut.keptValues().size());
        for (int v : cut.keptValues()) {
            Value value = values.get(v);
            TextSpan span = st.span(value);
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(sql, span.start(), span.end());
            if (value instanceof Value.Parameter p) {
                carried.add(p.index());
            }
        }
        int[] params = new int[carried.size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = carried.get(i);
        }
        return new Splice(st.span(values.get(0)).start(), st.span(values.get(values.size() - 1)).end(),
                text.toString(), params);
    }

    private static Splice renderStruct(StructEdit e, String sql, List<RenameSite> sites, String[] renames,
            TokenScan tokens) {
        StringBuilder b = new StringBuilder();
        List<Integer> carried = new ArrayList<>();
        for (Object piece : e.pieces()) {
            if (piece instanceof String) {
                b.append((String) piece);
                continue;
            }
            StructEdit.Source s = (StructEdit.Source) piece;
            int at = s.start();
            for (int i = 0; i < sites.size(); i++) {
                RenameSite site = sites.get(i);
                if (renames[i] != null && site.start() >= s.start() && site.end() <= s.end()) {
                    b.append(sql, at, site.start()).append(renames[i]);
                    at = site.end();
                }
            }
            b.append(sql, at, s.end());
            int p = 0;
            for (int j = 0; j < tokens.size(); j++) {
                if (tokens.type(j) == TokenType.PLACEHOLDER) {
                    if (tokens.start(j) >= s.start() && tokens.end(j) <= s.end()) {
                        carried.add(p);
                    }
                    p++;
                }
            }
        }
        int[] params = new int[carried.size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = carried.get(i);
        }
        return new Splice(e.start(), e.end(), b.toString(), params);
    }

    /** The parameters of the rewritten text: placeholders not cut out, and those copied by edits, in text order. */
    private static List<Object> parameters(List<Object> parameters, List<Splice> edits, TokenScan tokens) {
        List<Object> out = new ArrayList<>(parameters.size());
        int e = 0;
        int p = 0;
        for (int j = 0; j < tokens.size(); j++) {
            if (tokens.type(j) != TokenType.PLACEHOLDER) {
                continue;
            }
            int offset = tokens.start(j);
            while (e < edits.size() && edits.get(e).start <= offset) {
                carry(edits.get(e), parameters, out);
                e++;
            }
            boolean cut = e > 0 && edits.get(e - 1).start <= offset && offset < edits.get(e - 1).end;
            if (!cut && p < parameters.size()) {
                out.add(parameters.get(p)); // a missing value stays missing: the executor reports it, never a NULL
            }
            p++;
        }
        for (; e < edits.size(); e++) {
            carry(edits.get(e), parameters, out);
        }
        return out;
    }

    private static void carry(Splice edit, List<Object> parameters, List<Object> out) {
        if (edit.carried != null) {
            for (int index : edit.carried) {
                out.add(parameters.get(index));
            }
        }
    }

    // ------------------------------------------------------------------ table names

    /** Table references and the column qualifiers that name an unaliased table, in text order. */
    private List<RenameSite> renameSites(ParsedStatement st, TokenScan tokens) {
        List<TableRef> tables = st.facts().tables();
        String sql = st.sql();
        List<RenameSite> sites = new ArrayList<>(tables.size());
        boolean qualifiable = false;
        // Every reference is a site; the unit's map decides what is renamed (tables it does not map keep their names).
        for (TableRef t : tables) {
            TextSpan span = st.span(t);
            TextSpan name = st.nameSpan(t);
            sites.add(new RenameSite(span.start(), span.end(), t.name().toLowerCase(Locale.ROOT), t.name(),
                    sql.charAt(name.start()) == '`', t.schema().isPresent()));
            qualifiable |= t.alias().isEmpty();
        }
        if (!qualifiable) {
            return sites;
        }
        int tableSites = sites.size();
        for (int j = 0; j < tokens.size(); j++) {
            if (!tokens.isChar(j, '.')) {
                continue;
            }
            int q = tokens.previous(j);
            int next = tokens.next(j);
            if (q < 0 || next < 0 || !tokens.isIdentifier(q) || !(tokens.isIdentifier(next) || tokens.isChar(next, '*'))) {
                continue;
            }
            int start = tokens.start(q);
            if (insideTableSite(sites, tableSites, start)) {
                continue;
            }
            TableRef table = qualifiedTable(tables, tokens, q);
            if (table == null) {
                continue;
            }
            boolean schema = false;
            int dot = tokens.previous(q);
            if (tokens.isChar(dot, '.') && tokens.isIdentifier(tokens.previous(dot))) {
                start = tokens.start(tokens.previous(dot));
                schema = true;
            }
            sites.add(new RenameSite(start, tokens.end(q), table.name().toLowerCase(Locale.ROOT), tokens.identifier(q),
                    tokens.isQuoted(q), schema));
        }
        if (sites.size() > tableSites) {
            sites.sort(Comparator.comparingInt(RenameSite::start));
        }
        return sites;
    }

    private static boolean insideTableSite(List<RenameSite> sites, int count, int offset) {
        for (int i = 0; i < count; i++) {
            if (offset >= sites.get(i).start() && offset < sites.get(i).end()) {
                return true;
            }
        }
        return false;
    }

    /** The unaliased table a qualifier token names, unless an alias of that name hides it. */
    private TableRef qualifiedTable(List<TableRef> tables, TokenScan tokens, int q) {
        TableRef found = null;
        for (TableRef t : tables) {
            if (t.alias().isPresent() && tokens.identifierIs(q, t.alias().get())) {
                return null;
            }
            if (found == null && t.alias().isEmpty() && tokens.identifierIs(q, t.name())) {
                found = t;
            }
        }
        return found;
    }

    // ------------------------------------------------------------------ INSERT

    /** Row splitting and generated keys of an INSERT/REPLACE, the same for every unit except which rows it keeps. */
    private static final class InsertPlan {
        private final List<int[]> rows = new ArrayList<>(); // original [start, end) of each VALUES row
        private final boolean setForm;
        private final Optional<GeneratedKeys> keys;
        private final int columnListEnd; // offset of the ')' closing the column list, -1 if none

        private InsertPlan(boolean setForm, Optional<GeneratedKeys> keys, int columnListEnd) {
            this.setForm = setForm;
            this.keys = keys;
            this.columnListEnd = columnListEnd;
        }

        static InsertPlan of(ParsedStatement st, TokenScan tokens, Optional<GeneratedKeys> keys) {
            StatementFacts f = st.facts();
            InsertFacts facts = f.insert().orElse(null);
            if (facts == null) {
                return null;
            }
            int columnListEnd = -1;
            if (keys.isPresent()) {
                if (facts.fromSelect()) {
                    throw new PlanningException("cannot add generated key column '" + keys.get().column()
                            + "' to INSERT ... SELECT");
                }
                if (!facts.setForm()) {
                    if (facts.columns().isEmpty() || f.tables().isEmpty()) {
                        throw new PlanningException("cannot add generated key column '" + keys.get().column()
                                + "' to an INSERT without a column list");
                    }
                    int open = tokens.next(tokens.firstAt(st.span(f.tables().get(0)).end()) - 1);
                    int close = tokens.isChar(open, '(') ? tokens.matchingParen(open) : -1;
                    if (close < 0) {
                        throw new PlanningException("cannot find the column list of the INSERT to add generated key"
                                + " column '" + keys.get().column() + "'");
                    }
                    columnListEnd = tokens.start(close);
                }
                if (keys.get().values().size() != facts.rows().size()) {
                    throw new PlanningException(keys.get().values().size() + " generated keys for "
                            + facts.rows().size() + " INSERT rows");
                }
            }
            InsertPlan plan = new InsertPlan(facts.setForm(), keys, columnListEnd);
            for (InsertRow row : facts.rows()) {
                plan.rows.add(new int[] {st.start(row.span()), st.end(row.span())});
            }
            return plan;
        }

        /** Adds this unit's edits; returns whether they change the parameters. */
        boolean edits(RouteUnit unit, List<Splice> edits) {
            int n = rows.size();
            List<Integer> kept = unit.insertRows();
            boolean all = kept.isEmpty() || kept.size() == n;
            boolean cut = false;
            if (!all) {
                boolean[] keep = new boolean[n];
                for (int r : kept) {
                    if (r < 0 || r >= n) {
                        throw new PlanningException("route unit " + unit.dataSource() + " names INSERT row " + r
                                + " of " + n);
                    }
                    keep[r] = true;
                }
                int lastKept = -1;
                int r = 0;
                while (r < n) {
                    if (keep[r]) {
                        lastKept = r;
                        r++;
                        continue;
                    }
                    int runEnd = r;
                    while (runEnd + 1 < n && !keep[runEnd + 1]) {
                        runEnd++;
                    }
                    if (lastKept < 0) {
                        // Leading run: cut through the separator before the next kept row.
                        edits.add(new Splice(rows.get(r)[0], rows.get(runEnd + 1)[0], "", null));
                    } else {
                        edits.add(new Splice(rows.get(lastKept)[1], rows.get(runEnd)[1], "", null));
                    }
                    r = runEnd + 1;
                }
                cut = true;
            }
            if (keys.isPresent()) {
                GeneratedKeys k = keys.get();
                if (setForm) {
                    int[] row = rows.get(0);
                    edits.add(new Splice(row[1], row[1], ", " + k.column() + " = " + literal(k.values().get(0)),
                            null));
                } else {
                    edits.add(new Splice(columnListEnd, columnListEnd, ", " + k.column(), null));
                    for (int r = 0; r < n; r++) {
                        if (all || kept.contains(r)) {
                            int close = rows.get(r)[1] - 1;
                            edits.add(new Splice(close, close, ", " + literal(k.values().get(r)), null));
                        }
                    }
                }
            }
            return cut;
        }

        /** A generated key as SQL: digits for numbers, a quoted string otherwise. */
        static String literal(Object value) {
            if (value instanceof Long || value instanceof Integer || value instanceof Short
                    || value instanceof java.math.BigInteger) {
                return value.toString();
            }
            if (value == null) {
                throw new PlanningException("generated key is null");
            }
            String s = value.toString();
            StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\'' || c == '\\') {
                    b.append(c == '\'' ? '\'' : '\\');
                }
                b.append(c);
            }
            return b.append('\'').toString();
        }
    }

    /** One edit of one unit's text, with the parameters its replacement copies. */
    private static final class Splice {
        final int start;
        final int end;
        final String text;
        final int[] carried;

        Splice(int start, int end, String text, int[] carried) {
            this.start = start;
            this.end = end;
            this.text = text;
            this.carried = carried;
        }
    }
}

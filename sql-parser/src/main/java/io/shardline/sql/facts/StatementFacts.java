package io.shardline.sql.facts;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the router and the consistency features need to know about a statement, independent of its literal
 * values (values are {@link Value} references), so one instance is cached and shared by every statement with the same
 * normalized text. Token ranges are normalized-token indexes; {@code ParsedStatement} resolves them to the original
 * text of a particular statement.
 *
 * @param kind what the statement is
 * @param analysis how completely it was understood
 * @param tables every table reference, in text order (for DDL: the tables the statement names)
 * @param where the WHERE condition of the outermost query block / UPDATE / DELETE
 * @param projections the outermost select list (of the first UNION branch)
 * @param distinct SELECT DISTINCT on the outermost block
 * @param groupBy GROUP BY items of the outermost block
 * @param having the outermost block has a HAVING clause
 * @param orderBy ORDER BY items (also of UPDATE/DELETE)
 * @param limit LIMIT (also of UPDATE/DELETE)
 * @param hasJoin a JOIN or a comma join appears anywhere
 * @param outerJoins every LEFT/RIGHT join, anywhere in the statement, with the tables on each side
 * @param hasSubquery a nested query block appears anywhere (derived table, IN/EXISTS/scalar subquery)
 * @param hasUnion UNION/INTERSECT/EXCEPT appears anywhere
 * @param insert what INSERT/REPLACE writes
 * @param assignments UPDATE ... SET assignments
 * @param lockMode locking clause of a SELECT
 * @param mysqlFeatures MySQL-only syntax recognised by the normalizer
 * @param sessionVariables SET assignments
 * @param detail for classified statements: the schema of USE, what SHOW shows, the savepoint name, the XA command
 * @param parameterCount number of application {@code ?} placeholders
 * @param literalCount number of extracted literals
 */
public record StatementFacts(
        StatementKind kind,
        Analysis analysis,
        List<TableRef> tables,
        Optional<Predicate> where,
        List<Projection> projections,
        boolean distinct,
        List<OrderItem> groupBy,
        boolean having,
        List<OrderItem> orderBy,
        Optional<Limit> limit,
        boolean hasJoin,
        List<OuterJoin> outerJoins,
        boolean hasSubquery,
        boolean hasUnion,
        Optional<InsertFacts> insert,
        List<Assignment> assignments,
        LockMode lockMode,
        Set<MySqlFeature> mysqlFeatures,
        List<SessionVariable> sessionVariables,
        Optional<String> detail,
        int parameterCount,
        int literalCount) {

    public StatementFacts {
        tables = List.copyOf(tables);
        projections = List.copyOf(projections);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
        assignments = List.copyOf(assignments);
        outerJoins = List.copyOf(outerJoins);
        mysqlFeatures = Set.copyOf(mysqlFeatures);
        sessionVariables = List.copyOf(sessionVariables);
    }

        /** Freezes the collected facts. */
    /** A mutable builder; analyzers fill it, {@link #build()} freezes it. */
    public static Builder builder(StatementKind kind, Analysis analysis) {
        return new Builder(kind, analysis);
    }

    /** Collects facts during analysis. Not thread-safe; discard after {@link #build()}. */
    public static final class Builder {
        private StatementKind kind;
        private final Analysis analysis;
        private final List<TableRef> tables = new java.util.ArrayList<>();
        private Predicate where;
        private final List<Projection> projections = new java.util.ArrayList<>();
        private boolean distinct;
        private final List<OrderItem> groupBy = new java.util.ArrayList<>();
        private boolean having;
        private final List<OrderItem> orderBy = new java.util.ArrayList<>();
        private Limit limit;
        private boolean hasJoin;
        private final List<OuterJoin> outerJoins = new java.util.ArrayList<>();
        private boolean hasSubquery;
        private boolean hasUnion;
        private InsertFacts insert;
        private final List<Assignment> assignments = new java.util.ArrayList<>();
        private LockMode lockMode = LockMode.NONE;
        private final java.util.EnumSet<MySqlFeature> features = java.util.EnumSet.noneOf(MySqlFeature.class);
        private final List<SessionVariable> sessionVariables = new java.util.ArrayList<>();
        private String detail;
        private int parameterCount;
        private int literalCount;

        private Builder(StatementKind kind, Analysis analysis) {
            this.kind = kind;
            this.analysis = analysis;
        }

        /** Overrides the kind (e.g. REPLACE for an INSERT-shaped statement). */
        public Builder kind(StatementKind k) {
            this.kind = k;
            return this;
        }

        /** Adds a table reference, in text order. */
        public Builder table(TableRef t) {
            tables.add(t);
            return this;
        }

        /** Sets (or with {@code null} clears) the WHERE predicate. */
        public Builder where(Predicate p) {
            this.where = p;
            return this;
        }

        /** Adds a select-list item. */
        public Builder projection(Projection p) {
            projections.add(p);
            return this;
        }

        /** Marks SELECT DISTINCT. */
        public Builder distinct(boolean d) {
            this.distinct = d;
            return this;
        }

        /** Adds a GROUP BY item. */
        public Builder groupBy(OrderItem o) {
            groupBy.add(o);
            return this;
        }

        /** Marks a HAVING clause. */
        public Builder having(boolean h) {
            this.having = h;
            return this;
        }

        /** Adds an ORDER BY item. */
        public Builder orderBy(OrderItem o) {
            orderBy.add(o);
            return this;
        }

        /** Sets LIMIT. */
        public Builder limit(Limit l) {
            this.limit = l;
            return this;
        }

        /** Records a LEFT/RIGHT join (and marks a join). */
        public Builder outerJoin(OuterJoin join) {
            this.hasJoin = true;
            outerJoins.add(join);
            return this;
        }

        /** The table references collected so far, in text order. */
        public List<TableRef> tables() {
            return tables;
        }

        /** Marks a join. */
        public Builder join() {
            this.hasJoin = true;
            return this;
        }

        /** Marks a nested query block. */
        public Builder subquery() {
            this.hasSubquery = true;
            return this;
        }

        /** Marks a set operation. */
        public Builder union() {
            this.hasUnion = true;
            return this;
        }

        /** Sets what an INSERT/REPLACE writes. */
        public Builder insert(InsertFacts i) {
            this.insert = i;
            return this;
        }

        /** Adds an UPDATE assignment. */
        public Builder assignment(Assignment a) {
            assignments.add(a);
            return this;
        }

        /** Sets the lock mode. */
        public Builder lockMode(LockMode m) {
            this.lockMode = m;
            return this;
        }

        /** Records one MySQL-only feature. */
        public Builder feature(MySqlFeature f) {
            features.add(f);
            return this;
        }

        /** Records MySQL-only features. */
        public Builder features(Set<MySqlFeature> fs) {
            features.addAll(fs);
            return this;
        }

        /** Adds a SET assignment. */
        public Builder sessionVariable(SessionVariable v) {
            sessionVariables.add(v);
            return this;
        }

        /** Sets the detail of a classified statement. */
        public Builder detail(String d) {
            this.detail = d;
            return this;
        }

        /** Sets the numbers of application parameters and extracted literals. */
        public Builder counts(int parameters, int literals) {
            this.parameterCount = parameters;
            this.literalCount = literals;
            return this;
        }

        /** The select list collected so far (mutable view, for the analyser). */
        public List<Projection> projections() {
            return projections;
        }

        public StatementFacts build() {
            return new StatementFacts(kind, analysis, tables, Optional.ofNullable(where), projections, distinct, groupBy,
                    having, orderBy, Optional.ofNullable(limit), hasJoin, outerJoins, hasSubquery, hasUnion, Optional.ofNullable(insert),
                    assignments, lockMode, features, sessionVariables, Optional.ofNullable(detail), parameterCount,
                    literalCount);
        }
    }
}

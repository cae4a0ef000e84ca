package io.shardline.sql.analyze;

import io.shardline.sql.SqlParseException;
import io.shardline.sql.facts.Analysis;
import io.shardline.sql.facts.SessionVariable;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.facts.StatementKind;
import io.shardline.sql.facts.TableRef;
import io.shardline.sql.facts.TokenRange;
import io.shardline.sql.facts.Value;
import io.shardline.sql.lexer.TokenType;
import io.shardline.sql.normalize.MySqlClauseStripper;
import io.shardline.sql.normalize.NormalizedStatement;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies statements no grammar analyses, from their tokens: session statements, transactions, XA, SHOW, DDL
 * (with the table token spans a per-shard rewrite needs) and other administrative statements. Unknown leading words
 * are rejected: nothing is silently passed through.
 */
public final class LexicalClassifier {
    private static final Set<String> OTHER_VERBS = Set.of("CALL", "DO", "KILL", "FLUSH", "GRANT", "REVOKE", "ANALYZE",
            "OPTIMIZE", "REPAIR", "CHECK", "CHECKSUM", "HANDLER", "LOAD", "PREPARE", "EXECUTE", "DEALLOCATE", "SIGNAL",
            "RESIGNAL", "HELP", "RESET", "PURGE", "CHANGE", "INSTALL", "UNINSTALL", "SHUTDOWN", "BINLOG", "CACHE");

    private final NormalizedStatement ns;
    private final int end;
    private StatementFacts.Builder facts;

    private LexicalClassifier(NormalizedStatement ns) {
        this.ns = ns;
        int n = ns.size();
        while (n > 0 && ns.isChar(n - 1, ';')) {
            n--;
        }
        this.end = n;
    }

    /**
     * Classifies {@code ns}.
     *
     * @throws SqlParseException for an unknown statement or a malformed classified one
     */
    public static StatementFacts classify(NormalizedStatement ns) {
        LexicalClassifier c = new LexicalClassifier(ns);
        c.run();
        c.facts.counts(ns.parameterCount(), ns.literalCount());
        return c.facts.build();
    }

    private StatementFacts.Builder start(StatementKind kind) {
        facts = StatementFacts.builder(kind, Analysis.CLASSIFIED);
        return facts;
    }

    private void run() {
        if (end == 0) {
            throw SqlParseException.at(ns.sql(), 0, "empty statement", "", null);
        }
        String verb = ns.type(0) == TokenType.WORD ? ns.text(0).toUpperCase(Locale.ROOT) : "";
        for (int u = 1; u < end; u++) {
            if (ns.isChar(u, ';')) {
                throw reject(u, "multiple statements", "send one statement at a time");
            }
        }
        switch (verb) {
            case "SET":
                set();
                return;
            case "USE":
                start(StatementKind.USE).detail(name(1));
                return;
            case "SHOW":
                show();
                return;
            case "DESCRIBE":
            case "DESC":
            case "EXPLAIN":
                explain();
                return;
            case "BEGIN":
                start(StatementKind.BEGIN);
                return;
            case "START":
                if (ns.isWord(1, "SLAVE") || ns.isWord(1, "REPLICA") || ns.isWord(1, "GROUP_REPLICATION")) {
                    start(StatementKind.OTHER).detail("START " + ns.text(1).toUpperCase(Locale.ROOT));
                    return;
                }
                if (!ns.isWord(1, "TRANSACTION")) {
                    throw reject(Math.min(1, end - 1), "START " + (end > 1 ? ns.text(1) : ""), "expected START TRANSACTION");
                }
                start(StatementKind.BEGIN);
                if (end > 2) {
                    facts.detail(words(2, end));
                }
                return;
            case "COMMIT":
                start(StatementKind.COMMIT);
                return;
            case "ROLLBACK":
                rollback();
                return;
            case "SAVEPOINT":
                start(StatementKind.SAVEPOINT).detail("SAVEPOINT " + name(1));
                return;
            case "RELEASE":
                if (!ns.isWord(1, "SAVEPOINT")) {
                    throw reject(1, "RELEASE", "expected RELEASE SAVEPOINT");
                }
                start(StatementKind.SAVEPOINT).detail("RELEASE " + name(2));
                return;
            case "XA":
                start(StatementKind.XA).detail(words(1, end));
                return;
            case "CREATE":
                create();
                return;
            case "ALTER":
                alter();
                return;
            case "DROP":
                drop();
                return;
            case "TRUNCATE":
                start(StatementKind.TRUNCATE_TABLE);
                table(ns.isWord(1, "TABLE") ? 2 : 1);
                return;
            case "RENAME":
                rename();
                return;
            case "LOCK":
                lockTables();
                return;
            case "UNLOCK":
                start(StatementKind.LOCK_TABLES).detail("UNLOCK");
                return;
            default:
                if (OTHER_VERBS.contains(verb)) {
                    start(StatementKind.OTHER).detail(verb);
                    return;
                }
                throw reject(0, "unknown statement '" + ns.text(0) + "'", "");
        }
    }

    // ---------------------------------------------------------------- SET

    private void set() {
        start(StatementKind.SET);
        int u = 1;
        if (isTransactionItem(u)) {
            transaction(u);
            return;
        }
        while (u < end) {
            int itemEnd = topLevelCommaOrEnd(u);
            item(u, itemEnd);
            u = itemEnd + 1;
        }
    }

    private boolean isTransactionItem(int u) {
        return ns.isWord(u, "TRANSACTION") || (ns.isWord(u, "GLOBAL") || ns.isWord(u, "SESSION")
                || ns.isWord(u, "LOCAL")) && ns.isWord(u + 1, "TRANSACTION");
    }

    private void transaction(int u) {
        SessionVariable.Scope scope = ns.isWord(u, "GLOBAL") ? SessionVariable.Scope.GLOBAL
                : SessionVariable.Scope.TRANSACTION;
        int t = ns.isWord(u, "TRANSACTION") ? u : u + 1;
        if (t + 1 >= end) {
            throw reject(t, "SET TRANSACTION", "expected characteristics");
        }
        // GLOBAL TRANSACTION changes the default for new sessions; keep the scope visible in the name.
        String name = (scope == SessionVariable.Scope.GLOBAL ? "GLOBAL " : "") + words(t + 1, end);
        facts.sessionVariable(new SessionVariable(SessionVariable.Scope.TRANSACTION, name,
                new Value.Expression(new TokenRange(t + 1, end - 1))));
    }

    private void item(int u, int itemEnd) {
        if (itemEnd <= u) {
            throw reject(Math.min(u, end - 1), "SET", "empty assignment");
        }
        if (ns.isWord(u, "NAMES")) {
            requireValue(u + 1, itemEnd, "SET NAMES");
            facts.sessionVariable(new SessionVariable(SessionVariable.Scope.NAMES, "NAMES", value(u + 1, itemEnd - 1)));
            return;
        }
        if (ns.isWord(u, "CHARSET") || ns.isWord(u, "CHARACTER") && ns.isWord(u + 1, "SET")) {
            int v = ns.isWord(u, "CHARSET") ? u + 1 : u + 2;
            requireValue(v, itemEnd, "SET CHARACTER SET");
            facts.sessionVariable(new SessionVariable(SessionVariable.Scope.CHARACTER_SET, "CHARACTER SET",
                    value(v, itemEnd - 1)));
            return;
        }
        SessionVariable.Scope scope = SessionVariable.Scope.SESSION;
        int nameAt = u;
        String name;
        if (ns.isWord(u, "GLOBAL") || ns.isWord(u, "PERSIST") || ns.isWord(u, "PERSIST_ONLY")) {
            scope = SessionVariable.Scope.GLOBAL;
            nameAt = u + 1;
        } else if (ns.isWord(u, "SESSION") || ns.isWord(u, "LOCAL")) {
            nameAt = u + 1;
        }
        TokenType t = nameAt < itemEnd ? ns.type(nameAt) : null;
        int eq;
        if (t == TokenType.USER_VARIABLE) {
            scope = SessionVariable.Scope.USER;
            name = stripQuotes(ns.text(nameAt).substring(1));
            eq = nameAt + 1;
        } else if (t == TokenType.SYSTEM_VARIABLE) {
            String v = ns.text(nameAt).substring(2);
            String lower = v.toLowerCase(Locale.ROOT);
            if (lower.startsWith("global.")) {
                scope = SessionVariable.Scope.GLOBAL;
                v = v.substring(7);
            } else if (lower.startsWith("session.")) {
                v = v.substring(8);
            } else if (lower.startsWith("local.")) {
                v = v.substring(6);
            }
            name = v;
            eq = nameAt + 1;
        } else if (t == TokenType.WORD || t == TokenType.QUOTED_IDENTIFIER) {
            eq = nameAt + 1;
            name = MySqlClauseStripper.identifierName(ns, nameAt);
            // SET @@x.y and SET x.y (component variables) are rare; a dotted name stays one name.
            while (ns.isChar(eq, '.') && eq + 1 < itemEnd) {
                name = name + "." + MySqlClauseStripper.identifierName(ns, eq + 1);
                eq += 2;
            }
        } else {
            throw reject(nameAt < end ? nameAt : u, "SET", "expected a variable name");
        }
        if (!(ns.isChar(eq, '=') || ns.isOperator(eq, ":="))) {
            throw reject(Math.min(eq, end - 1), "SET", "expected '=' after the variable name");
        }
        requireValue(eq + 1, itemEnd, "SET");
        facts.sessionVariable(new SessionVariable(scope, name, value(eq + 1, itemEnd - 1)));
    }

    private void requireValue(int u, int itemEnd, String construct) {
        if (u >= itemEnd) {
            throw reject(Math.min(u, end - 1), construct, "expected a value");
        }
    }

    private static String stripQuotes(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"' || s.charAt(0) == '`')) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private Value value(int first, int last) {
        if (first == last) {
            byte role = ns.role(first);
            if (role == NormalizedStatement.PARAMETER) {
                return new Value.Parameter(ns.valueIndex(first));
            }
            if (role == NormalizedStatement.EXTRACTED_LITERAL) {
                return new Value.Literal(ns.valueIndex(first));
            }
        }
        return new Value.Expression(new TokenRange(first, last));
    }

    // ---------------------------------------------------------------- SHOW, EXPLAIN, transactions

    private void show() {
        start(StatementKind.SHOW);
        int u = 1;
        StringBuilder what = new StringBuilder();
        while (u < end && ns.type(u) == TokenType.WORD && !ns.isWord(u, "FROM") && !ns.isWord(u, "IN")
                && !ns.isWord(u, "LIKE") && !ns.isWord(u, "WHERE")) {
            if (what.length() > 0) {
                what.append(' ');
            }
            what.append(ns.text(u).toUpperCase(Locale.ROOT));
            if (ns.isWord(u, "TABLE") && ns.isWord(1, "CREATE")) {
                u++;
                break;
            }
            u++;
        }
        if (what.length() == 0) {
            throw reject(Math.min(1, end - 1), "SHOW", "expected what to show");
        }
        facts.detail(what.toString());
        String w = what.toString();
        if (w.equals("CREATE TABLE") && u < end) {
            table(u);
        } else if ((w.endsWith("COLUMNS") || w.endsWith("FIELDS") || w.equals("INDEX") || w.equals("INDEXES")
                || w.equals("KEYS")) && (ns.isWord(u, "FROM") || ns.isWord(u, "IN"))) {
            table(u + 1);
        }
    }

    private void explain() {
        start(StatementKind.EXPLAIN);
        int u = 1;
        if (end > 1 && ns.type(1) == TokenType.WORD && !ns.isWord(1, "SELECT") && !ns.isWord(1, "INSERT")
                && !ns.isWord(1, "UPDATE") && !ns.isWord(1, "DELETE") && !ns.isWord(1, "REPLACE")
                && !ns.isWord(1, "FORMAT") && !ns.isWord(1, "EXTENDED") && !ns.isWord(1, "PARTITIONS")
                && !ns.isWord(1, "ANALYZE") && !ns.isWord(1, "WITH")) {
            facts.detail("TABLE");
            table(u);
            return;
        }
        facts.detail("STATEMENT");
    }

    private void rollback() {
        int u = 1;
        if (ns.isWord(u, "WORK")) {
            u++;
        }
        if (ns.isWord(u, "TO")) {
            u++;
            if (ns.isWord(u, "SAVEPOINT")) {
                u++;
            }
            start(StatementKind.SAVEPOINT).detail("ROLLBACK TO " + name(u));
            return;
        }
        start(StatementKind.ROLLBACK);
    }

    // ---------------------------------------------------------------- DDL

    private void create() {
        int u = 1;
        if (ns.isWord(u, "OR") && ns.isWord(u + 1, "REPLACE")) {
            u += 2;
        }
        if (ns.isWord(u, "TEMPORARY")) {
            u++;
        }
        if (ns.isWord(u, "TABLE")) {
            start(StatementKind.CREATE_TABLE);
            u++;
            if (ns.isWord(u, "IF") && ns.isWord(u + 1, "NOT") && ns.isWord(u + 2, "EXISTS")) {
                u += 3;
            }
            int after = table(u);
            int like = ns.isChar(after, '(') && ns.isWord(after + 1, "LIKE") ? after + 1 : after;
            if (ns.isWord(like, "LIKE")) {
                table(like + 1);
            }
            references(after);
            return;
        }
        if (ns.isWord(u, "UNIQUE") || ns.isWord(u, "FULLTEXT") || ns.isWord(u, "SPATIAL")) {
            u++;
        }
        if (ns.isWord(u, "INDEX")) {
            start(StatementKind.CREATE_INDEX);
            int on = findWord(u + 1, "ON");
            if (on < 0) {
                throw reject(u, "CREATE INDEX", "expected ON table");
            }
            facts.detail(name(u + 1));
            table(on + 1);
            return;
        }
        start(StatementKind.OTHER_DDL).detail("CREATE " + (u < end ? ns.text(u).toUpperCase(Locale.ROOT) : ""));
    }

    private void alter() {
        int u = 1;
        if (ns.isWord(u, "ONLINE") || ns.isWord(u, "IGNORE")) {
            u++;
        }
        if (!ns.isWord(u, "TABLE")) {
            start(StatementKind.OTHER_DDL).detail("ALTER " + (u < end ? ns.text(u).toUpperCase(Locale.ROOT) : ""));
            return;
        }
        start(StatementKind.ALTER_TABLE);
        references(table(u + 1));
        // ALTER TABLE t RENAME [TO|AS] t2 names a second table.
        for (int c = u + 2; c < end; c++) {
            if (ns.isWord(c, "RENAME") && !ns.isWord(c + 1, "COLUMN") && !ns.isWord(c + 1, "INDEX")
                    && !ns.isWord(c + 1, "KEY")) {
                int t = c + 1;
                if (ns.isWord(t, "TO") || ns.isWord(t, "AS")) {
                    t++;
                }
                table(t);
            }
        }
    }

    private void drop() {
        int u = 1;
        if (ns.isWord(u, "TEMPORARY")) {
            u++;
        }
        if (ns.isWord(u, "TABLE") || ns.isWord(u, "TABLES")) {
            start(StatementKind.DROP_TABLE);
            u++;
            if (ns.isWord(u, "IF") && ns.isWord(u + 1, "EXISTS")) {
                u += 2;
            }
            while (u < end) {
                u = table(u);
                if (!ns.isChar(u, ',')) {
                    break;
                }
                u++;
            }
            return;
        }
        if (ns.isWord(u, "INDEX")) {
            start(StatementKind.DROP_INDEX);
            int on = findWord(u + 1, "ON");
            if (on < 0) {
                throw reject(u, "DROP INDEX", "expected ON table");
            }
            facts.detail(name(u + 1));
            table(on + 1);
            return;
        }
        start(StatementKind.OTHER_DDL).detail("DROP " + (u < end ? ns.text(u).toUpperCase(Locale.ROOT) : ""));
    }

    private void rename() {
        if (!ns.isWord(1, "TABLE")) {
            start(StatementKind.OTHER_DDL).detail("RENAME");
            return;
        }
        start(StatementKind.OTHER_DDL).detail("RENAME TABLE");
        int u = 2;
        while (u < end) {
            u = table(u);
            if (!ns.isWord(u, "TO")) {
                throw reject(Math.min(u, end - 1), "RENAME TABLE", "expected TO");
            }
            u = table(u + 1);
            if (!ns.isChar(u, ',')) {
                break;
            }
            u++;
        }
    }

    private void lockTables() {
        if (!ns.isWord(1, "TABLES") && !ns.isWord(1, "TABLE")) {
            throw reject(Math.min(1, end - 1), "LOCK", "expected LOCK TABLES");
        }
        start(StatementKind.LOCK_TABLES).detail("LOCK");
        int u = 2;
        while (u < end) {
            u = table(u);
            while (u < end && !ns.isChar(u, ',')) {
                u++;
            }
            u++;
        }
    }

    /** Foreign keys name other tables ({@code REFERENCES parent (id)}); a per-shard rewrite must see them too. */
    private void references(int from) {
        for (int c = from; c < end - 1; c++) {
            if (ns.isWord(c, "REFERENCES") && isIdentifier(c + 1)) {
                c = table(c + 1) - 1;
            }
        }
    }

    /** Records the table whose identifier chain starts at {@code u}; returns the token after it. */
    private int table(int u) {
        if (!isIdentifier(u)) {
            throw reject(Math.min(u, end - 1), "table name", "expected a table name");
        }
        int last = u;
        if (ns.isChar(u + 1, '.') && isIdentifier(u + 2)) {
            last = u + 2;
        }
        Optional<String> schema = last > u ? Optional.of(MySqlClauseStripper.identifierName(ns, u)) : Optional.empty();
        facts.table(new TableRef(schema, MySqlClauseStripper.identifierName(ns, last), Optional.empty(),
                new TokenRange(u, last), false));
        return last + 1;
    }

    private boolean isIdentifier(int u) {
        return u >= 0 && u < end && ns.role(u) == NormalizedStatement.PLAIN
                && (ns.type(u) == TokenType.WORD || ns.type(u) == TokenType.QUOTED_IDENTIFIER);
    }

    private String name(int u) {
        if (u >= end) {
            throw reject(end - 1, "name", "expected a name");
        }
        if (ns.type(u) == TokenType.STRING) {
            return stripQuotes(ns.text(u));
        }
        return MySqlClauseStripper.identifierName(ns, u);
    }

    private String words(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int u = from; u < to; u++) {
            if (sb.length() > 0 && !ns.isChar(u, ',') && !ns.isChar(u, '.') && !ns.isChar(u - 1, '.')) {
                sb.append(' ');
            }
            sb.append(ns.type(u) == TokenType.WORD ? ns.text(u).toUpperCase(Locale.ROOT) : ns.text(u));
        }
        return sb.toString();
    }

    private int findWord(int from, String word) {
        for (int u = from; u < end; u++) {
            if (ns.isWord(u, word)) {
                return u;
            }
        }
        return -1;
    }

    private int topLevelCommaOrEnd(int from) {
        int depth = 0;
        for (int u = from; u < end; u++) {
            if (ns.isChar(u, '(')) {
                depth++;
            } else if (ns.isChar(u, ')')) {
                depth--;
            } else if (depth == 0 && ns.isChar(u, ',')) {
                return u;
            }
        }
        return end;
    }

    private SqlParseException reject(int u, String construct, String detail) {
        int at = u >= 0 && u < ns.size() ? ns.start(u) : ns.sql().length();
        return SqlParseException.at(ns.sql(), at, construct, detail, null);
    }
}

package io.shardline.compat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a corpus on the oracle and on the path under test and classifies every entry.
 *
 * <p>Queries run on both paths and are compared. DML and DDL run on the path under test first: if it refuses,
 * the oracle does not run the statement either, so both databases keep the same rows and the checking
 * queries that follow stay meaningful; otherwise the oracle runs it and the update counts must agree.
 */
public final class CompatRunner {

    /** SQLStates with which a path refuses a statement it cannot run correctly. */
    private static final Set<String> REFUSAL_STATES = Set.of("42000", "0A000");

    /**
     * The error number the Shardline proxy gives its own refusals ({@code ProxyError.REFUSED}, in the 9000 range no
     * MariaDB or MySQL error uses): over the wire a refusal must carry a number, and this one says "Shardline's".
     */
    static final int PROXY_REFUSAL_ERROR = 9001;

    private final SqlPath oracle;
    private final SqlPath subject;
    private final int renderedRows;

    /** A runner that shows the first 8 rows of each side of a difference. */
    public CompatRunner(SqlPath oracle, SqlPath subject) {
        this(oracle, subject, 8);
    }

    /** A runner that shows the first {@code renderedRows} rows of each side of a difference. */
    public CompatRunner(SqlPath oracle, SqlPath subject, int renderedRows) {
        this.oracle = oracle;
        this.subject = subject;
        this.renderedRows = renderedRows;
    }

    public List<EntryOutcome> run(List<CorpusEntry> corpus) {
        List<EntryOutcome> out = new ArrayList<>(corpus.size());
        for (CorpusEntry entry : corpus) {
            out.add(entry.kind() == CorpusEntry.Kind.QUERY ? runQuery(entry) : runChange(entry));
        }
        return out;
    }

    private EntryOutcome runQuery(CorpusEntry entry) {
        QueryResult expected;
        try {
            expected = oracle.query(entry.sql(), entry.params());
        } catch (SQLException e) {
            return oracleFailed(entry, e);
        }
        QueryResult actual;
        try {
            actual = subject.query(entry.sql(), entry.params());
        } catch (SQLException e) {
            return failed(entry, e, ResultComparator.render(expected, renderedRows));
        } catch (RuntimeException e) {
            return new EntryOutcome(entry, Verdict.ERROR, describe(e), ResultComparator.render(expected, renderedRows),
                    "");
        }
        Optional<String> difference = ResultComparator.difference(expected, actual, entry.isOrdered());
        if (difference.isEmpty()) {
            return EntryOutcome.pass(entry);
        }
        return new EntryOutcome(entry, Verdict.WRONG, difference.get(), ResultComparator.render(expected, renderedRows),
                ResultComparator.render(actual, renderedRows));
    }

    private EntryOutcome runChange(CorpusEntry entry) {
        long actual;
        try {
            actual = subject.update(entry.sql(), entry.params());
        } catch (SQLException e) {
            return failed(entry, e, "");
        } catch (RuntimeException e) {
            return new EntryOutcome(entry, Verdict.ERROR, describe(e), "", "");
        }
        long expected;
        try {
            expected = oracle.update(entry.sql(), entry.params());
        } catch (SQLException e) {
            return oracleFailed(entry, e);
        }
        if (expected != actual) {
            return new EntryOutcome(entry, Verdict.WRONG, "update count " + expected + " vs " + actual,
                    Long.toString(expected), Long.toString(actual));
        }
        return EntryOutcome.pass(entry);
    }

    private EntryOutcome failed(CorpusEntry entry, SQLException e, String expected) {
        if (isRefusal(e)) {
            return new EntryOutcome(entry, Verdict.REJECTED, e.getMessage(), expected, "");
        }
        return new EntryOutcome(entry, Verdict.ERROR, subject.name() + " failed: " + describe(e), expected, "");
    }

    private EntryOutcome oracleFailed(CorpusEntry entry, SQLException e) {
        return new EntryOutcome(entry, Verdict.ERROR, oracle.name() + " (the plain database) failed, the corpus entry "
                + "is not valid SQL here: " + describe(e), "", "");
    }

    /**
     * A refusal is the path's own decision (SQLState 42000/0A000 without a server error number, or with the proxy's
     * refusal number) and says what it refuses; a 42000 from the server behind it (a syntax error in a rewritten
     * statement) is an ERROR.
     */
    static boolean isRefusal(SQLException e) {
        return e.getSQLState() != null && REFUSAL_STATES.contains(e.getSQLState())
                && (e.getErrorCode() == 0 || e.getErrorCode() == PROXY_REFUSAL_ERROR)
                && e.getMessage() != null && !e.getMessage().isBlank();
    }

    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder(e.toString());
        if (e instanceof SQLException sql) {
            s.append(" [SQLState ").append(sql.getSQLState()).append(", error ").append(sql.getErrorCode()).append(']');
        }
        for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
            s.append("\n  caused by ").append(c);
        }
        return s.toString();
    }
}

package io.shardline.jdbc.execute;

import io.shardline.consistency.ryw.CausalToken;
import io.shardline.consistency.ryw.Gtid;
import io.shardline.consistency.ryw.StatementKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read/write splitting state of one logical connection, passed explicitly to the executor (never a
 * ThreadLocal): the statement being run (for key extraction, done lazily and at most once), whether the open
 * transaction has written, the writes waiting for its commit, the positions this connection wrote last (exported as
 * a {@link CausalToken}) and the positions an imported token asks its reads to see. Not thread-safe, like the
 * connection.
 */
public final class ReadWriteSession {

    private final ShardPools pools;
    String sql;
    List<Object> parameters = List.of();
    StatementKeys keys;
    boolean transactionWritten;
    final List<Pending> pending = new ArrayList<>(2);
    final Gtid[] lastWritten;
    final Gtid[] required;

    /** A write of an open transaction, recorded when it commits. */
    record Pending(DataSourceGroup group, StatementKeys keys) {
    }

    public ReadWriteSession(ShardPools pools) {
        this.pools = pools;
        int n = pools.groups().size();
        lastWritten = new Gtid[n];
        required = new Gtid[n];
    }

    /** The statement about to run; its keys are extracted only if a decision needs them. */
    public void statement(String sql, List<Object> parameters) {
        this.sql = sql;
        this.parameters = parameters;
        this.keys = null;
    }

    /** True when the open transaction has written (its later reads stay on masters). */
    public boolean transactionWritten() {
        return transactionWritten;
    }

    /** True when the open transaction has writes waiting for its commit to be tracked. */
    public boolean hasPendingWrites() {
        return !pending.isEmpty();
    }

    /** The transaction ended without commit: its writes are forgotten. */
    public void rolledBack() {
        pending.clear();
        transactionWritten = false;
    }

    /**
     * The positions this connection's commits reached, per data source: hand it to another Shardline instance
     * ({@link #importToken}) so that its reads see these writes.
     */
    public CausalToken causalToken() {
        Map<String, Gtid> out = new LinkedHashMap<>();
        for (DataSourceGroup g : pools.groups()) {
            Gtid gtid = lastWritten[g.index()];
            if (gtid != null) {
                out.put(g.name(), gtid);
            }
        }
        return new CausalToken(out);
    }

    /**
     * Makes this connection's reads see {@code token}'s positions: a read of a data source named in the token runs
     * on a replica that has applied its GTID, else on the master.
     *
     * @throws IllegalArgumentException when the token names a data source that is not configured
     */
    public void importToken(CausalToken token) {
        for (Map.Entry<String, Gtid> e : token.positions().entrySet()) {
            DataSourceGroup g = pools.groupOrNull(e.getKey());
            if (g == null) {
                throw new IllegalArgumentException("The causal token names data source '" + e.getKey()
                        + "', which is not configured (configured: " + names() + ")");
            }
            Gtid current = required[g.index()];
            if (current == null || current.domain() != e.getValue().domain() || current.seq() < e.getValue().seq()) {
                required[g.index()] = e.getValue();
            }
        }
    }

    private List<String> names() {
        List<String> out = new ArrayList<>();
        for (DataSourceGroup g : pools.groups()) {
            out.add(g.name());
        }
        return out;
    }

    void wrote(DataSourceGroup group, Gtid gtid) {
        Gtid current = lastWritten[group.index()];
        if (current == null || current.domain() != gtid.domain() || current.seq() < gtid.seq()) {
            lastWritten[group.index()] = gtid;
        }
    }
}

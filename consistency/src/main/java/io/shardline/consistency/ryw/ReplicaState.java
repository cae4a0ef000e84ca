package io.shardline.consistency.ryw;

/**
 * What is known about one replica: its applied GTID position, its lag measured from positions, and whether it
 * may serve reads. Written by the {@link ReplicaPoller} (and by the executor when a read on it fails), read on
 * every routed statement: volatile fields, no locks.
 */
public final class ReplicaState {

    private final String name;
    private final long maxLagMillis;
    private volatile GtidPosition position = GtidPosition.EMPTY;
    private volatile long lagMillis;
    private volatile boolean healthy = true;
    private volatile String reason = "";

    /**
     * @param name         e.g. {@code ds_0/replica-1@127.0.0.1:3307}, for messages
     * @param maxLagMillis a replica further behind is not used; 0 = no limit
     */
    public ReplicaState(String name, long maxLagMillis) {
        this.name = name;
        this.maxLagMillis = maxLagMillis;
    }

    public String name() {
        return name;
    }

    /** The last polled {@code @@gtid_slave_pos}. */
    public GtidPosition position() {
        return position;
    }

    /** How long the replica has been missing a write the master had (0 when caught up at the last poll). */
    public long lagMillis() {
        return lagMillis;
    }

    /** Reachable, not failed since its last successful poll, and within the lag limit. */
    public boolean healthy() {
        return healthy;
    }

    /** Why the replica is out, or empty. */
    public String reason() {
        return reason;
    }

    /** True when {@code seq} of {@code domain} is applied here (as of the last poll). */
    public boolean hasApplied(long domain, long seq) {
        return position.hasApplied(domain, seq);
    }

    /** A successful poll: clears earlier failures; out only when too far behind. */
    public void polled(GtidPosition applied, long lag) {
        position = applied;
        lagMillis = lag;
        set(maxLagMillis > 0 && lag > maxLagMillis ? "lag " + lag + " ms exceeds maxReplicaLagMs " + maxLagMillis : "");
    }

    /** A failed poll: the replica is out until a poll succeeds. */
    public void unreachable(String why) {
        set("unreachable: " + why);
    }

    /** A read on the replica failed with a connection error: out until the next successful poll. */
    public void failed(String why) {
        set("failed a read: " + why);
    }

    private void set(String why) {
        reason = why;
        healthy = why.isEmpty();
    }

    @Override
    public String toString() {
        return name + (healthy ? "" : " (out: " + reason + ")") + " at " + position + ", lag " + lagMillis + " ms";
    }
}

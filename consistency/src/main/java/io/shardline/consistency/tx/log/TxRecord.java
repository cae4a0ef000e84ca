package io.shardline.consistency.tx.log;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of the {@link TransactionLog}.
 *
 * @param type what the record says
 * @param xid the global transaction id (non-empty)
 * @param mode how the branches commit; meaningful on {@link TxRecordType#COMMITTING} only (the other factories set
 *     {@link TxMode#DELAYED}, and recovery takes the mode from the COMMITTING record)
 * @param branches data source (group) names in commit order; non-empty on COMMITTING, may be empty otherwise
 * @param outcome present exactly on {@link TxRecordType#FINISHED}
 * @param detail free text, {@code ""} if none (a failure reason, what recovery did)
 * @param timeMillis wall-clock time the record was created
 */
public record TxRecord(TxRecordType type, String xid, TxMode mode, List<String> branches,
                       Optional<TxOutcome> outcome, String detail, long timeMillis) {

    public TxRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(xid, "xid");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        if (xid.isEmpty()) {
            throw new IllegalArgumentException("a transaction log record needs a non-empty xid");
        }
        branches = List.copyOf(branches);
        if (type == TxRecordType.COMMITTING && branches.isEmpty()) {
            throw new IllegalArgumentException("COMMITTING record for xid '" + xid + "' has no branches");
        }
        if ((type == TxRecordType.FINISHED) != outcome.isPresent()) {
            throw new IllegalArgumentException(type + " record for xid '" + xid + "' "
                    + (outcome.isPresent() ? "must not carry an outcome" : "needs an outcome"));
        }
    }

    /** The commit decision for {@code xid}: its mode and its branches in commit order. */
    public static TxRecord committing(String xid, TxMode mode, List<String> branches) {
        return new TxRecord(TxRecordType.COMMITTING, xid, mode, branches, Optional.empty(), "",
                System.currentTimeMillis());
    }

    /** {@code xid} is being rolled back or compensated, because of {@code reason}. */
    public static TxRecord compensating(String xid, String reason) {
        return new TxRecord(TxRecordType.COMPENSATING, xid, TxMode.DELAYED, List.of(), Optional.empty(), reason,
                System.currentTimeMillis());
    }

    /** {@code xid} is settled with {@code outcome}; {@code detail} says what happened. */
    public static TxRecord finished(String xid, TxOutcome outcome, String detail) {
        return new TxRecord(TxRecordType.FINISHED, xid, TxMode.DELAYED, List.of(),
                Optional.of(Objects.requireNonNull(outcome, "outcome")), detail, System.currentTimeMillis());
    }
}

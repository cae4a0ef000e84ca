package io.shardline.compat;

/**
 * The verdict for one corpus entry.
 *
 * @param entry    the statement
 * @param verdict  PASS, REJECTED, WRONG or ERROR
 * @param detail   empty for PASS; the refusal message for REJECTED; the difference for WRONG; the error for ERROR
 * @param expected what the oracle answered (empty when not relevant)
 * @param actual   what the path answered (empty when not relevant)
 */
public record EntryOutcome(CorpusEntry entry, Verdict verdict, String detail, String expected, String actual) {

    static EntryOutcome pass(CorpusEntry entry) {
        return new EntryOutcome(entry, Verdict.PASS, "", "", "");
    }
}

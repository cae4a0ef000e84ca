package io.shardline.router.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a UNION over sharded tables combines: each branch is merged from its own units as if it were a statement of
 * its own, then the branches' rows are concatenated, deduplicated as far as the UNION's DISTINCT operators reach,
 * ordered and limited. The units of a plan are the branches' units, branch after branch.
 *
 * @param branches         each SELECT's share of the units, in order
 * @param orderBy          the UNION's ORDER BY, by result column
 * @param distinctBranches leading branches deduplicated together (see
 *                         {@code io.shardline.sql.UnionBranches#distinctBranches()}); 0 for UNION ALL only
 * @param offset           rows to skip in the final result
 * @param limit            rows to return after the offset; negative for no limit
 */
public record UnionPlan(List<Branch> branches, List<Order> orderBy, int distinctBranches, long offset, long limit) {

    /**
     * One SELECT of the UNION.
     *
     * @param units how many of the plan's units are this branch's
     * @param merge how they combine; empty for a branch on one unit, whose rows are the branch's as they come
     */
    public record Branch(int units, Optional<MergePlan> merge) {
        public Branch {
            if (units < 1) {
                throw new IllegalArgumentException("a UNION branch needs at least one unit, had " + units);
            }
            if (units > 1 && merge.isEmpty()) {
                throw new IllegalArgumentException("a UNION branch on " + units + " units needs a merge plan");
            }
        }
    }

    /**
     * One ORDER BY item of the UNION: a result column by 1-based position or by name (MySQL allows nothing else
     * there that Shardline could evaluate from the rows).
     *
     * @param ordinal    1-based position, or 0 when {@code label} names the column
     * @param label      the result column's label (the first SELECT's), when {@code ordinal} is 0
     * @param descending DESC
     */
    public record Order(int ordinal, String label, boolean descending) {
        @Override
        public String toString() {
            return (ordinal > 0 ? String.valueOf(ordinal) : label) + (descending ? " DESC" : "");
        }
    }

    public UnionPlan {
        branches = List.copyOf(branches);
        orderBy = List.copyOf(orderBy);
        if (branches.size() < 2) {
            throw new IllegalArgumentException("a UNION has at least two branches, had " + branches.size());
        }
        if (distinctBranches < 0 || distinctBranches == 1 || distinctBranches > branches.size()) {
            throw new IllegalArgumentException("distinctBranches must be 0 or 2.." + branches.size() + ", was "
                    + distinctBranches);
        }
    }

    /** Units of all branches together. */
    public int units() {
        int n = 0;
        for (Branch branch : branches) {
            n += branch.units();
        }
        return n;
    }

    /**
     * The ORDER BY as sort keys over the result's columns.
     *
     * @param labels     the result's column labels (the first SELECT's)
     * @param collations per column, how it compares; null where the SELECTs disagree or Shardline cannot reproduce
     *                   the collation
     * @throws IllegalArgumentException naming the item that is not a result column, or a compared column of an
     *     unsupported collation
     */
    public List<SortKey> sortKeys(List<String> labels, List<Collation> collations) {
        List<SortKey> keys = new ArrayList<>(orderBy.size());
        for (Order order : orderBy) {
            int column = order.ordinal() > 0 ? order.ordinal() - 1 : indexOf(labels, order.label());
            if (column < 0 || column >= labels.size()) {
                throw new IllegalArgumentException("ORDER BY " + order + " of a UNION over sharded tables names no"
                        + " column of the result " + labels + " (order by a result column's name or position)");
            }
            keys.add(new SortKey(column, order.descending(), compared(collations, labels, column, "ORDER BY")));
        }
        if (distinctBranches > 0) {
            for (int column = 0; column < labels.size(); column++) {
                compared(collations, labels, column, "UNION (DISTINCT)");
            }
        }
        return keys;
    }

    private static int indexOf(List<String> labels, String label) {
        // MySQL resolves the UNION's ORDER BY by name, case-insensitively; a name given twice is ambiguous.
        int found = -1;
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).equalsIgnoreCase(label)) {
                if (found >= 0) {
                    throw new IllegalArgumentException("ORDER BY " + label + " of a UNION is ambiguous: the result"
                            + " has two columns of that name " + labels);
                }
                found = i;
            }
        }
        return found;
    }

    private static Collation compared(List<Collation> collations, List<String> labels, int column, String clause) {
        Collation collation = collations.get(column);
        if (collation == null) {
            throw new IllegalArgumentException("the " + clause + " of a UNION over sharded tables compares column '"
                    + labels.get(column) + "', whose SELECTs give it different collations or one Shardline cannot"
                    + " reproduce across shards (supported: *_bin, binary, *_general_ci); give it one COLLATE in"
                    + " every SELECT");
        }
        return collation;
    }
}

package io.shardline.router.rule;

import java.util.List;

/** Sharding rules that contradict themselves; lists every problem found, not just the first. */
public final class RuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    RuleException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems in the sharding rules:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, one sentence each, in the order found. */
    public List<String> problems() {
        return problems;
    }
}

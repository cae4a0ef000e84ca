package io.shardline.jdbc.config;

import java.util.List;

/**
 * The configuration is invalid. Lists every problem found (not just the first), each naming the file,
 * line and key path.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    ConfigException(List<ConfigProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    private static String format(List<ConfigProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder sb = new StringBuilder().append(problems.size()).append(" configuration problems:");
        for (ConfigProblem problem : problems) {
            sb.append("\n  ").append(problem);
        }
        return sb.toString();
    }

    /** Every problem, in document order. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}

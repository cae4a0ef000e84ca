package io.shardline.jdbc.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values out of a composed YAML node tree, recording every problem with its line and key
 * path instead of stopping at the first, and remembering the line of every path it visits so later
 * (semantic) checks can point at the right line too.
 *
 * <p>Values of keys that may hold secrets ({@code password}, {@code url}) are never echoed.
 */
final class YamlNodeReader {

    private final String source;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Map<String, Integer> lines = new HashMap<>();

    YamlNodeReader(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    List<ConfigProblem> problems() {
        List<ConfigProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(ConfigProblem::line));
        return sorted;
    }

    int problemCount() {
        return problems.size();
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Records a problem at a node's line. */
    void problem(Node node, String path, String message) {
        problems.add(new ConfigProblem(source, line(node), path, message));
    }

    /** Records a problem at the line of {@code path}, or of its nearest visited ancestor. */
    void problem(String path, String message) {
        problems.add(new ConfigProblem(source, lineOf(path), path, message));
    }

    /** Records a problem at an explicit line. */
    void problem(int line, String path, String message) {
        problems.add(new ConfigProblem(source, line, path, message));
    }

    int lineOf(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return lines.getOrDefault("", 1);
            }
            p = p.substring(0, cut);
        }
    }

    void remember(String path, Node node) {
        lines.putIfAbsent(path, line(node));
    }

    static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    /**
     * The entries of a mapping node, keyed by their string keys, in document order. Reports a
     * non-mapping, non-scalar keys, duplicate keys and (when {@code allowed} is not null) unknown keys;
     * the offending entries are left out. Returns null when the node is not a mapping.
     */
    Map<String, Node> mapping(Node node, String path, List<String> allowed) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return new LinkedHashMap<>(); // "key:" with nothing after it: an empty section
        }
        if (!(node instanceof MappingNode mapping)) {
            problem(node, path, "expected a mapping (key: value) but found " + describe(node, path));
            return null;
        }
        Map<String, Node> result = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar) || keyScalar.getTag().equals(Tag.NULL)) {
                problem(keyNode, path, "keys must be plain names");
                continue;
            }
            String key = keyScalar.getValue();
            String childPath = child(path, key);
            if (keyScalar.getTag().equals(Tag.MERGE)) {
                problem(keyNode, path, "merge keys (<<) are not supported; repeat the settings");
                continue;
            }
            if (result.containsKey(key)) {
                problem(keyNode, childPath, "duplicate key (first at line " + lineOf(childPath) + ")");
                continue;
            }
            if (allowed != null && !allowed.contains(key)) {
                problem(keyNode, childPath, "unknown key" + suggestion(key, allowed)
                        + " (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
                continue;
            }
            remember(childPath, keyNode);
            result.put(key, tuple.getValueNode());
        }
        return result;
    }

    /** A scalar as text; null (with a problem) for non-scalars; null without a problem for YAML null. */
    String string(Node node, String path) {
        if (node instanceof ScalarNode s) {
            return s.getTag().equals(Tag.NULL) ? null : s.getValue();
        }
        problem(node, path, "expected a single value but found " + describe(node, path));
        return null;
    }

    /** A required, non-empty scalar; reports "must not be empty" for YAML null or blank. */
    String requiredString(Node node, String path) {
        String value = string(node, path);
        if (value == null || value.isBlank()) {
            if (node instanceof ScalarNode) {
                problem(node, path, "must not be empty");
            }
            return null;
        }
        return value;
    }

    /** An integer scalar; null with a problem otherwise. */
    Long integer(Node node, String path) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            try {
                return Long.decode(s.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                problem(node, path, "integer '" + s.getValue() + "' is out of range");
                return null;
            }
        }
        problem(node, path, "expected an integer but found " + describe(node, path));
        return null;
    }

    /** The items of a sequence node; null with a problem otherwise. */
    List<Node> sequence(Node node, String path) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return List.of();
        }
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        problem(node, path, "expected a list but found " + describe(node, path));
        return null;
    }

    /** A list of non-empty strings; problems for non-scalar or empty items, which are skipped. */
    List<String> stringList(Node node, String path) {
        List<Node> items = sequence(node, path);
        if (items == null) {
            return null;
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            remember(itemPath, items.get(i));
            String value = requiredString(items.get(i), itemPath);
            if (value != null) {
                result.add(value);
            }
        }
        return result;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** What a node is, for "expected X but found Y"; never echoes secrets. */
    static String describe(Node node, String path) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        String kind = tag.equals(Tag.INT) ? "an integer" : tag.equals(Tag.FLOAT) ? "a number"
                : tag.equals(Tag.BOOL) ? "a boolean" : tag.equals(Tag.NULL) ? "nothing" : "a string";
        if (tag.equals(Tag.NULL) || isSecret(path)) {
            return kind;
        }
        String value = scalar.getValue();
        return kind + " '" + (value.length() > 60 ? value.substring(0, 60) + "..." : value) + "'";
    }

    static boolean isSecret(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return last.contains("password") || last.contains("secret") || last.equals("url");
    }

    /** "; did you mean 'x'?" for a near miss (case or up to two edits), else "". */
    static String suggestion(String key, List<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int distance = candidate.equalsIgnoreCase(key) ? 0
                    : distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= 2 ? "; did you mean '" + best + "'?" : "";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Names, sorted, for "(known: a, b)". */
    static String known(Set<String> names) {
        return names.isEmpty() ? "none declared" : "known: " + String.join(", ", new TreeSet<>(names));
    }
}

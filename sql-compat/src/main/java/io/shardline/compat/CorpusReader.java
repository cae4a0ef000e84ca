package io.shardline.compat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads corpus files. The format (documented in the module README):
 *
 * <pre>
 * -- name: orders-of-a-user            annotates the next statement (optional)
 * -- params: 7, 'PAID', NULL, 2.50     values for ? placeholders: integers, decimals, 'strings', NULL
 * -- ordered: false                    overrides the ORDER BY rule (optional)
 * SELECT order_id, status FROM t_order
 *  WHERE user_id = ? AND status = ?;   a statement ends with ; at the end of a line
 * </pre>
 *
 * Other comment lines between statements are ignored; comments inside a statement are kept and sent. The
 * category of a file is its name without a leading {@code NN-} (or {@code NNx-}) and without {@code .sql}; files
 * run in name order.
 */
public final class CorpusReader {

    private CorpusReader() {
    }

    /** Every {@code .sql} file of {@code dir}, in name order. */
    public static List<CorpusEntry> readDirectory(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
        List<CorpusEntry> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(read(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
        }
        return out;
    }

    /**
     * The category of a corpus file name: {@code 07-order-limit.sql} is {@code order-limit}, and so is
     * {@code 07b-order-limit.sql} (a second file of one category, run right after the first).
     */
    public static String category(String fileName) {
        String base = fileName.endsWith(".sql") ? fileName.substring(0, fileName.length() - 4) : fileName;
        return base.replaceFirst("^\\d+[a-z]?[-_]", "");
    }

    /** Parses the text of one corpus file. */
    public static List<CorpusEntry> read(String fileName, String text) {
        String category = category(fileName);
        List<CorpusEntry> out = new ArrayList<>();
        String name = null;
        List<Object> params = List.of();
        Optional<Boolean> ordered = Optional.empty();
        StringBuilder sql = new StringBuilder();
        int startLine = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            if (sql.length() == 0) {
                if (t.isEmpty()) {
                    continue;
                }
                String annotation = annotation(t);
                if (annotation != null) {
                    String key = annotation.substring(0, annotation.indexOf(':')).strip().toLowerCase(Locale.ROOT);
                    String value = annotation.substring(annotation.indexOf(':') + 1).strip();
                    switch (key) {
                        case "name" -> name = value;
                        case "params" -> params = parseParams(value, fileName, i + 1);
                        case "ordered" -> ordered = Optional.of(parseBoolean(value, fileName, i + 1));
                        default -> throw new IllegalArgumentException(
                                fileName + ":" + (i + 1) + ": unknown annotation '" + key + "' (name, params, ordered)");
                    }
                    continue;
                }
                if (t.startsWith("--") || t.startsWith("#")) {
                    continue;
                }
                startLine = i + 1;
            }
            sql.append(sql.length() == 0 ? "" : "\n").append(line);
            if (t.endsWith(";")) {
                String statement = sql.toString().strip();
                statement = statement.substring(0, statement.length() - 1).strip();
                String location = fileName + ":" + startLine;
                out.add(new CorpusEntry(category, name == null ? location : name, statement, params, ordered,
                        location));
                sql.setLength(0);
                name = null;
                params = List.of();
                ordered = Optional.empty();
            }
        }
        if (sql.length() > 0) {
            throw new IllegalArgumentException(fileName + ":" + startLine + ": statement does not end with ';'");
        }
        return out;
    }

    private static String annotation(String line) {
        if (!line.startsWith("--")) {
            return null;
        }
        String body = line.substring(2).strip();
        int colon = body.indexOf(':');
        if (colon <= 0 || !body.substring(0, colon).matches("[A-Za-z]+")) {
            return null;
        }
        String key = body.substring(0, colon).toLowerCase(Locale.ROOT);
        return key.equals("name") || key.equals("params") || key.equals("ordered") ? body : null;
    }

    private static boolean parseBoolean(String value, String file, int line) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException(file + ":" + line + ": ordered must be true or false");
        };
    }

    /** {@code 7, 'it''s', NULL, 2.50, -3} → [7L, "it's", null, 2.50, -3L]. */
    static List<Object> parseParams(String value, String file, int line) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            if (c == ' ' || c == ',') {
                i++;
                continue;
            }
            if (c == '\'') {
                StringBuilder s = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw new IllegalArgumentException(file + ":" + line + ": unterminated string in params");
                    }
                    char d = value.charAt(j);
                    if (d == '\'' && j + 1 < n && value.charAt(j + 1) == '\'') {
                        s.append('\'');
                        j += 2;
                    } else if (d == '\'') {
                        break;
                    } else {
                        s.append(d);
                        j++;
                    }
                }
                out.add(s.toString());
                i = j + 1;
                continue;
            }
            int j = i;
            while (j < n && value.charAt(j) != ',') {
                j++;
            }
            String token = value.substring(i, j).strip();
            if (token.equalsIgnoreCase("NULL")) {
                out.add(null);
            } else if (token.matches("-?\\d+")) {
                out.add(Long.parseLong(token));
            } else if (token.matches("-?\\d*\\.\\d+")) {
                out.add(new BigDecimal(token));
            } else {
                throw new IllegalArgumentException(file + ":" + line + ": cannot read parameter '" + token
                        + "' (integers, decimals, 'strings' and NULL)");
            }
            i = j;
        }
        return out;
    }
}

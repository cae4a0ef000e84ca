package io.shardline.router.merge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How strings compare when shards' rows are merged: the merge must order and group exactly as the one
 * database would, or a sharded {@code ORDER BY name} differs from the unsharded one ('a' &lt; 'B' under a
 * {@code _ci} collation, 'B' &lt; 'a' in binary). All MariaDB collations we support are PAD SPACE: trailing
 * spaces do not count.
 */
public enum Collation {

    /** {@code *_bin} and {@code binary}: code point order. */
    BINARY {
        @Override
        int weight(int codePoint) {
            return codePoint;
        }
    },

    /**
     * {@code *_general_ci}: one weight per character (MariaDB's table, see {@code general_ci.weights}):
     * case-insensitive, accent-insensitive for Latin, Greek and Cyrillic ('ß' weighs as 'S'); characters
     * outside the BMP all weigh U+FFFD.
     */
    GENERAL_CI {
        @Override
        int weight(int codePoint) {
            if (codePoint > 0xFFFF) {
                return 0xFFFD;
            }
            return GENERAL_CI_WEIGHTS[codePoint];
        }
    };

    private static final char[] GENERAL_CI_WEIGHTS = buildGeneralCiWeights();

    abstract int weight(int codePoint);

    /** Compares two non-null strings as the database would. */
    public int compare(String a, String b) {
        int lengthA = lengthWithoutTrailingSpaces(a);
        int lengthB = lengthWithoutTrailingSpaces(b);
        int i = 0;
        int j = 0;
        while (i < lengthA && j < lengthB) {
            int cpA = a.codePointAt(i);
            int cpB = b.codePointAt(j);
            int diff = weight(cpA) - weight(cpB);
            if (diff != 0) {
                return diff;
            }
            i += Character.charCount(cpA);
            j += Character.charCount(cpB);
        }
        return (i < lengthA ? 1 : 0) - (j < lengthB ? 1 : 0);
    }

    /**
     * A value that is equal for strings that compare equal, for grouping and DISTINCT in hash tables.
     */
    public Object groupKey(String s) {
        int length = lengthWithoutTrailingSpaces(s);
        StringBuilder key = new StringBuilder(length);
        for (int i = 0; i < length; ) {
            int cp = s.codePointAt(i);
            key.appendCodePoint(weight(cp));
            i += Character.charCount(cp);
        }
        return key.toString();
    }

    /**
     * The collation for a MariaDB/MySQL collation name; refuses names whose order we do not reproduce
     * (a wrong merge order is worse than a clear error).
     */
    public static Collation forName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("binary") || n.endsWith("_bin")) {
            return BINARY;
        }
        if (n.endsWith("_general_ci")) {
            return GENERAL_CI;
        }
        throw new IllegalArgumentException("Collation '" + name + "' is not supported for cross-shard ORDER BY, "
                + "GROUP BY or DISTINCT (supported: *_bin, binary, *_general_ci; UCA collations such as *_unicode_ci are not yet"
                + " reproduced exactly)");
    }

    private static int lengthWithoutTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }

    /**
     * The weights MariaDB gives each BMP character under general_ci (case folding, accents stripped for
     * Latin, Greek and Cyrillic, the Unicode version its table was built from), measured from a real server:
     * no rule of thumb reproduces all of them, and a merge that orders differently from the database is wrong.
     */
    private static char[] buildGeneralCiWeights() {
        char[] weights = new char[0x10000];
        for (int cp = 0; cp < weights.length; cp++) {
            weights[cp] = (char) cp;
        }
        String resource = "general_ci.weights";
        try (InputStream in = Collation.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " next to " + Collation.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                int space = line.indexOf(' ');
                weights[Integer.parseInt(line, 0, space, 16)] = (char) Integer.parseInt(line, space + 1, line.length(), 16);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return weights;
    }
}

package io.shardline.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies edits to the ORIGINAL statement text. Rewriting never unparses: everything outside the edited ranges
 * (comments, hints, spacing, literals) survives byte for byte.
 */
public final class Splicer {

    private Splicer() {
    }

    /**
     * Returns {@code original} with {@code edits} applied. With no edits it returns {@code original} itself.
     *
     * @throws IllegalArgumentException if an edit lies outside the text or two edits overlap
     */
    public static String apply(String original, List<TextSplice> edits) {
        if (edits.isEmpty()) {
            return original;
        }
        List<TextSplice> sorted = edits;
        for (int i = 1; i < edits.size(); i++) {
            if (edits.get(i).start() < edits.get(i - 1).start()) {
                sorted = new ArrayList<>(edits);
                sorted.sort(Comparator.comparingInt(TextSplice::start));
                break;
            }
        }
        int extra = 0;
        for (TextSplice e : sorted) {
            extra += e.replacement().length();
        }
        StringBuilder out = new StringBuilder(original.length() + extra);
        int at = 0;
        for (TextSplice e : sorted) {
            if (e.end() > original.length()) {
                throw new IllegalArgumentException("splice " + e.start() + ".." + e.end() + " beyond text length "
                        + original.length());
            }
            if (e.start() < at) {
                throw new IllegalArgumentException("overlapping splices at " + e.start());
            }
            out.append(original, at, e.start()).append(e.replacement());
            at = e.end();
        }
        out.append(original, at, original.length());
        return out.toString();
    }
}

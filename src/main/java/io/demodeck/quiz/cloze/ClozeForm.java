package io.demodeck.quiz.cloze;

import java.util.ArrayList;
import java.util.List;

/**
 * A cloze answer as the study form posts it (tags/clozeGaps.html, no JavaScript): typed and dropdown gaps post
 * {@code gap} once each, in the order of the text (a browser always sends them, filled or not); radio and checkbox
 * gaps post {@code gapChoice} as "gap number:choice position", only when picked.
 */
public final class ClozeForm {

    private static final int MAX_VALUE = 200;

    private ClozeForm() {
    }

    /** The answers per gap, in order, as {@link ClozeGrader#grade} takes them. Anything malformed counts as no answer. */
    public static List<List<String>> responses(Cloze cloze, List<String> gap, List<String> gapChoice) {
        List<String> positional = gap == null ? List.of() : gap;
        List<String> picked = gapChoice == null ? List.of() : gapChoice;
        List<List<String>> out = new ArrayList<>();
        int next = 0;
        for (Cloze.Gap g : cloze.gaps()) {
            if (!g.choice() || g.layout() == Cloze.Layout.DROPDOWN) {
                String v = next < positional.size() ? positional.get(next) : null;
                next++;
                out.add(v == null ? List.of() : List.of(v.length() > MAX_VALUE ? v.substring(0, MAX_VALUE) : v));
            } else {
                String prefix = g.number() + ":";
                out.add(picked.stream().filter(v -> v != null && v.startsWith(prefix) && v.length() < 12)
                        .map(v -> v.substring(prefix.length())).toList());
            }
        }
        return out;
    }
}

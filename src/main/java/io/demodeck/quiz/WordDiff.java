package io.demodeck.quiz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A typed answer against the expected one, word by word: words typed right, a run of wrong words (shown struck)
 * and the right words beside it. Words compare as {@link TextNormalizer} sees them (case, accents and punctuation
 * do not count); a wrong word is never split into letters. Inputs are capped so a pasted essay cannot cost much.
 */
public final class WordDiff {

    public enum Kind { GOOD, BAD, MISSED }

    /** @param text one or more whole words, as typed (GOOD, BAD) or as expected (MISSED) */
    public record Segment(Kind kind, String text) {
    }

    static final int MAX_WORDS = 200;

    private WordDiff() {
    }

    public static List<Segment> of(String typed, String expected) {
        String[] a = words(typed);
        String[] b = words(expected);
        String[] ka = Arrays.stream(a).map(WordDiff::key).toArray(String[]::new);
        String[] kb = Arrays.stream(b).map(WordDiff::key).toArray(String[]::new);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = ka[i].equals(kb[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Segment> out = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && ka[i].equals(kb[j])) {
                flush(out, bad, missed);
                add(out, Kind.GOOD, a[i]);
                i++;
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                missed.add(b[j++]);
            } else {
                bad.add(a[i++]);
            }
        }
        flush(out, bad, missed);
        return out;
    }

    /** Between two words in common: all the wrong words first, then all the right ones, never interleaved. */
    private static void flush(List<Segment> out, List<String> bad, List<String> missed) {
        if (!bad.isEmpty()) {
            out.add(new Segment(Kind.BAD, String.join(" ", bad)));
            bad.clear();
        }
        if (!missed.isEmpty()) {
            out.add(new Segment(Kind.MISSED, String.join(" ", missed)));
            missed.clear();
        }
    }

    private static void add(List<Segment> out, Kind kind, String word) {
        if (!out.isEmpty() && out.getLast().kind() == kind) {
            out.set(out.size() - 1, new Segment(kind, out.getLast().text() + " " + word));
        } else {
            out.add(new Segment(kind, word));
        }
    }

    /** A word's identity: normalised, or as written when it is only punctuation ("-", "==" ). */
    private static String key(String word) {
        String n = TextNormalizer.normalize(word);
        return n.isEmpty() ? word : n;
    }

    private static String[] words(String s) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty()) {
            return new String[0];
        }
        String[] all = t.split("\\s+");
        return all.length > MAX_WORDS ? Arrays.copyOf(all, MAX_WORDS) : all;
    }
}

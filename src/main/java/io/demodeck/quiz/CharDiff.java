package io.demodeck.quiz;

import java.util.ArrayList;
import java.util.List;

/**
 * A character diff of a typed answer against the expected one, as Anki shows it: what was typed right,
 * what was typed wrong, and what is missing. Inputs are capped so a pasted essay cannot cost much.
 */
public final class CharDiff {

    public enum Kind { GOOD, BAD, MISSED }

    public record Segment(Kind kind, String text) {
    }

    static final int MAX_LENGTH = 500;

    private CharDiff() {
    }

    public static List<Segment> of(String typed, String expected) {
        String a = cap(typed);
        String b = cap(expected);
        int[][] lcs = new int[a.length() + 1][b.length() + 1];
        for (int i = a.length() - 1; i >= 0; i--) {
            for (int j = b.length() - 1; j >= 0; j--) {
                lcs[i][j] = Character.toLowerCase(a.charAt(i)) == Character.toLowerCase(b.charAt(j))
                        ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Segment> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            if (i < a.length() && j < b.length() && Character.toLowerCase(a.charAt(i)) == Character.toLowerCase(b.charAt(j))) {
                add(out, Kind.GOOD, b.charAt(j));
                i++;
                j++;
            } else if (j < b.length() && (i == a.length() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                add(out, Kind.MISSED, b.charAt(j++));
            } else {
                add(out, Kind.BAD, a.charAt(i++));
            }
        }
        return out;
    }

    private static void add(List<Segment> out, Kind kind, char c) {
        if (!out.isEmpty() && out.getLast().kind() == kind) {
            out.set(out.size() - 1, new Segment(kind, out.getLast().text() + c));
        } else {
            out.add(new Segment(kind, String.valueOf(c)));
        }
    }

    private static String cap(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() > MAX_LENGTH ? t.substring(0, MAX_LENGTH) : t;
    }
}

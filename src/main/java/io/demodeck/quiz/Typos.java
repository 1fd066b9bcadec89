package io.demodeck.quiz;

/**
 * How far a typed answer is from an accepted one, and how far is still a typo: Damerau-Levenshtein distance
 * (optimal string alignment: insert, delete, replace, swap two neighbours) of at most 1 per 6 characters of the
 * accepted answer. Digits must be exactly right: "clone2" is no typo of "clone3".
 */
public final class Typos {

    /** One tolerated edit per this many characters of the accepted answer. */
    static final int CHARACTERS_PER_TYPO = 6;
    static final int MAX_LENGTH = 500;

    private Typos() {
    }

    public static int allowed(String normalizedAccepted) {
        return normalizedAccepted.length() / CHARACTERS_PER_TYPO;
    }

    /** Both texts normalised ({@link TextNormalizer}); the typed one is close enough to count as a typo. */
    public static boolean isTypo(String normalizedTyped, String normalizedAccepted) {
        int d = distance(normalizedTyped, normalizedAccepted);
        return d > 0 && d <= allowed(normalizedAccepted) && digits(normalizedTyped).equals(digits(normalizedAccepted));
    }

    public static int distance(String a, String b) {
        String s = cap(a);
        String t = cap(b);
        int[][] d = new int[s.length() + 1][t.length() + 1];
        for (int i = 0; i <= s.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= t.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            for (int j = 1; j <= t.length(); j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[s.length()][t.length()];
    }

    private static String digits(String s) {
        return s.replaceAll("\\D", "");
    }

    private static String cap(String s) {
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) : s;
    }
}

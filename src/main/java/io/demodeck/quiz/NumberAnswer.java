package io.demodeck.quiz;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A typed number, perhaps followed by a unit: "2", "2,5" (a decimal comma, as Russian writes it), "1 024",
 * "2 KiB". A unit is accepted only where the question names it (its prompt has the word), so "2 KiB" answers
 * "Answer in KiB", and "2 MB" there is not read as 2.
 *
 * @param value       the number, or null when none was typed
 * @param unknownUnit a unit the question does not name, else null
 */
public record NumberAnswer(Double value, String unknownUnit) {

    private static final Pattern NUMBER_THEN_REST = Pattern.compile(
            "([-+\u2212]?(?:\\d[\\d \u00a0\u202f]*(?:[.,]\\d+)?|[.,]\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*)", Pattern.DOTALL);

    public boolean readable() {
        return value != null && unknownUnit == null;
    }

    public static NumberAnswer read(String typed, String prompt) {
        if (typed == null) {
            return new NumberAnswer(null, null);
        }
        Matcher m = NUMBER_THEN_REST.matcher(typed.strip());
        if (!m.matches()) {
            return new NumberAnswer(null, null);
        }
        String number = m.group(1).replaceAll("[ \u00a0\u202f]", "").replace(',', '.').replace('\u2212', '-');
        double d;
        try {
            d = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return new NumberAnswer(null, null);
        }
        if (!Double.isFinite(d)) {
            return new NumberAnswer(null, null);
        }
        String unit = m.group(2).strip();
        return new NumberAnswer(d, unit.isEmpty() || named(unit, prompt) ? null : unit);
    }

    /** The prompt names the unit: as a whole word, in any case ("KiB" in "Answer in KiB."). */
    static boolean named(String unit, String prompt) {
        if (prompt == null || prompt.isBlank() || unit.length() > 20) {
            return false;
        }
        String u = unit.endsWith(".") && unit.length() > 1 ? unit.substring(0, unit.length() - 1) : unit;
        boolean wordLike = Character.isLetterOrDigit(u.charAt(0)) || Character.isLetterOrDigit(u.charAt(u.length() - 1));
        if (!wordLike) {
            return prompt.contains(u); // "%", "°"
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(u) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(prompt).find();
    }
}

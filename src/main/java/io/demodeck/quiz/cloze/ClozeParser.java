package io.demodeck.quiz.cloze;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Moodle's cloze syntax ({@code qtype_multianswer}): {@code {weight:TYPE:alternative~alternative…}} where an
 * alternative is {@code [=|%n%]answer[#feedback]}, with {@code \} \# \~ \/ \" \\} for the literal characters. Every
 * short and long type name Moodle knows is read (SA, SAC, MW, NM, MC, MCV, MCH, MCS, MCVS, MCHS, MR, MRH, MRS, MRHS).
 * A single pass over the text, so any input costs linear time; bad input is a {@link ClozeException}, never another
 * exception. Moodle's own checks apply: at least one gap, a choice gap has two choices or more, every gap has an
 * answer worth 100 % (multiresponse: one with credit), numerical answers are numbers.
 */
public final class ClozeParser {

    static final int MAX_GAPS = 100;
    static final int MAX_ALTERNATIVES = 100;
    static final int MAX_WEIGHT = 100;
    private static final int MAX_TYPE_LENGTH = 20;

    /** A gap type as Moodle spells it ({@code SA}, {@code MULTICHOICE_VS}, …) and how such a gap behaves. */
    private record GapType(Cloze.Kind kind, boolean caseSensitive, Cloze.Layout layout, boolean shuffle) {
    }

    private static final Map<String, GapType> TYPES = new java.util.HashMap<>();

    static {
        type(new GapType(Cloze.Kind.SHORT_ANSWER, false, Cloze.Layout.INLINE, false), "SHORTANSWER", "SA", "MW");
        type(new GapType(Cloze.Kind.SHORT_ANSWER, true, Cloze.Layout.INLINE, false), "SHORTANSWER_C", "SAC", "MWC");
        type(new GapType(Cloze.Kind.NUMERICAL, false, Cloze.Layout.INLINE, false), "NUMERICAL", "NM");
        type(new GapType(Cloze.Kind.MULTICHOICE, false, Cloze.Layout.DROPDOWN, false), "MULTICHOICE", "MC");
        type(new GapType(Cloze.Kind.MULTICHOICE, false, Cloze.Layout.VERTICAL, false), "MULTICHOICE_V", "MCV");
        type(new GapType(Cloze.Kind.MULTICHOICE, false, Cloze.Layout.HORIZONTAL, false), "MULTICHOICE_H", "MCH");
        type(new GapType(Cloze.Kind.MULTICHOICE, false, Cloze.Layout.DROPDOWN, true), "MULTICHOICE_S", "MCS");
        type(new GapType(Cloze.Kind.MULTICHOICE, false, Cloze.Layout.VERTICAL, true), "MULTICHOICE_VS", "MCVS");
        type(new GapType(Cloze.Kind.MULTICHOICE, false, Cloze.Layout.HORIZONTAL, true), "MULTICHOICE_HS", "MCHS");
        type(new GapType(Cloze.Kind.MULTIRESPONSE, false, Cloze.Layout.VERTICAL, false), "MULTIRESPONSE", "MR");
        type(new GapType(Cloze.Kind.MULTIRESPONSE, false, Cloze.Layout.HORIZONTAL, false), "MULTIRESPONSE_H", "MRH");
        type(new GapType(Cloze.Kind.MULTIRESPONSE, false, Cloze.Layout.VERTICAL, true), "MULTIRESPONSE_S", "MRS");
        type(new GapType(Cloze.Kind.MULTIRESPONSE, false, Cloze.Layout.HORIZONTAL, true), "MULTIRESPONSE_HS", "MRHS");
    }

    private static final Pattern PERCENT = Pattern.compile("%(-?\\d{1,5}(?:[.,]\\d{0,12})?)%");
    private static final String NUMBER = "-?(?:\\d{1,30}[.,]?\\d{0,30}|[.,]\\d{1,30})(?:[eE][-+]?\\d{1,4})?";
    private static final Pattern NUMERICAL = Pattern.compile("(" + NUMBER + ")(?::(" + NUMBER + "))?");

    private ClozeParser() {
    }

    private static void type(GapType type, String... names) {
        for (String name : names) {
            TYPES.put(name, type);
        }
    }

    /** A stored cloze text (answers and feedback plain text). */
    public static Cloze parse(String text) {
        return parse(text, false, UnaryOperator.identity());
    }

    /**
     * @param html       the text is HTML (Moodle's questiontext): a '#' right after '&' (an entity) does not start
     *                   feedback, as in Moodle
     * @param answerText turns an answer or feedback as written (escapes undone) into plain text, e.g. HTML to text
     */
    public static Cloze parse(String text, boolean html, UnaryOperator<String> answerText) {
        if (text == null) {
            throw new ClozeException(List.of(ClozeException.Problem.of("cloze_no_text", "the question has no text")));
        }
        List<Cloze.Part> parts = new ArrayList<>();
        List<ClozeException.Problem> problems = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int n = text.length();
        int i = 0;
        int gapCount = 0;
        while (i < n) {
            char c = text.charAt(i);
            int[] start = c == '{' && (i == 0 || text.charAt(i - 1) != '\\') ? gapStart(text, i) : null;
            if (start == null) {
                plain.append(c);
                i++;
                continue;
            }
            gapCount++;
            String weightText = text.substring(i + 1, start[0]);
            String typeText = text.substring(start[0] + 1, start[1]);
            String name = "gap " + gapCount + " (" + typeText + ")";
            Object[] gapNamed = {"gap", gapCount, "type", typeText};
            // the body runs to the first '}' that is not escaped
            int bodyStart = start[1] + 1;
            int end = text.charAt(start[1]) == '}' ? start[1] : -1;
            if (end < 0) {
                int k = bodyStart;
                while (k < n && text.charAt(k) != '}') {
                    k += text.charAt(k) == '\\' && k + 1 < n ? 2 : 1;
                }
                end = k < n ? k : -1;
            }
            if (end < 0) {
                problems.add(ClozeException.Problem.of("cloze_gap_not_closed", name + " has no closing '}'", gapNamed));
                break;
            }
            if (gapCount > MAX_GAPS) {
                problems.add(ClozeException.Problem.of("cloze_too_many_gaps", "the text has more than " + MAX_GAPS + " gaps",
                        "max", MAX_GAPS));
                break;
            }
            if (!plain.isEmpty()) {
                parts.add(new Cloze.Text(plain.toString()));
                plain.setLength(0);
            }
            GapType type = TYPES.get(typeText);
            String body = end > start[1] ? text.substring(bodyStart, end) : "";
            i = end + 1;
            if (type == null) {
                problems.add(ClozeException.Problem.of("cloze_type_unknown", name + ": unknown type '" + typeText
                        + "'; use SHORTANSWER (SA), SHORTANSWER_C (SAC), NUMERICAL (NM), MULTICHOICE (MC, MCV, MCH, MCS, "
                        + "MCVS, MCHS) or MULTIRESPONSE (MR, MRH, MRS, MRHS)", gapNamed));
                continue;
            }
            int weight = 1;
            if (!weightText.isEmpty()) {
                weight = weightText.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(weightText);
                if (weight > MAX_WEIGHT) {
                    problems.add(ClozeException.Problem.of("cloze_weight_too_large", name + ": the weight " + weightText
                            + " is larger than " + MAX_WEIGHT, "gap", gapCount, "type", typeText, "weight", weightText,
                            "max", MAX_WEIGHT));
                    continue;
                }
            }
            Cloze.Gap gap = gap(gapCount, typeText, weight, type, body, name, html, answerText, problems);
            if (gap != null) {
                parts.add(gap);
            }
        }
        if (!plain.isEmpty()) {
            parts.add(new Cloze.Text(plain.toString()));
        }
        if (gapCount == 0) {
            problems.add(ClozeException.Problem.of("cloze_no_gaps", "the text has no gaps: write one as {1:SHORTANSWER:=answer}"));
        }
        if (!problems.isEmpty()) {
            throw new ClozeException(problems);
        }
        return new Cloze(parts);
    }

    /** Where "{digits:TYPE" ends (the ':') and where TYPE ends (the ':' or '}' after it); null when no gap starts here. */
    private static int[] gapStart(String s, int open) {
        int n = s.length();
        int j = open + 1;
        while (j < n && j - open <= 4 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
            j++;
        }
        if (j >= n || s.charAt(j) != ':') {
            return null;
        }
        int colon = j;
        int k = colon + 1;
        while (k < n && k - colon <= MAX_TYPE_LENGTH && (s.charAt(k) >= 'A' && s.charAt(k) <= 'Z' || s.charAt(k) == '_')) {
            k++;
        }
        if (k == colon + 1 || k >= n || s.charAt(k) != ':' && s.charAt(k) != '}') {
            return null;
        }
        return new int[] {colon, k};
    }

    private static Cloze.Gap gap(int number, String typeText, int weight, GapType type, String body, String name,
                                 boolean html, UnaryOperator<String> answerText, List<ClozeException.Problem> problems) {
        Cloze.Kind kind = type.kind();
        List<String> alternatives = split(body, '~', false);
        if (alternatives.size() > MAX_ALTERNATIVES) {
            problems.add(ClozeException.Problem.of("cloze_too_many_answers", name + " has more than " + MAX_ALTERNATIVES
                    + " answers", "gap", number, "type", typeText, "max", MAX_ALTERNATIVES));
            return null;
        }
        List<Cloze.Answer> answers = new ArrayList<>();
        int before = problems.size();
        for (int a = 0; a < alternatives.size(); a++) {
            String alt = alternatives.get(a);
            if (alt.isBlank() && alternatives.size() == 1) {
                break; // {1:MULTICHOICE:} or {1:MULTICHOICE}: no answers, reported below
            }
            double fraction = 0;
            if (alt.startsWith("=")) {
                fraction = 1;
                alt = alt.substring(1);
            } else {
                Matcher m = PERCENT.matcher(alt);
                if (m.lookingAt()) {
                    fraction = Double.parseDouble(m.group(1).replace(',', '.')) / 100;
                    alt = alt.substring(m.end());
                    if (fraction < -1 || fraction > 1) {
                        problems.add(ClozeException.Problem.of("cloze_answer_weight_range", name + ": answer " + (a + 1)
                                + " has the weight " + m.group(1) + "%, outside -100% to 100%", "gap", number, "type",
                                typeText, "answer", a + 1, "weight", m.group(1)));
                        continue;
                    }
                }
            }
            List<String> answerAndFeedback = split(alt, '#', html);
            String answer = clean(answerText.apply(unescape(answerAndFeedback.getFirst())));
            String feedback = null;
            if (answerAndFeedback.size() > 1) {
                // the feedback is everything after the first '#', a later '#' included
                String fb = clean(answerText.apply(unescape(alt.substring(answerAndFeedback.getFirst().length() + 1))));
                feedback = fb.isBlank() ? null : fb;
            }
            if (answer.isEmpty()) {
                problems.add(ClozeException.Problem.of("cloze_answer_empty", name + ": answer " + (a + 1) + " is empty",
                        "gap", number, "type", typeText, "answer", a + 1));
                continue;
            }
            if (kind == Cloze.Kind.NUMERICAL && !answer.equals("*") && !NUMERICAL.matcher(answer).matches()) {
                problems.add(ClozeException.Problem.of("cloze_not_a_number", name + ": '" + abbreviate(answer)
                        + "' is not a number (write 23.8 or 23.8:0.1, value:tolerance)", "gap", number, "type", typeText,
                        "value", abbreviate(answer)));
                continue;
            }
            answers.add(new Cloze.Answer(answer, fraction, feedback));
        }
        if (problems.size() > before) {
            return null;
        }
        boolean choice = kind == Cloze.Kind.MULTICHOICE || kind == Cloze.Kind.MULTIRESPONSE;
        if (choice && answers.size() < 2) {
            problems.add(ClozeException.Problem.of("cloze_two_choices", name + " needs at least 2 choices; it has "
                    + (answers.isEmpty() ? "none" : "1"), "gap", number, "type", typeText, "count", answers.size()));
            return null;
        }
        if (answers.isEmpty()) {
            problems.add(ClozeException.Problem.of("cloze_no_answer", name + " has no answer", "gap", number, "type", typeText));
            return null;
        }
        if (kind == Cloze.Kind.MULTIRESPONSE ? answers.stream().noneMatch(x -> x.fraction() > 0)
                : answers.stream().noneMatch(Cloze.Answer::full)) {
            problems.add(kind == Cloze.Kind.MULTIRESPONSE
                    ? ClozeException.Problem.of("cloze_no_right_choice", name + " has no right choice (one with credit, = or %50%)",
                            "gap", number, "type", typeText)
                    : ClozeException.Problem.of("cloze_no_full_answer", name
                            + " has no answer worth 100% (mark the right one with = or %100%)", "gap", number, "type", typeText));
            return null;
        }
        return new Cloze.Gap(number, weight, kind, type.caseSensitive(), type.layout(), type.shuffle(), answers);
    }

    /** Splits at every {@code separator} that is not escaped; in HTML a '#' after '&' or "&amp;" belongs to an entity. */
    private static List<String> split(String s, char separator, boolean html) {
        List<String> out = new ArrayList<>();
        int from = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                i += 2;
                continue;
            }
            if (c == separator && !(html && separator == '#' && (s.startsWith("&", i - 1) || s.startsWith("&amp;", i - 5)))) {
                out.add(s.substring(from, i));
                from = i + 1;
                if (separator == '#') {
                    break; // the rest is feedback
                }
            }
            i++;
        }
        out.add(s.substring(from));
        return out;
    }

    /** Undoes {@code \X} for the characters the syntax gives a meaning; any other backslash stays. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "}{#~/\"\\=%&:".indexOf(s.charAt(i + 1)) >= 0) {
                sb.append(s.charAt(++i));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\u00a0', ' ').strip();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 39) + "…" : s;
    }

    /** A numerical answer as value and tolerance; null for "*". */
    public static double[] valueAndTolerance(String answer) {
        Matcher m = NUMERICAL.matcher(answer.strip());
        if (!m.matches()) {
            return null;
        }
        double value = Double.parseDouble(m.group(1).replace(',', '.'));
        double tolerance = m.group(2) == null ? 0 : Math.abs(Double.parseDouble(m.group(2).replace(',', '.')));
        return new double[] {value, tolerance};
    }
}

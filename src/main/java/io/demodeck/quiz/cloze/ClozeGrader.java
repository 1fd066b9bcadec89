package io.demodeck.quiz.cloze;

import io.demodeck.quiz.TextNormalizer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Grades a cloze answer gap by gap. Short answers compare as the other typed answers do (case, accents and
 * punctuation do not count) unless the gap is SHORTANSWER_C, which compares letter case; '*' is Moodle's wildcard.
 * Numerical gaps take a decimal point or comma and accept value ± tolerance. A choice gap earns the credit of the
 * choice picked; a multiresponse gap is right when exactly its right choices are picked, and earns the credit of
 * the choices picked (never below 0).
 */
public final class ClozeGrader {

    private ClozeGrader() {
    }

    /**
     * @param responses per gap, in order: the typed text (short answer, numerical), the position of the choice picked
     *                  (multichoice) or of every choice picked (multiresponse), as written in the gap; missing = no answer
     */
    public static ClozeResult grade(Cloze cloze, List<List<String>> responses) {
        List<ClozeResult.GapResult> results = new ArrayList<>();
        double earned = 0;
        double weights = 0;
        List<Cloze.Gap> gaps = cloze.gaps();
        // gaps that all weigh 0 count equally
        boolean equal = gaps.stream().allMatch(g -> g.weight() == 0);
        for (int i = 0; i < gaps.size(); i++) {
            Cloze.Gap g = gaps.get(i);
            List<String> given = i < responses.size() && responses.get(i) != null ? responses.get(i) : List.of();
            ClozeResult.GapResult r = switch (g.kind()) {
                case SHORT_ANSWER, NUMERICAL -> typed(g, given.isEmpty() || given.getFirst() == null ? "" : given.getFirst());
                case MULTICHOICE -> choice(g, given);
                case MULTIRESPONSE -> multiResponse(g, given);
            };
            results.add(r);
            double w = equal ? 1 : g.weight();
            earned += w * r.credit();
            weights += w;
        }
        return new ClozeResult(results, weights == 0 ? 0 : earned / weights);
    }

    private static ClozeResult.GapResult typed(Cloze.Gap g, String typed) {
        String expected = ClozeWriter.rightAnswerText(g);
        if (typed.isBlank()) {
            return new ClozeResult.GapResult(g.number(), false, 0, "", expected, null);
        }
        // the answer with the most credit that matches (Moodle's order: the first of equal ones)
        Cloze.Answer best = null;
        for (Cloze.Answer a : g.answers()) {
            boolean matches = g.kind() == Cloze.Kind.NUMERICAL ? numberMatches(a.text(), typed)
                    : textMatches(a.text(), typed, g.caseSensitive());
            if (matches && (best == null || a.fraction() > best.fraction())) {
                best = a;
            }
        }
        double credit = best == null ? 0 : Math.max(0, best.fraction());
        return new ClozeResult.GapResult(g.number(), best != null && best.full(), credit, typed.strip(), expected,
                best == null ? null : best.feedback());
    }

    static boolean textMatches(String accepted, String typed, boolean caseSensitive) {
        if (accepted.equals("*")) {
            return true;
        }
        String t = caseSensitive ? blanks(typed) : TextNormalizer.normalize(typed);
        if (t.isEmpty()) {
            return false;
        }
        if (!accepted.contains("*")) {
            return t.equals(caseSensitive ? blanks(accepted) : TextNormalizer.normalize(accepted));
        }
        // no regex: thousands of '*' would overflow the pattern compiler's stack (found by ClozeFuzzTest)
        List<String> parts = java.util.Arrays.stream(accepted.split("\\*", -1))
                .map(part -> caseSensitive ? blanks(part) : TextNormalizer.normalize(part)).toList();
        return glob(t, parts);
    }

    /** Whether {@code s} is parts[0] + anything + parts[1] + … + anything + parts[last]: greedy, linear in the parts. */
    private static boolean glob(String s, List<String> parts) {
        String first = parts.getFirst();
        String last = parts.getLast();
        if (!s.startsWith(first) || s.length() < first.length() + last.length() || !s.endsWith(last)) {
            return false;
        }
        int at = first.length();
        int end = s.length() - last.length();
        for (int i = 1; i < parts.size() - 1; i++) {
            int found = s.indexOf(parts.get(i), at);
            if (found < 0 || found + parts.get(i).length() > end) {
                return false;
            }
            at = found + parts.get(i).length();
        }
        return true;
    }

    private static String blanks(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    static boolean numberMatches(String accepted, String typed) {
        if (accepted.equals("*")) {
            return true;
        }
        double[] vt = ClozeParser.valueAndTolerance(accepted);
        Double value = number(typed);
        return vt != null && value != null && Math.abs(value - vt[0]) <= vt[1] + 1e-9 * Math.max(1, Math.abs(vt[0]));
    }

    /** "2", "2.5", "2,5" (a decimal comma, as Russian writes it), "1 024". */
    static Double number(String typed) {
        String t = typed.strip().replace('\u00a0', ' ').replace(" ", "").replace(',', '.');
        if (t.isEmpty() || t.length() > 60) {
            return null;
        }
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ClozeResult.GapResult choice(Cloze.Gap g, List<String> given) {
        String expected = ClozeWriter.rightAnswerText(g);
        Integer picked = given.stream().map(s -> index(s, g)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (picked == null) {
            return new ClozeResult.GapResult(g.number(), false, 0, "", expected, null);
        }
        Cloze.Answer a = g.answers().get(picked);
        return new ClozeResult.GapResult(g.number(), a.full(), Math.max(0, a.fraction()), a.text(), expected, a.feedback());
    }

    private static ClozeResult.GapResult multiResponse(Cloze.Gap g, List<String> given) {
        String expected = ClozeWriter.rightAnswerText(g);
        Set<Integer> picked = new LinkedHashSet<>();
        given.forEach(s -> {
            Integer i = index(s, g);
            if (i != null) {
                picked.add(i);
            }
        });
        Set<Integer> right = new LinkedHashSet<>();
        double total = 0;
        for (int i = 0; i < g.answers().size(); i++) {
            if (g.answers().get(i).fraction() > 0) {
                right.add(i);
                total += g.answers().get(i).fraction();
            }
        }
        double sum = 0;
        for (int i : picked) {
            double f = g.answers().get(i).fraction();
            // Moodle scales the right choices to add up to 1; a choice without credit takes back one right choice's share
            sum += f > 0 ? f / total : f < 0 ? f : -1.0 / right.size();
        }
        List<Integer> ordered = picked.stream().sorted().toList();
        String text = ordered.stream().map(i -> g.answers().get(i).text()).collect(Collectors.joining(", "));
        List<String> feedback = ordered.stream().map(i -> g.answers().get(i).feedback()).filter(java.util.Objects::nonNull).toList();
        boolean allRight = picked.equals(right);
        return new ClozeResult.GapResult(g.number(), allRight, allRight ? 1 : Math.max(0, Math.min(1, sum)), text, expected,
                feedback.isEmpty() ? null : String.join(" ", feedback));
    }

    private static Integer index(String s, Cloze.Gap g) {
        if (s == null || s.isBlank() || s.length() > 4) {
            return null;
        }
        try {
            int i = Integer.parseInt(s.strip());
            return i >= 0 && i < g.answers().size() ? i : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

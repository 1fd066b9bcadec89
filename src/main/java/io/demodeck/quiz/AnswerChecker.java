package io.demodeck.quiz;

import io.demodeck.quiz.QuizResult.Verdict;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Grades quiz answers. Pure: no database, no framework; the study page and the API both use it. */
public final class AnswerChecker {

    private AnswerChecker() {
    }

    public static QuizResult check(QuizKey key, QuizResponse response) {
        return switch (key.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> choices(key, response.selected());
            case TRUE_FALSE -> QuizResult.of(key.correctBoolean() != null && key.correctBoolean().equals(response.truth()));
            case SHORT_ANSWER -> shortAnswer(key, response.text());
            case NUMERICAL -> numerical(key, response.text());
            case MATCHING -> matching(key, response.matches());
            case CLOZE -> cloze(key, response.gaps());
            default -> throw new IllegalArgumentException(key.type() + " questions are not graded automatically");
        };
    }

    /**
     * Whether a choice is a right answer: in a single-choice question only one worth 100 % (one worth 50 % earns
     * half the credit but is not right); in a multiple-choice question any with credit.
     */
    public static boolean isRight(io.demodeck.quiz.QuestionType type, double fraction) {
        return type == io.demodeck.quiz.QuestionType.SINGLE_CHOICE ? fraction >= FULL_CREDIT : fraction > 0;
    }

    /** Weights written as percentages come back as 0.99999…: "100 %" with a rounding margin. */
    private static final double FULL_CREDIT = 0.999;

    private static QuizResult choices(QuizKey key, Set<Integer> selected) {
        List<Double> fractions = key.choiceFractions();
        Set<Integer> right = IntStream.range(0, fractions.size()).filter(i -> isRight(key.type(), fractions.get(i)))
                .boxed().collect(Collectors.toSet());
        Set<Integer> valid = new HashSet<>(selected);
        valid.removeIf(i -> i < 0 || i >= fractions.size());
        double score = valid.stream().mapToDouble(fractions::get).sum();
        boolean correct = key.type() == io.demodeck.quiz.QuestionType.SINGLE_CHOICE
                ? valid.size() == 1 && right.containsAll(valid) : !valid.isEmpty() && valid.equals(right);
        return new QuizResult(correct, Math.max(0, Math.min(1, score)), null, List.of());
    }

    /**
     * Compares with every accepted answer: an exact match (after {@link TextNormalizer}) is right; otherwise the
     * closest accepted answer is the one shown, and right "with a typo" when within {@link Typos}' tolerance.
     */
    private static QuizResult shortAnswer(QuizKey key, String typed) {
        String normalized = TextNormalizer.normalize(typed);
        List<String> accepted = key.accepted();
        for (int i = 0; i < accepted.size(); i++) {
            if (matches(normalized, accepted.get(i))) {
                return new QuizResult(Verdict.RIGHT, 1, accepted.get(i), WordDiff.of(typed, accepted.get(i)),
                        key.acceptedFeedback(i), null);
            }
        }
        if (accepted.isEmpty()) {
            return QuizResult.of(false);
        }
        int closest = 0;
        int best = Integer.MAX_VALUE;
        for (int i = 0; i < accepted.size(); i++) {
            int d = Typos.distance(normalized, TextNormalizer.normalize(accepted.get(i).replace('*', ' ')));
            if (d < best) {
                best = d;
                closest = i;
            }
        }
        String expected = accepted.get(closest);
        boolean typo = !normalized.isEmpty() && !expected.contains("*")
                && Typos.isTypo(normalized, TextNormalizer.normalize(expected));
        return new QuizResult(typo ? Verdict.RIGHT_WITH_TYPO : Verdict.WRONG, typo ? 1 : 0, expected,
                WordDiff.of(typed, expected), typo ? key.acceptedFeedback(closest) : null, null);
    }

    /** "I don't know": wrong, with the first accepted answer to show. */
    public static QuizResult noAnswer(QuizKey key) {
        String expected = key.accepted().isEmpty() ? null : key.accepted().getFirst();
        return new QuizResult(false, 0, expected, List.of());
    }

    /** Compares normalised texts; a '*' in the accepted answer matches anything (Moodle's wildcard). */
    static boolean matches(String normalizedTyped, String accepted) {
        if (normalizedTyped.isEmpty()) {
            return false;
        }
        if (!accepted.contains("*")) {
            return normalizedTyped.equals(TextNormalizer.normalize(accepted));
        }
        String regex = java.util.Arrays.stream(accepted.split("\\*", -1))
                .map(TextNormalizer::normalize).map(Pattern::quote).collect(Collectors.joining(".*"));
        return Pattern.compile(regex).matcher(normalizedTyped).matches();
    }

    private static QuizResult numerical(QuizKey key, String typed) {
        NumberAnswer answer = NumberAnswer.read(typed, key.prompt());
        if (!answer.readable()) {
            return new QuizResult(Verdict.NOT_A_NUMBER, 0, null, List.of(), null, answer.unknownUnit());
        }
        double value = answer.value();
        boolean right = key.correctMin() != null && key.correctMax() != null
                && value >= key.correctMin() - 1e-9 && value <= key.correctMax() + 1e-9;
        return QuizResult.of(right);
    }

    /** Gap by gap; the question is right when every gap is (ClozeResult#suggestedGrade gives the rating). */
    private static QuizResult cloze(QuizKey key, List<List<String>> gaps) {
        io.demodeck.quiz.cloze.ClozeResult result = io.demodeck.quiz.cloze.ClozeGrader.grade(key.cloze(), gaps);
        return new QuizResult(result.allRight() ? QuizResult.Verdict.RIGHT : QuizResult.Verdict.WRONG, result.score(),
                null, List.of(), null, null, result);
    }

    private static QuizResult matching(QuizKey key, List<Integer> matches) {
        List<String> rights = key.pairRights();
        if (matches.size() != rights.size()) {
            return QuizResult.of(false);
        }
        long good = IntStream.range(0, rights.size())
                .filter(i -> matches.get(i) >= 0 && matches.get(i) < rights.size()
                        && rights.get(matches.get(i)).equals(rights.get(i)))
                .count();
        return new QuizResult(good == rights.size(), rights.isEmpty() ? 0 : (double) good / rights.size(), null, List.of());
    }
}

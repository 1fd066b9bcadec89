package io.demodeck.quiz;

import java.util.List;

/**
 * The verdict on a quiz answer.
 *
 * @param score       credit earned, 0..1 (partial for multiple choice)
 * @param expected    the accepted answer the typed text was compared with (the closest one), else null
 * @param diff        typed vs expected, word by word (short answer), else empty
 * @param feedback    the feedback the source gives for the answer matched (GIFT {@code #…}), Markdown, or null
 * @param unknownUnit NOT_A_NUMBER: the unit typed after the number that the question does not name, or null
 * @param cloze       cloze: the result of every gap, else null
 */
public record QuizResult(Verdict verdict, double score, String expected, List<WordDiff.Segment> diff, String feedback,
                         String unknownUnit, io.demodeck.quiz.cloze.ClozeResult cloze) {

    public QuizResult(Verdict verdict, double score, String expected, List<WordDiff.Segment> diff, String feedback,
                      String unknownUnit) {
        this(verdict, score, expected, diff, feedback, unknownUnit, null);
    }

    public enum Verdict {
        RIGHT,
        /** right within the typo tolerance ({@link Typos}) */
        RIGHT_WITH_TYPO,
        WRONG,
        /** a numerical answer that is not a number (or has a unit the question does not name): not graded */
        NOT_A_NUMBER
    }

    public QuizResult {
        diff = diff == null ? List.of() : List.copyOf(diff);
    }

    public QuizResult(boolean correct, double score, String expected, List<WordDiff.Segment> diff) {
        this(correct ? Verdict.RIGHT : Verdict.WRONG, score, expected, diff, null, null, null);
    }

    public boolean correct() {
        return verdict == Verdict.RIGHT || verdict == Verdict.RIGHT_WITH_TYPO;
    }

    public boolean withTypo() {
        return verdict == Verdict.RIGHT_WITH_TYPO;
    }

    static QuizResult of(boolean correct) {
        return new QuizResult(correct, correct ? 1 : 0, null, List.of());
    }
}

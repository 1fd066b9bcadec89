package io.demodeck.quiz;

import java.util.List;

/**
 * The verdict on a quiz answer.
 *
 * @param score    credit earned, 0..1 (partial for multiple choice)
 * @param expected the accepted answer the typed text was compared with (short answer), else null
 * @param diff     typed vs expected, character by character (short answer), else empty
 * @param cloze    cloze: the result of every gap, else null
 */
public record QuizResult(boolean correct, double score, String expected, List<CharDiff.Segment> diff,
                         io.demodeck.quiz.cloze.ClozeResult cloze) {

    public QuizResult {
        diff = diff == null ? List.of() : List.copyOf(diff);
    }

    public QuizResult(boolean correct, double score, String expected, List<CharDiff.Segment> diff) {
        this(correct, score, expected, diff, null);
    }

    static QuizResult of(boolean correct) {
        return new QuizResult(correct, correct ? 1 : 0, null, List.of());
    }
}

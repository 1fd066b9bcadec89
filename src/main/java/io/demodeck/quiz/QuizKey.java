package io.demodeck.quiz;


import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a quiz question accepts, in one language.
 *
 * @param choiceFractions  credit of each choice in order (single/multiple choice), above 0 means right
 * @param accepted         accepted short answers; {@code *} matches any run of characters (Moodle)
 * @param pairRights       matching: the right-hand side for each left-hand item, in order
 * @param choiceFeedback   the source's feedback for each choice, in order (null where none), Markdown
 * @param acceptedFeedback the source's feedback for each accepted short answer, in order (null where none)
 * @param prompt           the question's text: a unit it names may follow a numerical answer
 * @param cloze            cloze: the text with its gaps, read from the prompt
 */
public record QuizKey(QuestionType type, List<Double> choiceFractions, List<String> accepted, List<String> pairRights,
                      Boolean correctBoolean, Double correctMin, Double correctMax, List<String> choiceFeedback,
                      List<String> acceptedFeedback, String prompt, io.demodeck.quiz.cloze.Cloze cloze) {

    public QuizKey(QuestionType type, List<Double> choiceFractions, List<String> accepted, List<String> pairRights,
                   Boolean correctBoolean, Double correctMin, Double correctMax, List<String> choiceFeedback,
                   List<String> acceptedFeedback, String prompt) {
        this(type, choiceFractions, accepted, pairRights, correctBoolean, correctMin, correctMax, choiceFeedback,
                acceptedFeedback, prompt, null);
    }

    public QuizKey {
        choiceFractions = choiceFractions == null ? List.of() : List.copyOf(choiceFractions);
        accepted = accepted == null ? List.of() : List.copyOf(accepted);
        pairRights = pairRights == null ? List.of() : List.copyOf(pairRights);
        choiceFeedback = nullable(choiceFeedback);
        acceptedFeedback = nullable(acceptedFeedback);
    }

    /** A key without feedback or prompt. */
    public QuizKey(QuestionType type, List<Double> choiceFractions, List<String> accepted, List<String> pairRights,
                   Boolean correctBoolean, Double correctMin, Double correctMax) {
        this(type, choiceFractions, accepted, pairRights, correctBoolean, correctMin, correctMax, null, null, null);
    }

    /** The feedback of choice {@code index}, or null. */
    public String choiceFeedback(int index) {
        return index >= 0 && index < choiceFeedback.size() ? choiceFeedback.get(index) : null;
    }

    String acceptedFeedback(int index) {
        return index >= 0 && index < acceptedFeedback.size() ? acceptedFeedback.get(index) : null;
    }

    /** List.copyOf refuses nulls; a choice without feedback is one. */
    private static List<String> nullable(List<String> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}

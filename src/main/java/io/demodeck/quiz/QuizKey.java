package io.demodeck.quiz;

import io.demodeck.bank.QuestionType;

import java.util.List;

/**
 * What a quiz question accepts, in one language.
 *
 * @param choiceFractions credit of each choice in order (single/multiple choice), above 0 means right
 * @param accepted        accepted short answers; {@code *} matches any run of characters (Moodle)
 * @param pairRights      matching: the right-hand side for each left-hand item, in order
 * @param cloze           cloze: the text with its gaps, read from the prompt
 */
public record QuizKey(QuestionType type, List<Double> choiceFractions, List<String> accepted, List<String> pairRights,
                      Boolean correctBoolean, Double correctMin, Double correctMax, io.demodeck.quiz.cloze.Cloze cloze) {

    public QuizKey(QuestionType type, List<Double> choiceFractions, List<String> accepted, List<String> pairRights,
                   Boolean correctBoolean, Double correctMin, Double correctMax) {
        this(type, choiceFractions, accepted, pairRights, correctBoolean, correctMin, correctMax, null);
    }

    public QuizKey {
        choiceFractions = choiceFractions == null ? List.of() : List.copyOf(choiceFractions);
        accepted = accepted == null ? List.of() : List.copyOf(accepted);
        pairRights = pairRights == null ? List.of() : List.copyOf(pairRights);
    }
}

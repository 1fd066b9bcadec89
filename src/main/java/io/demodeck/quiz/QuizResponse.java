package io.demodeck.quiz;

import java.util.List;
import java.util.Set;

/**
 * A learner's answer to a quiz question.
 *
 * @param selected choice positions (single/multiple choice)
 * @param text     typed answer (short answer, numerical)
 * @param matches  matching: for each left-hand item, the position of the right-hand side chosen (-1 = none)
 * @param truth    true/false answer
 */
public record QuizResponse(Set<Integer> selected, String text, List<Integer> matches, Boolean truth) {

    public QuizResponse {
        selected = selected == null ? Set.of() : Set.copyOf(selected);
        matches = matches == null ? List.of() : List.copyOf(matches);
    }
}

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
 * @param gaps     cloze: per gap, the typed text or the positions of the choices picked (see ClozeGrader)
 */
public record QuizResponse(Set<Integer> selected, String text, List<Integer> matches, Boolean truth,
                           List<List<String>> gaps) {

    public QuizResponse {
        selected = selected == null ? Set.of() : Set.copyOf(selected);
        matches = matches == null ? List.of() : List.copyOf(matches);
        gaps = gaps == null ? List.of() : gaps.stream().map(g -> g == null ? List.<String>of()
                : g.stream().map(v -> v == null ? "" : v).toList()).toList();
    }

    public QuizResponse(Set<Integer> selected, String text, List<Integer> matches, Boolean truth) {
        this(selected, text, matches, truth, null);
    }
}

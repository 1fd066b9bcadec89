package io.demodeck.quiz;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Marks which key points a typed flashcard answer mentions. A point counts as hit when most of its
 * significant words appear in the answer; words are compared by their first five letters so that Russian
 * endings ("адресное пространство" / "адресного пространства") still match. A hint for self-grading, not a grade.
 */
public final class KeyPointMatcher {

    private static final int STEM = 5;
    private static final int MIN_WORD = 3;

    private KeyPointMatcher() {
    }

    public static List<Boolean> hits(String typed, List<String> keyPoints) {
        Set<String> answerStems = stems(typed);
        return keyPoints.stream().map(point -> {
            Set<String> pointStems = stems(point);
            if (pointStems.isEmpty()) {
                return false;
            }
            long found = pointStems.stream().filter(answerStems::contains).count();
            return found * 2 >= pointStems.size() + 1 || found == pointStems.size();
        }).toList();
    }

    private static Set<String> stems(String text) {
        String normalized = TextNormalizer.normalize(text);
        if (normalized.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(normalized.split(" "))
                .filter(w -> w.length() >= MIN_WORD || w.chars().allMatch(Character::isDigit))
                .map(w -> w.length() > STEM ? w.substring(0, STEM) : w)
                .collect(Collectors.toSet());
    }
}

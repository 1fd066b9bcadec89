package io.demodeck.quiz;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.demodeck.quiz.WordDiff.Kind.BAD;
import static io.demodeck.quiz.WordDiff.Kind.GOOD;
import static io.demodeck.quiz.WordDiff.Kind.MISSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordDiffTest {

    private static WordDiff.Segment s(WordDiff.Kind kind, String text) {
        return new WordDiff.Segment(kind, text);
    }

    @Test
    void aWrongWordIsStruckWholeWithTheRightOneBesideIt() {
        assertEquals(List.of(s(GOOD, "the Go"), s(BAD, "sheduler"), s(MISSED, "scheduler"), s(GOOD, "runs them")),
                WordDiff.of("the Go sheduler runs them", "the Go scheduler runs them"));
    }

    @Test
    void missingAndExtraWordsAreShownAsRuns() {
        assertEquals(List.of(s(GOOD, "a"), s(MISSED, "virtual"), s(GOOD, "thread")), WordDiff.of("a thread", "a virtual thread"));
        assertEquals(List.of(s(GOOD, "clone"), s(BAD, "syscall")), WordDiff.of("clone syscall", "clone"));
        assertEquals(List.of(s(MISSED, "clone")), WordDiff.of("", "clone"));
    }

    @Test
    void wordsCompareWithoutCaseAccentsOrPunctuationAndKeepHowTheyWereTyped() {
        assertEquals(List.of(s(GOOD, "Clone(2)")), WordDiff.of("Clone(2)", "clone 2".replace(" ", "(") + ")"));
        assertEquals(List.of(s(GOOD, "Ёлка,")), WordDiff.of("Ёлка,", "елка"));
    }

    @Test
    void runsOfWrongAndRightWordsNeverInterleave() {
        List<WordDiff.Segment> diff = WordDiff.of("one two three four", "one deux trois four");
        assertEquals(List.of(s(GOOD, "one"), s(BAD, "two three"), s(MISSED, "deux trois"), s(GOOD, "four")), diff);
        for (int i = 1; i < diff.size(); i++) {
            assertTrue(diff.get(i).kind() != diff.get(i - 1).kind(), "neighbouring segments differ: " + diff);
        }
    }

    @Test
    void aPastedEssayIsCapped() {
        String essay = "word ".repeat(10_000);
        List<WordDiff.Segment> diff = WordDiff.of(essay, "word");
        int words = diff.stream().mapToInt(seg -> seg.text().split(" ").length).sum();
        assertEquals(WordDiff.MAX_WORDS, words);
    }
}

package io.demodeck.quiz;

import io.demodeck.bank.QuestionType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerCheckerTest {

    private static QuizResponse text(String t) {
        return new QuizResponse(null, t, null, null);
    }

    private static QuizResponse picked(Integer... positions) {
        return new QuizResponse(Set.of(positions), null, null, null);
    }

    @Test
    void shortAnswersIgnoreCaseSpacesPunctuationAndAccents() {
        QuizKey key = new QuizKey(QuestionType.SHORT_ANSWER, null, List.of("clone", "clone3", "clone(2)"), null, null, null, null);
        assertTrue(AnswerChecker.check(key, text("  CLONE ")).correct());
        assertTrue(AnswerChecker.check(key, text("clone (2)")).correct());
        assertTrue(AnswerChecker.check(key, text("Clone3.")).correct());
        assertFalse(AnswerChecker.check(key, text("fork")).correct());
        assertFalse(AnswerChecker.check(key, text("")).correct());

        QuizKey russian = new QuizKey(QuestionType.SHORT_ANSWER, null, List.of("ёлка"), null, null, null, null);
        assertTrue(AnswerChecker.check(russian, text("Елка")).correct(), "ё and е compare equal");
        QuizKey accented = new QuizKey(QuestionType.SHORT_ANSWER, null, List.of("café"), null, null, null, null);
        assertTrue(AnswerChecker.check(accented, text("cafe")).correct());
    }

    @Test
    void aWrongShortAnswerComesWithADiffAgainstTheExpectedOne() {
        QuizKey key = new QuizKey(QuestionType.SHORT_ANSWER, null, List.of("clone"), null, null, null, null);
        QuizResult result = AnswerChecker.check(key, text("clome"));
        assertFalse(result.correct());
        assertEquals("clone", result.expected());
        assertEquals(List.of(new CharDiff.Segment(CharDiff.Kind.GOOD, "clo"), new CharDiff.Segment(CharDiff.Kind.MISSED, "n"),
                new CharDiff.Segment(CharDiff.Kind.BAD, "m"), new CharDiff.Segment(CharDiff.Kind.GOOD, "e")), result.diff());
    }

    @Test
    void theMoodleWildcardMatchesAnyRun() {
        QuizKey key = new QuizKey(QuestionType.SHORT_ANSWER, null, List.of("*thread*"), null, null, null, null);
        assertTrue(AnswerChecker.check(key, text("a virtual thread, surely")).correct());
        assertFalse(AnswerChecker.check(key, text("a process")).correct());
    }

    @Test
    void numericalAnswersUseTheToleranceOrRangeAndReadDecimalCommas() {
        QuizKey key = new QuizKey(QuestionType.NUMERICAL, null, null, null, null, 1.5, 2.5);
        assertTrue(AnswerChecker.check(key, text("2")).correct());
        assertTrue(AnswerChecker.check(key, text("2,5")).correct());
        assertTrue(AnswerChecker.check(key, text("1.5")).correct());
        assertFalse(AnswerChecker.check(key, text("2.6")).correct());
        assertFalse(AnswerChecker.check(key, text("two")).correct());
        QuizKey big = new QuizKey(QuestionType.NUMERICAL, null, null, null, null, 1024.0, 1024.0);
        assertTrue(AnswerChecker.check(big, text("1 024")).correct());
    }

    @Test
    void singleAndMultipleChoice() {
        QuizKey single = new QuizKey(QuestionType.SINGLE_CHOICE, List.of(0.0, 1.0, 0.0), null, null, null, null, null);
        assertTrue(AnswerChecker.check(single, picked(1)).correct());
        assertFalse(AnswerChecker.check(single, picked(0)).correct());
        assertFalse(AnswerChecker.check(single, picked()).correct());

        QuizKey multi = new QuizKey(QuestionType.MULTIPLE_CHOICE, List.of(0.5, 0.0, 0.5, 0.0), null, null, null, null, null);
        assertTrue(AnswerChecker.check(multi, picked(0, 2)).correct());
        QuizResult half = AnswerChecker.check(multi, picked(0));
        assertFalse(half.correct());
        assertEquals(0.5, half.score());
        assertFalse(AnswerChecker.check(multi, picked(0, 1, 2)).correct(), "an extra wrong choice is wrong");
        assertTrue(AnswerChecker.check(multi, picked(0, 2, 99)).correct(), "out-of-range positions are ignored");
    }

    @Test
    void trueFalseAndMatching() {
        QuizKey tf = new QuizKey(QuestionType.TRUE_FALSE, null, null, null, false, null, null);
        assertTrue(AnswerChecker.check(tf, new QuizResponse(null, null, null, false)).correct());
        assertFalse(AnswerChecker.check(tf, new QuizResponse(null, null, null, true)).correct());
        assertFalse(AnswerChecker.check(tf, new QuizResponse(null, null, null, null)).correct());

        QuizKey matching = new QuizKey(QuestionType.MATCHING, null, null, List.of("M:N", "1:1", "own memory"), null, null, null);
        assertTrue(AnswerChecker.check(matching, new QuizResponse(null, null, List.of(0, 1, 2), null)).correct());
        QuizResult partly = AnswerChecker.check(matching, new QuizResponse(null, null, List.of(1, 0, 2), null));
        assertFalse(partly.correct());
        assertEquals(1.0 / 3, partly.score(), 1e-9);
    }

    @Test
    void keyPointsAreFoundDespiteRussianEndings() {
        List<Boolean> hits = KeyPointMatcher.hits(
                "У процесса своё адресное пространство, а общаются процессы через каналы",
                List.of("собственное адресное пространство", "нужен IPC для обмена", "создаётся системным вызовом"));
        assertEquals(List.of(true, false, false), hits);
    }

    @Test
    void aSingleChoiceWithPartialCreditIsRightOnlyForTheFullAnswer() {
        QuizKey single = new QuizKey(QuestionType.SINGLE_CHOICE, List.of(1.0, 0.5, 0.0), null, null, null, null, null);
        assertTrue(AnswerChecker.check(single, picked(0)).correct());
        QuizResult half = AnswerChecker.check(single, picked(1));
        assertFalse(half.correct(), "half the credit is not the right answer");
        assertEquals(0.5, half.score());
        assertTrue(AnswerChecker.isRight(QuestionType.SINGLE_CHOICE, 1.0));
        assertFalse(AnswerChecker.isRight(QuestionType.SINGLE_CHOICE, 0.5));
        assertTrue(AnswerChecker.isRight(QuestionType.MULTIPLE_CHOICE, 0.5));
    }
}

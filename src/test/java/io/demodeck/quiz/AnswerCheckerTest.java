package io.demodeck.quiz;

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
    void aWrongShortAnswerComesWithAWordDiffAgainstTheExpectedOne() {
        QuizKey key = new QuizKey(QuestionType.SHORT_ANSWER, null, List.of("clone"), null, null, null, null);
        QuizResult result = AnswerChecker.check(key, text("clome"));
        assertFalse(result.correct(), "five letters tolerate no typo");
        assertEquals("clone", result.expected());
        assertEquals(List.of(new WordDiff.Segment(WordDiff.Kind.BAD, "clome"), new WordDiff.Segment(WordDiff.Kind.MISSED, "clone")),
                result.diff(), "the whole wrong word struck, the right one beside it");
    }

    @Test
    void theClosestAcceptedAnswerIsTheOneComparedWith() {
        QuizKey key = new QuizKey(QuestionType.SHORT_ANSWER, null,
                List.of("clone", "virtual thread", "goroutine scheduler"), null, null, null, null);
        QuizResult result = AnswerChecker.check(key, text("goroutine schedule"));
        assertEquals("goroutine scheduler", result.expected(), "not the first accepted answer");
        assertEquals(QuizResult.Verdict.RIGHT_WITH_TYPO, result.verdict());
        QuizResult wrong = AnswerChecker.check(key, text("virtual process"));
        assertEquals("virtual thread", wrong.expected());
        assertEquals(QuizResult.Verdict.WRONG, wrong.verdict());
        assertEquals(List.of(new WordDiff.Segment(WordDiff.Kind.GOOD, "virtual"), new WordDiff.Segment(WordDiff.Kind.BAD, "process"),
                new WordDiff.Segment(WordDiff.Kind.MISSED, "thread")), wrong.diff());
    }

    @Test
    void oneTypoPerSixCharactersIsAcceptedAsATypo() {
        // accepted answers of 5, 6, 7, 12 and 13 characters, each with one edit more than it tolerates and with as many as it does
        assertTypos("fiber", 0);
        assertTypos("thread", 1);
        assertTypos("process", 1);
        assertTypos("preemptively", 2);
        assertTypos("cooperatively", 2);
        QuizKey key = new QuizKey(QuestionType.SHORT_ANSWER, null, List.of("thread"), null, null, null, null);
        assertEquals(QuizResult.Verdict.RIGHT_WITH_TYPO, AnswerChecker.check(key, text("thraed")).verdict(),
                "two neighbours swapped are one typo (Damerau)");
        QuizKey numbered = new QuizKey(QuestionType.SHORT_ANSWER, null, List.of("clone3"), null, null, null, null);
        assertEquals(QuizResult.Verdict.WRONG, AnswerChecker.check(numbered, text("clone2")).verdict(), "a wrong digit is no typo");
        QuizKey wildcard = new QuizKey(QuestionType.SHORT_ANSWER, null, List.of("*thread*"), null, null, null, null);
        assertFalse(AnswerChecker.check(wildcard, text("a thraed")).correct(), "wildcard answers match as written");
    }

    /** {@code allowed} edits (replacing letters from the start) are a typo; one more is wrong. */
    private static void assertTypos(String accepted, int allowed) {
        assertEquals(accepted.length() / 6, allowed, accepted);
        QuizKey key = new QuizKey(QuestionType.SHORT_ANSWER, null, List.of(accepted), null, null, null, null);
        assertEquals(QuizResult.Verdict.RIGHT, AnswerChecker.check(key, text(accepted.toUpperCase())).verdict());
        for (int edits = 1; edits <= allowed + 1; edits++) {
            String typed = "x".repeat(edits) + accepted.substring(edits);
            assertEquals(edits, Typos.distance(typed, accepted));
            QuizResult result = AnswerChecker.check(key, text(typed));
            assertEquals(edits <= allowed ? QuizResult.Verdict.RIGHT_WITH_TYPO : QuizResult.Verdict.WRONG, result.verdict(),
                    accepted.length() + " characters, " + edits + " typo(s): " + typed);
            assertEquals(edits <= allowed, result.correct());
        }
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
        QuizKey big = new QuizKey(QuestionType.NUMERICAL, null, null, null, null, 1024.0, 1024.0);
        assertTrue(AnswerChecker.check(big, text("1 024")).correct());
    }

    @Test
    void aNumberMayCarryTheUnitTheQuestionNamesAndAnythingElseAsksForANumber() {
        QuizKey kib = new QuizKey(QuestionType.NUMERICAL, null, null, null, null, 2.0, 2.0, null, null,
                "What is the initial stack size of a new goroutine? Answer in KiB.");
        assertEquals(QuizResult.Verdict.RIGHT, AnswerChecker.check(kib, text("2 KiB")).verdict());
        assertEquals(QuizResult.Verdict.RIGHT, AnswerChecker.check(kib, text("2kib")).verdict());
        assertEquals(QuizResult.Verdict.WRONG, AnswerChecker.check(kib, text("4 KiB")).verdict());
        QuizResult otherUnit = AnswerChecker.check(kib, text("2 MB"));
        assertEquals(QuizResult.Verdict.NOT_A_NUMBER, otherUnit.verdict(), "a unit the question does not name is not read as 2");
        assertEquals("MB", otherUnit.unknownUnit());
        assertEquals(QuizResult.Verdict.NOT_A_NUMBER, AnswerChecker.check(kib, text("two")).verdict());
        assertEquals(QuizResult.Verdict.NOT_A_NUMBER, AnswerChecker.check(kib, text("  ")).verdict());
        assertFalse(AnswerChecker.check(kib, text("two")).correct());

        QuizKey plain = new QuizKey(QuestionType.NUMERICAL, null, null, null, null, 2.0, 2.0, null, null,
                "How many threads does the program start?");
        QuizResult withUnit = AnswerChecker.check(plain, text("2 KiB"));
        assertEquals(QuizResult.Verdict.NOT_A_NUMBER, withUnit.verdict(), "this question names no unit");
        assertEquals("KiB", withUnit.unknownUnit());
        assertEquals(QuizResult.Verdict.RIGHT, AnswerChecker.check(plain, text("2")).verdict());
        QuizKey percent = new QuizKey(QuestionType.NUMERICAL, null, null, null, null, 90.0, 90.0, null, null,
                "Desired retention, in %?");
        assertEquals(QuizResult.Verdict.RIGHT, AnswerChecker.check(percent, text("90 %")).verdict());
        assertEquals(QuizResult.Verdict.RIGHT, AnswerChecker.check(percent, text("90%")).verdict());
    }

    @Test
    void feedbackOfTheMatchedAnswerComesWithTheVerdict() {
        QuizKey key = new QuizKey(QuestionType.SHORT_ANSWER, null, List.of("clone", "clone3"), null, null, null, null,
                null, java.util.Arrays.asList(null, "The newer one, since Linux 5.3"), null);
        assertEquals("The newer one, since Linux 5.3", AnswerChecker.check(key, text("clone3")).feedback());
        assertEquals(null, AnswerChecker.check(key, text("clone")).feedback());
        assertEquals(null, AnswerChecker.check(key, text("fork")).feedback());
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

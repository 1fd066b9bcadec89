package io.demodeck.quiz.cloze;

import io.demodeck.quiz.QuestionType;
import io.demodeck.quiz.AnswerChecker;
import io.demodeck.quiz.QuizKey;
import io.demodeck.quiz.QuizResponse;
import io.demodeck.quiz.QuizResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClozeGraderTest {

    private static final Cloze PARIS = ClozeParser.parse("The capital of France is {1:SA:=Paris#Well done~%50%Lyon#Its second city}, "
            + "{2:NM:=2.5:0.1#Right} km², and it is {1:MC:big#No~=huge#Yes} with {1:MR:=museums~=parks~cows#Not many}.");

    private static ClozeResult grade(Cloze cloze, List<List<String>> answers) {
        return ClozeGrader.grade(cloze, answers);
    }

    @Test
    void allGapsRightIsGood() {
        ClozeResult r = grade(PARIS, List.of(List.of(" paris "), List.of("2,55"), List.of("1"), List.of("0", "1")));
        assertTrue(r.allRight(), r::toString);
        assertEquals(3, r.suggestedGrade(), "Good");
        assertEquals(1.0, r.score(), 1e-9);
        assertEquals("Well done", r.gap(1).feedback());
    }

    @Test
    void someGapsRightIsHardAndEachWrongGapShowsItsRightAnswer() {
        ClozeResult r = grade(PARIS, List.of(List.of("Paris"), List.of("3"), List.of("0"), List.of("0", "2")));
        assertEquals(2, r.suggestedGrade(), "Hard");
        assertEquals(1, r.rightCount());
        assertFalse(r.gap(2).right());
        assertEquals("2.5 ± 0.1", r.gap(2).expected());
        assertEquals("big", r.gap(3).given());
        assertEquals("huge", r.gap(3).expected());
        assertEquals("No", r.gap(3).feedback());
        assertEquals("museums, parks", r.gap(4).expected());
        assertEquals("Not many", r.gap(4).feedback());
        // weights 1, 2, 1, 1: only the first (weight 1) earned
        assertEquals(1.0 / 5, r.score(), 1e-9);
    }

    @Test
    void noGapRightIsAgainAndPartialCreditIsNotRight() {
        ClozeResult none = grade(PARIS, List.of(List.of("Rome"), List.of(), List.of(), List.of()));
        assertEquals(1, none.suggestedGrade(), "Again");
        ClozeResult partly = grade(PARIS, List.of(List.of("lyon"), List.of("x"), List.of("7"), List.of()));
        assertTrue(partly.gap(1).partly());
        assertFalse(partly.gap(1).right());
        assertEquals("Its second city", partly.gap(1).feedback());
        assertEquals(2, partly.suggestedGrade(), "partial credit is some, so Hard");
    }

    @Test
    void caseCountsOnlyInShortAnswerC() {
        Cloze sac = ClozeParser.parse("{1:SAC:=Java}");
        assertFalse(grade(sac, List.of(List.of("java"))).allRight());
        assertTrue(grade(sac, List.of(List.of(" Java "))).allRight());
        Cloze sa = ClozeParser.parse("{1:SA:=Java}");
        assertTrue(grade(sa, List.of(List.of("JAVA"))).allRight());
    }

    @Test
    void theWildcardCatchesEveryOtherAnswerWithoutCredit() {
        ClozeResult r = grade(ClozeParser.parse(ClozeParserTest.OWL_AND_PUSSY_CAT), List.of(List.of("cat"), List.of("2")));
        assertFalse(r.gap(1).right());
        assertEquals("Wrong answer", r.gap(1).feedback());
        assertEquals("Owl", r.gap(1).expected());
        assertTrue(r.gap(2).right());
    }

    @Test
    void throughTheAnswerCheckerLikeEveryQuizType() {
        QuizKey key = new QuizKey(QuestionType.CLOZE, null, null, null, null, null, null, null, null, null, PARIS);
        QuizResult result = AnswerChecker.check(key, new QuizResponse(null, null, null, null,
                List.of(List.of("Paris"), List.of("2.5"), List.of("1"), List.of("1", "0"))));
        assertTrue(result.correct());
        assertEquals(3, result.cloze().suggestedGrade());
        QuizResult wrong = AnswerChecker.check(key, new QuizResponse(null, null, null, null, null));
        assertFalse(wrong.correct());
        assertEquals(1, wrong.cloze().suggestedGrade());
    }

    @Test
    void theFormsValuesMapToTheirGaps() {
        Cloze cloze = ClozeParser.parse("{1:SA:=a} {1:MCV:=x~y} {1:MC:=p~q} {1:MRH:=m~=n~o}");
        List<List<String>> answers = ClozeForm.responses(cloze, List.of("a", "1"), List.of("2:0", "4:1", "4:2", "4:junk99"));
        assertEquals(List.of(List.of("a"), List.of("0"), List.of("1"), List.of("1", "2", "junk99")), answers);
        ClozeResult r = grade(cloze, answers);
        assertTrue(r.gap(1).right() && r.gap(2).right());
        assertFalse(r.gap(3).right());
        assertFalse(r.gap(4).right(), "a multiresponse gap needs exactly its right choices");
        assertNull(grade(cloze, ClozeForm.responses(cloze, null, null)).gap(4).feedback());
    }
}

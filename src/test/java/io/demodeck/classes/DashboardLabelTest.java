package io.demodeck.classes;

import io.demodeck.quiz.QuestionType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dashboard names questions by title or prompt; a cloze prompt must not give its answers away there. */
class DashboardLabelTest {

    @Test
    void aClozePromptShowsItsGapsAsBlanksNotTheirAnswers() {
        assertEquals("Go starts a goroutine with … and waits with ….", ClassDashboard.label(
                "Go starts a goroutine with {1:SHORTANSWER:=go} and waits with {2:MULTICHOICE:=sync.WaitGroup~time.Sleep}.",
                QuestionType.CLOZE));
        // escaped braces stay inside their gap
        assertEquals("Write …", ClassDashboard.label("Write {1:SHORTANSWER:=\\{\\}}", QuestionType.CLOZE));
    }

    @Test
    void aPromptCutInTheMiddleOfAGapHidesThePartOfTheGapItKeeps() {
        // the statement reads at most 300 characters of a prompt: the last gap may be cut short
        assertEquals("Capitals: …", ClassDashboard.label("Capitals: {1:MULTICHOICE:=Rome~Mil", QuestionType.CLOZE));
    }

    @Test
    void otherQuestionsAndClozeTitlesAreLabelledAsWritten() {
        assertEquals("Maps {k: v} in Go", ClassDashboard.label("Maps {k: v} in Go", QuestionType.FLASHCARD));
        assertEquals("Capitals of Europe", ClassDashboard.label("Capitals of Europe", QuestionType.CLOZE));
    }
}

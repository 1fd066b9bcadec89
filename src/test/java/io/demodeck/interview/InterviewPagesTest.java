package io.demodeck.interview;

import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interview pages without a browser: form errors named in the learner's language, Back and double submits. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class InterviewPagesTest {

    static final String DECK = "goroutines-threads-processes";
    static final String PASSWORD = "correct horse battery";

    private static Browser learner() {
        Browser b = new Browser();
        b.registerAndSignIn("ip" + UUID.randomUUID().toString().replace("-", "").substring(0, 10), PASSWORD);
        b.open("/lang/en?back=/");
        return b;
    }

    private static String start(Browser b) {
        b.open("/interviews/new?deck=" + DECK);
        Response started = b.submit("/interviews", "deck", DECK, "questions", "2", "seconds", "60");
        assertEquals(303, started.statusCode(), started.asString());
        return started.getHeader("Location").replaceAll("^https?://[^/]+", "");
    }

    @Test
    void aBadStartSaysWhatIsWrongAndKeepsTheForm() {
        Browser b = learner();
        String form = b.open("/interviews/new?deck=" + DECK).asString();
        assertTrue(form.contains("name=\"tag\" value=\"goroutine\""), "the deck's tags to pick");
        Response bad = b.submit("/interviews", "deck", DECK, "tag", "goroutine", "questions", "0", "seconds", "60");
        assertEquals(422, bad.statusCode());
        String page = bad.asString();
        assertTrue(page.contains("Number of questions: a whole number from 1 to 30."), page);
        assertTrue(page.contains("value=\"goroutine\" checked"), "the ticked tag stays ticked");
        assertTrue(page.contains("aria-invalid=\"true\""));

        b.open("/lang/ru?back=/");
        b.open("/interviews/new?deck=" + DECK);
        String ru = b.submit("/interviews", "deck", DECK, "questions", "3", "seconds", "5").asString();
        assertTrue(ru.contains("Время на вопрос: от 10 до 3600 секунд."), ru);
        assertTrue(ru.contains(">Собеседование</a>"), "the nav entry in Russian");
    }

    @Test
    void anAnswerSentTwiceCountsOnceAndAnEmptyOneIsRefused() {
        Browser b = learner();
        String interview = start(b);
        String question = b.open(interview).asString();
        assertTrue(question.contains("Question 1 of 2"), question);
        assertTrue(question.contains("role=\"timer\""));

        Response empty = b.submit(interview + "/answer", "position", "1", "typed", "  ");
        assertEquals(422, empty.statusCode());
        assertTrue(empty.asString().contains("Type an answer, answer aloud, or skip the question."));

        b.open(interview);
        assertEquals(303, b.submit(interview + "/answer", "position", "1", "typed", "the Go runtime").statusCode());
        Response again = b.submit(interview + "/answer", "position", "1", "typed", "the Go runtime");
        assertEquals(303, again.statusCode());
        assertTrue(again.getHeader("Location").endsWith(interview + "?moved=true"), again.getHeader("Location"));
        String moved = b.open(interview + "?moved=true").asString();
        assertTrue(moved.contains("That question was answered already; here is the current one."));
        assertTrue(moved.contains("Question 2 of 2"));

        Browser other = learner();
        assertEquals(404, other.open(interview).statusCode());
    }
}

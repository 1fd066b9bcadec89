package io.demodeck.study;

import io.demodeck.bank.DeckWriter;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.demodeck.testsupport.StudyFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The done page as a session summary, more new cards today, undo back through the session, already answered. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StudySessionPagesTest {

    @Inject
    DeckWriter writer;

    private Browser learner(String[] name) {
        Browser b = new Browser();
        name[0] = b.registerAndSignIn("ss" + UUID.randomUUID().toString().substring(0, 8), "study-hard-123");
        return b;
    }

    private static String grade(Browser b, String study, int rating) {
        String page = b.open(study).asString();
        assertTrue(page.contains("data-state=\"question\""), page);
        return b.submit(study + "/grade", "question", field(page, "question"), "rid", field(page, "rid"), "rating", rating)
                .then().statusCode(303).extract().header("Location");
    }

    @Test
    void theDonePageSumsUpTheSessionAndOffersMoreNewCardsForTodayOnly() {
        String[] name = new String[1];
        Browser b = learner(name);
        String deck = StudyFixtures.flashcardDeck(writer, name[0], 5);
        String study = "/study/" + deck;
        b.open("/settings");
        b.submit("/settings", "language", "en", "desiredRetention", "0.9", "newCardsPerDay", "2", "timeZone", "UTC",
                "dayRolloverHour", "4", "learnAheadMinutes", "20").then().statusCode(303);
        grade(b, study, 4);
        grade(b, study, 4);
        String done = b.open(study).then().statusCode(200).extract().asString();
        assertTrue(done.contains("data-state=\"done\""), done);
        assertTrue(done.contains("<dd id=\"summary-answers\">2 answers</dd>"), done);
        assertTrue(done.contains("<dd id=\"summary-again\">0%</dd>"), done);
        assertTrue(done.contains("id=\"more-new\""), "3 questions not started: more new cards are offered");

        b.submit(study + "/more-new", "count", 5).then().statusCode(303).header("Location", endsWith(study));
        String card = b.open(study).then().statusCode(200).extract().asString();
        assertTrue(card.contains("<span class=\"count-new\" title=\"New\">3</span>"), "5 more allowed, 3 left: " + card);
        b.open("/settings").then().body(containsString("name=\"newCardsPerDay\" type=\"text\" value=\"2\""));
        b.submit(study + "/more-new", "count", 0).then().statusCode(400);
    }

    @Test
    void undoGoesBackThroughEveryAnswerAndAFormGradedTwiceSaysAlreadyAnswered() {
        String[] name = new String[1];
        Browser b = learner(name);
        String deck = StudyFixtures.flashcardDeck(writer, name[0], 3);
        String study = "/study/" + deck;

        String page = b.open(study).asString();
        String first = field(page, "question");
        String rid = field(page, "rid");
        b.submit(study + "/grade", "question", first, "rid", rid, "rating", 3).then().statusCode(303);
        // the browser's Back to that card, graded again: nothing changes and the learner is told
        String again = b.submit(study + "/grade", "question", first, "rid", rid, "rating", 1).then().statusCode(303)
                .extract().header("Location");
        assertTrue(again.endsWith("already=true"), again);
        b.open(again).then().body(containsString("id=\"study-notice\"")).body(containsString("already answered"));
        assertEquals(1, StudyFixtures.number("select count(*) from review_log where client_review_id = cast(?1 as uuid)", rid));

        page = b.open(study).asString();
        String second = field(page, "question");
        b.submit(study + "/grade", "question", second, "rid", field(page, "rid"), "rating", 3).then().statusCode(303);

        b.open(study);
        b.submit(study + "/undo").then().statusCode(303)
                .header("Location", endsWith("?question=" + second + "&undo=true"));
        b.open(study + "?question=" + second + "&undo=true").then().body(containsString("data-action=\"undo\""));
        b.submit(study + "/undo").then().statusCode(303).header("Location", endsWith("?question=" + first));
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), name + " in " + html);
        return m.group(1);
    }
}

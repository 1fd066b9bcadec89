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

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daily review limit on the study pages: the counts show what it leaves, the done page says what waits. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ReviewLimitPageTest {

    @Inject
    DeckWriter writer;

    @Test
    void theCountsStopAtTheLimitAndTheDonePageSaysWhatWaitsForTomorrow() {
        Browser b = new Browser();
        String name = b.registerAndSignIn("rl" + UUID.randomUUID().toString().substring(0, 8), "study-hard-123");
        String deck = StudyFixtures.flashcardDeck(writer, name, 5);
        String study = "/study/" + deck;
        b.open("/settings");
        b.submit("/settings", "language", "en", "desiredRetention", "90", "newCardsPerDay", "0", "timeZone", "UTC",
                "dayRolloverHour", "4", "maxReviewsPerDay", "2").then().statusCode(303);
        // all five questions are review cards, two days overdue
        StudyFixtures.execute("""
                insert into card (user_id, question_id, deck_id, state, stability, difficulty, due, last_review, reps)
                select ?1, q.id, q.deck_id, 2, 5, 5, now() - interval '2 days', now() - interval '7 days', 3
                from question q join deck d on d.id = q.deck_id where d.external_id = ?2""",
                StudyFixtures.userId(name), deck);

        for (int left = 2; left > 0; left--) {
            String page = b.open(study).then().statusCode(200).extract().asString();
            assertTrue(page.matches("(?s).*class=\"count-review\"[^>]*>" + left + "</span>.*"), left + " left: " + page);
            b.submit(study + "/grade", "question", field(page, "question"), "rid", field(page, "rid"), "rating", 3)
                    .then().statusCode(303);
        }
        String done = b.open(study).then().statusCode(200).extract().asString();
        assertTrue(done.contains("data-state=\"done\""), done);
        assertTrue(done.contains("Your daily limit of 2 reviews is reached; review cards of this deck waiting for "
                + "tomorrow: 3."), done);
        assertTrue(done.contains("<a href=\"/settings#f-maxReviewsPerDay\">Change the limit</a>"), done);
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), name + " in " + html);
        return m.group(1);
    }
}

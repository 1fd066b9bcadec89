package io.demodeck.study;

import io.demodeck.bank.DeckWriter;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.demodeck.testsupport.StudyFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.demodeck.testsupport.StudyFixtures.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The study loop replayed through the study pages with a clock the test moves: a learner takes a fresh deck of 24
 * questions with 20 new cards a day and never gets the done page while a learning card is due within the
 * learn-ahead limit.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class LearnAheadReplayTest {

    static final Duration THINKING = Duration.ofSeconds(12);

    @Inject
    DeckWriter writer;

    /** Mostly Good, some Again and Hard, an Easy now and then: a plausible first session. */
    static int rating(int answer) {
        if (answer % 7 == 3) {
            return 1;
        }
        if (answer % 5 == 4) {
            return 2;
        }
        return answer % 11 == 10 ? 4 : 3;
    }

    @Test
    void aFreshDeckIsStudiedToTheEndWithoutEverWaitingForALearningCard() {
        StudyFixtures.MovableClock clock = new StudyFixtures.MovableClock();
        QuarkusMock.installMockForType(clock, StudyClock.class);
        Browser b = new Browser();
        String name = b.registerAndSignIn("la" + UUID.randomUUID().toString().substring(0, 8), "study-hard-123");
        long user = StudyFixtures.userId(name);
        String deck = StudyFixtures.flashcardDeck(writer, name, 24);
        String study = "/study/" + deck;

        int answers = 0;
        int donePages = 0;
        while (true) {
            String page = b.open(study).then().statusCode(200).extract().asString();
            if (page.contains("data-state=\"done\"")) {
                donePages++;
                assertEquals(0, learningDueWithin(user, deck, clock, Duration.ofMinutes(20)),
                        "the done page after " + answers + " answers while a learning card is due within 20 minutes");
                Matcher countdown = Pattern.compile("data-countdown=\"(\\d+)\"").matcher(page);
                if (!countdown.find()) {
                    break;
                }
                // a learning card further away than the limit: the page counts down to it; the clock gets there
                clock.advance(Duration.ofSeconds(Long.parseLong(countdown.group(1))));
                continue;
            }
            long question = Long.parseLong(field(page, "question"));
            b.submit(study + "/grade", "question", question, "rid", field(page, "rid"), "rating", rating(answers))
                    .then().statusCode(303);
            answers++;
            clock.advance(THINKING);
            assertTrue(answers < 500, "the session ends");
        }
        System.out.println("[learn-ahead] 24 questions, 20 new a day: " + answers + " answers, " + donePages
                + " done page(s), " + Duration.between(java.time.Instant.now(), clock.now()).toMinutes() + " simulated minutes");
        assertEquals(20, number("select count(*) from card c join deck d on d.id = c.deck_id "
                + "where c.user_id = ?1 and d.external_id = ?2 and c.state = 2", user, deck), "the day's 20 new cards all graduated");
        assertEquals(0, number("select count(*) from card c join deck d on d.id = c.deck_id "
                + "where c.user_id = ?1 and d.external_id = ?2 and c.state in (1, 3)", user, deck), "no card left in learning");
        assertEquals(1, donePages, "one done page: at the end");
    }

    @Test
    void withLearnAheadOffTheDonePageCountsDownToTheNextLearningCard() {
        StudyFixtures.MovableClock clock = new StudyFixtures.MovableClock();
        QuarkusMock.installMockForType(clock, StudyClock.class);
        Browser b = new Browser();
        String name = b.registerAndSignIn("lo" + UUID.randomUUID().toString().substring(0, 8), "study-hard-123");
        String deck = StudyFixtures.flashcardDeck(writer, name, 1);
        String study = "/study/" + deck;
        b.open("/settings");
        b.submit("/settings", "language", "en", "desiredRetention", "0.9", "newCardsPerDay", "20", "timeZone", "UTC",
                "dayRolloverHour", "4", "learnAheadMinutes", "0").then().statusCode(303);
        b.open("/settings").then().body(org.hamcrest.Matchers.containsString("name=\"learnAheadMinutes\" type=\"text\" value=\"0\""));

        String page = b.open(study).asString();
        b.submit(study + "/grade", "question", field(page, "question"), "rid", field(page, "rid"), "rating", 3)
                .then().statusCode(303);
        clock.advance(Duration.ofMinutes(4));
        String done = b.open(study).then().statusCode(200).extract().asString();
        assertTrue(done.contains("data-state=\"done\""), done);
        Matcher countdown = Pattern.compile("data-countdown=\"(\\d+)\"").matcher(done);
        assertTrue(countdown.find(), "the done page counts down: " + done);
        assertEquals(360, Long.parseLong(countdown.group(1)), 1, "Good on a new card: back in 10 minutes, 4 have passed");
        assertTrue(done.contains("in 6 minutes"), done);

        clock.advance(Duration.ofSeconds(Long.parseLong(countdown.group(1))));
        b.open(study).then().statusCode(200).body(org.hamcrest.Matchers.containsString("data-state=\"question\""));
    }

    @Test
    void theLearnAheadLimitIsCheckedOnTheSettingsPage() {
        Browser b = new Browser();
        b.registerAndSignIn("lx" + UUID.randomUUID().toString().substring(0, 8), "study-hard-123");
        b.open("/settings").then().body(org.hamcrest.Matchers.containsString("name=\"learnAheadMinutes\" type=\"text\" value=\"20\""));
        b.submit("/settings", "language", "en", "desiredRetention", "0.9", "newCardsPerDay", "20", "timeZone", "UTC",
                "dayRolloverHour", "4", "learnAheadMinutes", "2000").then().statusCode(422)
                .body(org.hamcrest.Matchers.containsString("f-learnAheadMinutes-error"))
                .body(org.hamcrest.Matchers.containsString("between 0 and 1440"));
    }

    private static long learningDueWithin(long user, String deck, StudyFixtures.MovableClock clock, Duration limit) {
        return number("select count(*) from card c join deck d on d.id = c.deck_id where c.user_id = ?1 "
                + "and d.external_id = ?2 and c.state in (1, 3) and c.due <= ?3", user, deck,
                Timestamp.from(clock.now().plus(limit)));
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), name + " in " + html);
        return m.group(1);
    }
}

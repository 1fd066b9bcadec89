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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An answer posted after the session expired is kept: the sign-in page says the session expired, and signing in again
 * leads back to the study page with the answer applied once, or with a notice that it could not be.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ExpiredSessionAnswerTest {

    static final String PASSWORD = "study-hard-123";

    @Inject
    DeckWriter writer;

    @Test
    void anAnswerPostedAfterTheSessionExpiredIsAppliedOnceAfterSigningInAgain() {
        Browser b = new Browser();
        String name = b.registerAndSignIn("ex" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
        long user = StudyFixtures.userId(name);
        String deck = StudyFixtures.flashcardDeck(writer, name, 2);
        String study = "/study/" + deck;
        String page = b.open(study).asString();
        String question = field(page, "question");
        String rid = field(page, "rid");
        expire(user);

        String login = b.submit(study + "/grade", "question", question, "rid", rid, "rating", 4, "durationMs", 1200)
                .then().statusCode(303).extract().header("Location");
        assertTrue(login.endsWith("/login?expired=true"), login);
        assertEquals(0, StudyFixtures.number("select count(*) from review_log where user_id = ?1", user));
        b.open("/login?expired=true").then().body(containsString("id=\"session-expired\""))
                .body(containsString("Your session expired"));

        String back = b.submit("/login", "username", name, "password", PASSWORD).then().statusCode(303)
                .extract().header("Location");
        assertTrue(back.endsWith(study + "?kept=applied"), back);
        b.open(back).then().statusCode(200).body(containsString("id=\"study-notice\""))
                .body(containsString("Your answer from before you were signed out is saved."));
        assertEquals(1, StudyFixtures.number("select count(*) from review_log where user_id = ?1 and rating = 4 "
                + "and client_review_id = cast(?2 as uuid)", user, rid));

        // the same kept answer again (a second sign-in with an old copy of the cookie) applies nothing more
        expire(user);
        b.submit(study + "/grade", "question", question, "rid", rid, "rating", 4).then().statusCode(303);
        b.submit("/login", "username", name, "password", PASSWORD).then().statusCode(303);
        assertEquals(1, StudyFixtures.number("select count(*) from review_log where user_id = ?1", user), "applied once");
    }

    @Test
    void anAnswerThatCannotBeAppliedIsReportedAfterSigningIn() {
        Browser b = new Browser();
        String name = b.registerAndSignIn("ef" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
        long user = StudyFixtures.userId(name);
        String deck = StudyFixtures.flashcardDeck(writer, name, 1);
        String study = "/study/" + deck;
        b.open(study);
        expire(user);
        b.submit(study + "/grade", "question", 999_999_999L, "rid", UUID.randomUUID().toString(), "rating", 3)
                .then().statusCode(303);
        String back = b.submit("/login", "username", name, "password", PASSWORD).then().statusCode(303)
                .extract().header("Location");
        assertTrue(back.endsWith(study + "?kept=failed"), back);
        b.open(back).then().body(containsString("could not be saved"));
        // a learner who never had a session is sent to the plain sign-in page
        Browser stranger = new Browser();
        stranger.open("/register");
        stranger.submit(study + "/grade", "question", 1, "rid", UUID.randomUUID().toString(), "rating", 3)
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/login"));
    }

    private static void expire(long user) {
        StudyFixtures.execute("update user_session set expires_at = now() - interval '1 minute' where user_id = ?1", user);
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), name + " in " + html);
        return m.group(1);
    }
}

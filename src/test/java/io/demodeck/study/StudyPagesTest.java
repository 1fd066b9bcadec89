package io.demodeck.study;

import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StudyPagesTest {

    static final String DECK = "/study/goroutines-threads-processes";

    @Inject
    EntityManager em;

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), name + " in " + html);
        return m.group(1);
    }

    private static Browser learner() {
        Browser b = new Browser();
        b.registerAndSignIn("s" + UUID.randomUUID().toString().substring(0, 8), "study-hard-123");
        return b;
    }

    @Test
    void studyingNeedsAnAccount() {
        given().redirects().follow(false).get(DECK).then().statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void aCardIsShownRevealedGradedOnceAndUndone() {
        Browser b = learner();
        String question = b.open(DECK).then().statusCode(200)
                .body(containsString("data-state=\"question\"")).body(containsString("20</span>"))
                .extract().asString();
        long questionId = Long.parseLong(field(question, "question"));
        String rid = field(question, "rid");

        String answer = b.submit(DECK + "/answer", "question", questionId, "rid", rid).then().statusCode(200)
                .body(containsString("data-state=\"answer\""))
                .body(containsString("Good, next review in 10 minutes"))
                .body(containsString("Again, next review in 1 minute"))
                .extract().asString();
        assertEquals(rid, field(answer, "rid"), "the grade form keeps the review id of the card");

        for (int i = 0; i < 2; i++) { // a double submit grades once
            b.submit(DECK + "/grade", "question", questionId, "rid", rid, "rating", 3, "durationMs", 4200)
                    .then().statusCode(303).header("Location", containsString(DECK + "?undo=true"));
        }
        assertEquals(1L, count("select count(*) from review_log where client_review_id = '" + rid + "'"));
        assertEquals(4200L, count("select duration_ms from review_log where client_review_id = '" + rid + "'"));
        String next = b.open(DECK + "?undo=true").then().statusCode(200)
                .body(containsString("19</span>")).body(containsString("data-action=\"undo\"")).extract().asString();
        assertNotEquals(String.valueOf(questionId), field(next, "question"), "the graded card is not shown again at once");

        b.submit(DECK + "/undo").then().statusCode(303).header("Location", containsString("?question=" + questionId));
        assertEquals(1L, count("select count(*) from review_log where client_review_id = '" + rid + "' and undone_at is not null"));
        b.open(DECK).then().body(containsString("20</span>"));
    }

    @Test
    void quizAnswersAreCheckedWithADiffAndAnOverride() {
        Browser b = learner();
        long clone = count("select q.id from question q join deck d on d.id = q.deck_id "
                + "where d.external_id = 'goroutines-threads-processes' and q.external_id = 'linux-clone-syscall'");
        b.open(DECK + "?question=" + clone);
        Response wrong = b.submit(DECK + "/answer", "question", clone, "rid", UUID.randomUUID(), "typed", "clome");
        wrong.then().statusCode(200).body(containsString("Not quite"))
                .body(containsString("clome</del>"))
                .body(containsString("I was right"))
                .body(containsString("data-rating=\"1\" class=\"grade grade-1 suggested\""));
        b.submit(DECK + "/answer", "question", clone, "rid", UUID.randomUUID(), "typed", "CLONE3")
                .then().body(containsString("✓ Correct")).body(not(containsString("I was right")));

        long shared = count("select q.id from question q join deck d on d.id = q.deck_id "
                + "where d.external_id = 'goroutines-threads-processes' and q.external_id = 'thread-shared-vs-private'");
        b.request().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", csrf(b, shared))
                .formParam("question", shared).formParam("rid", UUID.randomUUID().toString())
                .formParam("choice", 0, 2, 4).post(DECK + "/answer").then().body(containsString("✓ Correct"));
        b.submit(DECK + "/answer", "question", shared, "rid", UUID.randomUUID(), "choice", 0)
                .then().body(containsString("Not quite"));
    }

    private static String csrf(Browser b, long question) {
        return field(b.open(DECK + "?question=" + question).asString(), "csrf-token");
    }

    @Test
    void gradesAreValidatedAndNeedTheCsrfToken() {
        Browser b = learner();
        String page = b.open(DECK).asString();
        String q = field(page, "question");
        b.submit(DECK + "/grade", "question", q, "rid", UUID.randomUUID(), "rating", 7).then().statusCode(400);
        b.submit(DECK + "/grade", "question", q, "rid", "not-a-uuid", "rating", 3).then().statusCode(400);
        b.request().contentType("application/x-www-form-urlencoded").formParam("question", q)
                .formParam("rid", UUID.randomUUID().toString()).formParam("rating", 3)
                .post(DECK + "/grade").then().statusCode(400);
        b.open("/study/no-such-deck").then().statusCode(404);
    }

    private long count(String sql) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}

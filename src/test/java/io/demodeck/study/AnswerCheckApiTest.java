package io.demodeck.study;

import io.demodeck.api.ApiClient;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** POST /api/v1/questions/{id}/check grades by the study page's rules: closest answer, typos, units. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AnswerCheckApiTest {

    static final String DECK = "goroutines-threads-processes";

    @Inject
    EntityManager em;

    @Test
    void typedAnswersAreGradedAsOnTheStudyPage() {
        ApiClient client = ApiClient.signUp();
        long clone = questionId("linux-clone-syscall");
        client.request().queryParam("lang", "en").body(Map.of("text", "clome")).post(check(clone)).then().statusCode(200)
                .body("verdict", equalTo("WRONG")).body("correct", equalTo(false)).body("expected", equalTo("clone"))
                .body("diff.kind", equalTo(List.of("BAD", "MISSED"))).body("diff.text", equalTo(List.of("clome", "clone")));
        client.request().queryParam("lang", "en").body(Map.of("text", "Clone(2)")).post(check(clone)).then()
                .body("verdict", equalTo("RIGHT")).body("expected", equalTo("clone(2)"));

        long stack = questionId("goroutine-stack-size");
        client.request().queryParam("lang", "en").body(Map.of("text", "2 KiB")).post(check(stack)).then().statusCode(200)
                .body("verdict", equalTo("RIGHT"));
        client.request().queryParam("lang", "en").body(Map.of("text", "2 MB")).post(check(stack)).then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("text"))
                .body("errors[0].message", equalTo("enter a number: \"MB\" is not a unit this question names"));
    }

    @Test
    void choicesAreGradedByTheirWrittenPositions() {
        ApiClient client = ApiClient.signUp();
        long race = questionId("data-race-counter");
        client.request().body(Map.of("choices", List.of(1))).post(check(race)).then().statusCode(200)
                .body("correct", equalTo(true)).body("score", equalTo(1.0f));
        client.request().body(Map.of("choices", List.of(0))).post(check(race)).then().body("verdict", equalTo("WRONG"));
    }

    @Test
    void badRequestsAreNamed() {
        ApiClient client = ApiClient.signUp();
        long flashcard = questionId("goroutine-definition");
        client.request().body(Map.of("text", "x")).post(check(flashcard)).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        client.request().body(Map.of("text", "x")).post(check(Long.MAX_VALUE)).then().statusCode(404);
        given().contentType("application/json").body(Map.of("text", "x")).post(check(questionId("linux-clone-syscall")))
                .then().statusCode(401);
    }

    private static String check(long questionId) {
        return "/api/v1/questions/" + questionId + "/check";
    }

    private long questionId(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select q.id from question q join deck d on d.id = q.deck_id where d.external_id = ?1 and q.external_id = ?2")
                .setParameter(1, DECK).setParameter(2, externalId).getSingleResult()).longValue());
    }
}

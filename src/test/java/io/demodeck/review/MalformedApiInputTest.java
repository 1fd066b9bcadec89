package io.demodeck.review;

import io.demodeck.api.ApiClient;
import io.demodeck.platform.ApiProblem;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Issue 13 item 13: inputs that used to end in a 500 get a 4xx that names the problem. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class MalformedApiInputTest {

    @Inject
    EntityManager em;

    @Test
    void anAnswerDatedBeforeTheDatabaseCanHoldIsA422ForThatField() {
        ApiClient client = ApiClient.signUp();
        client.request().body(Map.of("reviews", List.of(Map.of("clientReviewId", UUID.randomUUID().toString(),
                        "questionId", 1, "rating", 3, "reviewedAt", "-999999999-01-01T00:00:00Z"))))
                .post("/api/v1/reviews").then().statusCode(422).contentType(ApiProblem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("reviews[0].reviewedAt"))
                .body("errors[0].message", containsString("before 1970"));
    }

    @Test
    void aCursorOutsideTheRangeOfTimesIsA400() {
        ApiClient client = ApiClient.signUp();
        for (String raw : List.of(Long.MAX_VALUE + ":1", Long.MIN_VALUE + ":1", "-62135596800000001:1",
                "99999999999999999999:1", "1:99999999999999999999")) {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
            client.request().queryParam("since", cursor).get("/api/v1/cards/changes")
                    .then().statusCode(400).contentType(ApiProblem.MEDIA_TYPE)
                    .body("detail", containsString("cursor is malformed"));
        }
    }

    @Test
    void aValidTokenOfADeletedAccountIsA401() {
        ApiClient client = ApiClient.signUp();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from app_user where username = :name")
                .setParameter("name", client.username()).executeUpdate());
        client.request().queryParam("deck", "goroutines-threads-processes").get("/api/v1/study/queue")
                .then().statusCode(401).contentType(ApiProblem.MEDIA_TYPE)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("no longer exists"));
    }
}

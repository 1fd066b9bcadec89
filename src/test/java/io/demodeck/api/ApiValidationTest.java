package io.demodeck.api;

import io.demodeck.review.ReviewResource;
import io.demodeck.review.StudyResource;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The API's Bean Validation constraints answer the 422 problem naming each field as the client wrote it (a query
 * parameter by its name, a body property by its JSON path, never a Java method's argument) with the message in the
 * request's language.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ApiValidationTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String DECK = "goroutines-threads-processes";

    @Test
    void queryParametersAreNamedAsInTheUrl() {
        ApiClient client = ApiClient.signUp();
        client.request().queryParam("deck", DECK).queryParam("limit", StudyResource.MAX_LIMIT + 1)
                .get("/api/v1/study/queue").then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://demodeck.dev/problems/validation"))
                .body("errors.field", equalTo(List.of("limit")));
        client.request().queryParam("deck", " ").get("/api/v1/study/queue").then().statusCode(422)
                .body("errors.field", equalTo(List.of("deck")));
        client.request().queryParam("limit", 0).get("/api/v1/cards/changes").then().statusCode(422)
                .body("errors.field", equalTo(List.of("limit")));
        client.request().queryParam("next", ReviewResource.MAX_NEXT + 1)
                .body(Map.of("reviews", List.of(answer(3)))).post("/api/v1/reviews").then().statusCode(422)
                .body("errors.field", equalTo(List.of("next")));
    }

    @Test
    void bodyPropertiesAreNamedByTheirJsonPath() {
        ApiClient client = ApiClient.signUp();
        List<Object> reviews = new ArrayList<>(List.of(answer(3), answer(1), answer(4), answer(9)));
        client.request().body(Map.of("reviews", reviews)).post("/api/v1/reviews").then().statusCode(422)
                .contentType(PROBLEM).body("errors.field", equalTo(List.of("reviews[3].rating")))
                .body("errors[0].message", equalTo("1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)"));
        Map<String, Object> noQuestion = Map.of("clientReviewId", UUID.randomUUID().toString(), "rating", 3,
                "reviewedAt", Instant.now().toString());
        client.request().body(Map.of("reviews", List.of(answer(3), noQuestion))).post("/api/v1/reviews").then()
                .statusCode(422).body("errors.field", equalTo(List.of("reviews[1].questionId")));
        reviews.set(1, null);
        client.request().body(Map.of("reviews", reviews.subList(0, 2))).post("/api/v1/reviews").then().statusCode(422)
                .body("errors.field", equalTo(List.of("reviews[1]")));
        client.request().body(Map.of("reviews", List.of())).post("/api/v1/reviews").then().statusCode(422)
                .body("errors.field", equalTo(List.of("reviews")));
        client.request().body("{}").post("/api/v1/classes/join").then().statusCode(422)
                .body("errors.field", equalTo(List.of("code")));
        client.request().body(Map.of("code", "not a code!")).post("/api/v1/classes/join").then().statusCode(422)
                .body("errors.field", equalTo(List.of("code")));
        client.request().body(Map.of("position", 0)).post("/api/v1/interviews/999999999/answers").then()
                .statusCode(422).body("errors.field", equalTo(List.of("position")));
        given().contentType(ContentType.JSON).body(Map.of("password", "x")).post("/api/v1/auth/token").then()
                .statusCode(422).body("errors.field", equalTo(List.of("username")));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/auth/refresh").then()
                .statusCode(422).body("errors.field", equalTo(List.of("refreshToken")));
    }

    @Test
    void aMissingBodyIsNamedBody() {
        given().contentType(ContentType.JSON).post("/api/v1/auth/logout").then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("body")));
    }

    @Test
    void theMessagesAreInTheRequestsLanguage() {
        ApiClient client = ApiClient.signUp();
        Map<String, Object> batch = Map.of("reviews", List.of(answer(0)));
        client.request().header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5").body(batch).post("/api/v1/reviews")
                .then().statusCode(422).body("errors[0].field", equalTo("reviews[0].rating"))
                .body("errors[0].message", equalTo("1 (Снова), 2 (Трудно), 3 (Хорошо) или 4 (Легко)"));
        // a standard constraint speaks Hibernate Validator's Russian
        client.request().header("Accept-Language", "ru").queryParam("limit", 0).get("/api/v1/cards/changes")
                .then().statusCode(422).body("errors[0].message", containsString("не меньше 1"));
        // ?lang= wins over the header, as for the content
        client.request().header("Accept-Language", "ru").queryParam("lang", "en").queryParam("deck", DECK)
                .queryParam("limit", 0).get("/api/v1/study/queue")
                .then().statusCode(422).body("errors[0].message", containsString("greater than or equal to 1"));
        // no preference: English, the language of the problem's title and detail
        client.request().queryParam("limit", 0).get("/api/v1/cards/changes")
                .then().statusCode(422).body("errors[0].message", containsString("greater than or equal to 1"));
    }

    private static Map<String, Object> answer(int rating) {
        return Map.of("clientReviewId", UUID.randomUUID().toString(), "questionId", 1, "rating", rating,
                "reviewedAt", Instant.now().toString());
    }
}

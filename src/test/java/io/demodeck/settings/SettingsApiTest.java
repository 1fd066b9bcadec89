package io.demodeck.settings;

import io.demodeck.api.ApiClient;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daily review limit in the settings API (issue 15): read, changed, validated, and kept by older clients. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SettingsApiTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void theReviewLimitIsReadChangedAndCheckedByField() {
        ApiClient client = ApiClient.signUp();
        Map<String, Object> settings = client.request().get("/api/v1/me/settings").then().statusCode(200)
                .body("maxReviewsPerDay", equalTo(200)).extract().jsonPath().getMap("");

        Map<String, Object> changed = new HashMap<>(settings);
        changed.put("maxReviewsPerDay", 10000);
        client.request().body(changed).put("/api/v1/me/settings").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("maxReviewsPerDay"))
                .body("errors[0].message", equalTo("must be between 0 and 9999, got 10000"));
        changed.put("maxReviewsPerDay", 0);
        client.request().body(changed).put("/api/v1/me/settings").then().statusCode(200)
                .body("maxReviewsPerDay", equalTo(0));
        changed.put("maxReviewsPerDay", 120);
        client.request().body(changed).put("/api/v1/me/settings").then().statusCode(200)
                .body("maxReviewsPerDay", equalTo(120));
        client.request().get("/api/v1/me/settings").then().body("maxReviewsPerDay", equalTo(120));
    }

    @Test
    void aClientThatDoesNotKnowTheLimitKeepsIt() {
        ApiClient client = ApiClient.signUp();
        Map<String, Object> settings = new HashMap<>(client.request().get("/api/v1/me/settings").then().statusCode(200)
                .extract().jsonPath().getMap(""));
        settings.put("maxReviewsPerDay", 35);
        client.request().body(settings).put("/api/v1/me/settings").then().statusCode(200);

        // the document as an app written before the field sends it
        client.request().body(Map.of("desiredRetention", 0.88, "newCardsPerDay", 9, "timeZone", "Europe/Moscow",
                "dayRolloverHour", 4, "learningStepsSeconds", List.of(60), "relearningStepsSeconds", List.of(600),
                "maximumIntervalDays", 3650)).put("/api/v1/me/settings").then().statusCode(200)
                .body("maxReviewsPerDay", equalTo(35)).body("newCardsPerDay", equalTo(9));
        client.request().get("/api/v1/me/settings").then().body("maxReviewsPerDay", equalTo(35));
    }

    @Test
    void theContractDescribesTheLimit() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Object> limit = doc.getMap("components.schemas.StudySettings.properties.maxReviewsPerDay");
        assertEquals("integer", limit.get("type"), limit::toString);
        assertEquals(9999, ((Number) limit.get("maximum")).intValue(), limit::toString);
        assertTrue(limit.get("description").toString().contains("stored value stays"), limit::toString);
        given().queryParam("format", "json").get("/q/openapi").then()
                .body("paths.'/api/v1/me/settings'.put.description", containsString("maxReviewsPerDay"));
    }
}

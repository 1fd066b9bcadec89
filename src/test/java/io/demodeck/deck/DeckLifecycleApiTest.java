package io.demodeck.deck;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** The deck lifecycle API: JSON in and out, problem+json naming the field, the owner/co-editor/other rules. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DeckLifecycleApiTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AccountService accounts;

    private ApiClient account(String prefix, Role role) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        accounts.create(name, ApiClient.PASSWORD, role, "en");
        return ApiClient.signIn(name);
    }

    private static RequestSpecification as(ApiClient who) {
        return given().header("Authorization", "Bearer " + who.accessToken()).contentType(ContentType.JSON);
    }

    @Test
    void anInstructorRunsADeckThroughItsLifeWithTheApi() {
        ApiClient owner = account("own", Role.INSTRUCTOR);
        ApiClient coEditor = account("co", Role.INSTRUCTOR);
        ApiClient other = account("oth", Role.INSTRUCTOR);
        ApiClient learner = account("lrn", Role.LEARNER);
        String id = "api-life-" + UUID.randomUUID().toString().substring(0, 8);

        as(owner).body(Map.of("id", "Bad Id", "texts", Map.of("en", Map.of("title", "T"))))
                .post("/api/v1/decks").then().statusCode(422).contentType(startsWith(PROBLEM))
                .body("errors.field", hasItem("id"));
        as(learner).body(Map.of("id", id, "texts", Map.of("en", Map.of("title", "T"))))
                .post("/api/v1/decks").then().statusCode(403).contentType(startsWith(PROBLEM));
        as(owner).body(Map.of("id", id, "language", "en", "texts", Map.of("en", Map.of("title", "API deck", "description", "From the API"),
                        "ru", Map.of("title", "Колода из API"))))
                .post("/api/v1/decks").then().statusCode(201)
                .header("Location", containsString("/api/v1/decks/" + id + "/manage"))
                .body("id", equalTo(id)).body("visibility", equalTo("private")).body("owner", equalTo(owner.username()))
                .body("texts.ru.title", equalTo("Колода из API")).body("access", equalTo("own"));
        as(owner).body(Map.of("id", id, "texts", Map.of("en", Map.of("title", "Again"))))
                .post("/api/v1/decks").then().statusCode(409).contentType(startsWith(PROBLEM));

        as(other).get("/api/v1/decks/" + id + "/manage").then().statusCode(404).contentType(startsWith(PROBLEM));
        as(owner).put("/api/v1/decks/" + id + "/editors/" + learner.username()).then().statusCode(422)
                .body("errors.field", hasItem("username"));
        as(owner).put("/api/v1/decks/" + id + "/editors/" + coEditor.username()).then().statusCode(200)
                .body("coEditors", contains(coEditor.username()));

        as(coEditor).body(Map.of("texts", Map.of("en", Map.of("title", "API deck, edited"))))
                .put("/api/v1/decks/" + id + "/texts").then().statusCode(200).body("texts.en.title", equalTo("API deck, edited"))
                .body("access", equalTo("edit"));
        as(coEditor).body(Map.of("texts", Map.of("en", Map.of("title", "x".repeat(201)))))
                .put("/api/v1/decks/" + id + "/texts").then().statusCode(422).body("errors.field", hasItem("texts.en.title"));
        as(coEditor).body(Map.of("visibility", "public")).put("/api/v1/decks/" + id + "/visibility")
                .then().statusCode(403).contentType(startsWith(PROBLEM)).body("detail", containsString("Only admins"));
        as(coEditor).body(Map.of("visibility", "class")).put("/api/v1/decks/" + id + "/visibility")
                .then().statusCode(200).body("visibility", equalTo("class"));
        as(coEditor).delete("/api/v1/decks/" + id).then().statusCode(403).contentType(startsWith(PROBLEM));
        as(coEditor).post("/api/v1/decks/" + id + "/archive").then().statusCode(403);
        as(coEditor).put("/api/v1/decks/" + id + "/owner/" + coEditor.username()).then().statusCode(403)
                .contentType(startsWith(PROBLEM));

        String renamed = id + "-v2";
        as(owner).body(Map.of("newId", renamed)).put("/api/v1/decks/" + id + "/id").then().statusCode(200)
                .body("id", equalTo(renamed));
        as(owner).get("/api/v1/decks/" + id + "/manage").then().statusCode(404);
        as(owner).post("/api/v1/decks/" + renamed + "/archive").then().statusCode(200).body("archived", equalTo(true));
        as(owner).post("/api/v1/decks/" + renamed + "/restore").then().statusCode(200).body("archived", equalTo(false));
        as(owner).delete("/api/v1/decks/" + renamed + "/editors/" + coEditor.username()).then().statusCode(200)
                .body("coEditors.size()", equalTo(0));
        as(owner).get("/api/v1/decks/" + renamed + "/changes").then().statusCode(200)
                .body("action", contains("editor-removed", "restored", "archived", "renamed", "visibility", "described",
                        "editor-added", "created"))
                .body("[3].username", equalTo(owner.username()));

        as(owner).body(Map.of("confirm", renamed)).post("/api/v1/decks/" + renamed + "/purge").then().statusCode(403);
        as(owner).delete("/api/v1/decks/" + renamed).then().statusCode(200).body("outcome", equalTo("deleted"));
        as(owner).get("/api/v1/decks/" + renamed + "/manage").then().statusCode(404);
    }

    @Test
    void bankDecksAnswer409AndADeckWithHistoryIsArchivedUntilAnAdminPurges() {
        ApiClient admin = account("adm", Role.ADMIN);
        ApiClient owner = account("own", Role.INSTRUCTOR);
        as(admin).body(Map.of("newId", "renamed-bank")).put("/api/v1/decks/goroutines-threads-processes/id")
                .then().statusCode(409).contentType(startsWith(PROBLEM)).body("detail", containsString("questions/"));
        as(admin).delete("/api/v1/decks/goroutines-threads-processes").then().statusCode(409);

        String deck = "api-hist-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", "Bearer " + owner.accessToken())
                .multiPart("file", "d.gift", DeckLifecycleTest.GIFT.getBytes(StandardCharsets.UTF_8))
                .multiPart("dryRun", "false").multiPart("deck", deck)
                .post("/api/v1/imports").then().statusCode(200);
        long question = as(owner).get("/api/v1/decks/" + deck + "/questions?limit=1&lang=en").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        // the owner studies their own deck: learner history
        as(owner).body(Map.of("reviews", java.util.List.of(Map.of("clientReviewId", UUID.randomUUID().toString(),
                        "questionId", question, "rating", 3, "reviewedAt", java.time.Instant.now().toString(), "durationMs", 1000))))
                .post("/api/v1/reviews").then().statusCode(200);

        as(owner).delete("/api/v1/decks/" + deck).then().statusCode(200).body("outcome", equalTo("archived"));
        as(owner).get("/api/v1/decks/" + deck + "/manage").then().statusCode(200).body("archived", equalTo(true))
                .body("learners", equalTo(1));
        as(admin).body(Map.of("confirm", "nope")).post("/api/v1/decks/" + deck + "/purge").then().statusCode(422)
                .contentType(startsWith(PROBLEM)).body("errors.field", hasItem("confirm"));
        as(admin).body(Map.of("confirm", deck)).post("/api/v1/decks/" + deck + "/purge").then().statusCode(200)
                .body("outcome", equalTo("purged"));
        as(admin).get("/api/v1/decks/" + deck + "/manage").then().statusCode(404);
    }
}

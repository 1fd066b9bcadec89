package io.demodeck.deck;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;
import io.demodeck.importer.Fixtures;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A private deck is invisible (404, as a missing one) to everyone but its owner, its co-editors and admins, on every
 * read path: pages, API, study, media; an archived deck is hidden from learners; nobody takes over another
 * instructor's deck id by importing into it; import records and exports are for the deck's editors; a hidden deck's
 * quiz answers are not checked (a verdict names the right answer).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeckVisibilityTest {

    @Inject
    AccountService accounts;

    private String deck;
    private ApiClient owner;
    private ApiClient otherInstructor;
    private ApiClient learner;
    private ApiClient admin;
    private Browser ownerBrowser;
    private Browser learnerBrowser;
    private long questionId;
    private String questionExternalId;
    private String mediaName;
    private long importId;

    @BeforeEach
    void setUp() {
        if (deck != null) {
            return;
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        deck = "private-" + suffix;
        owner = account("dv-owner-" + suffix, Role.INSTRUCTOR);
        otherInstructor = account("dv-other-" + suffix, Role.INSTRUCTOR);
        learner = account("dv-learner-" + suffix, Role.LEARNER);
        admin = account("dv-admin-" + suffix, Role.ADMIN);
        ownerBrowser = new Browser();
        ownerBrowser.signIn(owner.username(), ApiClient.PASSWORD);
        learnerBrowser = new Browser();
        learnerBrowser.signIn(learner.username(), ApiClient.PASSWORD);

        importId = owner.request().contentType(ContentType.MULTIPART).multiPart("file", "quiz.xml", Fixtures.bytes("moodle/all-types.xml"))
                .multiPart("dryRun", "false").multiPart("deck", deck)
                .post("/api/v1/imports").then().statusCode(200).extract().jsonPath().getLong("importId");
        var first = owner.request().get("/api/v1/decks/" + deck + "/questions?limit=1&lang=en")
                .then().statusCode(200).extract().jsonPath();
        questionId = first.getLong("items[0].id");
        questionExternalId = first.getString("items[0].externalId");
        String export = owner.request().get("/api/v1/decks/" + deck + "/export?format=json").then().statusCode(200)
                .extract().asString();
        Matcher media = Pattern.compile("/decks/" + deck + "/media/([^)\"]+)").matcher(export);
        assertTrue(media.find(), "the imported deck has a media file");
        mediaName = media.group(1);
    }

    private ApiClient account(String name, Role role) {
        accounts.create(name, ApiClient.PASSWORD, role, "en");
        return ApiClient.signIn(name);
    }

    @Test
    void aPrivateDeckIsMissingForAnonymousVisitorsLearnersAndOtherInstructors() {
        setVisibility("private", null);
        for (Browser stranger : List.of(new Browser(), learnerBrowser)) {
            stranger.request().get("/decks/" + deck).then().statusCode(404);
            stranger.request().get("/decks/" + deck + "/questions/" + questionExternalId).then().statusCode(404);
            stranger.request().get("/decks/" + deck + "/media/" + mediaName).then().statusCode(404);
            stranger.request().get("/").then().statusCode(200).body(not(containsString("/decks/" + deck + "\"")));
        }
        learnerBrowser.request().get("/study/" + deck).then().statusCode(404);
        learnerBrowser.submit("/study/" + deck + "/answer", "question", questionId).then().statusCode(404);
        for (ApiClient stranger : List.of(learner, otherInstructor)) {
            stranger.request().get("/api/v1/decks").then().statusCode(200)
                    .body("externalId", not(hasItem(deck)));
            stranger.request().get("/api/v1/decks/" + deck + "/questions").then().statusCode(404)
                    .body("detail", not(containsString("Forbidden")));
            stranger.request().get("/api/v1/study/queue?deck=" + deck).then().statusCode(404);
            stranger.request().body(review()).post("/api/v1/reviews").then().statusCode(200)
                    .body("results[0].status", org.hamcrest.Matchers.equalTo("REJECTED"));
        }
        // the owner and admins see it
        ownerBrowser.request().get("/decks/" + deck).then().statusCode(200);
        ownerBrowser.request().get("/decks/" + deck + "/media/" + mediaName).then().statusCode(200);
        ownerBrowser.request().get("/study/" + deck).then().statusCode(200);
        owner.request().get("/api/v1/decks").then().statusCode(200).body("externalId", hasItem(deck));
        admin.request().get("/api/v1/decks/" + deck + "/questions").then().statusCode(200);
        admin.request().get("/api/v1/study/queue?deck=" + deck).then().statusCode(200);
    }

    @Test
    void aPublicDeckIsReadByAllAndAnArchivedOneOnlyByItsEditors() {
        setVisibility("public", null);
        try {
            given().get("/decks/" + deck).then().statusCode(200);
            given().get("/decks/" + deck + "/media/" + mediaName).then().statusCode(200);
            learnerBrowser.request().get("/study/" + deck).then().statusCode(200);
            learner.request().get("/api/v1/decks").then().body("externalId", hasItem(deck));

            setVisibility("public", Instant.now());
            given().get("/decks/" + deck).then().statusCode(404);
            learnerBrowser.request().get("/study/" + deck).then().statusCode(404);
            learner.request().get("/api/v1/study/queue?deck=" + deck).then().statusCode(404);
            learner.request().get("/api/v1/decks").then().body("externalId", not(hasItem(deck)));
            ownerBrowser.request().get("/decks/" + deck).then().statusCode(200);
        } finally {
            setVisibility("private", null);
        }
    }

    @Test
    void importingIntoAnotherInstructorsDeckIdIsRefusedNamingTheOwner() {
        for (String dryRun : List.of("true", "false")) {
            otherInstructor.request().contentType(ContentType.MULTIPART)
                    .multiPart("file", "all-types.gift", Fixtures.bytes("gift/all-types.gift"))
                    .multiPart("dryRun", dryRun).multiPart("deck", deck)
                    .post("/api/v1/imports").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString(owner.username()));
        }
        // nothing changed: the owner's questions are all still there
        owner.request().get("/api/v1/decks/" + deck + "/questions?limit=1").then().statusCode(200)
                .body("items[0].externalId", org.hamcrest.Matchers.equalTo(questionExternalId));
        // the browser's import page refuses alike
        Browser page = new Browser();
        page.signIn(otherInstructor.username(), ApiClient.PASSWORD);
        page.open("/import");
        page.multipart().multiPart("file", "all-types.gift", Fixtures.bytes("gift/all-types.gift"))
                .multiPart("format", "detect").multiPart("deck", deck).post("/import/preview")
                .then().statusCode(409).body(containsString(owner.username()));
        // the owner and an admin may import into it
        admin.request().contentType(ContentType.MULTIPART).multiPart("file", "quiz.xml", Fixtures.bytes("moodle/all-types.xml"))
                .multiPart("deck", deck).post("/api/v1/imports").then().statusCode(200);
    }

    @Test
    void importRecordsAndExportsAreForTheDecksEditors() {
        owner.request().get("/api/v1/imports/" + importId).then().statusCode(200);
        admin.request().get("/api/v1/imports/" + importId).then().statusCode(200);
        otherInstructor.request().get("/api/v1/imports/" + importId).then().statusCode(404);
        otherInstructor.request().get("/api/v1/decks/" + deck + "/export").then().statusCode(404);
        setVisibility("public", null);
        try {
            otherInstructor.request().get("/api/v1/decks/" + deck + "/export").then().statusCode(403);
        } finally {
            setVisibility("private", null);
        }
        admin.request().get("/api/v1/decks/" + deck + "/export?format=gift").then().statusCode(200);
    }

    @Test
    void aHiddenDecksQuizAnswersAreNotCheckedForStrangers() {
        setVisibility("private", null);
        long quiz = owner.request().get("/api/v1/decks/" + deck + "/questions?limit=100&lang=en").then().statusCode(200)
                .extract().jsonPath().getLong("items.find { it.type.toLowerCase() == 'short_answer' }.id");
        String check = "/api/v1/questions/" + quiz + "/check";
        // a verdict names the accepted answer: for a deck the caller may not see, the question is missing
        for (ApiClient stranger : List.of(learner, otherInstructor)) {
            stranger.request().body(Map.of("text", "x")).post(check).then().statusCode(404)
                    .contentType("application/problem+json").body("expected", org.hamcrest.Matchers.nullValue());
        }
        owner.request().body(Map.of("text", "x")).post(check).then().statusCode(200)
                .body("expected", org.hamcrest.Matchers.notNullValue());
        admin.request().body(Map.of("text", "x")).post(check).then().statusCode(200);
    }

    private void setVisibility(String visibility, Instant archivedAt) {
        QuarkusTransaction.requiringNew().run(() -> assertEquals(1, Deck.update(
                "visibility = ?1, archivedAt = ?2 where externalId = ?3", visibility, archivedAt, deck)));
    }

    private Map<String, Object> review() {
        return Map.of("reviews", List.of(Map.of("clientReviewId", UUID.randomUUID().toString(), "questionId", questionId,
                "rating", 3, "reviewedAt", Instant.now().toString(), "durationMs", 1000)));
    }
}

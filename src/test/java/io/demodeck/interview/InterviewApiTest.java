package io.demodeck.interview;

import io.demodeck.account.AccountService;
import io.demodeck.api.ApiClient;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15 "Mock interview mode" through /api/v1/interviews: start, answer, finish, list, get, missed to the queue. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class InterviewApiTest {

    static final String DECK = "goroutines-threads-processes";
    static final String FULL_ANSWER = "A goroutine is managed by the Go runtime, not the OS kernel; many goroutines are "
            + "multiplexed M:N onto a few OS threads; it has a small growable stack so it is cheap to create; you start "
            + "one with the go statement.";

    private static JsonPath start(ApiClient c, List<String> tags, int questions) {
        return c.request().body(Map.of("deck", DECK, "tags", tags, "questions", questions, "secondsPerQuestion", 60,
                "shuffle", false)).post("/api/v1/interviews?lang=en").then().statusCode(201)
                .body("status", equalTo("running")).extract().jsonPath();
    }

    @Test
    void typedAnswersAreScoredByKeyPointsAndMissedQuestionsGoToTheQueueOnce() {
        ApiClient learner = ApiClient.signUp();
        JsonPath started = start(learner, List.of("goroutine"), 2);
        long id = started.getLong("id");
        assertEquals("goroutine-definition", started.getString("current.externalId"));
        assertEquals(2, started.getInt("current.total"));
        // no key points or model answer while the question is open
        assertTrue(started.getList("current.keyPointsHtml").isEmpty());
        assertEquals(List.of(), started.getList("results"));
        String path = "/api/v1/interviews/" + id;

        learner.request().body(Map.of("position", 2, "text", "x")).post(path + "/answers?lang=en").then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("position"));
        learner.request().body(Map.of("position", 1, "text", "  ")).post(path + "/answers?lang=en").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("text"));
        learner.request().body(Map.of("position", 1, "text", FULL_ANSWER)).post(path + "/answers?lang=en").then()
                .statusCode(200).body("current.position", equalTo(2)).body("current.externalId", equalTo("goroutine-vs-os-thread"));
        long missedQuestion = learner.request().get(path + "?lang=en").then().extract().jsonPath().getLong("current.questionId");
        JsonPath done = learner.request().body(Map.of("position", 2, "skip", true)).post(path + "/answers?lang=en").then()
                .statusCode(200).body("status", equalTo("finished")).extract().jsonPath();

        assertEquals(50.0, done.getDouble("score"), 1e-9);
        assertEquals(1, done.getInt("missed"));
        assertEquals("typed", done.getString("results[0].mode"));
        assertEquals(FULL_ANSWER, done.getString("results[0].answer"));
        assertEquals(List.of(true, true, true, true), done.getList("results[0].keyPoints.hit"));
        assertTrue(done.getBoolean("results[0].passed"));
        assertTrue(done.getString("results[0].expectedHtml").contains("Go runtime"));
        assertTrue(done.getString("results[0].accurateNoteHtml").contains("2 KiB"));
        assertTrue(done.getList("results[0].demos.id").contains("os-threads"));
        assertEquals("skipped", done.getString("results[1].mode"));
        assertEquals(List.of(false, false, false, false), done.getList("results[1].keyPoints.hit"));

        learner.request().body(Map.of("position", 2, "skip", true)).post(path + "/answers").then().statusCode(409);
        learner.request().post(path + "/missed-to-queue").then().statusCode(200).body("sent", equalTo(1))
                .body("interview.queued", equalTo(true));
        learner.request().post(path + "/missed-to-queue").then().statusCode(200).body("sent", equalTo(0));
        // graded Again once: a learning card with one lapse-free review
        learner.request().get("/api/v1/cards/" + missedQuestion).then().statusCode(200).body("state", equalTo("LEARNING"))
                .body("reps", equalTo(1));

        learner.request().get("/api/v1/interviews").then().statusCode(200).body("id", hasItem((int) id))
                .body("find { it.id == " + id + " }.score", equalTo(50.0f)).body("find { it.id == " + id + " }.status", equalTo("finished"));
    }

    @Test
    void quizQuestionsAreCheckedByTheirKeysAndAloudAnswersAreSelfGraded() {
        ApiClient learner = ApiClient.signUp();
        JsonPath started = start(learner, List.of("stack"), 2);
        String path = "/api/v1/interviews/" + started.getLong("id");
        assertEquals("goroutine-stack-size", started.getString("current.externalId"));
        learner.request().body(Map.of("position", 1, "text", "two")).post(path + "/answers?lang=en").then().statusCode(422)
                .body("errors[0].field", equalTo("text"));
        learner.request().body(Map.of("position", 1, "text", "2")).post(path + "/answers?lang=en").then().statusCode(200)
                .body("current.position", equalTo(2));
        JsonPath done = learner.request().post(path + "/finish?lang=en").then().statusCode(200)
                .body("status", equalTo("finished")).extract().jsonPath();
        assertEquals("quiz", done.getString("results[0].mode"));
        assertTrue(done.getBoolean("results[0].passed"));
        assertEquals("2", done.getString("results[0].expectedHtml"));
        assertEquals("skipped", done.getString("results[1].mode"));
        assertEquals(50.0, done.getDouble("score"), 1e-9);

        JsonPath aloud = start(learner, List.of("goroutine"), 1);
        String aloudPath = "/api/v1/interviews/" + aloud.getLong("id");
        learner.request().body(Map.of("position", 1, "aloud", true)).post(aloudPath + "/answers?lang=en").then()
                .statusCode(200).body("current.awaitingSelfGrade", equalTo(true))
                .body("current.keyPointsHtml", hasSize(4)).body("current.keyPointsHtml[0]", containsString("Go runtime"));
        JsonPath graded = learner.request().body(Map.of("position", 1, "coveredKeyPoints", List.of(0, 1, 2)))
                .post(aloudPath + "/answers?lang=en").then().statusCode(200).body("status", equalTo("finished"))
                .extract().jsonPath();
        assertEquals(75.0, graded.getDouble("score"), 1e-9);
        assertEquals("aloud", graded.getString("results[0].mode"));
        assertEquals(List.of(true, true, true, false), graded.getList("results[0].keyPoints.hit"));
    }

    @Test
    void badStartsNameTheFieldAndInterviewsArePrivate() {
        ApiClient learner = ApiClient.signUp();
        ApiClient other = ApiClient.signUp();
        learner.request().body(Map.of("deck", DECK, "questions", 0, "secondsPerQuestion", 60)).post("/api/v1/interviews")
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("questions"));
        learner.request().body(Map.of("deck", DECK, "questions", 3, "secondsPerQuestion", 5)).post("/api/v1/interviews")
                .then().statusCode(422).body("errors.field", hasItem("secondsPerQuestion"));
        learner.request().body(Map.of("deck", "no-such-deck", "questions", 3, "secondsPerQuestion", 60))
                .post("/api/v1/interviews").then().statusCode(404).contentType("application/problem+json");
        learner.request().body(Map.of("deck", " ", "questions", 3, "secondsPerQuestion", 60))
                .post("/api/v1/interviews").then().statusCode(422).body("errors[0].field", equalTo("deck"));
        learner.request().body(Map.of("deck", DECK, "tags", List.of("no-such-tag"), "questions", 3, "secondsPerQuestion", 60))
                .post("/api/v1/interviews").then().statusCode(422).body("errors[0].field", equalTo("tags"));
        learner.request().body("{\"deck\":").post("/api/v1/interviews").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json").body(Map.of("deck", DECK)).post("/api/v1/interviews").then().statusCode(401);

        long id = start(learner, List.of(), 3).getLong("id");
        other.request().get("/api/v1/interviews/" + id).then().statusCode(404).contentType("application/problem+json");
        other.request().body(Map.of("position", 1, "skip", true)).post("/api/v1/interviews/" + id + "/answers")
                .then().statusCode(404);
        other.request().get("/api/v1/interviews").then().statusCode(200).body("id", not(hasItem((int) id)));
        learner.request().post("/api/v1/interviews/" + id + "/missed-to-queue").then().statusCode(409);
        learner.request().body(Map.of("text", "x")).post("/api/v1/interviews/" + id + "/answers").then().statusCode(422)
                .body("errors[0].field", equalTo("position"));
        learner.request().get("/api/v1/interviews/" + id).then().statusCode(200).body("current", notNullValue())
                .body("results", empty());
    }

    @Inject
    AccountService accounts;

    @Test
    void aClassMemberInterviewsOnTheClassDeckByDeckOrTagsAndOthersGet404() {
        InterviewFixtures.ClassDeck setup = InterviewFixtures.classDeck(accounts);
        ApiClient instructor = setup.instructor();
        String deck = setup.deck();
        long classId = setup.classId();
        String code = setup.inviteCode();
        ApiClient member = ApiClient.signUp();
        ApiClient stranger = ApiClient.signUp();
        Map<String, Object> wholeDeck = Map.of("deck", deck, "questions", 5, "secondsPerQuestion", 60, "shuffle", false);
        Map<String, Object> beta = Map.of("deck", deck, "tags", List.of("beta"), "questions", 5,
                "secondsPerQuestion", 60, "shuffle", false);

        // before joining, the class deck is as missing as a deck that does not exist
        member.request().body(wholeDeck).post("/api/v1/interviews?lang=en").then().statusCode(404)
                .contentType("application/problem+json");
        member.request().body(Map.of("code", code)).post("/api/v1/classes/join").then().statusCode(200);

        JsonPath byDeck = member.request().body(wholeDeck).post("/api/v1/interviews?lang=en").then().statusCode(201)
                .body("deck", equalTo(deck)).body("current.total", equalTo(3)).extract().jsonPath();
        assertEquals("c1", byDeck.getString("current.externalId"));
        JsonPath byTags = member.request().body(beta).post("/api/v1/interviews?lang=en").then().statusCode(201)
                .body("tags", equalTo(List.of("beta"))).body("current.total", equalTo(2)).extract().jsonPath();
        assertEquals("c2", byTags.getString("current.externalId"));
        String path = "/api/v1/interviews/" + byTags.getLong("id");
        member.request().body(Map.of("position", 1, "skip", true)).post(path + "/answers?lang=en").then().statusCode(200)
                .body("current.externalId", equalTo("c3"));
        member.request().post(path + "/finish?lang=en").then().statusCode(200).body("status", equalTo("finished"))
                .body("results.externalId", equalTo(List.of("c2", "c3")));
        // the instructor interviews on their own deck too
        instructor.request().body(wholeDeck).post("/api/v1/interviews?lang=en").then().statusCode(201);

        // someone outside the class: 404, exactly as for a deck that does not exist, by deck and by tags
        stranger.request().body(wholeDeck).post("/api/v1/interviews?lang=en").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("Deck " + deck + " was not found"));
        stranger.request().body(beta).post("/api/v1/interviews?lang=en").then().statusCode(404);
        // leaving the class ends it
        member.request().delete("/api/v1/classes/" + classId + "/membership").then().statusCode(204);
        member.request().body(wholeDeck).post("/api/v1/interviews?lang=en").then().statusCode(404);
    }
}

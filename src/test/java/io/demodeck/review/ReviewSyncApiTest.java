package io.demodeck.review;

import io.demodeck.api.ApiClient;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ReviewSyncApiTest {

    static final String DECK = "goroutines-threads-processes";
    private static final String PROBLEM = "application/problem+json";

    static Map<String, Object> review(UUID id, long questionId, int rating, Instant at) {
        return Map.of("clientReviewId", id.toString(), "questionId", questionId, "rating", rating,
                "reviewedAt", at.toString(), "durationMs", 4000);
    }

    static JsonPath send(ApiClient client, List<Map<String, Object>> reviews) {
        return client.request().body(Map.of("reviews", reviews)).post("/api/v1/reviews")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<Long> questionIds(ApiClient client, int count) {
        return client.request().queryParam("limit", count).get("/api/v1/decks/" + DECK + "/questions")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }

    @Test
    void theQueueShowsQuestionsWithFourPreviewedOutcomes() {
        ApiClient client = ApiClient.signUp();
        client.request().queryParam("deck", DECK).queryParam("limit", 3).queryParam("lang", "en")
                .get("/api/v1/study/queue").then().statusCode(200)
                .body("deck", equalTo(DECK))
                .body("items", hasSize(3))
                .body("items.card.state", everyItem(equalTo("NEW")))
                .body("items[0].question.promptHtml", notNullValue())
                .body("items[0].outcomes.rating", equalTo(List.of("AGAIN", "HARD", "GOOD", "EASY")))
                .body("items[0].outcomes[2].intervalSeconds", equalTo(600))
                .body("counts.newCards", notNullValue());
        client.request().queryParam("deck", "no-such-deck").get("/api/v1/study/queue").then().statusCode(404)
                .contentType(PROBLEM);
        client.request().get("/api/v1/study/queue").then().statusCode(422).body("errors[0].field", equalTo("deck"));
    }

    @Test
    void theSameBatchTwiceChangesNothingTheSecondTime() {
        ApiClient client = ApiClient.signUp();
        List<Long> questions = questionIds(client, 2);
        Instant now = Instant.now().minus(Duration.ofMinutes(5));
        List<Map<String, Object>> batch = List.of(review(UUID.randomUUID(), questions.get(0), 3, now),
                review(UUID.randomUUID(), questions.get(1), 1, now.plusSeconds(20)),
                review(UUID.randomUUID(), questions.get(0), 3, now.plusSeconds(40)));

        JsonPath first = send(client, batch);
        assertEquals(List.of("APPLIED", "APPLIED", "APPLIED"), first.getList("results.status"));
        // each result carries the card's state after the whole batch: two Goods graduate the first card
        assertEquals("REVIEW", first.getString("results[0].card.state"));
        assertEquals("LEARNING", first.getString("results[1].card.state"));
        String cardsAfterFirst = client.request().get("/api/v1/cards/changes").asString();

        JsonPath second = send(client, batch);
        assertEquals(List.of("DUPLICATE", "DUPLICATE", "DUPLICATE"), second.getList("results.status"));
        assertEquals(first.getList("results.card"), second.getList("results.card"));
        assertEquals(cardsAfterFirst, client.request().get("/api/v1/cards/changes").asString());
        client.request().get("/api/v1/me/reviews.csv").then().statusCode(200).contentType(containsString("text/csv"))
                .body(containsString("card_id,review_time,review_rating,review_state,review_duration"))
                .body(org.hamcrest.Matchers.matchesPattern("(?s)([^\\n]*\\n){4}"));
    }

    @Test
    void twoDevicesOfflineBatchesInEitherOrderEndLikeAllAnswersInTimeOrder() {
        ApiClient probe = ApiClient.signUp();
        List<Long> q = questionIds(probe, 2);
        Instant t = Instant.now().minus(Duration.ofDays(20));
        // the phone and the tablet studied the same two cards offline, interleaved in time
        List<Map<String, Object>> phone = List.of(review(UUID.randomUUID(), q.get(0), 3, t),
                review(UUID.randomUUID(), q.get(1), 1, t.plus(Duration.ofMinutes(1))),
                review(UUID.randomUUID(), q.get(0), 1, t.plus(Duration.ofDays(4))),
                review(UUID.randomUUID(), q.get(1), 3, t.plus(Duration.ofDays(9))));
        List<Map<String, Object>> tablet = List.of(review(UUID.randomUUID(), q.get(0), 3, t.plus(Duration.ofMinutes(11))),
                review(UUID.randomUUID(), q.get(1), 3, t.plus(Duration.ofMinutes(12))),
                review(UUID.randomUUID(), q.get(0), 3, t.plus(Duration.ofDays(4).plusMinutes(10))),
                review(UUID.randomUUID(), q.get(0), 4, t.plus(Duration.ofDays(12))));

        ApiClient phoneFirst = ApiClient.signUp();
        send(phoneFirst, phone);
        send(phoneFirst, tablet);
        ApiClient tabletFirst = ApiClient.signUp();
        send(tabletFirst, tablet);
        send(tabletFirst, phone);
        ApiClient inTimeOrder = ApiClient.signUp();
        Stream.concat(phone.stream(), tablet.stream())
                .sorted(Comparator.comparing(r -> Instant.parse((String) r.get("reviewedAt"))))
                .forEach(r -> send(inTimeOrder, List.of(r)));

        for (long question : q) {
            Map<String, Object> expected = card(inTimeOrder, question);
            assertEquals(expected, card(phoneFirst, question), "phone first, question " + question);
            assertEquals(expected, card(tabletFirst, question), "tablet first, question " + question);
        }
        assertEquals(5, ((Number) card(inTimeOrder, q.get(0)).get("reps")).intValue());
    }

    private static Map<String, Object> card(ApiClient client, long questionId) {
        return client.request().get("/api/v1/cards/" + questionId).then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    void oneLearnerCannotSeeOrChangeAnothersCardsReviewsOrSettings() {
        ApiClient owner = ApiClient.signUp();
        ApiClient other = ApiClient.signUp();
        long question = questionIds(owner, 1).get(0);
        UUID reviewId = UUID.randomUUID();
        send(owner, List.of(review(reviewId, question, 4, Instant.now().minusSeconds(60))));
        owner.request().body(Map.of("desiredRetention", 0.85, "newCardsPerDay", 7, "timeZone", "Europe/Moscow",
                "dayRolloverHour", 4, "learningStepsSeconds", List.of(60), "relearningStepsSeconds", List.of(600),
                "maximumIntervalDays", 3650)).put("/api/v1/me/settings").then().statusCode(200);

        other.request().get("/api/v1/cards/" + question).then().statusCode(404).contentType(PROBLEM);
        other.request().get("/api/v1/cards/changes").then().statusCode(200).body("cards", hasSize(0));
        other.request().get("/api/v1/me/settings").then().statusCode(200).body("newCardsPerDay", equalTo(20));
        other.request().get("/api/v1/me/reviews.csv").then().statusCode(200)
                .body(equalTo("card_id,review_time,review_rating,review_state,review_duration\n"));
        // the other learner reusing the owner's client id records their own answer, not the owner's
        JsonPath replay = send(other, List.of(review(reviewId, question, 1, Instant.now().minusSeconds(30))));
        assertEquals("APPLIED", replay.getString("results[0].status"));
        owner.request().get("/api/v1/cards/" + question).then().statusCode(200).body("reps", equalTo(1))
                .body("state", equalTo("REVIEW"));
        owner.request().get("/api/v1/me/settings").then().body("newCardsPerDay", equalTo(7));
    }

    @Test
    void theChangeFeedReturnsOnlyWhatChangedSinceTheCursor() {
        ApiClient client = ApiClient.signUp();
        List<Long> q = questionIds(client, 3);
        send(client, List.of(review(UUID.randomUUID(), q.get(0), 3, Instant.now().minusSeconds(120)),
                review(UUID.randomUUID(), q.get(1), 3, Instant.now().minusSeconds(110))));
        JsonPath all = client.request().get("/api/v1/cards/changes").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(q.get(0), q.get(1)), all.getList("cards.questionId", Long.class));
        assertFalse(all.getBoolean("hasMore"));
        String cursor = all.getString("nextCursor");

        client.request().queryParam("since", cursor).get("/api/v1/cards/changes").then().statusCode(200)
                .body("cards", hasSize(0)).body("nextCursor", equalTo(cursor));
        send(client, List.of(review(UUID.randomUUID(), q.get(2), 4, Instant.now().minusSeconds(10))));
        client.request().queryParam("since", cursor).get("/api/v1/cards/changes").then().statusCode(200)
                .body("cards.questionId", equalTo(List.of(q.get(2).intValue())))
                .body("cards[0].state", equalTo("REVIEW"));
        JsonPath paged = client.request().queryParam("limit", 2).get("/api/v1/cards/changes").then().extract().jsonPath();
        assertTrue(paged.getBoolean("hasMore"));
        client.request().queryParam("since", "%%%").get("/api/v1/cards/changes").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void invalidAnswersAreRefusedFieldByFieldAndUnknownQuestionsPerItem() {
        ApiClient client = ApiClient.signUp();
        long question = questionIds(client, 1).get(0);
        Map<String, Object> bad = Map.of("clientReviewId", "not-a-uuid", "questionId", question, "rating", 5,
                "reviewedAt", Instant.now().toString(), "durationMs", -1);
        client.request().body(Map.of("reviews", List.of(review(UUID.randomUUID(), question, 3, Instant.now()), bad)))
                .post("/api/v1/reviews").then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", hasItems("reviews[1].clientReviewId", "reviews[1].rating",
                        "reviews[1].durationMs"));
        // the time of an answer is checked against the server's clock once the fields are well-formed
        Map<String, Object> future = review(UUID.randomUUID(), question, 3, Instant.now().plus(Duration.ofHours(2)));
        client.request().body(Map.of("reviews", List.of(review(UUID.randomUUID(), question, 3, Instant.now()), future)))
                .post("/api/v1/reviews").then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("reviews[1].reviewedAt")));
        client.request().get("/api/v1/cards/" + question).then().statusCode(404); // nothing of the batch was applied

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= ReviewSync.MAX_BATCH; i++) {
            tooMany.add(review(UUID.randomUUID(), question, 3, Instant.now()));
        }
        client.request().body(Map.of("reviews", tooMany)).post("/api/v1/reviews").then().statusCode(422)
                .body("errors[0].field", equalTo("reviews"));
        client.request().body("{\"reviews\": [").post("/api/v1/reviews").then().statusCode(400).contentType(PROBLEM);

        JsonPath unknown = send(client, List.of(review(UUID.randomUUID(), 987_654_321L, 3, Instant.now())));
        assertEquals("REJECTED", unknown.getString("results[0].status"));
    }

    @Test
    void anIdReusedForAnotherQuestionIsRejectedAndChangesNothing() {
        ApiClient client = ApiClient.signUp();
        List<Long> questions = questionIds(client, 2);
        UUID id = UUID.randomUUID();
        Instant at = Instant.now().minusSeconds(30);
        send(client, List.of(review(id, questions.get(0), 3, at)));
        Map<String, Object> card = client.request().get("/api/v1/cards/" + questions.get(0)).then().statusCode(200)
                .extract().jsonPath().getMap("");

        JsonPath otherQuestion = send(client, List.of(review(id, questions.get(1), 3, at)));
        assertEquals("REJECTED", otherQuestion.getString("results[0].status"));
        assertTrue(otherQuestion.getString("results[0].error").contains("already used for an answer to question "
                + questions.get(0)), otherQuestion.getString("results[0].error"));
        client.request().get("/api/v1/cards/" + questions.get(1)).then().statusCode(404);

        JsonPath otherRating = send(client, List.of(review(id, questions.get(0), 1, at)));
        assertEquals("DUPLICATE", otherRating.getString("results[0].status"), "a double submit: the first answer stands");
        assertEquals(card, client.request().get("/api/v1/cards/" + questions.get(0)).then().statusCode(200)
                .extract().jsonPath().getMap(""), "the first answer's card is untouched");
    }

    @Test
    void settingsAndStatsBelongToTheSignedInLearner() {
        ApiClient client = ApiClient.signUp();
        Map<String, Object> settings = client.request().get("/api/v1/me/settings").then().statusCode(200)
                .extract().jsonPath().getMap("");
        Map<String, Object> changed = new java.util.HashMap<>(settings);
        changed.put("desiredRetention", 0.5);
        client.request().body(changed).put("/api/v1/me/settings").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("desiredRetention"))
                .body("errors[0].message", containsString("between 0.70 and 0.99"));
        changed.put("desiredRetention", 0.93);
        client.request().body(changed).put("/api/v1/me/settings").then().statusCode(200)
                .body("desiredRetention", equalTo(0.93f));

        send(client, List.of(review(UUID.randomUUID(), questionIds(client, 1).get(0), 3, Instant.now().minusSeconds(5))));
        client.request().get("/api/v1/me/stats").then().statusCode(200)
                .body("totalReviews", equalTo(1))
                .body("streak", equalTo(1))
                .body("cardsByState.learning", equalTo(1))
                .body("duePerDay.size()", equalTo(30));
    }
}

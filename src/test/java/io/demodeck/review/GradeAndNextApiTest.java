package io.demodeck.review;

import io.demodeck.api.ApiClient;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.demodeck.review.ReviewSyncApiTest.DECK;
import static io.demodeck.review.ReviewSyncApiTest.review;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** One request per answer: POST /api/v1/reviews?next=N answers with the cards GET /api/v1/study/queue shows next. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class GradeAndNextApiTest {

    private static JsonPath queue(ApiClient client, int limit, boolean counts) {
        return client.request().queryParam("deck", DECK).queryParam("limit", limit).queryParam("lang", "en")
                .queryParam("counts", counts).get("/api/v1/study/queue").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath answer(ApiClient client, long questionId, int rating, Map<String, Object> query) {
        return client.request().queryParams(query).body(Map.of("reviews", List.of(review(UUID.randomUUID(), questionId,
                rating, Instant.now())))).post("/api/v1/reviews").then().statusCode(200).extract().jsonPath();
    }

    /**
     * The parts of queue entries that do not depend on the instant of the call: the card, the question and the four
     * outcomes (their due times move with the clock; the intervals and states do not).
     */
    private static List<Object> stable(JsonPath json, String items) {
        List<Object> out = new ArrayList<>();
        int n = json.getList(items).size();
        for (int i = 0; i < n; i++) {
            String at = items + "[" + i + "].";
            out.add(json.getMap(at + "card"));
            out.add(json.getMap(at + "question"));
            out.add(json.getList(at + "outcomes.rating"));
            out.add(json.getList(at + "outcomes.state"));
            out.add(json.getList(at + "outcomes.intervalSeconds"));
            out.add(json.getList(at + "outcomes.scheduledDays"));
        }
        return out;
    }

    @Test
    void theCardsThatComeWithAnAnswerAreTheQueueAfterIt() {
        ApiClient client = ApiClient.signUp();
        long first = queue(client, 1, true).getLong("items[0].card.questionId");
        for (int rating : List.of(3, 1, 4, 2)) {
            long question = first;
            JsonPath graded = answer(client, question, rating, Map.of("next", 3, "lang", "en"));
            assertEquals("APPLIED", graded.getString("results[0].status"));
            JsonPath after = queue(client, 3, true);
            assertEquals(3, graded.getList("next.items").size());
            assertEquals(stable(after, "items"), stable(graded, "next.items"));
            assertEquals(after.getMap("counts"), graded.getMap("next.counts"));
            assertEquals(DECK, graded.getString("next.deck"));
            assertNotEquals(question, graded.getLong("next.items[0].card.questionId"), "the answered card is not due again yet");
            first = graded.getLong("next.items[0].card.questionId");
        }
    }

    @Test
    void countsCanBeLeftOutAndTheCardsStayTheSame() {
        ApiClient client = ApiClient.signUp();
        long question = queue(client, 1, true).getLong("items[0].card.questionId");
        JsonPath graded = answer(client, question, 3, Map.of("next", 5, "counts", false, "deck", DECK, "lang", "en"));
        assertNull(graded.get("next.counts"));
        JsonPath withCounts = queue(client, 5, true);
        JsonPath without = queue(client, 5, false);
        assertNull(without.get("counts"));
        assertEquals(stable(withCounts, "items"), stable(graded, "next.items"));
        assertEquals(stable(withCounts, "items"), stable(without, "items"));
        assertEquals(19, withCounts.getInt("counts.newCards"), "20 new cards a day, one answered");
    }

    @Test
    void withoutNextTheAnswerComesAloneAndABadNextOrDeckAppliesNothing() {
        ApiClient client = ApiClient.signUp();
        long question = queue(client, 1, true).getLong("items[0].card.questionId");
        client.request().body(Map.of("reviews", List.of(review(UUID.randomUUID(), question, 3, Instant.now()))))
                .post("/api/v1/reviews").then().statusCode(200).body("next", nullValue());

        UUID id = UUID.randomUUID();
        Map<String, Object> body = Map.of("reviews", List.of(review(id, question, 1, Instant.now())));
        client.request().queryParam("next", 51).body(body).post("/api/v1/reviews").then().statusCode(422)
                .body("errors[0].field", equalTo("next"));
        client.request().queryParam("next", 1).queryParam("deck", "no-such-deck").body(body).post("/api/v1/reviews")
                .then().statusCode(404);
        // neither applied the answer: sending it properly now applies it
        client.request().body(body).post("/api/v1/reviews").then().statusCode(200)
                .body("results[0].status", equalTo("APPLIED"));
    }
}

package io.demodeck.review;

import io.demodeck.api.ApiClient;
import io.demodeck.bank.BankMarkdownParser;
import io.demodeck.bank.DeckContent;
import io.demodeck.bank.DeckWriter;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The study queue shows questions rendered once and kept under the deck's content stamp: every change to the deck
 * (an edit, a new question, a retired one) must reach the next request.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StudyQueueFreshnessTest {

    @Inject
    DeckWriter writer;

    private final BankMarkdownParser parser = new BankMarkdownParser();

    private void write(String deck, String markdown) {
        DeckContent parsed = parser.parse(deck + ".md", markdown).deck();
        writer.write(new DeckContent(deck, parsed.originalLanguage(), parsed.source(), parsed.texts(), parsed.questions()),
                "bank", null); // a public deck, as the learner below studies it
    }

    private static JsonPath queue(ApiClient client, String deck) {
        return client.request().queryParam("deck", deck).queryParam("limit", 5).queryParam("lang", "en")
                .get("/api/v1/study/queue").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void editsNewAndRetiredQuestionsShowAtOnce() {
        String deck = "fresh-" + UUID.randomUUID().toString().substring(0, 8);
        write(deck, "# Fresh deck\n\n## Question one\nanswer A\n");
        ApiClient client = ApiClient.signUp();
        JsonPath first = queue(client, deck);
        assertTrue(first.getString("items[0].question.answerHtml").contains("answer A"));
        assertEquals(1, first.getInt("items[0].question.deck.questionCount"));

        write(deck, "# Fresh deck\n\n## Question one\nanswer B, edited\n\n## Question two\nanswer C\n");
        JsonPath edited = queue(client, deck);
        assertTrue(edited.getString("items[0].question.answerHtml").contains("answer B, edited"), edited.prettify());
        assertEquals(2, edited.getList("items").size(), "the new question is offered");
        assertEquals(2, edited.getInt("items[0].question.deck.questionCount"));

        write(deck, "# Fresh deck\n\n## Question two\nanswer C\n");
        JsonPath retired = queue(client, deck);
        assertEquals(1, retired.getList("items").size(), "the retired question is gone from the queue");
        assertTrue(retired.getString("items[0].question.answerHtml").contains("answer C"));
        assertEquals(1, retired.getInt("items[0].question.deck.questionCount"));
        assertEquals(1, retired.getInt("counts.newCards"));
    }
}

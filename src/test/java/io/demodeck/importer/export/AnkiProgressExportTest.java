package io.demodeck.importer.export;

import io.demodeck.testsupport.AppJson;
import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;
import io.demodeck.importer.ImportFormat;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ImportedHistory;
import io.demodeck.importer.ParsedImport;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A learner takes a deck to Anki with their own progress, and nobody else's; an instructor's export has none. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AnkiProgressExportTest {

    private static final String DECK = "goroutines-threads-processes";
    private static final ImportOptions KEEP = new ImportOptions("back", "en", null, null);

    @Inject
    AccountService accounts;

    private record Asked(long id, String externalId) {
    }

    private static List<Asked> questions(ApiClient client) {
        var json = client.request().queryParam("limit", 2).get("/api/v1/decks/" + DECK + "/questions")
                .then().statusCode(200).extract().jsonPath();
        List<Long> ids = json.getList("items.id", Long.class);
        List<String> external = json.getList("items.externalId", String.class);
        return List.of(new Asked(ids.get(0), external.get(0)), new Asked(ids.get(1), external.get(1)));
    }

    private static void answer(ApiClient client, long question, int rating, Instant at) {
        client.request().body(Map.of("reviews", List.of(Map.of("clientReviewId", UUID.randomUUID().toString(),
                        "questionId", question, "rating", rating, "reviewedAt", at.toString(), "durationMs", 4200 + rating))))
                .post("/api/v1/reviews").then().statusCode(200);
    }

    private static ParsedImport download(ApiClient client) {
        Response r = client.request().get("/api/v1/me/decks/" + DECK + "/progress.apkg");
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals("application/apkg", r.contentType());
        assertTrue(r.header("Content-Disposition").contains(DECK + "-progress.apkg"), r.header("Content-Disposition"));
        ParsedImport parsed = ImportFormat.ANKI_PACKAGE.parser(AppJson.FILES).parse(r.asByteArray(), "progress.apkg", KEEP);
        assertFalse(parsed.rejected(), parsed.problems()::toString);
        return parsed;
    }

    private static List<String> answers(ImportedHistory history) {
        return history.answers().stream().map(a -> a.questionId() + " " + a.rating() + " " + a.reviewedAt() + " "
                + a.durationMs()).toList();
    }

    @Test
    void theLearnersOwnCardsAndAnswersGoAlongAndNobodyElses() throws Exception {
        ApiClient learner = ApiClient.signUp();
        ApiClient other = ApiClient.signUp();
        List<Asked> q = questions(learner);
        Instant t0 = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);
        answer(learner, q.get(0).id(), 3, t0);
        answer(learner, q.get(0).id(), 3, t0.plus(Duration.ofMinutes(10)));
        answer(learner, q.get(1).id(), 1, t0.plus(Duration.ofHours(1)));
        answer(other, q.get(0).id(), 4, t0.plus(Duration.ofHours(2)));

        ParsedImport mine = download(learner);
        assertEquals(List.of(q.get(0).externalId() + " 3 " + t0 + " 4203",
                        q.get(0).externalId() + " 3 " + t0.plus(Duration.ofMinutes(10)) + " 4203",
                        q.get(1).externalId() + " 1 " + t0.plus(Duration.ofHours(1)) + " 4201"),
                answers(mine.history()), "my answers, as I gave them");
        ParsedImport theirs = download(other);
        assertEquals(List.of(q.get(0).externalId() + " 4 " + t0.plus(Duration.ofHours(2)) + " 4204"), answers(theirs.history()));

        byte[] file = learner.request().get("/api/v1/me/decks/" + DECK + "/progress.apkg").asByteArray();
        var p = ApkgExporterTest.Package.of(new Exported("apkg", "application/apkg", List.of(), out -> out.write(file)));
        try (Connection c = p.open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select c.type, c.queue, c.reps, n.guid from cards c join notes n on n.id = c.nid where c.type <> 0 order by n.guid")) {
            int studied = 0;
            while (rs.next()) {
                studied++;
                assertTrue(rs.getString(4).startsWith("dd:" + DECK + ":"), rs.getString(4));
                assertTrue(rs.getInt(2) == 1 || rs.getInt(2) == 2, "learning or review queue: " + rs.getInt(2));
                assertTrue(rs.getInt(3) >= 1);
            }
            assertEquals(2, studied, "the two cards I studied; the others are new");
        }
    }

    @Test
    void anEditorsDeckExportCarriesNoProgressAndAnUnknownDeckIs404() throws Exception {
        String name = "apkg" + UUID.randomUUID().toString().substring(0, 8);
        // the bank's decks are the system's: admins edit and export them
        accounts.create(name, ApiClient.PASSWORD, Role.ADMIN, "en");
        ApiClient teacher = ApiClient.signIn(name);
        answer(teacher, questions(teacher).get(0).id(), 3, Instant.now().minusSeconds(60));
        Response r = teacher.request().queryParam("format", "apkg").get("/api/v1/decks/" + DECK + "/export");
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals("application/apkg", r.contentType());
        ParsedImport parsed = ImportFormat.ANKI_PACKAGE.parser(AppJson.FILES).parse(r.asByteArray(), "deck.apkg", KEEP);
        assertFalse(parsed.rejected(), parsed.problems()::toString);
        assertEquals(0, parsed.history().entries(), "a deck export is the deck, not anyone's progress");
        assertTrue(parsed.deck().questions().size() > 10);

        ApiClient learner = ApiClient.signUp();
        learner.request().get("/api/v1/me/decks/no-such-deck/progress.apkg").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/me/decks/" + DECK + "/progress.apkg").then().statusCode(401);
    }
}

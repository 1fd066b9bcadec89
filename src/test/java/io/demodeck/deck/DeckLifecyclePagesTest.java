package io.demodeck.deck;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deck lifecycle in the browser: forms with CSRF and post/redirect/get, the texts in both languages, exports. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DeckLifecyclePagesTest {

    @Inject
    AccountService accounts;

    private String account(String prefix, Role role) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        accounts.create(name, ApiClient.PASSWORD, role, "en");
        return name;
    }

    private static Browser signIn(String username, String lang) {
        Browser browser = new Browser();
        assertEquals(303, browser.signIn(username, ApiClient.PASSWORD).statusCode());
        browser.request().get("/lang/" + lang + "?back=/");
        return browser;
    }

    @Test
    void anInstructorCreatesAndManagesADeckInTheBrowser() {
        String ownerName = account("own", Role.INSTRUCTOR);
        String coName = account("co", Role.INSTRUCTOR);
        Browser owner = signIn(ownerName, "en");

        assertTrue(owner.open("/").asString().contains("href=\"/decks/new\""), "New deck on the home page");
        String form = owner.open("/decks/new").asString();
        assertTrue(form.contains("lower-case Latin letters a-z, digits 0-9 and hyphens"), form);

        // no id: one is suggested from the title and shown, not silently taken
        String title = "Pages deck " + UUID.randomUUID().toString().substring(0, 6);
        Response suggested = owner.submit("/decks/new", "id", "", "titleEn", title, "language", "en");
        assertEquals(303, suggested.statusCode(), suggested.asString());
        String id = DeckLifecycle.suggestId(title);
        assertEquals("/decks/" + id + "/manage?done=created", java.net.URI.create(suggested.header("Location")).getRawPath()
                + "?" + java.net.URI.create(suggested.header("Location")).getRawQuery());

        Response invalid = owner.submit("/decks/new", "id", "Bad Id", "titleEn", "x");
        assertEquals(422, invalid.statusCode());
        assertTrue(invalid.asString().contains("A deck id has 1 to 100 lower-case Latin letters"), invalid.asString());
        owner.open("/decks/new");
        Response taken = owner.submit("/decks/new", "id", id, "titleEn", "x");
        assertEquals(409, taken.statusCode());
        assertTrue(taken.asString().contains("A deck with this id exists already"), taken.asString());

        String manage = owner.open("/decks/" + id + "/manage?done=created").asString();
        assertTrue(manage.contains("Deck created."), manage);
        for (String format : new String[] {"markdown", "gift", "anki-csv", "moodle-xml", "json", "apkg"}) {
            assertTrue(manage.contains("/decks/" + id + "/export?format=" + format), format + " link on " + manage);
        }
        assertTrue(owner.open("/decks/" + id).asString().contains("/decks/" + id + "/manage"), "Manage link on the deck page");

        assertEquals(303, owner.submit("/decks/" + id + "/manage/texts", "titleEn", "Renamed title", "descriptionEn", "",
                "titleRu", "Русское название", "descriptionRu", "Описание").statusCode());
        owner.open("/decks/" + id + "/manage");
        Response renamed = owner.submit("/decks/" + id + "/manage/rename", "newId", id + "-b");
        assertEquals(303, renamed.statusCode());
        String newId = id + "-b";
        assertTrue(renamed.header("Location").endsWith("/decks/" + newId + "/manage?done=renamed"), renamed.header("Location"));
        owner.open("/decks/" + newId + "/manage");
        assertEquals(303, owner.submit("/decks/" + newId + "/manage/editors", "username", coName).statusCode());
        owner.open("/decks/" + newId + "/manage");
        Response publish = owner.submit("/decks/" + newId + "/manage/visibility", "visibility", "public");
        assertEquals(403, publish.statusCode());
        assertTrue(publish.asString().contains("Only admins publish a deck"), publish.asString());
        owner.open("/decks/" + newId + "/manage");
        assertEquals(303, owner.submit("/decks/" + newId + "/manage/archive").statusCode());
        String archived = owner.open("/decks/" + newId + "/manage?done=archived").asString();
        assertTrue(archived.contains("archived: hidden from learners"), archived);
        assertTrue(archived.contains(coName), "the co-editor is listed");
        assertTrue(archived.contains("co-editor added: " + coName), "the change log shows the co-editor: " + archived);
        assertTrue(archived.contains("renamed: " + id + " → " + newId), archived);

        // a co-editor sees the manage page, exports, but has no delete or co-editor forms
        Browser co = signIn(coName, "ru");
        String coPage = co.open("/decks/" + newId + "/manage").asString();
        assertTrue(coPage.contains("Русское название"), coPage);
        assertTrue(coPage.contains("Экспорт"), "the page in Russian");
        assertFalse(coPage.contains("/manage/delete"), "no delete for a co-editor");
        assertFalse(coPage.contains("id=\"editor-form\""), "no co-editor form for a co-editor");
        Response export = co.open("/decks/" + newId + "/export?format=gift");
        assertEquals(200, export.statusCode());
        assertEquals("attachment; filename=\"" + newId + ".gift.txt\"", export.header("Content-Disposition"));
        assertTrue(export.contentType().startsWith("text/plain"), export.contentType());
        Response coDelete = co.submit("/decks/" + newId + "/manage/delete");
        assertEquals(403, coDelete.statusCode());
        assertTrue(coDelete.asString().contains("Это могут только владелец колоды и администраторы."), coDelete.asString());

        // another instructor and a learner: the private deck does not exist for them; export needs a session
        Browser other = signIn(account("oth", Role.INSTRUCTOR), "en");
        assertEquals(404, other.open("/decks/" + newId + "/manage").statusCode());
        assertEquals(404, other.open("/decks/" + newId + "/export?format=json").statusCode());
        Browser learner = signIn(account("lrn", Role.LEARNER), "en");
        assertEquals(403, learner.open("/decks/new").statusCode());
        assertFalse(learner.open("/").asString().contains("href=\"/decks/new\""), "no New deck for a learner");
        Response anonymous = given().redirects().follow(false).get("/decks/" + newId + "/export?format=json");
        assertTrue(anonymous.statusCode() == 302 || anonymous.statusCode() == 303, "anonymous: " + anonymous.statusCode());
        assertTrue(anonymous.header("Location").contains("/login"), anonymous.header("Location"));

        owner.open("/decks/" + newId + "/manage");
        assertEquals(303, owner.submit("/decks/" + newId + "/manage/restore").statusCode());
        owner.open("/decks/" + newId + "/manage");
        Response deleted = owner.submit("/decks/" + newId + "/manage/delete");
        assertEquals(303, deleted.statusCode());
        String after = owner.open(deleted.header("Location")).asString();
        assertTrue(after.contains("The deck " + newId + " was deleted."), after);
        assertEquals(404, owner.open("/decks/" + newId + "/manage").statusCode());
    }

    @Test
    void anAdminPurgesADeckWithHistoryOnlyAfterTypingItsId() {
        String ownerName = account("own", Role.INSTRUCTOR);
        ApiClient ownerApi = ApiClient.signIn(ownerName);
        String deck = "pg-hist-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", "Bearer " + ownerApi.accessToken())
                .multiPart("file", "d.gift", DeckLifecycleTest.GIFT.getBytes(StandardCharsets.UTF_8))
                .multiPart("dryRun", "false").multiPart("deck", deck)
                .post("/api/v1/imports").then().statusCode(200);
        long question = ownerApi.request().get("/api/v1/decks/" + deck + "/questions?limit=1&lang=en").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        ownerApi.request().contentType("application/json").body(java.util.Map.of("reviews", java.util.List.of(java.util.Map.of(
                        "clientReviewId", UUID.randomUUID().toString(), "questionId", question, "rating", 3,
                        "reviewedAt", java.time.Instant.now().toString(), "durationMs", 1000))))
                .post("/api/v1/reviews").then().statusCode(200);

        Browser owner = signIn(ownerName, "en");
        String page = owner.open("/decks/" + deck + "/manage").asString();
        assertTrue(page.contains("1 learner has history in this deck: delete archives it instead"), page);
        assertFalse(page.contains("/purge"), "no purge link for an instructor");
        Response archived = owner.submit("/decks/" + deck + "/manage/delete");
        assertTrue(archived.header("Location").endsWith("done=delete_archived"), archived.header("Location"));
        assertEquals(403, owner.open("/decks/" + deck + "/purge").statusCode());

        Browser admin = signIn(account("adm", Role.ADMIN), "en");
        assertTrue(admin.open("/decks/" + deck + "/manage").asString().contains("/decks/" + deck + "/purge"));
        String purge = admin.open("/decks/" + deck + "/purge").asString();
        assertTrue(purge.contains("Export the deck first"), purge);
        assertTrue(purge.contains("/decks/" + deck + "/export?format=json"), purge);
        assertTrue(purge.contains("Type the deck id " + deck + " to confirm"), purge);
        Response wrong = admin.submit("/decks/" + deck + "/purge", "confirm", "not-it");
        assertEquals(422, wrong.statusCode());
        assertTrue(wrong.asString().contains("Type the deck id exactly to confirm."), wrong.asString());
        admin.open("/decks/" + deck + "/purge");
        Response purged = admin.submit("/decks/" + deck + "/purge", "confirm", deck);
        assertEquals(303, purged.statusCode());
        assertTrue(admin.open(purged.header("Location")).asString().contains("The deck " + deck + " was deleted with its learners"));
        assertEquals(404, admin.open("/decks/" + deck + "/manage").statusCode());
    }

    @Test
    void bankDecksOfferNoRenameOrDeleteAndRefuseThemWithAReason() {
        Browser admin = signIn(account("adm", Role.ADMIN), "en");
        String bank = "goroutines-threads-processes";
        String page = admin.open("/decks/" + bank + "/manage").asString();
        assertTrue(page.contains("comes from the questions/ folder"), page);
        assertFalse(page.contains("/manage/rename"), "no rename form for a bank deck");
        Response refused = admin.submit("/decks/" + bank + "/manage/rename", "newId", "other-bank");
        assertEquals(409, refused.statusCode());
        assertTrue(refused.asString().contains("The decks of the question bank (questions/) cannot be renamed"), refused.asString());
        Browser instructor = signIn(account("ins", Role.INSTRUCTOR), "en");
        assertEquals(403, instructor.open("/decks/" + bank + "/manage").statusCode());
        assertFalse(instructor.open("/decks/" + bank).asString().contains("/manage\""), "no Manage link for a non-editor");
    }

    @Test
    void aNewDecksManagePageLeadsToTheQuestionEditor() {
        Browser owner = signIn(account("edl", Role.INSTRUCTOR), "en");
        String id = "editor-link-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = owner.submit("/decks/new", "id", id, "titleEn", "Editor link", "language", "en");
        assertEquals(303, created.statusCode(), created.asString());
        String page = owner.open("/decks/" + id + "/manage?done=created").asString();
        assertTrue(page.contains("<a href=\"/decks/" + id + "/editor\" id=\"manage-editor-link\">Edit questions</a>"), page);
        assertTrue(page.contains("Write its questions in the editor"), page);
        owner.request().get("/lang/ru?back=/");
        assertTrue(owner.open("/decks/" + id + "/manage?done=created").asString().contains("Напишите вопросы в редакторе"));
    }

    @Test
    void aBankDecksTextsStayThoseOfItsFile() {
        Browser admin = signIn(account("adt", Role.ADMIN), "en");
        String bank = "goroutines-threads-processes";
        String page = admin.open("/decks/" + bank + "/manage").asString();
        assertFalse(page.contains("/manage/texts"), "no texts form for a bank deck");
        assertTrue(page.contains("its texts and questions are changed in its file"), page);
        Response refused = admin.submit("/decks/" + bank + "/manage/texts", "titleEn", "Mine now", "descriptionEn", "",
                "titleRu", "", "descriptionRu", "");
        assertEquals(409, refused.statusCode());
        assertTrue(refused.asString().contains("cannot be renamed, given other texts"), refused.asString());
        assertFalse(admin.open("/decks/" + bank).asString().contains("Mine now"));
        given().header("Authorization", "Bearer " + ApiClient.signIn(account("ada", Role.ADMIN)).accessToken())
                .contentType("application/json").body(java.util.Map.of("texts", java.util.Map.of("en",
                        java.util.Map.of("title", "Mine now"))))
                .put("/api/v1/decks/" + bank + "/texts").then().statusCode(409);
    }
}

package io.demodeck.deck;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;
import io.demodeck.editor.EditorViews;
import io.demodeck.editor.QuestionDraft;
import io.demodeck.editor.QuestionEditor;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deck change log beyond the lifecycle: each import (file, questions created, updated and retired) and each
 * change of a question in the editor (which question, what changed), on the manage page in English and Russian and
 * in the API.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DeckChangeLogTest {

    static final String FIRST = """
            // [id:a1]
            ::A1::First question?{=yes ~no}

            // [id:a2]
            ::A2::Second question?{=yes ~no}
            """;
    /** a1 reworded, a2 left out (retired), a3 new. */
    static final String SECOND = """
            // [id:a1]
            ::A1::First question, reworded?{=yes ~no}

            // [id:a3]
            ::A3::Third question?{=yes ~no}
            """;

    @Inject
    AccountService accounts;

    @Inject
    QuestionEditor editor;

    @Test
    void importsAndTheEditorsQuestionChangesAreLoggedAndShownInBothLanguages() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "log" + suffix;
        long userId = accounts.create(name, ApiClient.PASSWORD, Role.INSTRUCTOR, "en").id();
        String deck = "log-" + suffix;
        ApiClient api = ApiClient.signIn(name);
        upload(api, "first.gift", FIRST, deck);
        upload(api, "second.gift", SECOND, deck);

        // the editor changes a1's prompt, then retires and restores it
        DeckAccess.Viewer viewer = new DeckAccess.Viewer(userId, true, false);
        EditorViews.QuestionView a1 = editor.list(viewer, deck).stream().filter(q -> q.externalId().equals("a1"))
                .findFirst().orElseThrow();
        Map<String, QuestionDraft.DraftText> texts = new TreeMap<>(a1.content().texts());
        QuestionDraft.DraftText en = texts.get("en");
        texts.put("en", new QuestionDraft.DraftText("First question, edited?", en.answer(), en.keyPoints(),
                en.accurateNote(), en.generalFeedback(), en.options()));
        QuestionDraft d = a1.content();
        EditorViews.QuestionView edited = editor.update(viewer, deck, a1.id(), a1.version(), new QuestionDraft(d.type(),
                null, d.title(), d.tags(), d.demoIds(), d.originalLanguage(), d.correct(), d.value(), d.tolerance(),
                d.min(), d.max(), texts));
        EditorViews.QuestionView retired = editor.retire(viewer, deck, a1.id(), edited.version());
        editor.restore(viewer, deck, a1.id(), retired.version());

        JsonPath changes = api.request().get("/api/v1/decks/" + deck + "/changes").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("question-restored", "question-retired", "question-edited", "imported", "imported"),
                changes.getList("action"), "newest first");
        assertEquals(List.of(name), changes.getList("username").stream().distinct().toList());
        assertEquals("second.gift", changes.getString("[3].detail"));
        assertEquals(List.of(1, 1, 1), List.of(changes.getInt("[3].created"), changes.getInt("[3].updated"),
                changes.getInt("[3].retired")));
        assertEquals(List.of(2, 0, 0), List.of(changes.getInt("[4].created"), changes.getInt("[4].updated"),
                changes.getInt("[4].retired")));
        assertEquals("a1", changes.getString("[2].question"));
        assertTrue(changes.getString("[2].detail").contains("texts.en.prompt"), changes.getString("[2].detail"));

        Browser owner = new Browser();
        assertEquals(303, owner.signIn(name, ApiClient.PASSWORD).statusCode());
        owner.request().get("/lang/en?back=/");
        String english = owner.open("/decks/" + deck + "/manage").then().statusCode(200).extract().asString();
        assertTrue(english.contains("imported second.gift: 1 new, 1 updated, 1 retired"), english);
        assertTrue(english.contains("imported first.gift: 2 new, 0 updated, 0 retired"), english);
        String editedLine = "question edited: <a href=\"/decks/" + deck + "/questions/a1/edit\"><code>a1</code></a>: <code>";
        assertTrue(english.contains(editedLine), english);
        assertTrue(english.substring(english.indexOf(editedLine)).split("</code>")[1].contains("texts.en.prompt"), english);
        assertTrue(english.contains("question retired: <a") && english.contains("question restored: <a"), english);

        owner.request().get("/lang/ru?back=/");
        String russian = owner.open("/decks/" + deck + "/manage").then().statusCode(200).extract().asString();
        assertTrue(russian.contains("импорт second.gift: новых — 1, обновлено — 1, снято — 1"), russian);
        assertTrue(russian.contains("изменён вопрос: <a") && russian.contains("снят вопрос: <a")
                && russian.contains("возвращён вопрос: <a"), russian);
    }

    @Test
    void aRefusedEditLeavesNoLine() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "nolog" + suffix;
        long userId = accounts.create(name, ApiClient.PASSWORD, Role.INSTRUCTOR, "en").id();
        String deck = "nolog-" + suffix;
        ApiClient api = ApiClient.signIn(name);
        upload(api, "first.gift", FIRST, deck);
        DeckAccess.Viewer viewer = new DeckAccess.Viewer(userId, true, false);
        EditorViews.QuestionView a1 = editor.list(viewer, deck).getFirst();
        // a stale version: refused, nothing logged
        try {
            editor.retire(viewer, deck, a1.id(), "not-the-version");
        } catch (RuntimeException expected) {
            // StaleVersion
        }
        api.request().get("/api/v1/decks/" + deck + "/changes").then().statusCode(200)
                .body("action", org.hamcrest.Matchers.equalTo(List.of("imported")));
    }

    private static void upload(ApiClient api, String file, String gift, String deck) {
        given().header("Authorization", "Bearer " + api.accessToken())
                .multiPart("file", file, gift.getBytes(StandardCharsets.UTF_8))
                .multiPart("dryRun", "false").multiPart("deck", deck)
                .post("/api/v1/imports").then().statusCode(200);
    }
}

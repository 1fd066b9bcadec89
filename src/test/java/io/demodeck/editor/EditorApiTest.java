package io.demodeck.editor;

import io.demodeck.account.AccountService;
import io.demodeck.api.ApiClient;
import io.demodeck.bank.DeckWriter;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor's API as a client uses it: create, field problems, ETag/If-Match, retire, restore, revisions, access. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class EditorApiTest {

    @Inject
    AccountService accounts;

    @Inject
    DeckWriter writer;

    private EditorFixtures f;
    private ApiClient owner;

    @BeforeEach
    void setUp() {
        f = EditorFixtures.create(accounts, writer);
        owner = ApiClient.signIn(f.owner());
    }

    private String questions() {
        return "/api/v1/decks/" + f.deck() + "/questions";
    }

    private Response create(ApiClient who, Object draft) {
        return who.request().body(draft).post(questions());
    }

    @Test
    void anEditorCreatesQuestionsOfThreeTypesAndReadsThemBackWithTheirVersion() {
        for (QuestionDraft draft : List.of(Drafts.flashcard(), Drafts.singleChoice(), Drafts.numericalRange())) {
            Response created = create(owner, draft);
            created.then().statusCode(201).header("Location", containsString(questions() + "/"))
                    .body("content.type", equalTo(draft.type()));
            String etag = created.header("ETag");
            long id = created.jsonPath().getLong("id");
            owner.request().get(questions() + "/" + id).then().statusCode(200)
                    .header("ETag", equalTo(etag))
                    .body("version", equalTo(etag.replace("\"", "")))
                    .body("content.type", equalTo(draft.type()));
        }
        JsonPath single = owner.request().get("/api/v1/decks/" + f.deck() + "/questions?lang=en&limit=50")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(single.getList("items.type").contains("SINGLE_CHOICE") || single.getList("items.type").contains("single_choice"),
                "learners' list shows the new single-choice question: " + single.getList("items.type"));
        assertTrue(single.getList("items.promptHtml").toString().contains("Which is cheapest to create?"));
    }

    @Test
    void aDraftThatBreaksRulesIsRefusedWithEachFieldAndItsMessageInTheRequestsLanguage() {
        Map<String, Object> draft = Map.of("type", "single_choice", "tags", List.of("ok", "bad tag!"),
                "texts", Map.of("en", Map.of("prompt", " ", "options", List.of(
                        Map.of("text", "A", "fraction", 0.5), Map.of("text", "B", "fraction", 2)))));
        Response english = create(owner, draft);
        english.then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("texts.en.prompt"))
                .body("errors.field", hasItem("tags[1]"))
                .body("errors.field", hasItem("texts.en.options[1].fraction"))
                .body("errors.find { it.field == 'texts.en.prompt' }.message", equalTo("Required."))
                .body("errors.find { it.field == 'texts.en.options[1].fraction' }.message", equalTo("A credit from -100 % to 100 %."));
        owner.request().header("Accept-Language", "ru-RU,ru;q=0.9").body(draft).post(questions())
                .then().statusCode(422)
                .body("errors.find { it.field == 'texts.en.prompt' }.message", equalTo("Обязательное поле."));
        // nothing was written: the deck still has its one seed question
        owner.request().get("/api/v1/decks/" + f.deck() + "/questions?lang=en").then().statusCode(200)
                .body("items.size()", equalTo(1));
        create(owner, Map.of("type", "crossword", "texts", Map.of("en", Map.of("prompt", "?"))))
                .then().statusCode(422).body("errors.field", hasItem("type"));
    }

    @Test
    void changesNeedIfMatchAndAStaleVersionIsRefusedWithTheCurrentOne() {
        Response created = create(owner, Drafts.flashcard()).then().statusCode(201).extract().response();
        long id = created.jsonPath().getLong("id");
        String first = created.header("ETag");
        String one = questions() + "/" + id;
        QuestionDraft edited = withEnglishPrompt(Drafts.flashcard(), "What does a goroutine cost at start?");

        owner.request().body(edited).put(one).then().statusCode(428)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("If-Match"));
        owner.request().delete(one).then().statusCode(428);

        Response saved = owner.request().header("If-Match", first).body(edited).put(one);
        saved.then().statusCode(200).body("content.texts.en.prompt", equalTo("What does a goroutine cost at start?"));
        String second = saved.header("ETag");
        assertNotEquals(first, second, "an edit changes the version");

        // a second editor still holding the first version is refused and told the current one
        ApiClient coEditor = ApiClient.signIn(f.coEditor());
        coEditor.request().header("If-Match", first).body(withEnglishPrompt(Drafts.flashcard(), "Overwritten?")).put(one)
                .then().statusCode(412).contentType(startsWith("application/problem+json"))
                .header("ETag", equalTo(second))
                .body("current.version", equalTo(second.replace("\"", "")))
                .body("current.content.texts.en.prompt", equalTo("What does a goroutine cost at start?"));
        owner.request().delete(one).then().statusCode(428);
        owner.request().header("If-Match", first).delete(one).then().statusCode(412);

        // retire and restore with the current version
        Response retired = owner.request().header("If-Match", second).delete(one);
        retired.then().statusCode(200).body("retired", equalTo(true));
        owner.request().post(one + "/restore").then().statusCode(428);
        Response restored = owner.request().header("If-Match", retired.header("ETag")).post(one + "/restore");
        restored.then().statusCode(200).body("retired", equalTo(false));

        // the revisions name who changed what, and an earlier one can be restored
        JsonPath revisions = owner.request().get(one + "/revisions").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("restored", "retired", "edited", "created"), revisions.getList("action"));
        assertEquals(f.owner(), revisions.getString("find { it.action == 'edited' }.author"));
        assertTrue(revisions.getString("find { it.action == 'edited' }.summary").contains("texts.en.prompt"));
        int createdRevision = revisions.getInt("find { it.action == 'created' }.number");
        owner.request().header("If-Match", restored.header("ETag")).post(one + "/revisions/" + createdRevision + "/restore")
                .then().statusCode(200).body("content.texts.en.prompt", equalTo("What does a goroutine cost?"));
        owner.request().header("If-Match", restored.header("ETag")).post(one + "/revisions/" + createdRevision + "/restore")
                .then().statusCode(412);
    }

    @Test
    void questionsMoveUpAndDown() {
        long a = create(owner, Drafts.essay()).then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath moved = owner.request().body(Map.of("by", -1)).post(questions() + "/" + a + "/move")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(a, moved.getLong("[0].id"), "the essay moved above the seed question");
        owner.request().body(Map.of("by", 0)).post(questions() + "/" + a + "/move").then().statusCode(422)
                .body("errors[0].field", equalTo("by"));
        owner.request().post(questions()).then().statusCode(422).body("errors[0].field", equalTo("body"));
    }

    @Test
    void onlyTheDecksEditorsMayUseTheEditor() {
        Response created = create(owner, Drafts.trueFalse()).then().statusCode(201).extract().response();
        String one = questions() + "/" + created.jsonPath().getLong("id");
        String etag = created.header("ETag");
        ApiClient other = ApiClient.signIn(f.other());
        ApiClient learner = ApiClient.signIn(f.learner());
        ApiClient admin = ApiClient.signIn(f.admin());
        // a private deck: others cannot even tell it exists
        for (ApiClient outsider : List.of(other, learner)) {
            create(outsider, Drafts.essay()).then().statusCode(404);
            outsider.request().get(one).then().statusCode(404);
        }
        // a public deck: they see it, but may not edit it
        QuarkusTransaction.requiringNew().run(() ->
                io.demodeck.deck.Deck.update("visibility = 'public' where externalId = ?1", f.deck()));
        for (ApiClient outsider : List.of(other, learner)) {
            create(outsider, Drafts.essay()).then().statusCode(403).contentType(startsWith("application/problem+json"));
            outsider.request().get(one).then().statusCode(403);
            outsider.request().header("If-Match", etag).body(Drafts.trueFalse()).put(one).then().statusCode(403);
            outsider.request().header("If-Match", etag).delete(one).then().statusCode(403);
            outsider.request().get(one + "/revisions").then().statusCode(403);
        }
        owner.request().get(one).then().statusCode(200).body("retired", equalTo(false)).header("ETag", equalTo(etag));
        // the co-editor and an admin may
        ApiClient.signIn(f.coEditor()).request().get(one).then().statusCode(200);
        create(admin, Drafts.essay()).then().statusCode(201);
        io.restassured.RestAssured.given().contentType("application/json").body(Drafts.essay()).post(questions())
                .then().statusCode(401);
    }

    private static QuestionDraft withEnglishPrompt(QuestionDraft d, String prompt) {
        Map<String, QuestionDraft.DraftText> texts = new java.util.TreeMap<>(d.texts());
        QuestionDraft.DraftText en = texts.get("en");
        texts.put("en", new QuestionDraft.DraftText(prompt, en.answer(), en.keyPoints(), en.accurateNote(),
                en.generalFeedback(), en.options()));
        return new QuestionDraft(d.type(), d.externalId(), d.title(), d.tags(), d.demoIds(), d.originalLanguage(),
                d.correct(), d.value(), d.tolerance(), d.min(), d.max(), texts);
    }

    @Test
    void clozeQuestionsAreWrittenAndMalformedGapsNamedInTheRequestsLanguage() {
        Response created = create(owner, Drafts.cloze());
        created.then().statusCode(201).body("content.type", equalTo("cloze"))
                .body("content.texts.en.prompt", containsString("{1:SHORTANSWER:=go}"));
        // learners get it as a cloze question: blanks, never the answers
        JsonPath seen = owner.request().get("/api/v1/decks/" + f.deck() + "/questions?lang=en&limit=50")
                .then().statusCode(200).extract().jsonPath();
        String listed = seen.getList("items.promptHtml").toString();
        assertTrue(listed.contains("cloze-blank") && !listed.contains("SHORTANSWER"), listed);

        Map<String, Object> broken = Map.of("type", "cloze", "texts", Map.of("en", Map.of("prompt",
                "Pick {1:MULTICHOICE:=only}.")));
        create(owner, broken).then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.find { it.field == 'texts.en.prompt' }.message",
                        startsWith("A gap is not written right: gap 1 (MULTICHOICE) needs at least 2 choices"));
        owner.request().header("Accept-Language", "ru-RU,ru;q=0.9").body(broken).post(questions())
                .then().statusCode(422)
                .body("errors.find { it.field == 'texts.en.prompt' }.message", equalTo("Пропуск записан неверно: "
                        + "у пропуска 1 (MULTICHOICE) должно быть не меньше двух вариантов, а он один."));
    }

    @Test
    void theSystemsBankDecksAreReadButNotWrittenByTheEditor() {
        String bank = "goroutines-threads-processes";
        ApiClient admin = ApiClient.signIn(f.admin());
        long id = QuarkusTransaction.requiringNew().call(() -> ((Number) io.quarkus.hibernate.orm.panache.Panache
                .getEntityManager().createNativeQuery("select q.id from question q join deck d on d.id = q.deck_id "
                        + "where d.external_id = ?1 and not q.retired order by q.position limit 1")
                .setParameter(1, bank).getSingleResult()).longValue());
        String one = "/api/v1/decks/" + bank + "/questions/" + id;
        Response read = admin.request().get(one);
        read.then().statusCode(200);
        String etag = read.header("ETag");
        String prompt = read.jsonPath().getString("content.texts.en.prompt");

        admin.request().body(Drafts.essay()).post("/api/v1/decks/" + bank + "/questions").then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", containsString("bank-deck"))
                .body("detail", containsString("comes from the questions/ folder of the system"));
        admin.request().header("If-Match", etag).body(withEnglishPrompt(Drafts.flashcard(), "Overwritten?")).put(one)
                .then().statusCode(409);
        admin.request().body(Drafts.flashcard()).put(one).then().statusCode(409); // refused before If-Match is asked
        admin.request().header("If-Match", etag).delete(one).then().statusCode(409);
        admin.request().body(Map.of("by", 1)).post(one + "/move").then().statusCode(409);
        admin.request().get(one).then().statusCode(200).header("ETag", equalTo(etag))
                .body("content.texts.en.prompt", equalTo(prompt));
    }
}

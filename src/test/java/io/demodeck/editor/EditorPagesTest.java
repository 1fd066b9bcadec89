package io.demodeck.editor;

import io.demodeck.account.AccountService;
import io.demodeck.api.ApiClient;
import io.demodeck.bank.DeckWriter;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor's pages as an instructor uses them: write, see errors beside fields, preview, save, conflicts. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class EditorPagesTest {

    @Inject
    AccountService accounts;

    @Inject
    DeckWriter writer;

    private EditorFixtures f;
    private Browser owner;

    @BeforeEach
    void setUp() {
        f = EditorFixtures.create(accounts, writer);
        owner = new Browser();
        assertEquals(303, owner.signIn(f.owner(), ApiClient.PASSWORD).statusCode());
        owner.open("/lang/en"); // the pages in English
    }

    private String editor() {
        return "/decks/" + f.deck() + "/editor";
    }

    @Test
    void theDeckPageLinksTheEditorForItsEditorsOnly() {
        owner.open("/decks/" + f.deck()).then().statusCode(200).body(containsString("href=\"" + editor() + "\""));
        QuarkusTransaction.requiringNew().run(() ->
                io.demodeck.deck.Deck.update("visibility = 'public' where externalId = ?1", f.deck()));
        Browser learner = new Browser();
        learner.signIn(f.learner(), ApiClient.PASSWORD);
        learner.open("/decks/" + f.deck()).then().statusCode(200).body(not(containsString(editor())));
        learner.open(editor()).then().statusCode(403);
        learner.open("/decks/" + f.deck() + "/editor/new?type=essay").then().statusCode(403);
    }

    @Test
    void anInstructorWritesAChoiceQuestionSeesFieldErrorsPreviewsAndSaves() {
        owner.open(editor()).then().statusCode(200).body(containsString("Seed question?"));
        owner.open(editor() + "/new?type=single_choice").then().statusCode(200)
                .body(containsString("name=\"texts.en.options.fraction\""));
        // an empty prompt and no right choice: each error beside its field, the input kept
        Response refused = owner.submit(editor() + "/new", "type", "single_choice", "action", "save",
                "texts.en.prompt", "", "texts.en.answer", "kept answer",
                "texts.en.options.text", "Goroutine", "texts.en.options.fraction", "50",
                "texts.en.options.text", "Thread", "texts.en.options.fraction", "0");
        refused.then().statusCode(422)
                .body(containsString("aria-describedby=\"f-texts-en-prompt-error\""))
                .body(containsString("id=\"f-texts-en-prompt-error\" class=\"error\">Required."))
                .body(containsString("One choice must be right (worth 100 %)."))
                .body(containsString("kept answer"));
        // the preview renders the Markdown as learners see it, and writes nothing
        Response preview = owner.submit(editor() + "/new", "type", "single_choice", "action", "preview",
                "texts.en.prompt", "Which is **cheapest**?",
                "texts.en.options.text", "Goroutine", "texts.en.options.fraction", "100",
                "texts.en.options.text", "Thread", "texts.en.options.fraction", "0");
        preview.then().statusCode(200).body(containsString("Which is <strong>cheapest</strong>?"))
                .body(containsString("✓"));
        owner.open(editor()).then().body(not(containsString("cheapest")));
        String fragment = owner.submit(editor() + "/preview", "type", "essay", "texts.en.prompt", "Explain *M:N*.")
                .then().statusCode(200).extract().asString();
        assertTrue(fragment.contains("<em>M:N</em>") && !fragment.contains("<html"), fragment);

        Response created = owner.submit(editor() + "/new", "type", "single_choice", "action", "save",
                "texts.en.prompt", "Which is **cheapest**?", "tags", "go, threads",
                "texts.en.options.text", "Goroutine", "texts.en.options.fraction", "100",
                "texts.en.options.feedback", "Yes",
                "texts.en.options.text", "Thread", "texts.en.options.fraction", "0", "texts.en.options.feedback", "");
        assertEquals(303, created.statusCode(), created.asString());
        String edit = created.header("Location");
        assertTrue(edit.contains("/edit?done=created"), edit);
        Response page = owner.open(edit);
        page.then().statusCode(200).body(containsString("Question created."))
                .body(containsString("value=\"Goroutine\"")).body(containsString("value=\"go, threads\""));
        String version = hidden(page.asString(), "version");

        // a second tab saves first; the first tab's save is refused with a clear message and its text kept
        String path = edit.replace("?done=created", "").replaceFirst("^https?://[^/]+", "");
        assertEquals(303, owner.submit(path, "type", "single_choice", "version", version, "action", "save",
                "texts.en.prompt", "Which is cheapest, really?",
                "texts.en.options.text", "Goroutine", "texts.en.options.fraction", "100",
                "texts.en.options.text", "Thread", "texts.en.options.fraction", "0").statusCode());
        owner.open(path);
        owner.submit(path, "type", "single_choice", "version", version, "action", "save",
                        "texts.en.prompt", "My own wording",
                        "texts.en.options.text", "Goroutine", "texts.en.options.fraction", "100",
                        "texts.en.options.text", "Thread", "texts.en.options.fraction", "0")
                .then().statusCode(409).body(containsString("Someone else saved this question"))
                .body(containsString("My own wording"));
        owner.open(path).then().body(containsString("Which is cheapest, really?"));
        // the revisions page names who changed what
        owner.open(path.replaceAll("/edit$", "/revisions")).then().statusCode(200)
                .body(containsString(f.owner())).body(containsString("texts.en.prompt"))
                .body(containsString("Restore this revision"));
    }

    @Test
    void questionsAreRetiredRestoredAndMovedFromTheList() {
        String list = owner.open(editor()).asString();
        String version = hidden(list, "version");
        Response retired = owner.submit("/decks/" + f.deck() + "/questions/" + EditorFixtures.SEED + "/retire", "version", version);
        assertEquals(303, retired.statusCode());
        owner.open(editor() + "?done=retired").then().body(containsString("Retired"))
                .body(containsString("class=\"retired\""));
        owner.open("/study/" + f.deck()).then().body(not(containsString("Seed question?")));
        String stale = owner.submit("/decks/" + f.deck() + "/questions/" + EditorFixtures.SEED + "/restore", "version", version)
                .header("Location");
        assertTrue(stale.contains("done=stale"), stale);
        String now = hidden(owner.open(editor()).asString(), "version");
        assertEquals(303, owner.submit("/decks/" + f.deck() + "/questions/" + EditorFixtures.SEED + "/restore", "version", now).statusCode());
        owner.open(editor()).then().body(not(containsString("class=\"retired\"")));
    }

    @Test
    void aClozeQuestionIsWrittenWithItsGapsCheckedAndPreviewed() {
        owner.open(editor()).then().body(containsString("<option value=\"cloze\">"));
        owner.open(editor() + "/new?type=cloze").then().statusCode(200)
                .body(containsString("Text with gaps (Markdown)"))
                .body(containsString("aria-describedby=\"f-texts-en-prompt-hint\""))
                .body(containsString("{1:SHORTANSWER:=Paris} for a typed answer"))
                .body(not(containsString("name=\"texts.en.options.text\"")));
        // a malformed gap: the error beside the prompt names the gap, the text is kept
        owner.submit(editor() + "/new", "type", "cloze", "action", "save", "texts.en.prompt", "Pick {1:MULTICHOICE:=only}.")
                .then().statusCode(422)
                .body(containsString("id=\"f-texts-en-prompt-error\" class=\"error\">A gap is not written right: "
                        + "gap 1 (MULTICHOICE) needs at least 2 choices"))
                .body(containsString("Pick {1:MULTICHOICE:=only}."));
        // the preview shows blanks where the learner types, and the editor the right answer of each gap
        String fragment = owner.submit(editor() + "/preview", "type", "cloze",
                        "texts.en.prompt", "The capital of France is {1:SHORTANSWER:=Paris}.")
                .then().statusCode(200).extract().asString();
        assertTrue(fragment.contains("cloze-blank") && !fragment.contains("SHORTANSWER"), fragment);
        assertTrue(fragment.contains("Right answers, gap by gap") && fragment.contains("<code>Paris</code>"), fragment);
        Response created = owner.submit(editor() + "/new", "type", "cloze", "action", "save",
                "texts.en.prompt", "The capital of France is {1:SHORTANSWER:=Paris}.");
        assertEquals(303, created.statusCode(), created.asString());
        owner.open(editor()).then().body(containsString("Cloze (fill in the gaps)"));
        // in Russian, the page and the gap's error read in Russian, the gap's problem too (not the parser's English)
        owner.open("/lang/ru");
        owner.submit(editor() + "/new", "type", "cloze", "action", "save", "texts.en.prompt", "Pick {1:MULTICHOICE:=only}.")
                .then().statusCode(422).body(containsString("Текст с пропусками (Markdown)"))
                .body(containsString("Пропуск записан неверно: у пропуска 1 (MULTICHOICE) должно быть не меньше двух "
                        + "вариантов, а он один."))
                .body(not(containsString("needs at least 2 choices")));
        owner.submit(editor() + "/new", "type", "cloze", "action", "save", "texts.en.prompt", "No gaps here.")
                .then().statusCode(422)
                .body(containsString("Пропуск записан неверно: в тексте нет пропусков: запишите пропуск как {1:SHORTANSWER:=ответ}."));
    }

    @Test
    void aBankDecksQuestionsAreShownButNotChangedInTheEditor() {
        String bank = "/decks/goroutines-threads-processes";
        Browser admin = new Browser();
        assertEquals(303, admin.signIn(f.admin(), ApiClient.PASSWORD).statusCode());
        admin.open("/lang/en");
        String list = admin.open(bank + "/editor").then().statusCode(200).extract().asString();
        assertTrue(list.contains("comes from the questions/ folder of the system"), list);
        assertTrue(!list.contains("id=\"new-question\"") && !list.contains("/retire\""), "no forms that would change it");
        Response refused = admin.submit(bank + "/editor/new", "type", "essay", "action", "save", "texts.en.prompt", "Mine?");
        assertEquals(409, refused.statusCode());
        assertTrue(refused.asString().contains("Not saved: the questions of a question bank deck (questions/) are changed "
                + "in its file"), refused.asString());
        admin.open("/lang/ru");
        Response russian = admin.submit(bank + "/editor/new", "type", "essay", "action", "save", "texts.en.prompt", "Mine?");
        assertEquals(409, russian.statusCode());
        assertTrue(russian.asString().contains("Не сохранено: вопросы колоды из банка вопросов"), russian.asString());
        admin.open(bank + "/editor").then().body(not(containsString("Mine?")));
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "no " + name + " in the page");
        return m.group(1);
    }
}

package io.demodeck.bank;

import io.demodeck.testsupport.AppJson;

import io.demodeck.api.ApiClient;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ParsedImport;
import io.demodeck.importer.export.DeckExports;
import io.demodeck.importer.export.ExportFormat;
import io.demodeck.importer.export.Exported;
import io.demodeck.importer.json.JsonImportParser;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Follow-ups and common wrong answers: stored, shown after the answer, in the API and through a JSON export. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class FollowUpsAndWrongAnswersTest {

    @Inject
    BankLoader loader;

    @Inject
    DeckExports exports;

    private void loadSample(Path dir) throws IOException {
        Files.writeString(dir.resolve("next.md"), BankMarkdownParserTest.WITH_FOLLOW_UPS);
        BankLoader.FileReport report = loader.load(BankFiles.fromDirectory(dir)).get(0);
        assertTrue(report.ok(), report::toString);
    }

    @Test
    void theQuestionPageShowsWrongAnswersAndLinksTheFollowUpInTheReadersLanguage(@TempDir Path dir) throws IOException {
        loadSample(dir);
        given().cookie("lang", "en").get("/decks/next/questions/first").then().statusCode(200)
                .body(containsString("Common wrong answers"))
                .body(containsString("A goroutine is an OS thread."))
                .body(containsString("It starts at 2 KiB and grows by copying."))
                .body(containsString("What an interviewer asks next"))
                .body(containsString("<a href=\"/decks/next/questions/second\">Who schedules it?</a>"));
        // the Russian text has no wrong answers: none are shown, and the headings are Russian
        given().cookie("lang", "ru").get("/decks/next/questions/first").then().statusCode(200)
                .body(not(containsString("A goroutine is an OS thread.")))
                .body(containsString("О чём интервьюер спросит дальше"));
        given().cookie("lang", "en").get("/decks/next/questions/second").then().statusCode(200)
                .body(not(containsString("Common wrong answers")))
                .body(not(containsString("What an interviewer asks next")));
    }

    @Test
    void reloadingChangesNothingAndEditsAreStored(@TempDir Path dir) throws IOException {
        loadSample(dir);
        assertTrue(loader.load(BankFiles.fromDirectory(dir)).get(0).sync().changedNothing());
        Files.writeString(dir.resolve("next.md"), BankMarkdownParserTest.WITH_FOLLOW_UPS
                .replace("It has a fixed 8 KiB stack.", "It has a fixed 4 KiB stack."));
        assertEquals(1, loader.load(BankFiles.fromDirectory(dir)).get(0).sync().updated(),
                "a changed wrong answer is a changed question");
        given().cookie("lang", "en").get("/decks/next/questions/first").then().statusCode(200)
                .body(containsString("It has a fixed 4 KiB stack."))
                .body(not(containsString("It has a fixed 8 KiB stack.")));
    }

    @Test
    void theApiQuestionRecordCarriesThem(@TempDir Path dir) throws IOException {
        loadSample(dir);
        ApiClient client = ApiClient.signUp();
        client.request().queryParam("lang", "en").get("/api/v1/decks/next/questions").then().statusCode(200)
                .body("items[0].followUps[0].externalId", equalTo("second"))
                .body("items[0].followUps[0].promptHtml", equalTo("Who schedules it?"))
                .body("items[0].wrongAnswers[1].claimHtml", equalTo("It has a fixed 8 KiB stack."))
                .body("items[0].wrongAnswers[1].whyHtml", equalTo("It starts at 2 KiB and grows by copying."))
                .body("items[1].followUps.size()", equalTo(0));
    }

    @Test
    void aJsonExportImportsBackWithFollowUpsAndWrongAnswers(@TempDir Path dir) throws IOException {
        loadSample(dir);
        Exported json = exports.export("next", ExportFormat.JSON, io.demodeck.importer.export.ExportOptions.defaults()).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        json.body().writeTo(out);
        ParsedImport back = new JsonImportParser(AppJson.FILES).parse(out.toByteArray(), "next.json",
                new ImportOptions(null, "en", null, null));
        DeckContent original = new BankMarkdownParser().parse("next.md", BankMarkdownParserTest.WITH_FOLLOW_UPS).deck();
        QuestionContent first = back.deck().questions().get(0);
        assertEquals(original.questions().get(0).followUps(), first.followUps());
        assertEquals(original.questions().get(0).texts().get("en").wrongAnswers(), first.texts().get("en").wrongAnswers());
        assertEquals(List.of(), back.deck().questions().get(1).followUps());
    }

    @Test
    void theStudyPageShowsThemOnlyAfterTheAnswerIsRevealed() {
        long questionId = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                Question.<Question>find("externalId", "goroutine-definition").firstResult().id);
        Browser b = new Browser();
        b.registerAndSignIn("f" + UUID.randomUUID().toString().substring(0, 8), "follow-ups-123");
        String study = "/study/goroutines-threads-processes";
        b.open(study + "?question=" + questionId).then().statusCode(200)
                .body(containsString("data-state=\"question\""))
                .body(not(containsString("Common wrong answers")))
                .body(not(containsString("What an interviewer asks next")));
        b.submit(study + "/answer", "question", questionId, "rid", UUID.randomUUID()).then().statusCode(200)
                .body(containsString("data-state=\"answer\""))
                .body(containsString("Common wrong answers"))
                .body(containsString("What an interviewer asks next"))
                .body(containsString("href=\"/decks/goroutines-threads-processes/questions/goroutine-vs-os-thread\""));
    }
}

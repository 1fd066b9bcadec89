package io.demodeck.importer;

import io.demodeck.testsupport.AppJson;

import io.demodeck.importer.json.JsonImportParser;
import io.demodeck.importer.markdown.MarkdownImportParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.demodeck.importer.Fixtures.bytes;
import static io.demodeck.importer.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtherFormatsTest {

    @Test
    void demoDeckMarkdownIsReadByTheBankParserAndTheTargetDeckWins() {
        ParsedImport result = new MarkdownImportParser().parse(bytes("markdown/bank-deck.md"), "bank-deck.md",
                ImportOptions.defaults().withDeck("elsewhere"));
        assertFalse(result.rejected(), result.problems()::toString);
        assertEquals("elsewhere", result.deck().externalId());
        assertEquals(9, result.deck().questions().size());
    }

    @Test
    void plainMarkdownHeadingsAreFlashcards() {
        ParsedImport result = new MarkdownImportParser().parse(utf8("# Notes\n\n## What is CAS?\nCompare and swap.\n"),
                "notes.md", ImportOptions.defaults());
        assertEquals("notes", result.deck().externalId());
        assertEquals(1, result.deck().questions().size());
    }

    @Test
    void brokenMarkdownIsRejectedWithEveryLine() {
        String broken = new String(bytes("markdown/bank-deck.md")).replace("type: true_false", "type: riddle")
                .replace("range: 1..4.5", "range: 5..1");
        ParsedImport result = new MarkdownImportParser().parse(utf8(broken), "x.md", ImportOptions.defaults());
        assertTrue(result.rejected());
        assertEquals(2, result.problems().size(), result.problems()::toString);
        assertTrue(result.problems().stream().allMatch(p -> p.line() > 0));
    }

    @Test
    void malformedJsonIsRejectedWithItsLine() {
        ParsedImport result = new JsonImportParser(AppJson.FILES).parse(utf8("{\n\"format\": \"demodeck-deck\",\n\"deck\": {\"questions\": [}\n}"),
                "x.json", ImportOptions.defaults());
        assertTrue(result.rejected());
        assertEquals(3, result.problems().get(0).line());
        assertTrue(new JsonImportParser(AppJson.FILES).parse(utf8("[1, 2]"), "x.json", ImportOptions.defaults()).rejected());
        assertTrue(new JsonImportParser(AppJson.FILES).parse(utf8("{\"format\": \"other\"}"), "x.json", ImportOptions.defaults()).rejected());
    }

    @Test
    void aDeeplyNestedOrOversizedJsonFileIsRejectedAsOverTheReadLimits() {
        // an unknown property is skipped, not bound, yet its nesting still counts
        String deep = "{\"format\": \"demodeck-deck\", \"extra\": " + "[".repeat(100) + "]".repeat(100) + "}";
        ParsedImport nested = new JsonImportParser(AppJson.FILES).parse(utf8(deep), "x.json", ImportOptions.defaults());
        assertTrue(nested.rejected());
        assertTrue(nested.problems().get(0).is(ProblemCode.JSON_TOO_DEEP), nested.problems()::toString);
        // a file over the import limit the mapper was made for: the document-length bound stops it
        String big = "{\"format\": \"demodeck-deck\", \"deck\": {\"externalId\": \"" + "x".repeat(4096) + "\"}}";
        ParsedImport oversized = new JsonImportParser(io.demodeck.platform.JsonReadLimits.forFiles(AppJson.MAPPER, 1024))
                .parse(utf8(big), "x.json", ImportOptions.defaults());
        assertTrue(oversized.rejected());
        assertTrue(oversized.problems().get(0).is(ProblemCode.JSON_TOO_DEEP), oversized.problems()::toString);
        // the same file fits the real import limit: a long value of an export (a file's base64) is no problem
        ParsedImport fits = new JsonImportParser(AppJson.FILES).parse(utf8(big), "x.json", ImportOptions.defaults());
        assertTrue(fits.problems().stream().noneMatch(p -> p.is(ProblemCode.JSON_TOO_DEEP)), fits.problems()::toString);
    }

    @Test
    void theLastGateSkipsQuestionsThatWouldBreakTheDatabase() {
        String json = new String(bytes("json/three-questions.json")).replace("\"Two\"", "\"\"")
                .replace("\"FLASHCARD\", \"tags\": [], \"demoIds\": [], \"source\": null, \"originalLanguage\": \"en\",\n"
                        + "       \"correctBoolean\": null, \"correctMin\": null, \"correctMax\": null,\n"
                        + "       \"texts\": {\"en\": {\"prompt\": \"One\"",
                        "\"FLASHCARD\", \"tags\": [], \"demoIds\": [], \"source\": null, \"originalLanguage\": \"en\",\n"
                        + "       \"correctBoolean\": null, \"correctMin\": 5, \"correctMax\": 1,\n"
                        + "       \"texts\": {\"en\": {\"prompt\": \"One\"");
        ParsedImport checked = ContentChecks.check(new JsonImportParser(AppJson.FILES).parse(utf8(json), "x.json", ImportOptions.defaults()));
        assertEquals(List.of("mid-3"), checked.deck().questions().stream().map(q -> q.externalId()).toList());
        assertEquals(2, checked.skipped(), checked.problems()::toString);
    }

    @Test
    void aNulInAJsonStringIsReportedWithItsQuestionInsteadOfFailingInTheDatabase() {
        // found by ImportFuzzTest: "\u0000" passed every check, then PostgreSQL refused the whole import
        String json = new String(bytes("json/three-questions.json")).replace("\"Three\"", "\"Three\\u0000\"");
        ParsedImport checked = ContentChecks.check(new JsonImportParser(AppJson.FILES).parse(utf8(json), "x.json", ImportOptions.defaults()));
        assertEquals(List.of("mid-1", "mid-2"), checked.deck().questions().stream().map(q -> q.externalId()).toList());
        ImportProblem nul = checked.problems().get(0);
        assertEquals("question 3", nul.ref());
        assertTrue(nul.is(ProblemCode.QUESTION_HAS_NUL), nul::toString);
    }

    @Test
    void aJsonDeckWithoutALanguageGetsTheDefault() {
        // found by ImportFuzzTest (json:1669, 10,000-input run): Set.of(…).contains(null) threw NullPointerException
        String json = new String(bytes("json/three-questions.json")).replace("\"originalLanguage\": \"en\",\n    \"source\"", "\"source\"");
        ParsedImport checked = ContentChecks.check(new JsonImportParser(AppJson.FILES).parse(utf8(json), "x.json", ImportOptions.defaults()));
        assertFalse(checked.rejected(), checked.problems()::toString);
        assertEquals("en", checked.deck().originalLanguage());
    }

    @Test
    void aMediaFileWhoseNameTheDatabaseCannotHoldIsLeftOutWithAWarning() {
        // a Moodle <file name="…300 characters…"> passed the checks, then PostgreSQL refused the whole import
        ParsedImport parsed = new io.demodeck.importer.gift.GiftParser().parse(utf8("Q?{T}"), "q.gift", ImportOptions.defaults());
        ParsedImport withMedia = new ParsedImport(parsed.deck(), parsed.problems(), 0,
                List.of(new MediaFile("n".repeat(300) + ".png", "image/png", new byte[] {1}), new MediaFile("ok.png", "image/png", new byte[] {2})));
        ParsedImport checked = ContentChecks.check(withMedia);
        assertEquals(List.of("ok.png"), checked.media().stream().map(MediaFile::name).toList());
        assertEquals("media", checked.problems().get(0).ref());
        assertFalse(checked.problems().get(0).isError());
    }

    @Test
    void aJsonValueOfTheWrongKindIsNamedByItsPathWithoutJavaTypes() {
        // found by ImportFuzzTest: the message quoted Jackson ("Cannot construct instance of `io.demodeck.bank…`")
        String json = new String(bytes("json/three-questions.json")).replace("\"keyPoints\": []", "\"keyPoints\": {}");
        ParsedImport result = new JsonImportParser(AppJson.FILES).parse(utf8(json), "x.json", ImportOptions.defaults());
        assertTrue(result.rejected());
        ImportProblem p = result.problems().get(0);
        assertEquals(12, p.line());
        assertTrue(p.is(ProblemCode.JSON_EXPECTED_LIST), p::toString);
        assertEquals("deck.questions[0].texts.en.keyPoints", p.arg("path"));
    }

    @Test
    void theLineOfAJsonQuestionIsNotTakenFromTheFile() {
        // found by ImportFuzzTest: "line": 99 in the file made errors point at a line the file does not have
        String json = new String(bytes("json/three-questions.json")).replace("\"line\": 0", "\"line\": 99")
                .replace("\"mid-2\"", "\"mid-1\"");
        ParsedImport checked = ContentChecks.check(new JsonImportParser(AppJson.FILES).parse(utf8(json), "x.json", ImportOptions.defaults()));
        ImportProblem twice = checked.problems().get(0);
        assertEquals(0, twice.line());
        assertEquals("question 2", twice.ref());
    }
}

package io.demodeck.importer;

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
        ParsedImport result = new JsonImportParser().parse(utf8("{\n\"format\": \"demodeck-deck\",\n\"deck\": {\"questions\": [}\n}"),
                "x.json", ImportOptions.defaults());
        assertTrue(result.rejected());
        assertEquals(3, result.problems().get(0).line());
        assertTrue(new JsonImportParser().parse(utf8("[1, 2]"), "x.json", ImportOptions.defaults()).rejected());
        assertTrue(new JsonImportParser().parse(utf8("{\"format\": \"other\"}"), "x.json", ImportOptions.defaults()).rejected());
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
        ParsedImport checked = ContentChecks.check(new JsonImportParser().parse(utf8(json), "x.json", ImportOptions.defaults()));
        assertEquals(List.of("mid-3"), checked.deck().questions().stream().map(q -> q.externalId()).toList());
        assertEquals(2, checked.skipped(), checked.problems()::toString);
    }
}

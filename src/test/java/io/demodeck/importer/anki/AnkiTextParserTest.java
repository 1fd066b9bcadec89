package io.demodeck.importer.anki;

import io.demodeck.importer.ProblemCode;

import io.demodeck.bank.DeckContent;
import io.demodeck.bank.QuestionContent;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ParsedImport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.demodeck.importer.Fixtures.bytes;
import static io.demodeck.importer.Fixtures.text;
import static io.demodeck.importer.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnkiTextParserTest {

    private final AnkiTextParser parser = new AnkiTextParser();

    private ParsedImport parse(byte[] data, String name) {
        return parser.parse(data, name, new ImportOptions(null, "en", null, null));
    }

    @Test
    void readsHeadersGuidNotetypeTagsClozeAndReversedCards() {
        ParsedImport result = parse(bytes("anki/notes.txt"), "notes.txt");
        assertFalse(result.rejected(), result.problems()::toString);
        DeckContent deck = result.deck();
        assertEquals("Languages / French", deck.texts().get("en").title());
        List<QuestionContent> qs = deck.questions();
        assertEquals(4, qs.size(), qs::toString);

        assertEquals("abc123", qs.get(0).externalId(), "the GUID column is the stable id");
        assertEquals("bonjour", text(qs.get(0)).prompt());
        assertEquals("hello\nworld", text(qs.get(0)).answer(), "<br> is a line break with #html:true");
        assertEquals(List.of("imported", "vocab", "greeting"), qs.get(0).tags());
        assertEquals(9, qs.get(0).line());

        assertTrue(qs.get(1).externalId().startsWith("x-"), "a GUID with URL characters is encoded");
        assertEquals(qs.get(1).externalId() + "-reverse", qs.get(2).externalId());
        assertEquals("cat", text(qs.get(2)).prompt(), "the reverse card asks the back");
        assertEquals(List.of("imported", "vocab", "animal", "pet"), qs.get(1).tags());

        // a cloze note with c1 and c2 is one cloze question with two short-answer gaps, the hint after its gap
        assertEquals("guid3", qs.get(3).externalId());
        assertEquals(io.demodeck.quiz.QuestionType.CLOZE, qs.get(3).type());
        assertEquals("The {1:SHORTANSWER:=capital} of France is {1:SHORTANSWER:=Paris} (city).\nSecond line",
                text(qs.get(3)).prompt());
        assertEquals("Extra info", text(qs.get(3)).answer());
        assertEquals(11, qs.get(3).line());

        assertEquals(1, result.skipped());
        assertEquals(13, result.problems().get(0).line(), "the quoted field spans two lines; the next record starts after it");
    }

    @Test
    void guessesTheSeparatorAndReadsRfc4180Quoting() {
        ParsedImport result = parse(bytes("anki/guess.csv"), "guess.csv");
        List<QuestionContent> qs = result.deck().questions();
        assertEquals(3, qs.size(), result.problems()::toString);
        assertEquals("quoted; with semicolon", text(qs.get(1)).prompt());
        assertEquals("multi\nline \"quoted\" back", text(qs.get(1)).answer());
        assertEquals("**bold** & more", text(qs.get(2)).answer(), "HTML detected without #html");
        assertTrue(qs.get(0).externalId().startsWith("h-"), "no GUID: a hash of the front");
    }

    @Test
    void anUnclosedQuoteIsReportedAtItsLine() {
        ParsedImport result = parse(utf8("a\tb\n\"never closed\tc\nd\te\n"), "x.txt");
        assertEquals(1, result.deck().questions().size());
        assertEquals(2, result.problems().get(0).line());
        assertTrue(result.problems().get(0).is(ProblemCode.CSV_QUOTE_NOT_CLOSED), result.problems()::toString);
    }

    @Test
    void plainTextFieldsShowAsWritten() {
        ParsedImport result = parse(utf8("#html:false\na < b\t**kept**\n"), "x.txt");
        assertEquals("a \\< b", text(result.deck().questions().get(0)).prompt());
        assertEquals("<p>**kept**</p>", io.demodeck.platform.MarkdownRenderer.toHtml(text(result.deck().questions().get(0)).answer()).strip(),
                "plain text is not Markdown: the stars show");
    }

    @Test
    void anUnknownSeparatorIsReported() {
        ParsedImport result = parse(utf8("#separator:Hash-Sign\na\tb\n"), "x.txt");
        assertTrue(result.problems().stream().anyMatch(p -> p.line() == 1 && p.is(ProblemCode.ANKI_SEPARATOR_UNKNOWN)
                && "Hash-Sign".equals(p.arg("value"))), result.problems()::toString);
    }

    @Test
    void binaryInputIsRejected() {
        ParsedImport result = parse(new byte[] {0x00, 0x01, (byte) 0xff, 0x02}, "x.txt");
        assertTrue(result.rejected());
    }

    @Test
    void aHugeFieldOfHalfOpenTagsAndClozesStaysLinear() {
        String field = "<a ".repeat(300_000) + "{{c1::x ".repeat(100_000);
        long start = System.nanoTime();
        ParsedImport result = parse(utf8("front\t" + field + "\n"), "x.txt");
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "parsed in under 5 s");
        assertEquals(1, result.deck().questions().size());
    }

    @Test
    void aSpecialColumnPastTheNotesIsReportedOnItsHeaderInsteadOfCrashing() {
        // found by ImportFuzzTest (anki-csv:5): IndexOutOfBoundsException, reported as "(IndexOutOfBoundsException)"
        ParsedImport result = parse(utf8("#separator:tab\n#tags column:3\nfront\tback\n"), "x.txt");
        assertFalse(result.rejected(), result.problems()::toString);
        assertEquals("back", text(result.deck().questions().get(0)).answer());
        assertEquals(2, result.problems().get(0).line());
        assertTrue(result.problems().get(0).is(ProblemCode.ANKI_COLUMN_PAST_WIDTH)
                && Integer.valueOf(2).equals(result.problems().get(0).args().get("width")), result.problems()::toString);
    }

    @Test
    void headersWithoutNotesAreReportedOnALineTheFileHas() {
        // found by ImportFuzzTest (anki-csv:213): a file cut after its headers named line 3 of a 2-line file
        ParsedImport result = parse(utf8("#separator:tab\n#html:true"), "x.txt");
        assertTrue(result.rejected());
        assertEquals(2, result.problems().get(0).line());
    }

    @Test
    void aThousandWarningsDoNotPushOutTheErrorThatRejectsTheFile() {
        // found by ImportFuzzTest (anki-csv:8806, 10,000-input run): rejected, and the report had no error
        ParsedImport result = parse(utf8("#match scope:deck\n".repeat(1500)), "x.txt");
        assertTrue(result.rejected());
        assertTrue(result.problems().stream().anyMatch(p -> p.isError() && p.is(ProblemCode.ANKI_NO_NOTES)),
                () -> result.problems().subList(result.problems().size() - 2, result.problems().size()).toString());
    }

    @Test
    void manyUnclosedClozeDeletionsDoNotHang() {
        // found by ImportFuzzTest (anki-csv:5515, apkg:3449, 10,000-input run): each "{{c1::" scanned 10,000 characters
        // and tried every hint length in them
        ParsedImport result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> parse(utf8("#notetype:Cloze\n" + "{{c1::".repeat(50_000) + "\textra\n"), "x.txt"));
        assertTrue(result.rejected());
        assertTrue(result.problems().get(0).is(ProblemCode.ANKI_CLOZE_NO_DELETION), result.problems()::toString);
    }

    @Test
    void manySoundTagsWithoutAClosingBracketDoNotHang() {
        // found by ImportFuzzTest (apkg/anki-csv): each "[sound:" scanned to the end of the field, quadratic time
        String field = "[sound:".repeat(60_000);
        ParsedImport result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> parse(utf8("front\t" + field + "\n"), "x.txt"));
        assertEquals(field.replace("[", "\\["), text(result.deck().questions().get(0)).answer(), "kept as text");
    }

    @Test
    void rowsThatDoNotFitAreNamedWithTheirLine() {
        ParsedImport result = parse(utf8("front one\tback one\nfront two\tback two\t\t\nfront one\tanother back\n"
                + "lonely front\t\n"), "x.txt");
        assertEquals(List.of("front one", "front two"), result.deck().questions().stream().map(q -> text(q).prompt()).toList(),
                "no extra card for the duplicate, no empty card");
        assertEquals(2, result.skipped());
        assertTrue(result.problems().stream().anyMatch(p -> p.line() == 2 && !p.isError() && p.is(ProblemCode.ANKI_ROW_PADDED)),
                result.problems()::toString);
        assertTrue(result.problems().stream().anyMatch(p -> p.line() == 3 && !p.isError()
                && p.is(ProblemCode.ANKI_DUPLICATE_FRONT) && Integer.valueOf(1).equals(p.args().get("earlierLine"))),
                result.problems()::toString);
        assertTrue(result.problems().stream().anyMatch(p -> p.line() == 4 && !p.isError() && p.is(ProblemCode.ANKI_BACK_EMPTY)),
                result.problems()::toString);
    }
}

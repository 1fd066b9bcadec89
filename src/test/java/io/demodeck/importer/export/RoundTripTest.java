package io.demodeck.importer.export;

import io.demodeck.bank.BankMarkdownParser;
import io.demodeck.bank.DeckContent;
import io.demodeck.bank.ParseResult;
import io.demodeck.bank.QuestionContent;
import io.demodeck.bank.QuestionType;
import io.demodeck.importer.ImportFormat;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ParsedImport;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.demodeck.importer.Fixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Export, then import into an empty deck: the same questions come back. */
class RoundTripTest {

    private static final ImportOptions EN = new ImportOptions("round-trip", "en", null, null);

    @Test
    void markdownRoundTripsABankDeckWithEveryType() {
        String bank = new String(bytes("markdown/bank-deck.md"), StandardCharsets.UTF_8);
        ParseResult original = new BankMarkdownParser().parse("bank-deck.md", bank);
        assertTrue(original.isOk(), original.problems()::toString);
        Exported md = ExportFormat.MARKDOWN.export(original.deck());
        assertTrue(md.warnings().isEmpty(), md.warnings()::toString);
        ParseResult again = new BankMarkdownParser().parse("x.md", md.content());
        assertTrue(again.isOk(), again.problems()::toString);
        assertEquals(original.deck().texts(), again.deck().texts());
        assertEquals(original.deck().source(), again.deck().source());
        assertEquals(normalize(original.deck()), normalize(again.deck()));
        assertEquals(9, again.deck().questions().size());
    }

    @Test
    void giftRoundTripsEveryGiftType() {
        DeckContent deck = imported(ImportFormat.GIFT, bytes("gift/all-types.gift"));
        roundTrip(deck, ExportFormat.GIFT, ImportFormat.GIFT);
    }

    @Test
    void giftRoundTripsMoodleXmlContent() {
        DeckContent deck = imported(ImportFormat.MOODLE_XML, bytes("moodle/all-types.xml"));
        roundTrip(deck, ExportFormat.GIFT, ImportFormat.GIFT);
    }

    @Test
    void ankiCsvRoundTripsFlashcards() {
        DeckContent deck = imported(ImportFormat.ANKI_TEXT, bytes("anki/notes.txt"));
        roundTrip(deck, ExportFormat.ANKI_CSV, ImportFormat.ANKI_TEXT);
    }

    @Test
    void jsonRoundTripsEverything() {
        for (var source : List.of(imported(ImportFormat.GIFT, bytes("gift/all-types.gift")),
                imported(ImportFormat.MOODLE_XML, bytes("moodle/all-types.xml")),
                imported(ImportFormat.ANKI_TEXT, bytes("anki/notes.txt")))) {
            roundTrip(source, ExportFormat.JSON, ImportFormat.JSON);
        }
    }

    @Test
    void markdownExportNamesWhatItCannotCarry() {
        DeckContent deck = imported(ImportFormat.GIFT, bytes("gift/all-types.gift"));
        Exported md = ExportFormat.MARKDOWN.export(deck);
        assertTrue(md.warnings().stream().anyMatch(w -> w.contains("descriptions")), md.warnings()::toString);
        assertTrue(md.warnings().stream().anyMatch(w -> w.contains("weights")), md.warnings()::toString);
    }

    @Test
    void giftEscapesSpecialCharacters() {
        assertEquals("a\\{b\\}\\: c\\=d\\~e\\#f\\\\g\\nh", GiftExporter.escape("a{b}: c=d~e#f\\g\nh"));
    }

    private static DeckContent imported(ImportFormat format, byte[] data) {
        ParsedImport parsed = format.parser().parse(data, "fixture", EN);
        assertFalse(parsed.rejected(), parsed.problems()::toString);
        return parsed.deck();
    }

    private static void roundTrip(DeckContent deck, ExportFormat out, ImportFormat in) {
        Exported exported = out.export(deck);
        ParsedImport back = in.parser().parse(exported.content().getBytes(StandardCharsets.UTF_8), "export", EN);
        assertFalse(back.rejected(), back.problems()::toString);
        assertEquals(0, back.skipped(), back.problems()::toString);
        List<String> expected = normalize(expectedAfter(deck, out)).questions().stream().map(Object::toString).toList();
        List<String> actual = normalize(back.deck()).questions().stream().map(Object::toString).toList();
        assertEquals(expected, actual, exported.content());
    }

    /** GIFT writes a flashcard as an essay whose general feedback is the answer: the documented loss. */
    private static DeckContent expectedAfter(DeckContent deck, ExportFormat out) {
        if (out != ExportFormat.GIFT) {
            return deck;
        }
        return new DeckContent(deck.externalId(), deck.originalLanguage(), deck.source(), deck.texts(),
                deck.questions().stream().map(q -> {
                    var t = q.texts().get(q.originalLanguage());
                    String general = t.generalFeedback() != null ? t.generalFeedback() : t.answer();
                    QuestionType type = q.type() == QuestionType.FLASHCARD ? QuestionType.ESSAY : q.type();
                    var text = new QuestionContent.Text(t.prompt(), null, List.of(), null,
                            q.type() == QuestionType.DESCRIPTION ? null : general);
                    return new QuestionContent(q.externalId(), type, q.tags(), q.demoIds(), q.source(),
                            q.originalLanguage(), q.correctBoolean(), q.correctMin(), q.correctMax(),
                            Map.of(q.originalLanguage(), text), q.options(), 0);
                }).toList());
    }

    /** Source lines differ between files and weights are compared to 1e-9. */
    private static DeckContent normalize(DeckContent deck) {
        return new DeckContent("x", deck.originalLanguage(), null, Map.of(), deck.questions().stream()
                .map(q -> new QuestionContent(q.externalId(), q.type(), q.tags(), q.demoIds(), q.source(),
                        q.originalLanguage(), q.correctBoolean(), q.correctMin(), q.correctMax(), q.texts(),
                        q.options().stream().map(o -> new QuestionContent.Option(o.lang(), o.position(), o.text(),
                                o.matchText(), Math.round(o.fraction() * 1e9) / 1e9, o.feedback())).toList(), 0))
                .toList());
    }
}

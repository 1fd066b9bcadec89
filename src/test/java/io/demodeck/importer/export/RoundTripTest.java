package io.demodeck.importer.export;

import io.demodeck.testsupport.AppJson;
import io.demodeck.bank.BankMarkdownParser;
import io.demodeck.bank.DeckContent;
import io.demodeck.bank.ParseResult;
import io.demodeck.bank.QuestionContent;
import io.demodeck.quiz.QuestionType;
import io.demodeck.importer.Fixtures;
import io.demodeck.importer.ImportFormat;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ParsedImport;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.demodeck.importer.Fixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Export, then import into an empty deck: the same questions come back. */
class RoundTripTest {

    private static final ImportOptions EN = new ImportOptions("round-trip", "en", null, null);
    private static final MediaSource NO_MEDIA = MediaSource.of(List.of());

    @Test
    void markdownRoundTripsABankDeckWithEveryType() {
        String bank = new String(bytes("markdown/bank-deck.md"), StandardCharsets.UTF_8);
        ParseResult original = new BankMarkdownParser().parse("bank-deck.md", bank);
        assertTrue(original.isOk(), original.problems()::toString);
        Exported md = ExportFormat.MARKDOWN.export(original.deck(), NO_MEDIA, AppJson.MAPPER);
        assertTrue(md.warnings().isEmpty(), md.warnings()::toString);
        ParseResult again = new BankMarkdownParser().parse("x.md", text(md));
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
        Exported md = ExportFormat.MARKDOWN.export(deck, NO_MEDIA, AppJson.MAPPER);
        assertTrue(md.warnings().stream().anyMatch(w -> w.contains("descriptions")), md.warnings()::toString);
        assertTrue(md.warnings().stream().anyMatch(w -> w.contains("weights")), md.warnings()::toString);
    }

    @Test
    void giftWritesAClozeAsTextAndSaysSo() {
        DeckContent deck = imported(ImportFormat.MOODLE_XML, bytes("moodle/cloze.xml"));
        Exported gift = ExportFormat.GIFT.export(deck, NO_MEDIA, AppJson.MAPPER);
        assertTrue(gift.warnings().stream().anyMatch(w -> w.startsWith("capitals: GIFT has no cloze")), gift.warnings()::toString);
        assertFalse(text(gift).contains("SHORTANSWER"), "no gap syntax GIFT would misread");
        roundTrip(deck, ExportFormat.GIFT, ImportFormat.GIFT);
        Exported anki = ExportFormat.ANKI_CSV.export(deck, NO_MEDIA, AppJson.MAPPER);
        assertTrue(text(anki).contains("capitals\tCloze\t"), text(anki));
        assertTrue(text(anki).contains("{{c1::Paris}}"), text(anki));
        roundTrip(deck, ExportFormat.JSON, ImportFormat.JSON);
    }

    @Test
    void giftEscapesSpecialCharacters() {
        assertEquals("a\\{b\\}\\: c\\=d\\~e\\#f\\\\g\\nh", GiftExporter.escape("a{b}: c=d~e#f\\g\nh"));
    }

    private static DeckContent imported(ImportFormat format, byte[] data) {
        ParsedImport parsed = format.parser(AppJson.FILES).parse(data, "fixture", EN);
        assertFalse(parsed.rejected(), parsed.problems()::toString);
        return parsed.deck();
    }

    private static void roundTrip(DeckContent deck, ExportFormat out, ImportFormat in) {
        Exported exported = out.export(deck, NO_MEDIA, AppJson.MAPPER);
        String content = text(exported);
        ParsedImport back = in.parser(AppJson.FILES).parse(content.getBytes(StandardCharsets.UTF_8), "export", EN);
        assertFalse(back.rejected(), back.problems()::toString);
        assertEquals(0, back.skipped(), back.problems()::toString);
        List<String> expected = normalize(expectedAfter(deck, out)).questions().stream().map(Object::toString).toList();
        List<String> actual = normalize(back.deck()).questions().stream().map(Object::toString).toList();
        assertEquals(expected, actual, content);
    }

    @Test
    void jsonCarriesTheMediaFilesAndTheirLinksFollowTheDeck() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
        byte[] ogg = "OggS and some sound".getBytes(StandardCharsets.UTF_8);
        DeckContent deck = withMediaLinks(imported(ImportFormat.GIFT, bytes("gift/all-types.gift")));
        List<io.demodeck.importer.MediaFile> files = List.of(new io.demodeck.importer.MediaFile("a1-diagram.png", "image/png", png),
                new io.demodeck.importer.MediaFile("voice.ogg", "audio/ogg", ogg));
        Exported json = ExportFormat.JSON.export(deck, MediaSource.of(files), AppJson.MAPPER);
        assertEquals(List.of(), json.warnings());
        byte[] file = text(json).getBytes(StandardCharsets.UTF_8);

        ParsedImport same = ImportFormat.JSON.parser(AppJson.FILES).parse(file, "round-trip.json", EN);
        assertEquals(normalize(deck).questions().toString(), normalize(same.deck()).questions().toString());
        assertEquals(List.of("a1-diagram.png", "voice.ogg"), same.media().stream().map(io.demodeck.importer.MediaFile::name).toList());
        assertArrayEquals(png, same.media().get(0).data());
        assertArrayEquals(ogg, same.media().get(1).data());
        assertEquals(List.of("image/png", "audio/ogg"), same.media().stream().map(io.demodeck.importer.MediaFile::contentType).toList());

        ParsedImport copy = ImportFormat.JSON.parser(AppJson.FILES).parse(file, "x.json", new ImportOptions("copy", "en", null, null));
        String prompt = copy.deck().questions().get(0).texts().get("en").prompt();
        assertTrue(prompt.contains("![diagram](/decks/copy/media/a1-diagram.png)"), prompt);
        assertFalse(prompt.contains("/decks/round-trip/"), prompt);
        assertArrayEquals(png, copy.media().get(0).data());
    }

    @Test
    void theTextFormatsCountEveryMediaFileTheyCannotCarry() {
        DeckContent deck = withMediaLinks(imported(ImportFormat.GIFT, bytes("gift/all-types.gift")));
        MediaSource media = MediaSource.of(List.of(new io.demodeck.importer.MediaFile("a1-diagram.png", "image/png", new byte[] {1}),
                new io.demodeck.importer.MediaFile("voice.ogg", "audio/ogg", new byte[] {2})));
        for (ExportFormat format : List.of(ExportFormat.MARKDOWN, ExportFormat.GIFT, ExportFormat.ANKI_CSV)) {
            Exported with = format.export(deck, media, AppJson.MAPPER);
            Exported without = format.export(deck, NO_MEDIA, AppJson.MAPPER);
            assertEquals(without.warnings().size() + 2, with.warnings().size(), format + ": " + with.warnings());
            assertTrue(with.warnings().stream().anyMatch(w -> w.contains("'voice.ogg'")), with.warnings()::toString);
            assertTrue(text(with).contains("/decks/round-trip/media/a1-diagram.png"), format + " keeps the link");
        }
    }

    @Test
    void aVersionOneFileWithoutMediaStillImports() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(text(ExportFormat.JSON.export(
                imported(ImportFormat.ANKI_TEXT, bytes("anki/notes.txt")), NO_MEDIA, AppJson.MAPPER)));
        json.put("version", 1).remove("media");
        ParsedImport back = ImportFormat.JSON.parser(AppJson.FILES).parse(mapper.writeValueAsBytes(json), "v1.json", EN);
        assertFalse(back.rejected(), back.problems()::toString);
        assertEquals(4, back.deck().questions().size());
        assertEquals(List.of(), back.media());
    }

    /** The first question's prompt links a stored picture, as imported Moodle and Anki questions do. */
    private static DeckContent withMediaLinks(DeckContent deck) {
        QuestionContent q = deck.questions().get(0);
        var t = q.texts().get(q.originalLanguage());
        var linked = new QuestionContent.Text(t.prompt() + "\n\n![diagram](/decks/round-trip/media/a1-diagram.png)", t.answer(),
                t.keyPoints(), t.accurateNote(), t.generalFeedback());
        List<QuestionContent> questions = new java.util.ArrayList<>(deck.questions());
        questions.set(0, new QuestionContent(q.externalId(), q.type(), q.tags(), q.demoIds(), q.source(), q.originalLanguage(),
                q.correctBoolean(), q.correctMin(), q.correctMax(), Map.of(q.originalLanguage(), linked), q.options(), q.line()));
        return new DeckContent("round-trip", deck.originalLanguage(), deck.source(), deck.texts(), questions);
    }

    private static String text(Exported exported) {
        return new String(Fixtures.written(exported), StandardCharsets.UTF_8);
    }

    /** GIFT writes a flashcard as an essay whose general feedback is the answer: the documented loss. */
    private static DeckContent expectedAfter(DeckContent deck, ExportFormat out) {
        if (out == ExportFormat.MOODLE_XML) {
            // a flashcard is an essay whose grader information is the answer; every question gets a name
            return new DeckContent(deck.externalId(), deck.originalLanguage(), deck.source(), deck.texts(),
                    deck.questions().stream().map(q -> new QuestionContent(q.externalId(),
                            q.type() == QuestionType.FLASHCARD ? QuestionType.ESSAY : q.type(), q.tags(), q.demoIds(),
                            q.source(), q.originalLanguage(), q.correctBoolean(), q.correctMin(), q.correctMax(),
                            q.type() == QuestionType.CLOZE ? answerAsGeneralFeedback(q.texts()) : q.texts(),
                            q.type() == QuestionType.NUMERICAL ? q.options().stream().map(RoundTripTest::asMoodleNumber).toList()
                                    : q.options(), 0, MoodleXmlExporter.nameOf(q))).toList());
        }
        if (out != ExportFormat.GIFT) {
            return deck;
        }
        return new DeckContent(deck.externalId(), deck.originalLanguage(), deck.source(), deck.texts(),
                deck.questions().stream().map(q -> {
                    var t = q.texts().get(q.originalLanguage());
                    String general = t.generalFeedback() != null ? t.generalFeedback() : t.answer();
                    QuestionType type = q.type() == QuestionType.FLASHCARD || q.type() == QuestionType.CLOZE
                            ? QuestionType.ESSAY : q.type();
                    String prompt = t.prompt();
                    if (q.type() == QuestionType.CLOZE) {
                        // GIFT has no gaps: numbered blanks, the answers as general feedback
                        var cloze = io.demodeck.quiz.cloze.ClozeParser.parse(prompt);
                        prompt = io.demodeck.quiz.cloze.ClozeWriter.blanksMarkdown(cloze);
                        String answers = io.demodeck.quiz.cloze.ClozeWriter.answersMarkdown(cloze);
                        general = general == null ? answers : answers + "\n\n" + general;
                    }
                    var text = new QuestionContent.Text(prompt, null, List.of(), null,
                            q.type() == QuestionType.DESCRIPTION ? null : general);
                    return new QuestionContent(q.externalId(), type, q.tags(), q.demoIds(), q.source(),
                            q.originalLanguage(), q.correctBoolean(), q.correctMin(), q.correctMax(),
                            Map.of(q.originalLanguage(), text), q.options(), 0, q.title());
                }).toList());
    }

    /** A cloze's answer text has no place in Moodle XML but the general feedback (a documented loss). */
    private static Map<String, QuestionContent.Text> answerAsGeneralFeedback(Map<String, QuestionContent.Text> texts) {
        Map<String, QuestionContent.Text> out = new java.util.HashMap<>();
        texts.forEach((lang, t) -> out.put(lang, new QuestionContent.Text(t.prompt(), null, t.keyPoints(), t.accurateNote(),
                t.answer() == null ? t.generalFeedback() : t.generalFeedback() == null ? t.answer()
                        : t.generalFeedback() + "\n\n" + t.answer(), t.wrongAnswers())));
        return out;
    }

    /** Moodle writes a number and a tolerance: "1..5" comes back as "3:2", "1822:0" as "1822". */
    private static QuestionContent.Option asMoodleNumber(QuestionContent.Option o) {
        String[] v = MoodleXmlExporter.numberAndTolerance(o.text());
        String text = v[1] == null || Double.parseDouble(v[1]) == 0 ? v[0] : v[0] + ":" + v[1];
        return new QuestionContent.Option(o.lang(), o.position(), text, o.matchText(), o.fraction(), o.feedback());
    }

    /** Source lines differ between files and weights are compared to 1e-9. */
    private static DeckContent normalize(DeckContent deck) {
        return new DeckContent("x", deck.originalLanguage(), null, Map.of(), deck.questions().stream()
                .map(q -> new QuestionContent(q.externalId(), q.type(), q.tags(), q.demoIds(), q.source(),
                        q.originalLanguage(), q.correctBoolean(), q.correctMin(), q.correctMax(), q.texts(),
                        q.options().stream().map(o -> new QuestionContent.Option(o.lang(), o.position(), o.text(),
                                o.matchText(), Math.round(o.fraction() * 1e9) / 1e9, o.feedback())).toList(), 0, q.title()))
                .toList());
    }

    @Test
    void giftWritesTheTitleBackAsItsName() {
        DeckContent deck = imported(ImportFormat.GIFT, bytes("gift/fidelity.gift"));
        String gift = text(ExportFormat.GIFT.export(deck, NO_MEDIA, AppJson.MAPPER));
        assertTrue(gift.contains("::Q5::"), gift);
        roundTrip(deck, ExportFormat.GIFT, ImportFormat.GIFT);
    }

    @Test
    void moodleXmlRoundTripsEveryType() {
        // moodle/all-types.xml with its files: moodleXmlCarriesCategoriesIdnumbersTagsAndEmbeddedFiles
        for (DeckContent deck : List.of(imported(ImportFormat.GIFT, bytes("gift/all-types.gift")),
                imported(ImportFormat.GIFT, bytes("gift/fidelity.gift")),
                imported(ImportFormat.ANKI_TEXT, bytes("anki/notes.txt")),
                imported(ImportFormat.MOODLE_XML, bytes("moodle/cloze.xml")))) {
            roundTrip(deck, ExportFormat.MOODLE_XML, ImportFormat.MOODLE_XML);
        }
    }

    @Test
    void moodleXmlCarriesCategoriesIdnumbersTagsAndEmbeddedFiles() {
        ParsedImport original = ImportFormat.MOODLE_XML.parser(AppJson.FILES).parse(bytes("moodle/all-types.xml"), "fixture", EN);
        assertFalse(original.media().isEmpty(), "the fixture has files");
        Exported xml = ExportFormat.MOODLE_XML.export(original.deck(), MediaSource.of(original.media()), AppJson.MAPPER);
        String content = text(xml);
        assertTrue(content.contains("<question type=\"category\">"), content);
        assertTrue(content.contains("<idnumber>"), content);
        assertTrue(content.contains("encoding=\"base64\""), content);
        ParsedImport back = ImportFormat.MOODLE_XML.parser(AppJson.FILES).parse(content.getBytes(StandardCharsets.UTF_8), "export", EN);
        assertEquals(original.media().stream().map(io.demodeck.importer.MediaFile::name).toList(),
                back.media().stream().map(io.demodeck.importer.MediaFile::name).toList(), "the same files under the same names");
        for (int i = 0; i < original.media().size(); i++) {
            assertArrayEquals(original.media().get(i).data(), back.media().get(i).data());
        }
        assertEquals(normalize(expectedAfter(original.deck(), ExportFormat.MOODLE_XML)).questions().toString(),
                normalize(back.deck()).questions().toString());
    }
}

package io.demodeck.importer.anki;

import io.demodeck.testsupport.AppJson;

import io.demodeck.importer.ProblemCode;

import com.github.luben.zstd.Zstd;
import io.demodeck.bank.DeckContent;
import io.demodeck.quiz.QuestionType;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ImportedHistory;
import io.demodeck.importer.ParsedImport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.demodeck.importer.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApkgParserTest {

    private final ApkgParser parser = new ApkgParser(AppJson.FILES);

    private ParsedImport parse(byte[] data, String name) {
        return parser.parse(data, name, new ImportOptions(null, "en", null, null));
    }

    @Test
    void legacyPackage() throws Exception {
        check(parse(ApkgFixtures.legacy(ApkgFixtures.NOTES), "spanish.apkg"));
    }

    @Test
    void modernZstdPackageIsReadFromMetaNotTheDummyCollection() throws Exception {
        check(parse(ApkgFixtures.modern(ApkgFixtures.NOTES), "spanish.apkg"));
    }

    private static void check(ParsedImport result) {
        assertFalse(result.rejected(), result.problems()::toString);
        DeckContent deck = result.deck();
        assertEquals("Spanish::Verbs", deck.texts().get("en").title());
        assertEquals(List.of("Abc_12", "x-7123575d78", "x-7123575d78-reverse", "cl0ze"),
                deck.questions().stream().map(q -> q.externalId()).toList());
        assertEquals("hablar", text(deck.questions().get(0)).prompt());
        assertEquals("to speak ![](/decks/spanish/media/foo.jpg)", text(deck.questions().get(0)).answer());
        assertEquals(List.of("verbs", "ar"), deck.questions().get(0).tags());
        assertEquals("to eat", text(deck.questions().get(2)).prompt());
        assertEquals(QuestionType.CLOZE, deck.questions().get(3).type(), "a cloze note is one cloze question");
        assertEquals("Yo {1:SHORTANSWER:=hablo} y tú {1:SHORTANSWER:=comes}.", text(deck.questions().get(3)).prompt());
        assertEquals("Present tense", text(deck.questions().get(3)).answer());
        assertEquals(1, result.media().size());
        assertArrayEquals(ApkgFixtures.JPEG, result.media().get(0).data());
        assertEquals("image/jpeg", result.media().get(0).contentType());
        assertEquals(1, result.skipped());
        assertTrue(result.problems().stream().anyMatch(p -> p.isError() && "note 1700000000003".equals(p.ref())),
                result.problems()::toString);
        assertTrue(result.problems().stream().anyMatch(p -> p.is(ProblemCode.APKG_SCHEDULED_WITHOUT_REVLOG)
                && Integer.valueOf(1).equals(p.args().get("cards"))), result.problems()::toString);
        assertEquals(0, result.history().entries());
    }

    @Test
    void theReviewLogBecomesAnswersOnTheImportedQuestions() throws Exception {
        for (byte[] pkg : List.of(ApkgFixtures.legacy(ApkgFixtures.NOTES, ApkgFixtures.REVLOG),
                ApkgFixtures.modern(ApkgFixtures.NOTES, ApkgFixtures.REVLOG))) {
            ParsedImport result = parse(pkg, "spanish.apkg");
            ImportedHistory history = result.history();
            assertEquals(14, history.entries());
            assertEquals(2, history.manual(), "set due date and forget are no answers");
            assertEquals(2, history.unmapped(), "the skipped note's card and a card that is not in the package");
            assertEquals(1, history.invalid());
            long t0 = ApkgFixtures.T0;
            long minute = 60_000;
            long day = 86_400_000;
            assertEquals(List.of(
                            List.of("Abc_12", 3, t0, 8000),
                            List.of("cl0ze", 2, t0 + 5 * minute, 9000),
                            List.of("Abc_12", 3, t0 + 10 * minute, 5000),
                            List.of("x-7123575d78-reverse", 4, t0 + 60 * minute, 2000),
                            List.of("Abc_12", 3, t0 + 3 * day, 4000),
                            List.of("Abc_12", 1, t0 + 10 * day, 12000),
                            List.of("Abc_12", 3, t0 + 10 * day + 10 * minute, 6000),
                            List.of("Abc_12", 2, t0 + 15 * day, 7000),
                            List.of("Abc_12", 4, t0 + 20 * day, 3000)),
                    history.answers().stream().map(a -> List.<Object>of(a.questionId(), a.rating(),
                            a.reviewedAt().toEpochMilli(), a.durationMs())).toList());
            assertTrue(history.answers().stream().allMatch(a -> "Spanish::Verbs".equals(a.sourceDeck())));
            assertEquals(9, history.answers().stream().map(ImportedHistory.Answer::clientReviewId).distinct().count());
            assertWarning(result, "note 1700000000000", ProblemCode.REVLOG_MANUAL_LEFT_OUT);
            assertWarning(result, "note 1700000000001", ProblemCode.REVLOG_MANUAL_LEFT_OUT);
            assertWarning(result, "note 1700000000002", ProblemCode.REVLOG_INVALID_LEFT_OUT);
            assertWarning(result, "note 1700000000003", ProblemCode.REVLOG_NO_QUESTION);
            assertWarning(result, "card 42", ProblemCode.REVLOG_CARD_MISSING);
        }
    }

    @Test
    void theSameEntryGetsTheSameIdInTheSameDeckOnly() throws Exception {
        byte[] pkg = ApkgFixtures.legacy(ApkgFixtures.NOTES, ApkgFixtures.REVLOG);
        List<java.util.UUID> first = ids(parse(pkg, "spanish.apkg"));
        assertEquals(first, ids(parse(ApkgFixtures.modern(ApkgFixtures.NOTES, ApkgFixtures.REVLOG), "spanish.apkg")),
                "the same notes, cards and entries in the modern format");
        List<java.util.UUID> otherDeck = ids(parser.parse(pkg, "spanish.apkg", new ImportOptions("other", "en", null, null)));
        assertTrue(java.util.Collections.disjoint(first, otherDeck), "another deck's questions get their own history");
    }

    @Test
    void aReviewLogTooLongForOneImportIsLeftOutWithAWarning() throws Exception {
        long[][] huge = new long[ApkgParser.MAX_HISTORY_ENTRIES + 1][];
        long card = ApkgFixtures.cardId(0, 0);
        for (int i = 0; i < huge.length; i++) {
            huge[i] = new long[]{ApkgFixtures.T0 + i * 1000L, card, 3, 4000, 1};
        }
        ParsedImport result = parse(ApkgFixtures.legacy(ApkgFixtures.NOTES, huge), "spanish.apkg");
        assertFalse(result.rejected(), result.problems()::toString);
        assertEquals(0, result.history().entries());
        assertEquals(4, result.deck().questions().size(), "the questions come in all the same");
        assertWarning(result, "revlog", ProblemCode.APKG_REVLOG_TOO_LONG);
        assertTrue(result.problems().stream().noneMatch(p -> p.is(ProblemCode.APKG_SCHEDULED_WITHOUT_REVLOG)),
                "a log left out for its length is not reported as missing: " + result.problems());
    }

    @Test
    void keepHistoryFalseReadsNoReviewLog() throws Exception {
        ParsedImport result = parser.parse(ApkgFixtures.legacy(ApkgFixtures.NOTES, ApkgFixtures.REVLOG), "spanish.apkg",
                new ImportOptions(null, "en", null, null, false));
        assertFalse(result.rejected());
        assertNull(result.history());
        assertTrue(result.problems().stream().anyMatch(p -> p.is(ProblemCode.APKG_REVLOG_NOT_KEPT)), result.problems()::toString);
    }

    private static List<java.util.UUID> ids(ParsedImport result) {
        return result.history().answers().stream().map(ImportedHistory.Answer::clientReviewId).toList();
    }

    private static void assertWarning(ParsedImport result, String ref, ProblemCode code) {
        assertTrue(result.problems().stream().anyMatch(p -> !p.isError() && ref.equals(p.ref()) && p.is(code)),
                () -> "no warning " + code + " at " + ref + " in " + result.problems());
    }

    @Test
    void aBrokenZipIsRejectedNamingWhereItBreaks() throws Exception {
        // found by ImportFuzzTest (apkg:0, apkg:14): these errors named no place
        byte[] zip = ApkgFixtures.legacy(ApkgFixtures.NOTES);
        byte[] truncated = java.util.Arrays.copyOf(zip, zip.length / 2);
        ParsedImport cut = parse(truncated, "x.apkg");
        assertTrue(cut.rejected());
        assertEquals("collection.anki21", cut.problems().get(0).ref(), cut.problems()::toString);
        ParsedImport notZip = parse("not a zip at all".getBytes(), "x.apkg");
        assertTrue(notZip.rejected());
        assertEquals(SafeZip.START, notZip.problems().get(0).ref());
    }

    @Test
    void aPackageWithoutACollectionSaysWhichEntriesItLacks() throws Exception {
        // found by ImportFuzzTest (apkg:2: the collection renamed to ../collection.anki21)
        ParsedImport result = parse(ApkgFixtures.zip(Map.of("../collection.anki21", new byte[] {1})), "x.apkg");
        assertTrue(result.rejected());
        assertEquals("collection", result.problems().get(0).ref());
    }

    @Test
    void aZstdBombStopsAtTheExpansionLimit() throws Exception {
        // found by ImportFuzzTest: 10 KB of zstd were inflated to 256 MB in memory before SQLite refused them
        byte[] bomb = Zstd.compress(new byte[64 * 1024 * 1024]);
        ParsedImport result = parse(ApkgFixtures.zip(Map.of("meta", new byte[] {0x08, 0x03}, "collection.anki21b", bomb)), "x.apkg");
        assertTrue(result.rejected());
        assertEquals("collection.anki21b", result.problems().get(0).ref());
        assertTrue(result.problems().get(0).is(ProblemCode.ZSTD_TOO_LARGE), result.problems()::toString);
        assertEquals(16L, result.problems().get(0).args().get("megabytes"));
    }

    @Test
    void aDeckWithoutANameDoesNotStopTheImport() throws Exception {
        byte[] db = edited(ApkgFixtures.database(true, ApkgFixtures.NOTES, new long[0][]), "update decks set name = null");
        ParsedImport result = parse(ApkgFixtures.zip(Map.of("meta", new byte[] {0x08, 0x03},
                "collection.anki21b", Zstd.compress(db))), "spanish.apkg");
        assertFalse(result.rejected(), result.problems()::toString);
        assertEquals("spanish", result.deck().texts().get("en").title());
    }

    @Test
    void aNulInADeckNameIsDroppedFromTheTitleAndTheHistoryPerDeck() throws Exception {
        // found by ImportFuzzTest: the per-deck history counts carried the NUL into the audit record, which
        // PostgreSQL's jsonb refused, so the preview failed with a 500
        byte[] db = edited(ApkgFixtures.database(true, ApkgFixtures.NOTES, ApkgFixtures.REVLOG),
                "update decks set name = 'Span' || char(0) || 'ish' || char(31) || 'Verbs'");
        ParsedImport result = parse(ApkgFixtures.zip(Map.of("meta", new byte[] {0x08, 0x03},
                "collection.anki21b", Zstd.compress(db))), "spanish.apkg");
        assertFalse(result.rejected(), result.problems()::toString);
        assertEquals("Spanish::Verbs", result.deck().texts().get("en").title());
        assertEquals(Map.of("Spanish::Verbs", 9), ImportedHistory.perDeck(result.history().answers()));
    }

    private static byte[] edited(byte[] db, String sql) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("apkg-edit", ".db");
        try {
            java.nio.file.Files.write(file, db);
            try (var c = new org.sqlite.SQLiteConfig().createConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
                st.execute(sql);
            }
            return java.nio.file.Files.readAllBytes(file);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void aZipBombStopsAtTheExpansionLimit() throws Exception {
        byte[] bomb = ApkgFixtures.zip(Map.of("collection.anki21", new byte[64 * 1024 * 1024]));
        long start = System.nanoTime();
        ParsedImport result = parse(bomb, "bomb.apkg");
        assertTrue(result.rejected());
        assertTrue(result.problems().get(0).is(ProblemCode.ZIP_BOMB), result.problems()::toString);
        assertTrue(System.nanoTime() - start < 3_000_000_000L);
    }

    @Test
    void aCorruptCollectionIsRejectedNamingItsEntryInSqlitesWords() throws Exception {
        byte[] pkg = ApkgFixtures.zip(Map.of("collection.anki21", "SQLite format 3\0garbage".getBytes()));
        ParsedImport result = parse(pkg, "x.apkg");
        assertTrue(result.rejected());
        assertEquals("collection.anki21", result.problems().get(0).ref());
        assertTrue(result.problems().get(0).is(ProblemCode.APKG_NOT_A_DATABASE), result.problems()::toString);
        assertFalse(result.problems().get(0).arg("reason").contains("[SQLITE_"), result.problems()::toString);
    }

    @Test
    void tooManyEntriesAreRefused() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (int i = 0; i <= SafeZip.MAX_ENTRIES; i++) {
                zip.putNextEntry(new java.util.zip.ZipEntry("m" + i));
                zip.closeEntry();
            }
        }
        ParsedImport result = parse(out.toByteArray(), "many.apkg");
        assertTrue(result.rejected());
        assertTrue(result.problems().get(0).is(ProblemCode.ZIP_TOO_MANY_ENTRIES), result.problems()::toString);
    }
}

package io.demodeck.importer.export;

import io.demodeck.testsupport.AppJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demodeck.bank.DeckContent;
import io.demodeck.bank.QuestionContent;
import io.demodeck.quiz.QuestionType;
import io.demodeck.importer.Fixtures;
import io.demodeck.importer.ImportFormat;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ImportedHistory;
import io.demodeck.importer.MediaFile;
import io.demodeck.importer.ParsedImport;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.demodeck.importer.Fixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Anki package checked as Anki reads it: the SQLite, its JSON, checksums, the media map; and read back. */
class ApkgExporterTest {

    private static final ImportOptions EN = new ImportOptions("round-trip", "en", null, null);
    private static final MediaSource NO_MEDIA = MediaSource.of(List.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    // ---- the file as Anki opens it ----------------------------------------------------------------------------

    @Test
    void theCollectionIsSchema11WithTheNoteTypesDecksAndOptionsAnkiNeeds() throws Exception {
        DeckContent deckOf = imported(ImportFormat.GIFT, bytes("gift/all-types.gift"));
        Package p = Package.of(ExportFormat.APKG.export(deckOf, NO_MEDIA, AppJson.MAPPER));
        assertTrue(p.entries.containsKey("collection.anki2"), p.entries.keySet()::toString);
        try (Connection c = p.open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select ver, crt, mod, scm, conf, models, decks, dconf, tags from col")) {
            assertTrue(rs.next());
            assertEquals(11, rs.getInt("ver"));
            JsonNode models = JSON.readTree(rs.getString("models"));
            assertEquals(2, models.size(), models::toString);
            List<Integer> kinds = new ArrayList<>();
            models.properties().forEach(e -> {
                JsonNode m = e.getValue();
                assertEquals(e.getKey(), m.path("id").asText(), "a model is filed under its id");
                for (String key : List.of("id", "name", "type", "mod", "usn", "sortf", "did", "tmpls", "flds", "css",
                        "latexPre", "latexPost", "req", "tags", "vers")) {
                    assertTrue(m.has(key), () -> m.path("name") + " has no " + key);
                }
                m.path("flds").forEach(f -> List.of("name", "ord", "sticky", "rtl", "font", "size")
                        .forEach(k -> assertTrue(f.has(k), () -> "field " + f + " has no " + k)));
                m.path("tmpls").forEach(t -> List.of("name", "ord", "qfmt", "afmt", "bqfmt", "bafmt")
                        .forEach(k -> assertTrue(t.has(k), () -> "template " + t + " has no " + k)));
                assertEquals(2, m.path("flds").size());
                kinds.add(m.path("type").asInt());
            });
            assertEquals(List.of(0, 1), kinds.stream().sorted().toList(), "a Basic and a Cloze note type");
            JsonNode decks = JSON.readTree(rs.getString("decks"));
            assertTrue(decks.has("1"), "Anki's Default deck");
            List<String> names = new ArrayList<>();
            decks.properties().forEach(e -> {
                JsonNode d = e.getValue();
                assertEquals(e.getKey(), d.path("id").asText());
                for (String key : List.of("id", "name", "mod", "usn", "conf", "desc", "dyn", "collapsed", "newToday",
                        "revToday", "lrnToday", "timeToday", "extendNew", "extendRev")) {
                    assertTrue(d.has(key), () -> d.path("name") + " has no " + key);
                }
                names.add(d.path("name").asText());
            });
            assertTrue(names.contains(ApkgExporter.deckName(deckOf)), "the deck is named after the deck's title: " + names);
            JsonNode dconf = JSON.readTree(rs.getString("dconf"));
            assertTrue(dconf.has("1") && dconf.path("1").has("new") && dconf.path("1").has("rev") && dconf.path("1").has("lapse"));
            assertTrue(JSON.readTree(rs.getString("conf")).has("curDeck"));
            assertEquals("{}", rs.getString("tags"));
        }
    }

    @Test
    void everyNotesChecksumIsAnkisChecksumOfItsStrippedFirstFieldAndFieldsAreSeparatedBy0x1f() throws Exception {
        DeckContent deck = imported(ImportFormat.GIFT, bytes("gift/all-types.gift"));
        Package p = Package.of(ExportFormat.APKG.export(deck, NO_MEDIA, AppJson.MAPPER));
        int notes = 0;
        try (Connection c = p.open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select flds, sfld, csum, guid, tags from notes")) {
            while (rs.next()) {
                notes++;
                String[] fields = rs.getString("flds").split("\u001f", -1);
                assertEquals(2, fields.length, "two fields, one 0x1f between them: " + rs.getString("flds"));
                assertEquals(ankiChecksum(fields[0]), rs.getLong("csum"), fields[0]);
                assertEquals(ankiStrip(fields[0]), rs.getString("sfld"));
                assertTrue(rs.getString("guid").startsWith("dd:round-trip:") || rs.getString("guid").startsWith("dd:"),
                        rs.getString("guid"));
                String tags = rs.getString("tags");
                assertTrue(tags.isEmpty() || tags.startsWith(" ") && tags.endsWith(" "), "Anki's ' a b ' tags: " + tags);
            }
        }
        long descriptions = deck.questions().stream().filter(q -> q.type() == QuestionType.DESCRIPTION).count();
        assertEquals(deck.questions().size() - descriptions, notes, "one note per question; a description is no card");
    }

    @Test
    void theChecksumIsAnkisOnKnownFields() {
        // computed with Anki's own Python rules (stripHTMLMedia, then the first 8 hex digits of SHA-1)
        assertEquals(4160724619L, ApkgExporter.fieldChecksum("<p>Hello</p>"));
        assertEquals(111791156L, ApkgExporter.fieldChecksum("<b>Hello</b> &amp; <img src=\"a.png\">"));
        assertEquals(1194826595L, ApkgExporter.fieldChecksum("Что такое <i>goroutine</i>?&nbsp;<!-- x -->"));
    }

    @Test
    void theMediaMapNamesTheNumberedFilesTheNotesShow() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        byte[] ogg = "OggS voice".getBytes(StandardCharsets.UTF_8);
        byte[] unused = {9, 9};
        DeckContent deck = withLinks(imported(ImportFormat.GIFT, bytes("gift/all-types.gift")),
                "![diagram](/decks/round-trip/media/a1-diagram.png)\n\n[listen](/decks/round-trip/media/voice.ogg)");
        MediaSource media = MediaSource.of(List.of(new MediaFile("a1-diagram.png", "image/png", png),
                new MediaFile("unused.bin", "application/octet-stream", unused), new MediaFile("voice.ogg", "audio/ogg", ogg)));
        Exported exported = ExportFormat.APKG.export(deck, media, AppJson.MAPPER);
        Package p = Package.of(exported);
        JsonNode map = JSON.readTree(p.entries.get("media"));
        Map<String, String> byNumber = new LinkedHashMap<>();
        map.properties().forEach(e -> byNumber.put(e.getKey(), e.getValue().asText()));
        assertEquals(Map.of("0", "a1-diagram.png", "1", "voice.ogg"), byNumber);
        for (Map.Entry<String, String> e : byNumber.entrySet()) {
            assertTrue(e.getKey().matches("\\d+"));
            assertArrayEquals(e.getValue().equals("voice.ogg") ? ogg : png, p.entries.get(e.getKey()), e.getValue());
        }
        assertFalse(p.entries.containsKey("2"), "no file for a name the map does not hold");
        assertTrue(exported.warnings().stream().anyMatch(w -> w.contains("'unused.bin'")), exported.warnings()::toString);
        String front = p.firstFields().get(0);
        assertTrue(front.contains("src=\"a1-diagram.png\""), front);
        assertTrue(front.contains("[sound:voice.ogg]"), front);

        ParsedImport back = ImportFormat.ANKI_PACKAGE.parser(AppJson.FILES).parse(p.bytes, "round-trip.apkg", EN);
        assertEquals(List.of("a1-diagram.png", "voice.ogg"), back.media().stream().map(MediaFile::name).sorted().toList());
        String prompt = Fixtures.text(back.deck().questions().get(0)).prompt();
        assertTrue(prompt.contains("](/decks/round-trip/media/a1-diagram.png)"), prompt);
    }

    // ---- read back by DemoDeck -------------------------------------------------------------------------------

    @Test
    void flashcardsComeBackAsTheSameQuestions() {
        DeckContent deck = imported(ImportFormat.ANKI_TEXT, bytes("anki/notes.txt"));
        ParsedImport back = roundTrip(deck);
        assertEquals(comparable(deck), comparable(back.deck()));
    }

    @Test
    void quizQuestionsComeBackAsFlashcardsWithTheirIdsTagsAndRightAnswers() {
        DeckContent deck = imported(ImportFormat.GIFT, bytes("gift/all-types.gift"));
        ParsedImport back = roundTrip(deck);
        List<QuestionContent> questions = deck.questions().stream().filter(q -> q.type() != QuestionType.DESCRIPTION).toList();
        assertEquals(questions.stream().map(QuestionContent::externalId).toList(),
                back.deck().questions().stream().map(QuestionContent::externalId).toList());
        for (int i = 0; i < questions.size(); i++) {
            QuestionContent original = questions.get(i);
            QuestionContent read = back.deck().questions().get(i);
            assertEquals(QuestionType.FLASHCARD, read.type());
            assertEquals(original.tags().stream().map(t -> t.replace(' ', '_')).toList(), read.tags());
            String answer = Fixtures.text(read).answer();
            for (QuestionContent.Option o : original.options()) {
                if (o.fraction() > 0 && original.type() != QuestionType.NUMERICAL) {
                    assertTrue(plain(answer).contains(plain(o.text())), () -> original.externalId() + ": " + o.text() + " in " + answer);
                }
            }
            if (original.type() == QuestionType.TRUE_FALSE) {
                assertTrue(answer.contains(String.valueOf(original.correctBoolean())), answer);
            }
        }
        QuestionContent single = Fixtures.byPrompt(back.deck(), "Grant's tomb");
        assertTrue(Fixtures.text(single).prompt().contains("Ulysses S. Grant"), "the choices are on the front");
        QuestionContent range = Fixtures.byPrompt(back.deck(), "from 1 to 5");
        assertTrue(Fixtures.text(range).answer().contains("1 … 5"), Fixtures.text(range).answer());
    }

    @Test
    void keyPointsAndTheAccurateNoteAreOnTheBackInTheQuestionsLanguage() {
        QuestionContent en = question("k1", "en", List.of("go", "core concepts"));
        QuestionContent ru = question("k2", "ru", List.of());
        DeckContent deck = new DeckContent("kp", "en", null, Map.of("en", new DeckContent.Text("Key points", null)),
                List.of(en, ru));
        Exported exported = ExportFormat.APKG.export(deck, NO_MEDIA, AppJson.MAPPER);
        ParsedImport back = ImportFormat.ANKI_PACKAGE.parser(AppJson.FILES).parse(Fixtures.written(exported), "kp.apkg", EN);
        String enAnswer = Fixtures.text(back.deck().questions().get(0)).answer();
        assertTrue(enAnswer.contains("Key points") && enAnswer.contains("first point") && enAnswer.contains("second point"), enAnswer);
        assertTrue(enAnswer.contains("What an accurate answer adds") && enAnswer.contains("precisely"), enAnswer);
        String ruAnswer = Fixtures.text(back.deck().questions().get(1)).answer();
        assertTrue(ruAnswer.contains("Ключевые моменты") && ruAnswer.contains("Что добавляет точный ответ"), ruAnswer);
        assertEquals(List.of("go", "core_concepts"), back.deck().questions().get(0).tags());
        assertTrue(exported.warnings().stream().anyMatch(w -> w.contains("'core concepts' -> 'core_concepts'")),
                exported.warnings()::toString);
    }

    @Test
    void guidsAreStableAcrossExportsAndUniquePerDeck() throws Exception {
        DeckContent deck = imported(ImportFormat.GIFT, bytes("gift/all-types.gift"));
        List<String> first = Package.of(ExportFormat.APKG.export(deck, NO_MEDIA, AppJson.MAPPER)).guids();
        List<String> second = Package.of(ExportFormat.APKG.export(deck, NO_MEDIA, AppJson.MAPPER)).guids();
        assertEquals(first, second);
        assertEquals(first.size(), first.stream().distinct().count());
        DeckContent other = new DeckContent("another-deck", deck.originalLanguage(), deck.source(), deck.texts(), deck.questions());
        List<String> elsewhere = Package.of(ExportFormat.APKG.export(other, NO_MEDIA, AppJson.MAPPER)).guids();
        assertTrue(elsewhere.stream().noneMatch(first::contains), "the same question in another deck is another Anki note");
    }

    @Test
    void categoriesBecomeSubdecksOfTheDeckAndTheImporterKeepsTheTitle() throws Exception {
        DeckContent deck = new DeckContent("cats", "en", null, Map.of("en", new DeckContent.Text("Go :: basics", null)),
                List.of(question("a", "en", List.of("lang::syntax", "easy")), question("b", "en", List.of("lang::runtime")),
                        question("c", "en", List.of("loose"))));
        Package p = Package.of(ExportFormat.APKG.export(deck, NO_MEDIA, AppJson.MAPPER));
        assertEquals(Map.of("dd:cats:a", "Go : basics::lang::syntax", "dd:cats:b", "Go : basics::lang::runtime",
                "dd:cats:c", "Go : basics"), p.deckOfNotes());
        assertTrue(p.deckNames().containsAll(List.of("Default", "Go : basics", "Go : basics::lang")), "every parent deck: "
                + p.deckNames());
        ParsedImport back = ImportFormat.ANKI_PACKAGE.parser(AppJson.FILES).parse(p.bytes, "whatever.apkg", EN);
        assertEquals("Go : basics", back.deck().texts().values().iterator().next().title());
        assertEquals(List.of("lang::syntax", "easy"), back.deck().questions().get(0).tags(), "the category stays a tag");
    }

    @Test
    void questionsAllInOneCategoryStayInTheDeckItself() throws Exception {
        ParsedImport moodle = ImportFormat.MOODLE_XML.parser(AppJson.FILES).parse(bytes("moodle/all-types.xml"), "fixture", EN);
        DeckContent deck = moodle.deck();
        Package p = Package.of(ExportFormat.APKG.export(deck, MediaSource.of(moodle.media()), AppJson.MAPPER));
        assertEquals(java.util.Set.of(ApkgExporter.deckName(deck)), new java.util.HashSet<>(p.deckOfNotes().values()));
        ParsedImport back = ImportFormat.ANKI_PACKAGE.parser(AppJson.FILES).parse(p.bytes, "whatever.apkg", EN);
        assertEquals(ApkgExporter.deckName(deck), back.deck().texts().values().iterator().next().title());
    }

    @Test
    void aClozeQuestionBecomesAClozeNoteAndReadsBackAsOne() throws Exception {
        DeckContent deck = imported(ImportFormat.ANKI_TEXT, bytes("anki/notes.txt"));
        QuestionContent clozeQuestion = deck.questions().stream().filter(q -> q.type() == QuestionType.CLOZE)
                .findFirst().orElseThrow();
        assertEquals(null, ApkgExporter.clozeText(deck.questions().stream()
                .filter(q -> q.type() != QuestionType.CLOZE).findFirst().orElseThrow()), "other types are Basic notes");
        Exported exported = new ApkgExporter().export(deck, NO_MEDIA, null);
        Package p = Package.of(exported);
        try (Connection c = p.open(); PreparedStatement ps = c.prepareStatement(
                "select n.mid, n.csum, n.flds, count(c.id) from notes n join cards c on c.nid = n.id where n.guid = ? group by n.id")) {
            ps.setString(1, "dd:" + deck.externalId() + ":" + clozeQuestion.externalId());
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the cloze question's note");
                assertEquals(ApkgExporter.CLOZE_MODEL, rs.getLong(1));
                assertEquals(ankiChecksum(rs.getString(3).split("\u001f")[0]), rs.getLong(2));
                assertTrue(rs.getString(3).contains("{{c1::"), rs.getString(3));
                // DemoDeck learns a cloze question as a whole: every gap is c1, one card
                assertEquals(1, rs.getInt(4));
            }
        }
        ParsedImport back = ImportFormat.ANKI_PACKAGE.parser(AppJson.FILES).parse(p.bytes, "cloze.apkg", EN);
        QuestionContent read = back.deck().questions().stream()
                .filter(q -> q.externalId().equals(clozeQuestion.externalId())).findFirst().orElseThrow();
        assertEquals(QuestionType.CLOZE, read.type(), "read back as a cloze question");
    }

    // ---- the learner's progress -----------------------------------------------------------------------------

    @Test
    void progressGoesAlongAsCardStatesAndAReviewLogTheImporterReadsBack() throws Exception {
        DeckContent deck = imported(ImportFormat.ANKI_TEXT, bytes("anki/notes.txt"));
        String studied = deck.questions().get(0).externalId();
        String learning = deck.questions().get(1).externalId();
        Instant t0 = Instant.now().minus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<AnkiProgress.Review> log = List.of(
                new AnkiProgress.Review(t0, 3, 8000, 0, t0, null, 1, t0.plus(Duration.ofMinutes(10)), 0),
                new AnkiProgress.Review(t0.plus(Duration.ofMinutes(10)), 3, 5000, 1, t0.plus(Duration.ofMinutes(10)), t0, 2,
                        t0.plus(Duration.ofDays(3)), 3),
                new AnkiProgress.Review(t0.plus(Duration.ofDays(3)), 1, 12000, 2, t0.plus(Duration.ofDays(3)),
                        t0.plus(Duration.ofMinutes(10)), 3, t0.plus(Duration.ofDays(3)).plusSeconds(600), 0),
                new AnkiProgress.Review(t0.plus(Duration.ofDays(3)).plusSeconds(600), 4, 3000, 3,
                        t0.plus(Duration.ofDays(3)).plusSeconds(600), t0.plus(Duration.ofDays(3)), 2, t0.plus(Duration.ofDays(40)), 37));
        Instant due = t0.plus(Duration.ofDays(40));
        Instant learnDue = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        AnkiProgress progress = new AnkiProgress(Map.of(
                studied, new AnkiProgress.CardState(2, 12.5, 4.25, due, t0.plus(Duration.ofDays(3)).plusSeconds(600), 4, 1,
                        false, log),
                learning, new AnkiProgress.CardState(1, 0.4, 6.0, learnDue, Instant.now(), 1, 0, false,
                        List.of(new AnkiProgress.Review(Instant.now().minusSeconds(60), 1, 4000, 0, Instant.now(), null, 1,
                                learnDue, 0)))));
        Package p = Package.of(ExportFormat.APKG.export(deck, NO_MEDIA, ExportOptions.defaults().withProgress(progress), AppJson.MAPPER));
        try (Connection c = p.open(); Statement st = c.createStatement()) {
            long crt;
            try (ResultSet rs = st.executeQuery("select crt from col")) {
                rs.next();
                crt = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery("select c.type, c.queue, c.due, c.ivl, c.factor, c.reps, c.lapses, c.data "
                    + "from cards c join notes n on n.id = c.nid where n.guid = 'dd:round-trip:" + studied + "'")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1), "a review card");
                assertEquals(2, rs.getInt(2));
                assertEquals(Duration.ofSeconds(due.getEpochSecond() - crt).toDays(), rs.getLong(3), "due: days since the collection's day 0");
                assertEquals(37, rs.getInt(4));
                assertEquals(2500, rs.getInt(5));
                assertEquals(4, rs.getInt(6));
                assertEquals(1, rs.getInt(7));
                JsonNode data = JSON.readTree(rs.getString(8));
                assertEquals(12.5, data.path("s").asDouble());
                assertEquals(4.25, data.path("d").asDouble());
            }
            try (ResultSet rs = st.executeQuery("select c.type, c.queue, c.due from cards c join notes n on n.id = c.nid "
                    + "where n.guid = 'dd:round-trip:" + learning + "'")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
                assertEquals(1, rs.getInt(2), "intraday learning");
                assertEquals(learnDue.getEpochSecond(), rs.getLong(3), "due in seconds since 1970");
            }
            try (ResultSet rs = st.executeQuery("select count(*) from cards where type = 0 and queue = 0")) {
                assertEquals(deck.questions().size() - 2, rs.getInt(1), "the other cards are new");
            }
            List<String> revlog = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select r.id, r.ease, r.ivl, r.lastIvl, r.time, r.type from revlog r "
                    + "join cards c on c.id = r.cid join notes n on n.id = c.nid where n.guid = 'dd:round-trip:" + studied
                    + "' order by r.id")) {
                while (rs.next()) {
                    revlog.add(rs.getLong(1) + " " + rs.getInt(2) + " " + rs.getInt(3) + " " + rs.getInt(4) + " "
                            + rs.getInt(5) + " " + rs.getInt(6));
                }
            }
            long ms = t0.toEpochMilli();
            assertEquals(List.of(ms + " 3 -600 0 8000 0", (ms + 600_000) + " 3 3 -600 5000 0",
                    (ms + 3 * 86_400_000L) + " 1 -600 3 12000 1", (ms + 3 * 86_400_000L + 600_000) + " 4 37 -600 3000 2"), revlog);
        }
        ParsedImport back = ImportFormat.ANKI_PACKAGE.parser(AppJson.FILES).parse(p.bytes, "progress.apkg", EN);
        ImportedHistory history = back.history();
        assertNotNull(history);
        assertEquals(5, history.entries());
        List<String> answers = history.answers().stream().filter(a -> a.questionId().equals(studied))
                .map(a -> a.reviewedAt() + " " + a.rating() + " " + a.durationMs()).toList();
        assertEquals(log.stream().map(r -> r.at() + " " + r.rating() + " " + r.durationMs()).toList(), answers,
                "the same history, answer by answer");
    }

    @Test
    void withoutProgressEveryCardIsNewAndThereIsNoReviewLog() throws Exception {
        DeckContent deck = imported(ImportFormat.ANKI_TEXT, bytes("anki/notes.txt"));
        Package p = Package.of(ExportFormat.APKG.export(deck, NO_MEDIA, AppJson.MAPPER));
        String positions = String.join(",", java.util.stream.IntStream.rangeClosed(1, deck.questions().size())
                .mapToObj(String::valueOf).toList());
        try (Connection c = p.open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select (select count(*) from cards where type <> 0 or queue <> 0), "
                     + "(select count(*) from revlog), (select group_concat(due) from cards)")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
            assertEquals(0, rs.getInt(2));
            assertEquals(positions, rs.getString(3), "new cards in the deck's order");
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** Anki's checksum, written from its Python source: stripHTMLMedia, SHA-1, the first 8 hex digits. */
    static long ankiChecksum(String field) throws Exception {
        byte[] sha = MessageDigest.getInstance("SHA-1").digest(ankiStrip(field).getBytes(StandardCharsets.UTF_8));
        return Long.parseLong(HexFormat.of().formatHex(sha).substring(0, 8), 16);
    }

    static String ankiStrip(String html) {
        String s = Pattern.compile("(?i)<img[^>]+src=[\"']?([^\"'>]+)[\"']?[^>]*>").matcher(html).replaceAll(" $1 ");
        s = s.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?si)<style.*?>.*?</style>", "")
                .replaceAll("(?si)<script.*?>.*?</script>", "").replaceAll("(?s)<.*?>", "");
        return org.jsoup.parser.Parser.unescapeEntities(s.replace("&nbsp;", " "), false);
    }

    /** An unzipped package. */
    record Package(byte[] bytes, Map<String, byte[]> entries) {

        static Package of(Exported exported) throws Exception {
            byte[] bytes = Fixtures.written(exported);
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    entries.put(e.getName(), zip.readAllBytes());
                }
            }
            return new Package(bytes, entries);
        }

        Connection open() throws Exception {
            Path file = Files.createTempFile("apkg-test", ".anki2");
            file.toFile().deleteOnExit();
            Files.write(file, entries.get("collection.anki2"));
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            return config.createConnection("jdbc:sqlite:" + file);
        }

        List<String> guids() throws Exception {
            List<String> guids = new ArrayList<>();
            try (Connection c = open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select guid from notes order by id")) {
                while (rs.next()) {
                    guids.add(rs.getString(1));
                }
            }
            return guids;
        }

        /** The Anki deck of each note, by GUID. */
        Map<String, String> deckOfNotes() throws Exception {
            Map<Long, String> names = new java.util.HashMap<>();
            Map<String, String> decks = new LinkedHashMap<>();
            try (Connection c = open(); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("select decks from col")) {
                    rs.next();
                    JSON.readTree(rs.getString(1)).forEach(d -> names.put(d.path("id").asLong(), d.path("name").asText()));
                }
                try (ResultSet rs = st.executeQuery("select n.guid, c.did from notes n join cards c on c.nid = n.id")) {
                    while (rs.next()) {
                        decks.put(rs.getString(1), names.get(rs.getLong(2)));
                    }
                }
            }
            return decks;
        }

        List<String> deckNames() throws Exception {
            List<String> names = new ArrayList<>();
            try (Connection c = open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select decks from col")) {
                rs.next();
                JSON.readTree(rs.getString(1)).forEach(d -> names.add(d.path("name").asText()));
            }
            return names;
        }

        List<String> firstFields() throws Exception {
            List<String> fields = new ArrayList<>();
            try (Connection c = open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select flds from notes order by id")) {
                while (rs.next()) {
                    fields.add(rs.getString(1).split("\u001f")[0]);
                }
            }
            return fields;
        }
    }

    private static ParsedImport roundTrip(DeckContent deck) {
        ParsedImport back = ImportFormat.ANKI_PACKAGE.parser(AppJson.FILES).parse(Fixtures.written(ExportFormat.APKG.export(deck, NO_MEDIA, AppJson.MAPPER)),
                "round-trip.apkg", EN);
        assertFalse(back.rejected(), back.problems()::toString);
        assertEquals(0, back.skipped(), back.problems()::toString);
        return back;
    }

    private static DeckContent imported(ImportFormat format, byte[] data) {
        ParsedImport parsed = format.parser(AppJson.FILES).parse(data, "fixture", EN);
        assertFalse(parsed.rejected(), parsed.problems()::toString);
        return parsed.deck();
    }

    /** What an Anki note keeps of a flashcard: id, type, tags, language, prompt and answer. */
    private static List<String> comparable(DeckContent deck) {
        return deck.questions().stream().map(q -> String.join(" | ", q.externalId(), q.type().toString(),
                q.tags().toString(), q.originalLanguage(), Fixtures.text(q).prompt(), String.valueOf(Fixtures.text(q).answer()))).toList();
    }

    private static String plain(String markdown) {
        return org.jsoup.Jsoup.parse(io.demodeck.platform.MarkdownRenderer.toHtml(markdown)).text();
    }

    private static QuestionContent question(String id, String lang, List<String> tags) {
        var text = new QuestionContent.Text("Prompt of " + id, "The answer.", List.of("first point", "second point"),
                "Say it precisely.", null);
        return new QuestionContent(id, QuestionType.FLASHCARD, tags, List.of(), null, lang, null, null, null,
                Map.of(lang, text), List.of(), 0);
    }

    private static DeckContent withLinks(DeckContent deck, String markdown) {
        QuestionContent q = deck.questions().get(0);
        var t = q.texts().get(q.originalLanguage());
        var linked = new QuestionContent.Text(t.prompt() + "\n\n" + markdown, t.answer(), t.keyPoints(), t.accurateNote(),
                t.generalFeedback());
        List<QuestionContent> questions = new ArrayList<>(deck.questions());
        questions.set(0, new QuestionContent(q.externalId(), q.type(), q.tags(), q.demoIds(), q.source(), q.originalLanguage(),
                q.correctBoolean(), q.correctMin(), q.correctMax(), Map.of(q.originalLanguage(), linked), q.options(), q.line()));
        return new DeckContent("round-trip", deck.originalLanguage(), deck.source(), deck.texts(), questions);
    }
}

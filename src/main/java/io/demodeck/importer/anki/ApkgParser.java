package io.demodeck.importer.anki;

import io.demodeck.importer.ProblemCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demodeck.importer.DeckAssembler;
import io.demodeck.importer.ImportLog;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ImportParser;
import io.demodeck.importer.ImportText;
import io.demodeck.importer.ImportedHistory;
import io.demodeck.importer.MediaFile;
import io.demodeck.importer.ParsedImport;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Anki packages ({@code .apkg}, {@code .colpkg}): the {@code meta} entry first, then the modern zstd-compressed
 * {@code collection.anki21b} or the legacy {@code collection.anki21}/{@code collection.anki2} SQLite; note types
 * Basic, reversed and cloze; tags; decks; media. Problems name the note id. The review log ({@code revlog}) becomes
 * the uploader's answers on the imported questions ({@link ImportedHistory}) unless the instructor chose not to
 * keep it; Anki's own intervals and ease are not copied, the answers are replayed through FSRS instead.
 */
public final class ApkgParser implements ImportParser {

    private static final long MAX_COLLECTION_BYTES = 256L * 1024 * 1024;
    /** How far ahead of ours the clock of the device that answered may have been. */
    private static final Duration CLOCK_AHEAD = Duration.ofDays(1);
    /** About 15 s of grading in the import's transaction on a 2-core machine (bench/results/import.md: 10,000 in 1.5-2 s). */
    static final int MAX_HISTORY_ENTRIES = 100_000;

    private record NoteType(String name, List<String> fields, int templates, boolean cloze) {
    }

    /** A row of Anki's {@code cards}: which note, which of its cards (template or cloze ordinal), which deck. */
    private record AnkiCard(long note, int ordinal, long deck) {
    }

    /** Reads the collection's JSON columns (note types, decks, media map). */
    private final ObjectMapper json;

    /** @param json the application's mapper with the bounds of an import file ({@code JsonReadLimits.forFiles}) */
    public ApkgParser(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public ParsedImport parse(byte[] data, String fileName, ImportOptions options) {
        ImportLog log = new ImportLog();
        Map<String, byte[]> entries;
        try {
            entries = SafeZip.read(data, name -> name.equals("meta") || name.startsWith("collection.")
                    || name.equals("media") || name.matches("\\d{1,6}"));
        } catch (SafeZip.ZipProblem e) {
            log.error(e.where, e.code, e.args);
            return ParsedImport.rejected(log);
        }
        long version = 0;
        try {
            if (entries.containsKey("meta")) {
                version = Protobuf.firstVarint(entries.get("meta"), 1, 0);
            }
        } catch (IllegalArgumentException e) {
            log.warning("meta", ProblemCode.APKG_META_UNREADABLE);
        }
        boolean modern = version >= 3 || version == 0 && entries.containsKey("collection.anki21b");
        byte[] collection;
        String collectionEntry = modern && entries.containsKey("collection.anki21b") ? "collection.anki21b"
                : entries.containsKey("collection.anki21") ? "collection.anki21" : "collection.anki2";
        try {
            if (modern && entries.containsKey("collection.anki21b")) {
                collection = SafeZip.unzstd(entries.get("collection.anki21b"), MAX_COLLECTION_BYTES);
            } else if (entries.containsKey("collection.anki21")) {
                collection = entries.get("collection.anki21");
            } else if (entries.containsKey("collection.anki2")) {
                collection = entries.get("collection.anki2");
            } else {
                log.error("collection", ProblemCode.APKG_NO_COLLECTION);
                return ParsedImport.rejected(log);
            }
        } catch (SafeZip.ZipProblem e) {
            log.error("collection.anki21b", e.code, e.args);
            return ParsedImport.rejected(log);
        } catch (IOException | RuntimeException e) {
            log.error("collection.anki21b", ProblemCode.APKG_COLLECTION_UNCOMPRESSABLE, String.valueOf(e.getMessage()));
            return ParsedImport.rejected(log);
        }
        if (fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".colpkg")) {
            log.warning(0, ProblemCode.APKG_COLPKG_ONE_DECK);
        }
        Map<String, byte[]> mediaFiles = mediaByName(entries, modern, log);
        String deckId = options.deck() != null ? options.deck() : ImportText.deckIdFromFileName(fileName);
        Path tmp = null;
        try {
            tmp = Files.createTempFile("demodeck-anki-", ".sqlite");
            Files.write(tmp, collection);
            return read(tmp, deckId, fileName, options, mediaFiles, log);
        } catch (SQLException e) {
            log.error(collectionEntry, ProblemCode.APKG_NOT_A_DATABASE, sqliteReason(e));
            return ParsedImport.rejected(log);
        } catch (IOException e) {
            log.error(collectionEntry, ProblemCode.APKG_UNREADABLE, String.valueOf(e.getMessage()));
            return ParsedImport.rejected(log);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temp file is removed with the temp folder
                }
            }
        }
    }

    private ParsedImport read(Path db, String deckId, String fileName, ImportOptions options,
                              Map<String, byte[]> mediaFiles, ImportLog log) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement st = c.createStatement()) {
            boolean schema18 = exists(st, "notetypes");
            Map<Long, NoteType> types = schema18 ? noteTypes18(st, log) : noteTypes11(st, log);
            Map<Long, String> decks = schema18 ? decks18(st) : decks11(st);
            Map<Long, Long> deckOfNote = new HashMap<>();
            Map<Long, AnkiCard> cards = new HashMap<>();
            int studied = 0;
            try (ResultSet rs = st.executeQuery("select id, nid, ord, did, type, reps from cards order by nid, ord")) {
                while (rs.next()) {
                    cards.put(rs.getLong(1), new AnkiCard(rs.getLong(2), rs.getInt(3), rs.getLong(4)));
                    deckOfNote.putIfAbsent(rs.getLong(2), rs.getLong(4));
                    if (rs.getInt(5) > 0 || rs.getInt(6) > 0) {
                        studied++;
                    }
                }
            }
            StringBuilder sample = new StringBuilder();
            List<Note> notes = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select id, guid, mid, tags, flds from notes order by id")) {
                while (rs.next()) {
                    String flds = rs.getString("flds") == null ? "" : rs.getString("flds");
                    // a note DemoDeck exported comes back as the question it was made from
                    notes.add(new Note(rs.getLong("id"), DemoDeckGuid.questionId(rs.getString("guid")), rs.getLong("mid"),
                            rs.getString("tags"), flds));
                    if (sample.length() < 100_000) {
                        sample.append(flds).append('\n');
                    }
                }
            }
            DeckAssembler deck = new DeckAssembler(deckId, ImportText.language(options, sample.toString()),
                    ImportText.titleFromFileName(fileName), fileName, log);
            Map<String, MediaFile> stored = new LinkedHashMap<>();
            Set<String> missing = new HashSet<>();
            long[] mediaBytes = {0};
            Set<String> usedDecks = new java.util.LinkedHashSet<>();
            Map<Long, Map<Integer, String>> questionsOfNote = new HashMap<>();
            Map<Long, String> guidOfNote = new HashMap<>();
            for (Note n : notes) {
                long id = n.id();
                String ref = "note " + id;
                NoteType type = types.get(n.modelId());
                if (type == null) {
                    log.skip(ref, ProblemCode.APKG_NOTE_TYPE_MISSING, String.valueOf(n.modelId()));
                    continue;
                }
                List<String> fields = List.of(n.fields().split("\u001f", -1));
                List<String> tags = new ArrayList<>(AnkiNotes.splitTags(n.tags()));
                String deckName = decks.get(deckOfNote.get(id));
                if (deckName != null) {
                    usedDecks.add(deckName);
                }
                UnaryOperator<String> media = name -> {
                    byte[] bytes = mediaFiles.get(name);
                    if (bytes == null) {
                        if (missing.add(name)) {
                            log.warning(ref, ProblemCode.APKG_MEDIA_MISSING, name);
                        }
                        return null;
                    }
                    String storedName = MediaFile.storedName(name);
                    if (!stored.containsKey(storedName)) {
                        if (mediaBytes[0] + bytes.length > MediaFile.MAX_BYTES_PER_IMPORT) {
                            if (missing.add(name)) {
                                log.warning(ref, ProblemCode.MEDIA_OVER_BUDGET, name, MediaFile.MAX_BYTES_PER_IMPORT / (1024 * 1024));
                            }
                            return null;
                        }
                        mediaBytes[0] += bytes.length;
                        stored.put(storedName, new MediaFile(storedName, MediaFile.contentTypeOf(name), bytes));
                    }
                    return "/decks/" + deckId + "/media/" + URLEncoder.encode(storedName, StandardCharsets.UTF_8);
                };
                AnkiNotes.Kind kind = AnkiNotes.kindOf(type.name(), type.templates(), type.cloze());
                questionsOfNote.put(id, AnkiNotes.add(deck, log, kind, n.questionId(), fields, tags, media, 0, ref));
                guidOfNote.put(id, n.questionId());
            }
            if (usedDecks.size() == 1) {
                deck.title(usedDecks.iterator().next());
            } else if (usedDecks.stream().map(ApkgParser::topLevel).distinct().count() == 1) {
                // subdecks of one deck (a DemoDeck export files categories so): the deck's name
                deck.title(topLevel(usedDecks.iterator().next()));
            }
            ImportedHistory history = null;
            long historySize = options.keepsHistory() ? historySize(st) : 0;
            if (historySize > MAX_HISTORY_ENTRIES) {
                // one import is one transaction: a log this long would hold it for minutes
                log.warning("revlog", ProblemCode.APKG_REVLOG_TOO_LONG, historySize, MAX_HISTORY_ENTRIES);
                history = new ImportedHistory(List.of(), 0, 0, 0, 0);
            } else if (options.keepsHistory()) {
                history = history(st, cards, questionsOfNote, guidOfNote, decks, deckId, log);
                if (studied > 0 && history.entries() == 0) {
                    log.warning(0, ProblemCode.APKG_SCHEDULED_WITHOUT_REVLOG, studied);
                }
            } else if (studied > 0) {
                log.warning(0, ProblemCode.APKG_REVLOG_NOT_KEPT, studied);
            }
            return deck.build(new ArrayList<>(stored.values()), "notes", history);
        }
    }

    private static String topLevel(String deckName) {
        int sep = deckName.indexOf("::");
        return sep < 0 ? deckName : deckName.substring(0, sep);
    }

    /** Entries in the package's review log (0 without one). */
    private static long historySize(Statement st) throws SQLException {
        if (!exists(st, "revlog")) {
            return 0;
        }
        try (ResultSet rs = st.executeQuery("select count(*) from revlog")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * The review log as answers: Learn, Review, Relearn and Filtered entries with ease 1-4 (Again, Hard, Good,
     * Easy) are answers; Manual and Rescheduled entries (set due date, forget) and ease 0 are not. An entry's id is
     * the time of the answer in epoch milliseconds: one before 1970 or in the future (beyond a day of clock skew) is
     * no answer Anki recorded, and would break the grading's time arithmetic. Every entry left out is counted, and named per note in a warning.
     */
    private static ImportedHistory history(Statement st, Map<Long, AnkiCard> cards, Map<Long, Map<Integer, String>> questionsOfNote,
                                           Map<Long, String> guidOfNote, Map<Long, String> decks, String deckId,
                                           ImportLog log) throws SQLException {
        if (!exists(st, "revlog")) {
            return new ImportedHistory(List.of(), 0, 0, 0, 0);
        }
        List<ImportedHistory.Answer> answers = new ArrayList<>();
        int entries = 0;
        int manual = 0;
        int unmapped = 0;
        int invalid = 0;
        Map<String, int[]> leftOut = new LinkedHashMap<>(); // ref -> {manual, unmapped, invalid}
        long latest = Instant.now().plus(CLOCK_AHEAD).toEpochMilli();
        try (ResultSet rs = st.executeQuery("select id, cid, ease, time, type from revlog order by id")) {
            while (rs.next()) {
                entries++;
                long entryId = rs.getLong(1);
                AnkiCard card = cards.get(rs.getLong(2));
                int ease = rs.getInt(3);
                long millis = rs.getLong(4);
                int kind = rs.getInt(5);
                String ref = card == null ? "card " + rs.getLong(2) : "note " + card.note();
                if (kind == 4 || kind == 5 || ease == 0) {
                    manual++;
                    leftOut.computeIfAbsent(ref, r -> new int[3])[0]++;
                    continue;
                }
                if (kind < 0 || kind > 3 || ease < 1 || ease > 4 || entryId < 0 || entryId > latest) {
                    invalid++;
                    leftOut.computeIfAbsent(ref, r -> new int[3])[2]++;
                    continue;
                }
                String question = card == null ? null : questionsOfNote.getOrDefault(card.note(), Map.of()).get(card.ordinal());
                if (question == null) {
                    unmapped++;
                    leftOut.computeIfAbsent(ref, r -> new int[3])[1]++;
                    continue;
                }
                // the same entry imported into the same deck again gets the same id, so it is applied once
                UUID clientReviewId = UUID.nameUUIDFromBytes(("anki-revlog " + deckId + " " + guidOfNote.get(card.note())
                        + " " + card.ordinal() + " " + entryId).getBytes(StandardCharsets.UTF_8));
                answers.add(new ImportedHistory.Answer(question, ease, Instant.ofEpochMilli(entryId),
                        (int) Math.clamp(millis, 0, Integer.MAX_VALUE), clientReviewId, decks.get(card.deck()), ref));
            }
        }
        leftOut.forEach((ref, counts) -> {
            // one warning per kind of entry left out: each says its count in the page's words
            if (counts[0] > 0) {
                log.warning(ref, ProblemCode.REVLOG_MANUAL_LEFT_OUT, counts[0]);
            }
            if (counts[1] > 0) {
                log.warning(ref, ref.startsWith("card ") ? ProblemCode.REVLOG_CARD_MISSING
                        : ProblemCode.REVLOG_NO_QUESTION, counts[1]);
            }
            if (counts[2] > 0) {
                log.warning(ref, ProblemCode.REVLOG_INVALID_LEFT_OUT, counts[2]);
            }
        });
        return new ImportedHistory(answers, entries, manual, unmapped, invalid);
    }

    /** SQLite's own words ("file is not a database", "no such table: notes") without the driver's code prefix. */
    private static String sqliteReason(SQLException e) {
        String m = e.getMessage() == null ? "unreadable" : e.getMessage();
        java.util.regex.Matcher specific = java.util.regex.Pattern.compile("^\\[SQLITE_\\w+][^(]*\\((.+)\\)\\s*$").matcher(m);
        return specific.matches() ? specific.group(1) : m.replaceFirst("^\\[SQLITE_\\w+]\\s*", "");
    }

    private static boolean exists(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("select count(*) from sqlite_master where type = 'table' and name = '" + table + "'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    private Map<Long, NoteType> noteTypes11(Statement st, ImportLog log) throws SQLException {
        Map<Long, NoteType> types = new HashMap<>();
        try (ResultSet rs = st.executeQuery("select models from col")) {
            if (!rs.next()) {
                return types;
            }
            JsonNode models = json.readTree(rs.getString(1));
            models.properties().forEach(e -> {
                JsonNode m = e.getValue();
                List<String> fields = new ArrayList<>();
                m.path("flds").forEach(f -> fields.add(f.path("name").asText()));
                types.put(Long.parseLong(e.getKey()), new NoteType(m.path("name").asText(), fields,
                        m.path("tmpls").size(), m.path("type").asInt() == 1));
            });
        } catch (IOException | RuntimeException e) {
            log.error("col.models", ProblemCode.APKG_NOTE_TYPES_UNREADABLE, String.valueOf(e.getMessage()));
        }
        return types;
    }

    private static Map<Long, NoteType> noteTypes18(Statement st, ImportLog log) throws SQLException {
        Map<Long, List<String>> fields = new HashMap<>();
        try (ResultSet rs = st.executeQuery("select ntid, name from fields order by ntid, ord")) {
            while (rs.next()) {
                fields.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        Map<Long, Integer> templates = new HashMap<>();
        try (ResultSet rs = st.executeQuery("select ntid, count(*) from templates group by ntid")) {
            while (rs.next()) {
                templates.put(rs.getLong(1), rs.getInt(2));
            }
        }
        Map<Long, NoteType> types = new HashMap<>();
        try (ResultSet rs = st.executeQuery("select id, name, config from notetypes")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                byte[] config = rs.getBytes(3);
                long kind = 0;
                try {
                    kind = config == null ? 0 : Protobuf.firstVarint(config, 1, 0);
                } catch (IllegalArgumentException e) {
                    log.warning("notetype " + id, ProblemCode.APKG_NOTE_TYPE_SETTINGS_UNREADABLE);
                }
                if (kind > 1) {
                    log.warning("notetype " + id, ProblemCode.APKG_NOTE_TYPE_KIND, String.valueOf(rs.getString(2)), kind);
                }
                types.put(id, new NoteType(rs.getString(2), fields.getOrDefault(id, List.of()),
                        templates.getOrDefault(id, 1), kind == 1));
            }
        }
        return types;
    }

    private Map<Long, String> decks11(Statement st) throws SQLException {
        Map<Long, String> decks = new HashMap<>();
        try (ResultSet rs = st.executeQuery("select decks from col")) {
            if (rs.next() && rs.getString(1) != null && !rs.getString(1).isBlank()) {
                json.readTree(rs.getString(1)).properties().forEach(e ->
                        decks.put(Long.parseLong(e.getKey()), deckName(e.getValue().path("name").asText())));
            }
        } catch (IOException | RuntimeException e) {
            // deck names only title the import and the history's counts per deck
        }
        return decks;
    }

    private static Map<Long, String> decks18(Statement st) throws SQLException {
        Map<Long, String> decks = new HashMap<>();
        try (ResultSet rs = st.executeQuery("select id, name from decks")) {
            while (rs.next()) {
                // deck names only title the import and the history's counts per deck: a missing one is skipped
                if (rs.getString(2) != null) {
                    decks.put(rs.getLong(1), deckName(rs.getString(2)));
                }
            }
        }
        return decks;
    }

    /**
     * A deck's name as the report shows it: Anki's level separator as {@code ::}, without NUL, which the audit
     * record (jsonb) cannot hold.
     */
    private static String deckName(String name) {
        return name.replace("\u001f", "::").replace("\u0000", "");
    }

    /** Media by original file name: legacy JSON map {"0": "foo.wav"}, or the modern zstd protobuf list. */
    private Map<String, byte[]> mediaByName(Map<String, byte[]> entries, boolean modern, ImportLog log) {
        Map<String, byte[]> byName = new HashMap<>();
        byte[] list = entries.get("media");
        if (list == null) {
            return byName;
        }
        try {
            if (modern) {
                byte[] raw = SafeZip.unzstd(list, 16L * 1024 * 1024);
                int index = 0;
                for (Protobuf.Field entry : Protobuf.fields(raw)) {
                    if (entry.number() != 1 || entry.bytes() == null) {
                        continue;
                    }
                    String name = null;
                    for (Protobuf.Field f : Protobuf.fields(entry.bytes())) {
                        if (f.number() == 1 && f.bytes() != null) {
                            name = Protobuf.string(f.bytes());
                        }
                    }
                    byte[] file = entries.get(String.valueOf(index));
                    if (name != null && file != null) {
                        byName.put(name, SafeZip.unzstd(file, MediaFile.MAX_BYTES_PER_IMPORT));
                    }
                    index++;
                }
            } else {
                json.readTree(list).properties().forEach(e -> {
                    byte[] file = entries.get(e.getKey());
                    if (file != null) {
                        byName.put(e.getValue().asText(), file);
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            log.warning("media", ProblemCode.APKG_MEDIA_LIST_UNREADABLE);
        }
        return byName;
    }

    /** A row of the package's notes table; {@code questionId} is the DemoDeck question a DemoDeck export made it from. */
    private record Note(long id, String questionId, long modelId, String tags, String fields) {
    }
}
